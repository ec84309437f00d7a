import {useCallback, useEffect, useRef, type Dispatch} from 'react';
import type {HomeData, RefreshProgress} from './home-data.js';
import type {HomeAction} from './use-home-state.js';

/** The lists are read again at most this often while a refresh goes on (500 blogs answering one by one). */
const rereadEveryMs = 500;
/** The progress line is drawn at most this often: 500 blogs failing at once would be 500 frames, and keys wait behind them. */
const progressEveryMs = 100;

export type RefreshOptions = {
	readonly refresh: HomeData['refresh'];
	readonly dispatch: Dispatch<HomeAction>;
	/** Refresh once the first frame is up. */
	readonly onStart: boolean;
	/** Refresh every this many minutes while open (0: never). */
	readonly everyMinutes: number;
	/** Something was stored: read the lists again. */
	readonly onChanged: () => void;
};

/**
 * Refreshes every followed blog in the background: on start, when asked (`r`), and every N minutes.
 * One refresh at a time; the screen shows what is stored meanwhile and reads it again as blogs answer.
 */
export function useRefresh({refresh, dispatch, onStart, everyMinutes, onChanged}: RefreshOptions): () => void {
	const running = useRef<AbortController | undefined>(undefined);
	const changed = useRef(onChanged);
	useEffect(() => {
		changed.current = onChanged;
	}, [onChanged]);

	const start = useCallback(() => {
		if (running.current) return;
		const abort = new AbortController();
		running.current = abort;
		dispatch({type: 'refresh-started'});
		let lastReread = Date.now();
		let latest: RefreshProgress | undefined;
		let drawing: NodeJS.Timeout | undefined;
		const draw = () => {
			drawing = undefined;
			if (abort.signal.aborted || !latest) return;
			dispatch({type: 'refresh-progress', progress: latest});
			const now = Date.now();
			if (now - lastReread >= rereadEveryMs) {
				lastReread = now;
				changed.current();
			}
		};
		refresh(progress => {
			latest = progress;
			drawing ??= setTimeout(draw, progressEveryMs);
		}, abort.signal).then(
			progress => {
				if (abort.signal.aborted) return;
				dispatch({type: 'refresh-done', progress});
			},
			() => {
				// Each blog's failure is kept with the blog; a refresh that fails as a whole leaves the lists as they were.
				if (!abort.signal.aborted) dispatch({type: 'refresh-done', progress: undefined});
			},
		).finally(() => {
			clearTimeout(drawing);
			if (running.current === abort) running.current = undefined;
			if (!abort.signal.aborted) changed.current();
		});
	}, [refresh, dispatch]);

	useEffect(() => {
		// After the first frame: what is stored shows at once.
		const first = onStart ? setTimeout(start, 0) : undefined;
		const every = everyMinutes > 0 ? setInterval(start, everyMinutes * 60_000) : undefined;
		return () => {
			clearTimeout(first);
			clearInterval(every);
			running.current?.abort();
			running.current = undefined;
		};
	}, [start, onStart, everyMinutes]);

	return start;
}
