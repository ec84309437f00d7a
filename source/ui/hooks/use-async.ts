import {useCallback, useEffect, useRef, useState} from 'react';
import {BlogError} from '../../sources/errors.js';

export type AsyncState<T> =
	| {readonly status: 'loading'}
	| {readonly status: 'done'; readonly value: T}
	| {readonly status: 'error'; readonly error: BlogError};

export type AsyncResult<T> = AsyncState<T> & {
	/** Runs the load again (the "r to retry" key). */
	readonly retry: () => void;
	/** Cancels a load in progress (Esc); it ends as a 'cancelled' error. */
	readonly cancel: () => void;
};

/** Errors a screen can explain: anything else becomes a BlogError with the message in words. */
export function asBlogError(error: unknown): BlogError {
	if (error instanceof BlogError) return error;
	return new BlogError('unreadable', error instanceof Error ? error.message : String(error), {cause: error});
}

/**
 * Runs `load` whenever `key` changes, with an AbortSignal that is aborted when the key changes,
 * the component goes away, or the user cancels. Undefined key: nothing to load.
 */
export function useAsync<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): AsyncResult<T> {
	const [state, setState] = useState<AsyncState<T>>({status: 'loading'});
	const [attempt, setAttempt] = useState(0);
	const controller = useRef<AbortController | undefined>(undefined);
	const loadRef = useRef(load);
	loadRef.current = load;

	useEffect(() => {
		if (key === undefined) return;
		const abort = new AbortController();
		controller.current = abort;
		setState({status: 'loading'});
		loadRef.current(abort.signal).then(
			value => {
				if (!abort.signal.aborted) setState({status: 'done', value});
			},
			(error: unknown) => {
				if (abort.signal.aborted && controller.current !== abort) return;
				setState({status: 'error', error: abort.signal.aborted ? new BlogError('cancelled', 'Cancelled.') : asBlogError(error)});
			},
		);
		return () => {
			controller.current = undefined;
			abort.abort();
		};
	}, [key, attempt]);

	const retry = useCallback(() => setAttempt(value => value + 1), []);
	const cancel = useCallback(() => {
		const current = controller.current;
		if (!current) return;
		controller.current = undefined;
		current.abort();
		setState({status: 'error', error: new BlogError('cancelled', 'Cancelled. Press r to try again.')});
	}, []);
	return {...state, retry, cancel};
}
