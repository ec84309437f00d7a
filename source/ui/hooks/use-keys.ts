import {useInput, type Key} from 'ink';
import {useCallback, useRef} from 'react';

/**
 * `useInput`, but the keys always reach the handler of the latest render. useInput re-subscribes in an
 * effect, which runs a moment after the frame is drawn: a key typed in that moment would otherwise see
 * the state before it (a list still "loading" although it is on screen).
 */
export function useKeys(handler: (input: string, key: Key) => void, options: {isActive?: boolean} = {}): void {
	const latest = useRef(handler);
	latest.current = handler;
	const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
	useInput(stable, options);
}
