import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {isBlogError} from '../../errors.js';
import {postWithArticle, type Article} from '../../full-text/article.js';
import type {FullTextReader, FullTextStore} from '../../full-text/full-text-store.js';
import {isLocked, type Post} from '../../model/post.js';
import {cleanLine} from '../../render/sanitize.js';

/** What the reader needs to show posts whole (issue 23): how to read a page, where articles are kept, whose they are. */
export type FullTextContext = {
	readonly read: FullTextReader;
	readonly store: FullTextStore;
	/** The blog's site key: articles and the per-blog setting are kept by it. */
	readonly siteKey: string;
};

type FullTextState =
	| {readonly status: 'idle'}
	| {readonly status: 'loading'}
	| {readonly status: 'done'; readonly article: Article}
	/** Why the page gave no article, in words (said above the summary, which stays). */
	| {readonly status: 'failed'; readonly message: string};

export type FullText = {
	/** The post as shown: with the article in place of its summary once read (else the post itself). */
	readonly shown: Post | undefined;
	/** The post's page is being read. */
	readonly loading: boolean;
	/** Why the post's page gave no article, when F was pressed and it did not: a sentence ending "The summary stays." */
	readonly failure: string | undefined;
	/** `F`: reads the post's page; says why not when it cannot (a line for the status bar), or undefined. */
	readonly request: () => string | undefined;
};

/** The line said while the page is read. */
export const readingPageMessage = 'Reading the post\'s page…';

/**
 * A summary-only post's article, read from its page on `F` (or at once when the blog is set so), kept in
 * the store so that it shows at once the next time, offline too. A page with no article, or one that
 * cannot be read, leaves the summary: `onMessage` says why, in words.
 */
export function useFullText(post: Post | undefined, context: FullTextContext | undefined, onMessage: (message: string | undefined) => void, atOnce = false): FullText {
	const postKey = post ? String(post.id) : undefined;
	const kept = useMemo(() => (post && context?.store.article(context.siteKey, post.id)) || undefined, [post, context]);
	const [state, setState] = useState<FullTextState & {readonly key?: string}>({status: 'idle'});
	const running = useRef<{readonly key: string; readonly abort: AbortController} | undefined>(undefined);
	const onMessageRef = useRef(onMessage);
	useEffect(() => {
		onMessageRef.current = onMessage;
	});
	// Another post, or the screen goes: the page being read is no longer wanted.
	// (Only what was started for that post: a cleanup may run after F was pressed on the next one.)
	useEffect(() => () => {
		if (running.current?.key === postKey) running.current?.abort.abort();
	}, [postKey]);

	const start = useCallback((target: Post) => {
		if (!context) return;
		running.current?.abort.abort();
		const abort = new AbortController();
		const key = String(target.id);
		running.current = {key, abort};
		setState({status: 'loading', key});
		onMessageRef.current(readingPageMessage);
		context.read(target.link, {signal: abort.signal, summary: target.excerpt}).then(result => {
			if (abort.signal.aborted) return;
			if (result.kind === 'article') {
				context.store.keep(context.siteKey, target.id, result.article);
				setState({status: 'done', key, article: result.article});
				onMessageRef.current(undefined);
			} else {
				const message = `${cleanLine(result.message)} The summary stays.`;
				setState({status: 'failed', key, message});
				onMessageRef.current(message);
			}
		}, (error: unknown) => {
			if (abort.signal.aborted) return;
			if (isBlogError(error) && error.kind === 'cancelled') {
				setState({status: 'idle'});
				return onMessageRef.current(undefined);
			}
			const message = `${cleanLine(isBlogError(error) ? error.message : 'The post\'s page could not be read.')} The summary stays.`;
			setState({status: 'failed', key, message});
			onMessageRef.current(message);
		});
	}, [context]);

	const wanted = post !== undefined && post.isSummaryOnly && !isLocked(post) && post.link !== '';
	// The blog is set to show every summary-only post whole: read at once, unless the article is kept.
	const automatic = wanted && !kept && (atOnce || context?.store.isAutomatic(context.siteKey) === true);
	useEffect(() => {
		// Reading the page is what this effect is for: it says so (loading) as it starts, as F does.
		// eslint-disable-next-line react-hooks/set-state-in-effect
		if (automatic && post) start(post);
		// Once per post: `post` changes object when the blog answers again, with the same post.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [automatic, postKey, start]);

	const current = state.key === postKey ? state : {status: 'idle' as const};
	const article = current.status === 'done' ? current.article : kept;
	const shown = useMemo(() => (post && article && post.isSummaryOnly ? postWithArticle(post, article) : post), [post, article]);
	const request = () => {
		if (!context) return 'Full text cannot be read here.';
		if (!post || current.status === 'loading') return undefined;
		if (article) return 'This is the whole article, read from the post\'s page.';
		if (isLocked(post)) return 'This post is password protected: its text shows once its password is given.';
		if (!post.isSummaryOnly) return 'This post is whole already: its blog gives all of it.';
		if (post.link === '') return 'This post has no page of its own to read.';
		start(post);
		return undefined;
	};
	return {shown, loading: current.status === 'loading', failure: current.status === 'failed' ? current.message : undefined, request};
}
