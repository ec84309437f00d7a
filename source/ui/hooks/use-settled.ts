import {useEffect, useState} from 'react';

/**
 * `value` once it has stayed the same for `ms`: what a terminal's size settles at while a window is
 * dragged (a resize event every few milliseconds), so that what costs a request follows the size it ends
 * at, not each step. The first value at once.
 */
export function useSettled<T>(value: T, ms: number): T {
	const [settled, setSettled] = useState(value);
	useEffect(() => {
		if (Object.is(value, settled)) return;
		const timer = setTimeout(() => setSettled(value), ms);
		return () => clearTimeout(timer);
	}, [value, settled, ms]);
	return settled;
}
