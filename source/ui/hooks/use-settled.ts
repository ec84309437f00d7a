import {useLayoutEffect, useState} from 'react';

/**
 * `value` once it has stayed the same for `ms`: what a terminal's size settles at while a window is
 * dragged (a resize event every few milliseconds), so that what costs a request follows the size it ends
 * at, not each step. The first value at once.
 *
 * The clock starts when the frame with `value` is committed, and stops when the next value's is: a layout
 * effect, run within React's commit. A passive effect (useEffect) runs in a later task of React's scheduler,
 * after the event loop's timers: a frame that took over 150 ms to draw (a busy machine) let the timer of
 * the size before it fire first, and a size the window had left was asked for.
 */
export function useSettled<T>(value: T, ms: number): T {
	const [settled, setSettled] = useState(value);
	useLayoutEffect(() => {
		if (Object.is(value, settled)) return;
		const timer = setTimeout(() => setSettled(value), ms);
		return () => clearTimeout(timer);
	}, [value, settled, ms]);
	return settled;
}
