import {useInput, type Key} from 'ink';
import {useCallback, useLayoutEffect, useRef} from 'react';

type InputHandler = (input: string, key: Key) => void;

/*
Ink's useInput subscribes the handler in a passive effect, which React may run a while after the frame
is on screen; a key pressed in between reaches the previous handler and sees the previous state (r on
a thread that has just loaded would find it still loading). Here one stable handler is subscribed once,
and it calls the handler of the latest render, updated in a layout effect, in the same commit as the frame.
*/

/** useInput whose handler always sees what is on screen. */
export function useLatestInput(handler: InputHandler, options: {readonly isActive?: boolean} = {}): void {
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = handler;
	});
	const stable = useCallback<InputHandler>((input, key) => latest.current(input, key), []);
	useInput(stable, {isActive: options.isActive});
}
