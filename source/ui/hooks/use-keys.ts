import {useInput, type Key} from 'ink';
import {useCallback, useLayoutEffect, useRef} from 'react';

type KeyHandler = (input: string, key: Key) => void;

/**
 * `useInput` whose handler always sees what is on screen. Ink's useInput subscribes the handler in a
 * passive effect, which React may run a while after the frame is drawn; a key pressed in between would
 * reach the previous handler and see the previous state (a list still "loading" although it is shown).
 * Here one stable handler is subscribed, and it calls the latest render's handler, set in a layout
 * effect, in the same commit as the frame.
 */
export function useKeys(handler: KeyHandler, options: {readonly isActive?: boolean} = {}): void {
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = handler;
	});
	const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
	useInput(stable, {isActive: options.isActive});
}
