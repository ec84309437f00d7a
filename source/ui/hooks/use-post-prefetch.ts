import {useCallback, useEffect, useMemo, useRef} from 'react';
import type {Post, PostId, PostSummary} from '../../model/post.js';
import type {BlogSource} from '../../sources/blog-source.js';

/** A post's fetch ahead of Enter, still on its way; whoever waits for it may cancel it (Esc). */
export type PostFetchAhead = {readonly promise: Promise<Post>; readonly cancel: () => void};

/** How long a post fetched ahead stays fresh enough to show without asking again. */
const freshForMs = 60_000;

/**
 * Fetches the post highlighted on the list ahead of Enter, so that the first frame after Enter is
 * the post itself. One fetch at a time: moving the highlight cancels the one before.
 */
export function usePostPrefetch(source: BlogSource) {
	const ready = useRef(new Map<string, {post: Post; at: number}>());
	const pending = useRef<PostFetchAhead & {id: string} | undefined>(undefined);
	const inFlight = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => inFlight.current?.abort(), []);
	useEffect(() => {
		ready.current.clear();
	}, [source]);

	const fetchAhead = useCallback((summary: PostSummary) => {
		const id = String(summary.id);
		const kept = ready.current.get(id);
		if (kept && Date.now() - kept.at < freshForMs) return;
		inFlight.current?.abort();
		const controller = new AbortController();
		inFlight.current = controller;
		const promise = source.fetchPost({kind: 'id', id: summary.id}, {signal: controller.signal});
		pending.current = {id, promise, cancel: () => controller.abort()};
		promise.then(
			post => {
				if (pending.current?.promise === promise) pending.current = undefined;
				if (controller.signal.aborted) return;
				ready.current.set(id, {post, at: Date.now()});
				// Keep a handful: the list shows ten at a time.
				if (ready.current.size > 10) ready.current.delete(ready.current.keys().next().value!);
			},
			() => {}, // Only ahead of time: opening the post will ask again and say what went wrong.
		);
	}, [source]);

	/** The post fetched ahead, if it is there and fresh; it is shown once, then loaded as usual. */
	const take = useCallback((id: PostId): Post | undefined => {
		const kept = ready.current.get(String(id));
		return kept && Date.now() - kept.at < freshForMs ? kept.post : undefined;
	}, []);

	/** The fetch of this post still on its way, to wait for instead of asking the blog a second time. */
	const inFlightFor = useCallback((id: PostId): PostFetchAhead | undefined => {
		const current = pending.current;
		return current?.id === String(id) && !inFlight.current?.signal.aborted ? current : undefined;
	}, []);

	return useMemo(() => ({fetchAhead, take, inFlightFor}), [fetchAhead, take, inFlightFor]);
}
