import {useKeys, useMouse, type KeyResult} from '../hooks/use-keys.js';
import {postClickAt} from './post-click.js';
import {Box, Text, useIsScreenReaderEnabled, useStdout, type DOMElement} from 'ink';
import {useScreenReaderCursor} from '../screen-reader/cursor-target.js';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {isLocked, postRefKey, type Post, type PostId, type PostNeighbours, type PostRef} from '../../model/post.js';
import {useUnlock, type UnlockState} from './use-unlock.js';
import type {RelatedPost} from '../../model/related.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {hostOf} from '../../http/client.js';
import {offlineNote} from '../../store/cache.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import {layoutNeighbours, layoutPostBodyInSlices, layoutPostBodyWithLinks, layoutPostHead, postColumns, type PostBody} from '../../render/post-layout.js';
import {linkUrlsOf} from '../../render/ansi.js';
import {copyLink, type ClipboardWriter} from '../../platform/clipboard.js';
import {displayUrl} from '../../render/link-url.js';
import {followLink, inPageFragment, movedToFragment} from './follow-link.js';
import type {StyledLine} from '../../render/styled-line.js';
import {joinLineOffsets, lineOfPlace, noLineOffsets, placeOfLine, plainLineOffsets, uncountedLineOffsets, type LineOffsets, type TextPlace} from '../../render/line-offsets.js';
import {wrapPlainText} from '../../render/wrap.js';
import {openUrl} from '../../platform/open-url.js';
import {ErrorBox} from '../components/error-box.js';
import {LoadingLine} from '../components/loading-line.js';
import {StyledLines} from '../components/styled-lines.js';
import {isSameAnswer, useAsync, useRefreshingAsync, type RefreshingLoadOptions} from '../hooks/use-async.js';
import {RelatedPanel, relatedPanelInner, relatedPanelInset, relatedPanelLines, type RelatedPanelLines} from '../related-panel/related-panel.js';
import {theme} from '../theme.js';
import {starSign} from '../river/river-view.js';
import type {Action, KeyMap, KeyPress} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {placeOf, topFor, usePostViewState, type LinkPrompt, type PostPlace} from './use-post-view-state.js';
import type {PostFetchAhead} from '../hooks/use-post-prefetch.js';
import {useFullText, type FullTextContext} from './use-full-text.js';
import {useLinkArticle} from './use-link-article.js';
import {useTextSearch} from '../search/use-text-search.js';
import type {PostFilter} from '../../sources/post-filter.js';
import {bylineTerms, markBylineTerm, termLabel} from './byline-terms.js';
import {useReading} from './use-reading.js';

/** At this width and wider, Related Posts sits beside the post instead of under it. */
export const wideLayoutColumns = 120;
/** Related Posts beside the post is this wide at least; wider when the text's reading width leaves more. */
const relatedPanelWidth = 38;
const relatedLimit = 5;
/** Lines one notch of the mouse wheel scrolls. */
const wheelLines = 3;

/** What a post screen had loaded, kept in the history, so that coming back to it shows it at once, as it was. */
export type PostShown = {
	readonly post: Post;
	readonly neighbours?: PostNeighbours;
	readonly related?: RelatedPost[];
	readonly canComment?: boolean;
};

export type PostViewProps = {
	readonly source: BlogSource;
	readonly postRef: PostRef;
	/** The post, when it was fetched ahead (highlighted on the list): shown at once. */
	readonly prefetched?: Post;
	/** The post's fetch ahead, still on its way: waited for rather than asked again. */
	readonly prefetching?: PostFetchAhead;
	/** The blog itself is being asked again: the post may change ("updating…"). */
	readonly sourceRefreshing?: boolean;
	readonly width: number;
	readonly height: number;
	/** Whether this screen gets the keys. */
	readonly isActive: boolean;
	/** Whether the Related Posts panel is shown (a key hides and shows it). */
	readonly showRelated: boolean;
	readonly onToggleRelated: () => void;
	readonly onBack: () => void;
	/** Open another post (a related post, a link to a post of the same blog), with the post itself when it is already here. */
	readonly onOpenPost: (ref: PostRef, post?: Post) => void;
	/** Links are OSC 8 hyperlinks (the terminal supports them, or the user asked). */
	readonly hyperlinks?: boolean;
	/** Where `y` writes its OSC 52 sequence: the terminal (Ink's stdout unless a test says otherwise). */
	readonly clipboard?: ClipboardWriter;
	/** The password given for a protected post earlier in this session: tried at once. */
	readonly passwordFor?: (id: PostId) => string | undefined;
	/** A protected post was opened with its password: kept for the session (and beyond, with `remember`). */
	readonly onUnlocked?: (post: Post, password: string, remember: boolean) => void;
	/** Open the newer (n) or older (p) post. */
	readonly onOpenNeighbour: (ref: PostRef, direction: 'next' | 'previous') => void;
	readonly onOpenThread: (post: Post) => void;
	readonly onComment: (post: Post) => void;
	/** `t` then Enter on the byline: the list of that author's, category's or tag's posts. */
	readonly onOpenFilter?: (filter: PostFilter) => void;
	/** Called once the post is on screen (to mark it read). */
	readonly onLoaded: (post: Post) => void;
	/** Where the reader was when they last left this post (kept in the history): they come back to it. */
	readonly place?: PostPlace;
	/** What was shown then: shown again at once, not asked for again. */
	readonly shown?: PostShown;
	/** The screen goes away (another screen covers it, or back): where the reader was, and what was shown. */
	readonly onLeave?: (place: PostPlace, shown: PostShown | undefined) => void;
	/** How a summary-only post is read whole from its page (`F`), and where articles are kept; none: `F` says it cannot. */
	readonly fullText?: FullTextContext;
	/** Read a summary-only post whole at once, as F does (`--post REF --full-text` in a terminal). */
	readonly wholeAtOnce?: boolean;
	/** Ids of posts starred: this one's status line starts with a star sign. */
	readonly starredIds?: ReadonlySet<string>;
	/** `s`: stars or unstars the post (a followed blog's, in the store); gives the line to say. None: `s` does nothing. */
	readonly onToggleStar?: (post: Post) => string;
};

/** Posts with more HTML than this are laid out in slices (a usual post is a few dozen kB). */
const longPostChars = 512 * 1024;

const noBody: PostBody = {lines: [], links: [], anchors: new Map(), offsets: noLineOffsets};
const noLines: readonly StyledLine[] = [];
const noRelated: RelatedPanelLines = {lines: [], owners: []};

const formatMegabytes = (characters: number) => `${(characters / 1_000_000).toFixed(1)} MB`;

/** A post, read page by page like `less`, with previous/next links, related posts and the way to its comments. */
export function PostView(props: PostViewProps) {
	const {source, postRef, width, height, showRelated} = props;
	const key = postRefKey(postRef);
	// A fetch ahead still on its way is waited for once (it is fresh: nothing to refresh after it).
	const prefetching = useRef(props.prefetching);
	const loadPost = useCallback((signal: AbortSignal, options: RefreshingLoadOptions) => {
		const ahead = prefetching.current;
		prefetching.current = undefined;
		const fetchIt = () => source.fetchPost(postRef, {...options, signal});
		if (!ahead) return fetchIt();
		// Esc cancels the fetch this screen waits for, whoever started it.
		signal.addEventListener('abort', ahead.cancel, {once: true});
		return ahead.promise.catch(async (error: unknown) => {
			if (signal.aborted) throw error;
			return fetchIt();
		});
	}, [source, postRef]);
	// The copy kept on disk shows at once; a refresh that brings the same post keeps the same object, so
	// nothing is wrapped again, and the reader's place (kept apart from the post) never moves.
	const postState = useRefreshingAsync(key, loadPost, {revision: source, isSame: isSameAnswer, initial: props.shown?.post ?? props.prefetched});
	const loaded = postState.status === 'done' ? postState.value : undefined;
	// A password-protected post asks for its password first; the right one gives the post with its body.
	const onUnlockedRef = useRef(props.onUnlocked);
	useLayoutEffect(() => {
		onUnlockedRef.current = props.onUnlocked;
	});
	const unlocked = useCallback((found: Post, password: string, remember: boolean) => onUnlockedRef.current?.(found, password, remember), []);
	const unlock = useUnlock(source, loaded, loaded ? props.passwordFor?.(loaded.id) : undefined, unlocked);
	const post = unlock.unlocked ?? loaded;
	const postKey = post ? String(post.id) : undefined;

	const loadNeighbours = useCallback((signal: AbortSignal) => source.fetchNeighbours(post!, {signal}), [source, post]);
	const {shown} = props;
	const neighbours = useAsync(postKey, loadNeighbours, {initial: shown?.neighbours});
	const loadRelated = useCallback((signal: AbortSignal) => source.fetchRelated(post!, relatedLimit, {signal}), [source, post]);
	const related = useAsync(postKey, loadRelated, {initial: shown?.related});
	const loadCanComment = useCallback(async () => source.canComment(post!), [source, post]);
	// Asked again once the post is unlocked: its password is what lets the blog take a comment.
	const commentKey = post ? `${post.id}${isLocked(post) ? ':locked' : ''}` : undefined;
	const commentable = useAsync(commentKey, loadCanComment, {initial: shown?.canComment});
	const canComment = commentable.status === 'done' && commentable.value;
	// A fresh source (the blog answered again, after an offline start) retries what had failed; what worked stays.
	useEffect(() => {
		for (const load of [neighbours, related, commentable]) if (load.status === 'error' && load.error.kind !== 'cancelled') load.retry();
		// eslint-disable-next-line react-hooks/exhaustive-deps -- only a new source retries: with the loads as dependencies, every failure would be retried at once, again and again (the loads read are this render's, not stale).
	}, [source]);

	const [state, dispatch] = usePostViewState(props.place);
	// A summary-only post's article, read from its page (F, or at once for a blog set so): what is laid out.
	const showMessage = useCallback((message: string | undefined) => dispatch({type: 'message', message}), [dispatch]);
	const fullText = useFullText(post, props.fullText, showMessage, props.wholeAtOnce === true);
	// A link read as an article (a N Enter): shown in the post's place until Esc, which finds the post as it was.
	const linkArticle = useLinkArticle(props.fullText?.read, showMessage);
	const shownPost = linkArticle.post ?? fullText.shown;
	const {stdout} = useStdout();
	const clipboard = props.clipboard ?? stdout;
	// A link being followed (the blog asked whether it is one of its posts): stopped when the screen goes.
	const following = useRef<AbortController | undefined>(undefined);
	// Where the reader was before `f` moved within the post (a footnote, `#section`): Esc goes back there, once.
	const placeBeforeMove = useRef<{readonly postKey: string | undefined; readonly place: TextPlace} | undefined>(undefined);
	useEffect(() => () => following.current?.abort(), []);
	const keyMap = useKeyMap();
	// `c` pressed while the check was on its way: answered when the check is (once: the wish is then forgotten).
	const commentWanted = useRef(false);
	const {onComment} = props;
	const commentableNow = commentable.status === 'done' ? commentable.value : undefined;
	// Unlocked a moment ago: until the blog is asked again (commentKey), the answer is the locked post's.
	const commentableStale = post !== undefined && post.isProtected === true && !isLocked(post) && post.commentsOpen && commentableNow === false;
	useEffect(() => {
		if (!commentWanted.current || commentable.status === 'loading' || commentableStale) return;
		commentWanted.current = false;
		if (commentableNow && post) onComment(post);
		else dispatch({type: 'message', message: commentable.status === 'done' ? 'Comments are closed on this post.' : 'Could not check whether this post takes comments.'});
	}, [commentable.status, commentableNow, commentableStale, post, onComment, dispatch]);
	// Where the reader is goes into the history when this screen goes, however it goes.
	const done = <T,>(load: {status: string; value?: T}) => (load.status === 'done' ? load.value : undefined);
	const now: PostShown | undefined = post ? {post, neighbours: done(neighbours), related: done(related), canComment: done(commentable)} : undefined;
	const leaving = useRef({state, now, onLeave: props.onLeave});
	useLayoutEffect(() => {
		leaving.current = {state, now, onLeave: props.onLeave};
	});
	useEffect(() => () => {
		const {state: last, now: lastShown, onLeave} = leaving.current;
		onLeave?.(placeOf(last), lastShown);
	}, []);
	// Once per post shown, whatever callback the app passes this time.
	const onLoaded = useRef(props.onLoaded);
	useLayoutEffect(() => {
		onLoaded.current = props.onLoaded;
	});
	useEffect(() => {
		if (post) onLoaded.current(post);
	}, [post]);

	const isWide = width >= wideLayoutColumns && showRelated;
	// Read out (a screen reader): the newer and older posts and Related Posts in words, without signs or markers.
	const screenReader = useIsScreenReaderEnabled();
	// The text wraps at the reading width (100 columns by default); Related Posts beside it keeps the rest.
	const reading = useReading();
	const columns = postColumns(width, reading, isWide ? relatedPanelWidth : undefined);
	const bodyWidth = columns.body;
	const viewportHeight = Math.max(1, height - 1);
	// Related Posts, beside the post or under it, laid out once per (load, width, choice): the panel, the screen
	// reader's cursor and a click all read these lines (laid out for each of them, read out, it was 2 to 3 times a key).
	const relatedSelected = state.relatedFocused ? state.relatedIndex : undefined;
	const relatedWidth = isWide ? relatedPanelInner(columns.related) : bodyWidth;
	const relatedPanel = useMemo(() => (showRelated ? relatedPanelLines(related, relatedWidth, {selected: relatedSelected, screenReader}) : noRelated), [showRelated, related, relatedWidth, relatedSelected, screenReader]);

	// Wrapping happens once per (post, width), never on a keypress.
	const head = useMemo(() => (shownPost ? layoutPostHead(shownPost, bodyWidth) : []), [shownPost, bodyWidth]);
	// A long post is laid out a slice at a time, so the screen and Esc stay alive meanwhile; a usual one at once.
	const isLong = shownPost !== undefined && shownPost.html.length > longPostChars;
	const shortBody = useMemo(() => (shownPost && !isLong ? layoutPostBodyWithLinks(shownPost, bodyWidth, {inPage: true}) : noBody), [shownPost, isLong, bodyWidth]);
	const layOutLongBody = useCallback((signal: AbortSignal) => layoutPostBodyInSlices(shownPost!, bodyWidth, {signal, inPage: true}), [shownPost, bodyWidth]);
	const longBody = useAsync(isLong ? `${postKey}${shownPost.fullTextFrom === undefined ? '' : ' whole'}@${bodyWidth}` : undefined, layOutLongBody);
	const laidOut = !isLong ? shortBody : longBody.status === 'done' ? longBody.value : noBody;
	const body = laidOut.lines;
	const postLinks = laidOut.links;
	const linkUrl = useMemo(() => (props.hyperlinks ? linkUrlsOf(postLinks) : undefined), [props.hyperlinks, postLinks]);
	const layingOut = isLong && longBody.status === 'loading';
	const articleFrom = linkArticle.post?.link;
	const {tail, relatedAt, neighboursAt} = useMemo(() => {
		if (!post) return {tail: [], relatedAt: undefined, neighboursAt: undefined};
		if (articleFrom !== undefined) return {tail: [[], ...wrapPlainText(`Read from ${displayUrl(articleFrom)} · ${keyMap.hint('open-in-browser', 'opens it in the browser')} · ${keyMap.hint('back', 'back to the post')}`, bodyWidth, {role: 'muted'})], relatedAt: undefined, neighboursAt: undefined};
		const lines: StyledLine[] = [];
		let relatedAt: {start: number; end: number} | undefined;
		// Where "« previous" and "next »" are (from the tail's start), for a click on them.
		let neighboursAt: {start: number; previousRows: number; nextRows: number} | undefined;
		if (neighbours.status === 'done') {
			const previous = layoutNeighbours({previous: neighbours.value.previous, next: undefined}, bodyWidth, {screenReader});
			const next = layoutNeighbours({previous: undefined, next: neighbours.value.next}, bodyWidth, {screenReader});
			if (previous.length + next.length > 0) {
				neighboursAt = {start: lines.length + 1, previousRows: previous.length, nextRows: next.length};
				lines.push([], ...previous, ...next);
			}
		}
		if (showRelated && !isWide) {
			relatedAt = {start: lines.length + 1, end: lines.length + relatedPanel.lines.length};
			lines.push([], ...relatedPanel.lines);
		}
		lines.push([], ...commentLines(post, commentable.status === 'loading' ? undefined : canComment, bodyWidth, keyMap));
		return {tail: lines, relatedAt, neighboursAt};
	}, [post, neighbours, relatedPanel, commentable, canComment, showRelated, isWide, bodyWidth, keyMap, articleFrom, screenReader]);
	const unlockState = unlock.asking ? unlock.state : undefined;
	// Why F found no article on the post's page: said above the summary, which stays.
	const fullTextFailure = articleFrom === undefined ? fullText.failure : undefined;
	const failureLines = useMemo(() => (fullTextFailure ? [...wrapPlainText(fullTextFailure, bodyWidth, {role: 'error', italic: true}), []] : []), [fullTextFailure, bodyWidth]);
	// The document, and where each of its lines starts in its text (the same at any width: see line-offsets.ts).
	const {lines, starts} = useMemo(() => {
		const parts: Array<{lines: readonly StyledLine[]; offsets: LineOffsets}> = unlockState
			? [{lines: head, offsets: plainLineOffsets(head)}, {lines: [[]], offsets: uncountedLineOffsets(1)}, plainPart(passwordLines(unlockState, bodyWidth))]
			: [{lines: head, offsets: plainLineOffsets(head)}, {lines: [[]], offsets: uncountedLineOffsets(1)}, plainPart(failureLines), {lines: body, offsets: laidOut.offsets}, plainPart(tail)];
		return {lines: parts.flatMap(part => part.lines), starts: joinLineOffsets(parts.map(part => part.offsets)).starts};
	}, [head, body, laidOut.offsets, tail, unlockState, bodyWidth, failureLines]);
	const maxTop = Math.max(0, lines.length - viewportHeight);
	const search = useTextSearch(unlockState ? noLines : lines, keyMap);
	// The byline's author, category or tag chosen with `t` (Enter opens its list), if any.
	const [termIndex, setTermIndex] = useState<number | undefined>(undefined);
	const terms = useMemo(() => (post && props.onOpenFilter ? bylineTerms(post) : []), [post, props.onOpenFilter]);
	const chosenTerm = termIndex === undefined ? undefined : terms[termIndex];
	const markedHead = useMemo(() => (post && termIndex !== undefined ? markBylineTerm(head, post, bodyWidth, termIndex) : head), [head, post, bodyWidth, termIndex]);

	// A resize re-wraps the text; the reader stays at the same words in it, the current search match on screen
	// (derived, so the first frame is right).
	const laidOutAs = `${bodyWidth}${shownPost?.fullTextFrom === undefined ? '' : ' whole'}`;
	const layout = useMemo(() => ({laidOutAs, starts, viewport: viewportHeight, keep: search.currentLine}), [laidOutAs, starts, viewportHeight, search.currentLine]);
	const top = Math.min(articleFrom !== undefined ? linkArticle.topIn(layout) : topFor(state, layout), maxTop);
	// Lines still to come below the text (the tail's loads): a move down past the end shown now is kept for them.
	const growing = neighbours.status === 'loading' || commentable.status === 'loading' || (showRelated && !isWide && related.status === 'loading');
	const scroll = (move: {by: number} | {to: number | 'end'}) => (articleFrom !== undefined ? linkArticle.scroll(move, layout) : dispatch({type: 'scroll', ...move, layout, growing}));

	const relatedPosts = related.status === 'done' ? related.value : [];
	// Where the tail starts in the document, and the lines of Related Posts under the post.
	const tailStart = head.length + 1 + failureLines.length + body.length;
	const relatedLines = !isWide && relatedAt ? {start: tailStart + relatedAt.start, end: tailStart + relatedAt.end} : undefined;
	const openNeighbour = (which: 'previous' | 'next'): KeyResult => {
		// n/p before the newer and older posts are known (`nn`, `ppp`): taken once they are.
		if (neighbours.status === 'loading') return 'hold';
		if (neighbours.status !== 'done') return;
		const target = neighbours.value[which];
		if (target) props.onOpenNeighbour({kind: 'id', id: target.id}, which);
		else dispatch({type: 'message', message: which === 'next' ? 'This is the newest post.' : 'This is the oldest post.'});
	};

	/** Writes link N (or, undefined, the post's own link) to the clipboard: only here, on a key the user pressed. */
	const copy = (number: number | undefined) => {
		const url = number === undefined ? post!.link : postLinks[number - 1];
		const message = url ? copyLink(url, clipboard, displayUrl(url)) : 'This post has no link of its own.';
		dispatch({type: 'prompt-done', message});
	};

	/** Link N: a post of this blog opens here (Esc comes back), anything else in the browser. */
	const follow = (number: number) => {
		const url = postLinks[number - 1];
		if (!url) return;
		// A place in this post (a footnote, `#section`): the post scrolls there, nothing is opened.
		const fragment = articleFrom === undefined ? inPageFragment(url, shownPost?.link) : undefined;
		if (fragment !== undefined) {
			const anchor = laidOut.anchors.get(fragment);
			if (anchor) {
				placeBeforeMove.current = {postKey, place: placeOfLine(starts, top)};
				scroll({to: Math.min(head.length + 1 + failureLines.length + anchor.line, maxTop)});
			}
			return dispatch({type: 'prompt-done', message: movedToFragment(anchor, fragment)});
		}
		following.current?.abort();
		const abort = new AbortController();
		following.current = abort;
		dispatch({type: 'prompt-done', message: `Opening ${displayUrl(url)}…`});
		void followLink(source, url, abort.signal).then(result => {
			if (abort.signal.aborted) return;
			following.current = undefined;
			if (result.kind === 'post') {
				dispatch({type: 'message', message: undefined});
				props.onOpenPost({kind: 'id', id: result.post.id}, result.post);
			} else dispatch({type: 'message', message: cleanLine(result.message)});
		});
	};

	/** Digits, Backspace, Enter (act) or Esc (cancel) while a link number is asked for. */
	const answerLinkPrompt = (input: string, key: KeyPress, prompt: LinkPrompt) => {
		if (key.escape) return dispatch({type: 'prompt-done'});
		if (key.backspace || key.delete) return dispatch({type: 'prompt-digit', digit: undefined});
		// Typed in one read, or pasted: each digit in turn (the rest is no part of a number).
		if (!key.ctrl && !key.meta && /\d/.test(input)) {
			for (const digit of input.match(/\d/g)!) dispatch({type: 'prompt-digit', digit});
			return;
		}
		if (!key.return) return;
		const number = prompt.digits === '' ? undefined : Number(prompt.digits);
		if (prompt.purpose === 'copy' && number === undefined) return copy(undefined);
		if (number === undefined || number < 1 || number > postLinks.length) {
			return dispatch({type: 'prompt-done', message: postLinks.length === 1 ? 'This post has one link: [1].' : `This post has links [1] to [${postLinks.length}].`});
		}
		if (prompt.purpose === 'copy') copy(number);
		else if (prompt.purpose === 'article') {
			dispatch({type: 'prompt-done'});
			linkArticle.open(postLinks[number - 1]!);
		} else follow(number);
	};

	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		if (layingOut || (isLong && longBody.status === 'error')) {
			// Leaving stops the layout: the screen goes, and with it the slices still to do.
			if (is('back') || is('back-from-post')) return props.onBack();
			// Typed ahead of the text: taken in turn once it is laid out.
			return layingOut ? 'hold' : undefined;
		}
		if (postState.status !== 'done') {
			if (is('retry') && postState.status === 'error') return postState.retry();
			// Esc while the post loads goes back where you were: leaving stops the load (and drops the keys typed ahead).
			if (is('back') || is('back-from-post')) return props.onBack();
			// Typed ahead of the post (`p j j`, `Enter j`): taken in turn once it is here.
			return postState.status === 'loading' ? 'hold' : undefined;
		}
		if (unlock.asking) {
			if (key.escape) return props.onBack();
			if (key.return) return unlock.submit();
			if (key.backspace || key.delete) return unlock.erase();
			if (key.ctrl && input === 'u') return unlock.clear();
			if (key.tab) return unlock.toggleRemember();
			// A password pasted with its line's end is the password; other control characters are no part of one.
			const typed = input.replace(/[\r\n]+$/, '');
			if (!key.ctrl && !key.meta && typed !== '' && !/[\u0000-\u001F\u007F-\u009F]/.test(typed)) unlock.type(typed);
			return;
		}
		if (state.linkPrompt) return answerLinkPrompt(input, key, state.linkPrompt);
		if (articleFrom !== undefined) {
			// A linked page read as an article: read it, follow or copy its links, open it in the browser, or go back.
			const page = Math.max(1, viewportHeight - 2);
			if (is('back') || is('back-from-post')) linkArticle.close();
			else if (is('line-down')) scroll({by: 1});
			else if (is('line-up')) scroll({by: -1});
			else if (is('page-down')) scroll({by: page});
			else if (is('page-up')) scroll({by: -page});
			else if (is('top')) scroll({to: 0});
			else if (is('bottom')) scroll({to: 'end'});
			else if (is('open-in-browser')) void openUrl(articleFrom).then(error => dispatch({type: 'message', message: cleanLine(error ?? `Opened ${articleFrom} in the browser.`)}));
			else if (is('follow-link') && postLinks.length > 0) dispatch({type: 'prompt-link', purpose: 'follow'});
			else if (is('copy-link') && postLinks.length > 0) dispatch({type: 'prompt-link', purpose: 'copy'});
			return;
		}
		if (!state.relatedFocused) {
			const searched = search.handleKey(input, key, {top});
			if (searched.handled) {
				// A match off screen comes to the top of it, as in `less`.
				const line = searched.showLine;
				if (line !== undefined && (line < top || line >= top + viewportHeight)) scroll({to: Math.min(line, maxTop)});
				return;
			}
		}
		if (chosenTerm && !state.relatedFocused) {
			if (key.return) {
				setTermIndex(undefined);
				return props.onOpenFilter?.(chosenTerm);
			}
			if (key.escape) return setTermIndex(undefined);
		}
		if (is('choose-term') && !state.relatedFocused) {
			if (terms.length === 0) return dispatch({type: 'message', message: props.onOpenFilter ? 'This post has no author, category or tag to open.' : undefined});
			// The byline is at the top: shown when a term is chosen.
			if (top > head.length - 1) scroll({to: 0});
			return setTermIndex(termIndex === undefined ? 0 : (termIndex + 1) % terms.length);
		}
		if (state.relatedFocused) {
			if (is('leave-related')) return dispatch({type: 'focus-related', focused: false});
			if (is('back-from-post')) return props.onBack();
			if (is('related-down')) return dispatch({type: 'select-related', by: 1, count: relatedPosts.length});
			if (is('related-up')) return dispatch({type: 'select-related', by: -1, count: relatedPosts.length});
			const chosen = relatedPosts[state.relatedIndex];
			if (is('open-related') && chosen) props.onOpenPost({kind: 'id', id: chosen.id});
			return;
		}
		const page = Math.max(1, viewportHeight - 2);
		if (is('line-down')) scroll({by: 1});
		else if (is('line-up')) scroll({by: -1});
		else if (is('page-down')) scroll({by: page});
		else if (is('page-up')) scroll({by: -page});
		else if (is('top')) scroll({to: 0});
		else if (is('bottom')) scroll({to: 'end'});
		else if (is('next-post')) return openNeighbour('next');
		else if (is('previous-post')) return openNeighbour('previous');
		else if (is('back') && placeBeforeMove.current !== undefined && placeBeforeMove.current.postKey === postKey) {
			scroll({to: lineOfPlace(starts, placeBeforeMove.current.place)});
			placeBeforeMove.current = undefined;
			dispatch({type: 'message', message: 'Back where you were'});
		} else if (is('back') || is('back-from-post')) props.onBack();
		else if (is('read-comments')) props.onOpenThread(post!);
		else if (is('leave-reply')) {
			if (canComment) props.onComment(post!);
			else if (commentable.status === 'loading' || commentableStale) {
				// The key is not lost: the form opens as soon as the blog says the post takes comments.
				commentWanted.current = true;
				dispatch({type: 'message', message: 'Checking whether this post takes comments…'});
			} else if (post!.isProtected && post!.commentsOpen) dispatch({type: 'message', message: protectedCommentNote});
			else dispatch({type: 'message', message: 'Comments are closed on this post.'});
		} else if (is('focus-related')) {
			if (!showRelated) props.onToggleRelated();
			// Tab before the related posts are here: taken once they are, as `n` waits for the neighbours (Esc still leaves at once).
			if (related.status === 'loading') return 'hold';
			if (relatedPosts.length > 0) {
				// Under the post (narrow terminals), the panel is scrolled into view, no further: Tab back returns to the line left.
				const at = relatedLines ?? {start: top, end: top};
				dispatch({type: 'focus-related', focused: true, ...at, layout});
			} else dispatch({type: 'message', message: related.status === 'done' ? 'No related posts.' : 'The related posts could not be loaded.'});
		} else if (is('toggle-related')) props.onToggleRelated();
		else if (is('follow-link')) {
			if (postLinks.length === 1) follow(1);
			else if (postLinks.length === 0) dispatch({type: 'message', message: 'This post has no links.'});
			else dispatch({type: 'prompt-link', purpose: 'follow'});
		} else if (is('copy-link')) {
			if (postLinks.length === 0) copy(undefined);
			else dispatch({type: 'prompt-link', purpose: 'copy'});
		} else if (is('read-link')) {
			if (postLinks.length === 0) dispatch({type: 'message', message: 'This post has no links.'});
			else dispatch({type: 'prompt-link', purpose: 'article'});
		} else if (is('copy-post-link')) copy(undefined);
		else if (is('star-post') && props.onToggleStar) dispatch({type: 'message', message: props.onToggleStar(post!)});
		else if (is('full-text')) {
			const said = fullText.request();
			if (said) dispatch({type: 'message', message: said});
		} else if (is('open-in-browser')) {
			// The link is cleaned where it entered the model; cleaned again here, as every text on screen is.
			// No browser: Y copies the address instead.
			void openUrl(post!.link).then(error => dispatch({type: 'message', message: cleanLine(error ? `${error} ${keyMap.hint('copy-post-link', 'copies the link.')}` : `Opened ${post!.link} in the browser.`)}));
		}
		// The password, a link's number and the search line take every key typed: `?` in one is typed, never the help.
	}, {isActive: props.isActive, typedText: unlock.asking || state.linkPrompt !== undefined || search.state.typing});

	// A screen reader's cursor on the related post chosen (after Tab), else on the first line shown of the post.
	const bodyBox = useRef<DOMElement>(null);
	const relatedBox = useRef<DOMElement>(null);
	const relatedRow = chosenRelatedRow();
	useScreenReaderCursor(relatedRow === undefined ? bodyBox : relatedBox, postState.status === 'done' ? relatedRow ?? 0 : undefined);
	/** The chosen related post's first line among the panel's Box's lines, when a screen reader reads it and it is on screen. */
	function chosenRelatedRow(): number | undefined {
		if (!screenReader || !state.relatedFocused || relatedPosts.length === 0) return undefined;
		const first = relatedPanel.owners.indexOf(state.relatedIndex);
		if (isWide) return first >= 0 && first < Math.max(1, viewportHeight - 2) ? first : undefined;
		if (!relatedLines || first < 0) return undefined;
		// The panel's Box holds its lines on screen, from the first shown.
		const line = relatedLines.start + first;
		const from = Math.max(relatedLines.start, top);
		return line >= from && line < top + viewportHeight ? line - from : undefined;
	}
	// The wheel scrolls; a click on a numbered link follows it (as f N Enter), on a related post or on « previous / next » opens it.
	useMouse(event => {
		if (postState.status !== 'done' || layingOut || unlock.asking || (isLong && longBody.status === 'error')) return;
		if (event.kind === 'wheel') return scroll({by: event.direction === 'down' ? wheelLines : -wheelLines});
		if (event.button !== 'left') return;
		const click = postClickAt({
			lines, top, viewport: viewportHeight, margin: columns.margin,
			relatedBeside: isWide ? {left: columns.margin + bodyWidth + 1 + relatedPanelInset.columns, owners: relatedPanel.owners.slice(0, Math.max(1, viewportHeight - 2))} : undefined,
			relatedUnder: !isWide && relatedAt ? {start: tailStart + relatedAt.start, owners: relatedPanel.owners} : undefined,
			neighbours: neighboursAt ? {...neighboursAt, start: tailStart + neighboursAt.start} : undefined,
		}, event.row, event.column);
		if (click?.kind === 'link') follow(click.number);
		else if (click?.kind === 'neighbour') openNeighbour(click.which);
		else if (click?.kind === 'related' && relatedPosts[click.index]) props.onOpenPost({kind: 'id', id: relatedPosts[click.index]!.id});
	}, {isActive: props.isActive});

	if (postState.status === 'loading') return <Box height={height}><LoadingLine what={`Loading the post from ${hostOf(source.site.url)}`} escGoesBack /></Box>;
	if (postState.status === 'error') return <Box height={height}><ErrorBox error={postState.error} hint={`${keyMap.hint('retry', 'retry')} · ${keyMap.hint('back', 'back')}`} /></Box>;
	if (layingOut) return <Box height={height}><LoadingLine what={`Laying out a long post (${formatMegabytes(shownPost.html.length)})`} escGoesBack /></Box>;
	if (isLong && longBody.status === 'error') return <Box height={height}><ErrorBox error={longBody.error} hint={keyMap.hint('back', 'back')} /></Box>;

	const shownLines = markedHead === head ? lines.slice(top, top + viewportHeight) : lines.slice(top, top + viewportHeight).map((line, index) => (top + index < markedHead.length ? markedHead[top + index]! : line));
	const visible = search.highlight(shownLines, top);
	// The lines of Related Posts under the post that are on screen (from, to: in `visible`), when read out.
	const relatedShown = relatedLines ? {from: Math.max(0, relatedLines.start - top), to: Math.min(visible.length, relatedLines.end + 1 - top)} : undefined;
	const readOutRelated = screenReader && relatedShown && relatedShown.from < relatedShown.to ? relatedShown : undefined;
	const bottom = Math.min(lines.length, top + viewportHeight);
	const percent = lines.length === 0 ? 100 : Math.floor((bottom / lines.length) * 100);
	// The blog could not be reached: this post is the copy kept on disk.
	const saved = post!.offlineSavedAt ? ` · ${offlineNote(post!.offlineSavedAt)}` : '';
	const updating = postState.refreshing || props.sourceRefreshing ? ' · updating…' : '';
	// The blog was asked again and gave nothing (the post kept in the store, offline): what is shown stays, said quietly.
	const notUpdated = !saved && !updating && postState.refreshFailed ? ' · not updated' : '';
	const found = search.status ? ` · ${search.status}` : '';
	const starred = props.starredIds?.has(String(post!.id)) ? `${starSign} ` : '';
	const shownPosition = `${starred}lines ${top + 1}–${bottom} of ${lines.length} · ${percent}%${found}${saved}${updating}${notUpdated}`;
	// Read out in words ("starred", "1 to 23"); the hints after it keep to the line either way.
	const position = screenReader ? `${starred ? 'starred · ' : ''}lines ${top + 1} to ${bottom} of ${lines.length} · ${percent}%${found}${saved}${updating}${notUpdated}` : shownPosition;
	const hintWidth = Math.max(0, width - position.length - 3);
	const hints = unlockState
		? `Enter open · Tab remember · ${keyMap.hint('back', 'back')}`
		: articleFrom !== undefined
			? fitToWidth(`${keyMap.hint('page-down', 'page')} · ${keyMap.hint('open-in-browser', 'browser')} · ${keyMap.hint('follow-link', 'follow link')} · ${keyMap.hint('back', 'back to the post')}`, hintWidth)
			: keyMap.hints(state.relatedFocused ? 'related' : 'post', hintWidth, {omit: [
			...(canComment || commentable.status === 'loading' ? [] : ['leave-reply' as const]),
			// F is said only where it does something: a summary-only post not yet shown whole.
			...(post!.isSummaryOnly && shownPost?.fullTextFrom === undefined && articleFrom === undefined ? [] : ['full-text' as const]),
			...(props.onToggleStar ? [] : ['star-post' as const]),
		]});
	return (
		<Box flexDirection="column" height={height}>
			{/* Read out, Related Posts come after the post's lines, not after its last one on the same line. */}
			<Box flexDirection={screenReader ? 'column' : 'row'} height={viewportHeight}>
				<Box ref={bodyBox} flexDirection="column" width={bodyWidth} height={viewportHeight} marginLeft={columns.margin} overflow="hidden">
					{readOutRelated ? (
						<>
							{/* Read out, Related Posts under the post are a list of their own, as beside it: `list: Related Posts`. */}
							<StyledLines lines={visible.slice(0, readOutRelated.from)} linkUrl={linkUrl} />
							<Box ref={relatedBox} flexDirection="column" aria-role="list"><StyledLines lines={visible.slice(readOutRelated.from, readOutRelated.to)} /></Box>
							<StyledLines lines={visible.slice(readOutRelated.to)} linkUrl={linkUrl} />
						</>
					) : <StyledLines lines={visible} linkUrl={linkUrl} />}
				</Box>
				{isWide ? (
					<Box marginLeft={1}>
						<RelatedPanel lines={relatedPanel.lines} width={columns.related} height={viewportHeight} isFocused={state.relatedFocused} box={relatedBox} />
					</Box>
				) : null}
			</Box>
			<Text wrap="truncate-end">
				<Text inverse>{` ${position} `}</Text>
				<Text color={search.prompt ? undefined : state.message || state.linkPrompt || search.state.note || chosenTerm ? theme.warning : theme.muted}>{fitToWidth(` ${search.prompt ?? (state.linkPrompt ? promptText(state.linkPrompt, postLinks.length) : search.state.note ?? (chosenTerm ? `Enter: ${cleanLine(termLabel(chosenTerm))} · t next · Esc` : state.message ?? hints))}`, Math.max(0, width - position.length - 2))}</Text>
			</Text>
		</Box>
	);
}

/** Lines of plain text (no prefixes), with their offsets. */
function plainPart(lines: readonly StyledLine[]): {lines: readonly StyledLine[]; offsets: LineOffsets} {
	return {lines, offsets: plainLineOffsets(lines)};
}

/** What a protected post's open comments need when the blog cannot take them from blogterm (a feed's post, or still locked). */
const protectedCommentNote = 'Comments are open on the blog once the post’s password is given: o opens it in the browser.';

/** The masked password field of a protected post, and how the last try went. */
function passwordLines(unlock: UnlockState, width: number): StyledLine[] {
	const lines: StyledLine[] = wrapPlainText('This post is password protected. To read it, type its password and press Enter:', width);
	lines.push([], [{text: 'Password: ', bold: true}, {text: `${'•'.repeat(Math.min([...unlock.typed].length, Math.max(0, width - 12)))}▏`}]);
	lines.push(...wrapPlainText(`${unlock.remember ? '[x]' : '[ ]'} Remember it on this computer (Tab); otherwise it is kept until blogterm quits.`, width, {role: 'muted'}));
	if (unlock.status === 'checking') lines.push([], [{text: 'Checking…', role: 'muted'}]);
	if (unlock.status === 'wrong') lines.push([], [{text: 'That password is not right.', role: 'error'}]);
	if (unlock.status === 'failed' && unlock.error) lines.push([], ...wrapPlainText(unlock.error, width, {role: 'error'}));
	return lines;
}

/** "12 comments · C read · c reply", that comments are closed, or that the post's password is needed first: the blog's state. */
function commentLines(post: Post, canComment: boolean | undefined, width: number, keyMap: KeyMap): StyledLine[] {
	const count = post.commentCount;
	const counted = count === undefined ? 'Comments' : count === 1 ? '1 comment' : `${count} comments`;
	const read = keyMap.hint('read-comments', 'to read');
	const text = isLocked(post)
		? `${counted} · the post’s password is needed first.`
		: canComment === undefined
			? `${counted} · ${read}`
			: canComment
				? `${counted} · ${read} · ${keyMap.hint('leave-reply', 'to leave a reply')}`
				: post.isProtected && post.commentsOpen ? `${counted} · ${read} · ${protectedCommentNote}` : `${counted} · ${read} · Comments are closed.`;
	return wrapPlainText(text, width, {bold: true});
}

/** "Follow link (1–12): 3▏ Enter · Esc cancels" */
function promptText(prompt: LinkPrompt, count: number): string {
	const what = prompt.purpose === 'follow' ? 'Follow link' : prompt.purpose === 'article' ? 'Read link' : 'Copy link';
	const range = count === 1 ? '1' : `1–${count}`;
	const enter = prompt.purpose === 'copy' ? 'Enter (alone: this post’s link)' : 'Enter';
	return `${what} (${range}): ${prompt.digits}▏ ${enter} · Esc cancels`;
}
