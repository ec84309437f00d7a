import {useCallback, useEffect, useRef, useState} from 'react';
import {isBlogError} from '../../errors.js';
import type {FullTextReader} from '../../full-text/full-text-store.js';
import type {Post} from '../../model/post.js';
import {displayUrl} from '../../render/link-url.js';
import {cleanLine} from '../../render/sanitize.js';
import {initialPostViewState, postViewReducer, topFor, type PostViewLayout, type PostViewState} from './use-post-view-state.js';

/** A page a link of the post leads to, read as an article: shown in the post's place until Esc. */
export type LinkArticle = {
	/** The article as a post to lay out (no comments, no neighbours), or undefined when none is shown. */
	readonly post: Post | undefined;
	/** The article's first line on screen as `layout` lays it out, not clamped (its own: the post keeps its place for Esc). */
	readonly topIn: (layout: PostViewLayout) => number;
	readonly loading: boolean;
	/** Reads the page at `url`. */
	readonly open: (url: string) => void;
	readonly close: () => void;
	/** Moves the article by some lines, or to a line (0 top, 'end' bottom), within the lines `layout` has. */
	readonly scroll: (move: {readonly by: number} | {readonly to: number | 'end'}, layout: PostViewLayout) => void;
};

/** The line said while a linked page is read. */
export const readingLinkMessage = 'Reading the page…';

/**
 * `a N Enter`: link N read as an article, in the reader rather than the browser (`o` then opens it there).
 * A page with no article, or one that cannot be read, is said in the status line; the post stays.
 */
export function useLinkArticle(read: FullTextReader | undefined, onMessage: (message: string | undefined) => void): LinkArticle {
	const [state, setState] = useState<{readonly post?: Post; readonly loading: boolean}>({loading: false});
	// Where the article is read, kept as the post's place is: by its text, through a resize.
	const [view, setView] = useState<PostViewState>(initialPostViewState);
	const running = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => running.current?.abort(), []);
	const onMessageRef = useRef(onMessage);
	useEffect(() => {
		onMessageRef.current = onMessage;
	});
	const open = useCallback((url: string) => {
		if (!read) return onMessageRef.current('Pages cannot be read as articles here.');
		running.current?.abort();
		const abort = new AbortController();
		running.current = abort;
		setState({loading: true});
		onMessageRef.current(readingLinkMessage);
		read(url, {signal: abort.signal, what: 'The page'}).then(result => {
			if (abort.signal.aborted) return;
			if (result.kind === 'article') {
				const {article} = result;
				setView(initialPostViewState);
				setState({loading: false, post: articlePost(article.url, article.title, article.html)});
				onMessageRef.current(undefined);
			} else {
				setState({loading: false});
				onMessageRef.current(`${cleanLine(result.message)} f opens it in the browser.`);
			}
		}, (error: unknown) => {
			if (abort.signal.aborted) return;
			setState({loading: false});
			onMessageRef.current(isBlogError(error) && error.kind === 'cancelled' ? undefined : cleanLine(isBlogError(error) ? error.message : 'The page could not be read.'));
		});
	}, [read]);
	const close = useCallback(() => {
		running.current?.abort();
		setState({loading: false});
		onMessageRef.current(undefined);
	}, []);
	const scroll = useCallback((move: {readonly by: number} | {readonly to: number | 'end'}, layout: PostViewLayout) => {
		setView(current => postViewReducer(current, {type: 'scroll', ...move, layout}));
	}, []);
	const topIn = useCallback((layout: PostViewLayout) => topFor(view, layout), [view]);
	return {post: state.post, topIn, loading: state.loading, open, close, scroll};
}

/** A page's article as a post to lay out: its title (or its address), no byline, no comments. */
function articlePost(url: string, title: string, html: string): Post {
	return {
		id: url,
		title: title || displayUrl(url),
		link: url,
		date: undefined,
		author: '',
		commentCount: undefined,
		excerpt: '',
		categories: [],
		tags: [],
		html,
		isSummaryOnly: false,
		commentsOpen: false,
	};
}
