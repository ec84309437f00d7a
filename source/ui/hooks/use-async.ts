import {isDeepStrictEqual} from 'node:util';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {BlogError} from '../../errors.js';
import {cleanLine} from '../../render/sanitize.js';

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
	// A message that did not come from a source may carry text from the network: clean it.
	return new BlogError('unreadable', cleanLine(error instanceof Error ? error.message : String(error)), {cause: error});
}

/**
 * Runs `load` whenever `key` changes, with an AbortSignal that is aborted when the key changes,
 * the component goes away, or the user cancels. Undefined key: nothing to load. With `initial` (what
 * was loaded before, for this first key), that is shown at once and not loaded again.
 */
export function useAsync<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>, options: {readonly initial?: T} = {}): AsyncResult<T> {
	const [state, setState] = useState<AsyncState<T>>(() => (options.initial === undefined ? {status: 'loading'} : {status: 'done', value: options.initial}));
	// What was loaded before (a screen shown again): the first run for that key has nothing to load.
	const skipKey = useRef(options.initial === undefined ? undefined : key);
	const [attempt, setAttempt] = useState(0);
	const controller = useRef<AbortController | undefined>(undefined);
	// The latest `load`, for a run the key starts: kept once the render is committed (a render React throws away changes nothing).
	const loadRef = useRef(load);
	useLayoutEffect(() => {
		loadRef.current = load;
	});

	useEffect(() => {
		if (key === undefined) return;
		if (skipKey.current !== undefined) {
			const skip = skipKey.current === key && attempt === 0;
			skipKey.current = undefined;
			if (skip) return;
		}
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
		setState({status: 'error', error: new BlogError('cancelled', 'Cancelled.')});
	}, []);
	// The same object until the load changes, so what screens derive from it is not derived again on every key.
	return useMemo(() => ({...state, retry, cancel}), [state, retry, cancel]);
}

const loading: AsyncState<never> = {status: 'loading'};

/** What a refreshing load is asked for: first the copy kept on disk, then (without it) the blog's answer. */
export type RefreshingLoadOptions = {readonly cacheFirst?: boolean};

/** What a refreshing load gives: it says itself when it came from the copy on disk (a post, a page, a source). */
export type MaybeFromCache = {readonly fromCache?: boolean};

/** Whether a refreshed answer is the one shown, whichever of them came from disk: isDeepStrictEqual without the mark. */
export function isSameAnswer<T extends MaybeFromCache>(shown: T, refreshed: T): boolean {
	return isDeepStrictEqual({...shown, fromCache: undefined}, {...refreshed, fromCache: undefined});
}

export type RefreshingResult<T> = AsyncResult<T> & {
	/** A value is shown and a fresher one is being asked for ("updating…"). */
	readonly refreshing: boolean;
	/** The last ask for a fresher value failed: the value shown is what was kept ("not updated"). */
	readonly refreshFailed: boolean;
};

export type RefreshingOptions<T> = {
	/** When this changes with the key unchanged (a new source), what is shown is refreshed in the background. */
	readonly revision?: unknown;
	/** When the refreshed value is the same as the one shown, the one shown is kept (the same object: nothing re-derives). */
	readonly isSame?: (shown: T, refreshed: T) => boolean;
	/** A value fetched just now, ahead of time: shown in the first frame, not loaded again. */
	readonly initial?: T;
};

type Shown<T> = {readonly key: string; readonly attempt: number; readonly value: T};

/**
 * Like useAsync, but shows what was read before at once: runs `load(signal, {cacheFirst: true})`,
 * shows its value, then, when it says it came from the copy on disk (`fromCache`), runs `load(signal, {})` in the
 * background and shows that when it arrives. A refresh that fails (offline: the sources mark their
 * answers `offlineSavedAt` then) leaves the first value on screen. `retry` on a value shown refreshes it.
 */
export function useRefreshingAsync<T extends MaybeFromCache>(key: string | undefined, load: (signal: AbortSignal, options: RefreshingLoadOptions) => Promise<T>, options: RefreshingOptions<T> = {}): RefreshingResult<T> {
	// With the key it is for: the render in which the key changes (the list's next page) is loading, not the last key's
	// value (a key typed right after `]` would act on the page before).
	const [keyedState, setKeyedState] = useState<{readonly key: string | undefined; readonly state: AsyncState<T>}>(() => ({key, state: options.initial === undefined ? {status: 'loading'} : {status: 'done', value: options.initial}}));
	const state: AsyncState<T> = keyedState.key === key ? keyedState.state : loading;
	const [refreshing, setRefreshing] = useState(false);
	const [refreshFailed, setRefreshFailed] = useState(false);
	const [attempt, setAttempt] = useState(0);
	const [refreshes, setRefreshes] = useState(0);
	const controller = useRef<AbortController | undefined>(undefined);
	const shown = useRef<Shown<T> | undefined>(key !== undefined && options.initial !== undefined ? {key, attempt: 0, value: options.initial} : undefined);
	// What came ahead of time is fresh: the first run of the effect has nothing to load.
	const skipFirstRun = useRef(options.initial !== undefined);
	// The latest `load` and `isSame`, kept once the render is committed (layout effects run before the effect below).
	const loadRef = useRef(load);
	const isSameRef = useRef(options.isSame);
	useLayoutEffect(() => {
		loadRef.current = load;
		isSameRef.current = options.isSame;
	});

	useEffect(() => {
		if (key === undefined) return;
		if (skipFirstRun.current) {
			skipFirstRun.current = false;
			return;
		}
		const abort = new AbortController();
		controller.current = abort;
		const setState = (next: AsyncState<T>) => setKeyedState({key, state: next});
		const show = (value: T) => {
			shown.current = {key, attempt, value};
			setState({status: 'done', value});
		};
		const refresh = () => {
			setRefreshing(true);
			loadRef.current(abort.signal, {}).then(
				value => {
					if (abort.signal.aborted) return;
					const before = shown.current;
					if (!before || !isSameRef.current?.(before.value, value)) show(value);
					setRefreshing(false);
					setRefreshFailed(false);
				},
				() => {
					// What was shown stays: offline, the sources have said so on what they gave.
					if (abort.signal.aborted) return;
					setRefreshing(false);
					setRefreshFailed(true);
				},
			);
		};
		const current = shown.current;
		if (current?.key === key && current.attempt === attempt) {
			refresh();
		} else {
			shown.current = undefined;
			setState({status: 'loading'});
			setRefreshing(false);
			setRefreshFailed(false);
			loadRef.current(abort.signal, {cacheFirst: true}).then(
				value => {
					if (abort.signal.aborted) return;
					show(value);
					// Something came from disk: ask the blog again, in the background.
					if (value.fromCache) refresh();
				},
				(error: unknown) => {
					if (abort.signal.aborted && controller.current !== abort) return;
					setState({status: 'error', error: abort.signal.aborted ? new BlogError('cancelled', 'Cancelled.') : asBlogError(error)});
				},
			);
		}
		return () => {
			controller.current = undefined;
			abort.abort();
		};
	}, [key, attempt, refreshes, options.revision]);

	// What is shown, for the keys: kept once the render is committed.
	const stateRef = useRef(state);
	useLayoutEffect(() => {
		stateRef.current = state;
	});
	const retry = useCallback(() => {
		if (stateRef.current.status === 'done') setRefreshes(value => value + 1);
		else setAttempt(value => value + 1);
	}, []);
	const cancel = useCallback(() => {
		const current = controller.current;
		if (!current) return;
		controller.current = undefined;
		current.abort();
		if (stateRef.current.status === 'done') setRefreshing(false);
		else setKeyedState(before => ({...before, state: {status: 'error', error: new BlogError('cancelled', 'Cancelled.')}}));
	}, []);
	return useMemo(() => ({...state, refreshing, refreshFailed, retry, cancel}), [state, refreshing, refreshFailed, retry, cancel]);
}
