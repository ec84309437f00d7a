import {KeyRouterProvider, useKeys} from './hooks/use-keys.js';
import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {CommentDraft, CommentOutcome} from '../model/comment-draft.js';
import {isLocked, type Post, type PostId, type PostRef, type PostSummary} from '../model/post.js';
import {sentComment, type MyCommentsInThread} from '../comments/thread.js';
import {draftKey} from '../store/drafts.js';
import {myCommentsInMemory, type MyCommentsStore} from '../store/my-comments.js';
import type {BlogSource} from '../sources/blog-source.js';
import {hostOf} from '../http/client.js';
import {ErrorBox} from './components/error-box.js';
import {LoadingLine} from './components/loading-line.js';
import {CommentForm} from './comment-form/comment-form.js';
import {CommentThreadScreen} from './comment-thread/comment-thread-screen.js';
import {HelpOverlay} from './help-overlay.js';
import {useRefreshingAsync, type RefreshingLoadOptions} from './hooks/use-async.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {PostList} from './post-list/post-list.js';
import {theme} from './theme.js';
import {PostView} from './post-view/post-view.js';
import {TermsList} from './post-list/terms-list.js';
import type {PostFilter} from '../sources/post-filter.js';
import {useAppState} from './use-app-state.js';
import {usePostPrefetch} from './hooks/use-post-prefetch.js';
import {defaultKeyMap, type KeyMap} from './keys/key-map.js';
import {KeyMapContext, useKeyMap} from './keys/use-key-map.js';
import {findListPosition} from './post-list/find-list-position.js';
import {postsPerScreen} from './post-list/post-list-lines.js';
import {useSettled} from './hooks/use-settled.js';
import type {PostPage} from '../model/page.js';
import type {ClipboardWriter} from '../platform/clipboard.js';
import {postPasswordsInMemory, type PostPasswordStore} from '../store/post-passwords.js';
import {fullTextsInMemory, type FullTextReader, type FullTextStore} from '../full-text/full-text-store.js';
import type {FullTextContext} from './post-view/use-full-text.js';
import {commentMarksInMemory, type CommentMarksStore} from '../store/comment-marks.js';
import type {RepliesStore} from '../store/replies.js';
import {RepliesToYou, replyThreadNotice} from './home/replies-to-you.js';
import {checkReplies} from '../replies/check-replies.js';
import {ownDemo} from '../replies/demo-replies.js';
import {fullTextNote} from './full-text-note.js';

/** What the app remembers of posts already opened, per site (conf in real use, memory in tests). */
export type ReadMarks = {
	readIds(siteKey: string): Set<string>;
	/** `post` is the post as read (the store keeps its text, so that it opens offline). */
	markRead(siteKey: string, postId: number | string, post?: Post): void;
};

/**
 * The stars of a followed blog's posts, kept in the store by the site's key (issue 24): the list's star
 * sign, and `s` on the list or a post. None (no store yet): `s` says stars are for followed blogs.
 */
export type StarMarks = {
	starredIds(siteKey: string): Set<string>;
	/** Stars or unstars a post (with a sync server, there too at the next sync); false when the blog is not followed. */
	setStarred(siteKey: string, post: PostSummary, starred: boolean): boolean;
};

/** Said when `s` is pressed on a blog that is not followed (its posts have no row in the store to keep a star). */
export const notFollowedStarNote = 'Not starred: stars are for followed blogs only';

export type AppProps = {
	/** The blog's address, as the user gave it (or the demo blog's). */
	readonly site: string;
	/**
	 * Opens the blog: `(site, signal, options) => openBlog(http, site, {...options, signal})` in real use. Asked first
	 * with `cacheFirst` (what was kept on disk, at once), then without it, in the background, to refresh.
	 */
	readonly openSource: (site: string, signal: AbortSignal, options: RefreshingLoadOptions) => Promise<BlogSource>;
	/** Posts on a list page (`--per-page`, the setting); none: as many as the list shows, following the terminal's size. */
	readonly perPage?: number;
	/** Open straight at this post (`--post` in a terminal). */
	readonly initialPost?: PostRef;
	/** With initialPost: open its thread at this comment (a reply to you, from Replies to you). */
	readonly initialThreadAt?: number | string;
	readonly readMarks: ReadMarks;
	/** Stars kept in the store for a followed blog (none: `s` says the blog must be followed). */
	readonly starMarks?: StarMarks;
	/** The comments this user sent, per blog and post, kept between runs (in memory when not given). */
	readonly myComments?: MyCommentsStore;
	/** Which comments of each thread the reader has seen, kept between runs (in memory when not given). */
	readonly commentMarks?: CommentMarksStore;
	/** Replies to the comments you sent, as last checked: `R` on the list shows this blog's. */
	readonly replies?: RepliesStore;
	/**
	 * The address of the built-in demo blog this run serves, when it is the blog read (`blogterm`, `--demo`): `R` looks
	 * for replies to comments left on the demo there. Not given: the demo is started for the check, and closed after it.
	 */
	readonly runningDemo?: string;
	/** The keys (the default map unless the settings change it). */
	readonly keyMap?: KeyMap;
	/**
	 * Opened from the home screen: q and Esc on the list (and Esc from the post it was opened at, with
	 * `initialPost`) call this instead of quitting blogterm.
	 */
	readonly onExit?: () => void;
	/** One line under the reader (the demo blog: how to follow a blog). */
	readonly note?: string;
	/** Links are OSC 8 hyperlinks (`--hyperlinks`, the setting, or the terminal supports them). */
	readonly hyperlinks?: boolean;
	/** Where copying a link writes its OSC 52 sequence (the terminal: Ink's stdout unless a test says otherwise). */
	readonly clipboard?: ClipboardWriter;
	/** The post passwords the user asked to remember (a file in real use; memory when not given). */
	readonly postPasswords?: PostPasswordStore;
	/** Reads a post's page for its article (`F`, issue 23): made at the edge with the run's HTTP client. None: `F` says it cannot. */
	readonly readFullText?: FullTextReader;
	/** Where articles read from posts' pages and the per-blog setting are kept (the store; memory when not given). */
	readonly fullTexts?: FullTextStore;
	/** `--post REF --full-text`: the post opened at is read whole from its page at once, when its source gives a summary. */
	readonly initialFullText?: boolean;
	/** The mouse is on (`--mouse`, the setting): the wheel scrolls, a click selects, opens, follows a link. */
	readonly mouse?: boolean;
};

/** The reader: connects to the blog, then the list, posts, comments and the reply form. */
export function App(props: AppProps) {
	return (
		<KeyMapContext.Provider value={props.keyMap ?? defaultKeyMap}>
			<KeyRouterProvider mouse={props.mouse === true}>
				<Connection {...props} />
			</KeyRouterProvider>
		</KeyMapContext.Provider>
	);
}

/**
 * Connecting to the blog (a spinner, or what went wrong and r to retry), then the reader. Exported for the
 * home screen, which shows it inside its own key router (one for the whole run: keys typed ahead are kept).
 */
export function Connection(props: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	// Every row, the last one too (the build's ink-frames patch keeps Ink from clearing the screen for a frame this tall).
	const height = Math.max(3, rows);
	const {site, openSource} = props;
	const open = useCallback((signal: AbortSignal, options: RefreshingLoadOptions) => openSource(site, signal, options), [site, openSource]);
	// A blog read before opens at once from what was kept; the blog's fresh answer replaces the source when it comes.
	const connection = useRefreshingAsync(site, open);
	// The same function every time, so that the reader's screens are not made again for a new one.
	const {onExit} = props;
	const quit = useCallback(() => (onExit ? onExit() : exit()), [exit, onExit]);
	const keyMap = useKeyMap();

	useKeys((input, key) => {
		if (connection.status === 'loading' && keyMap.matches('cancel', input, key)) connection.cancel();
		else if (connection.status === 'error' && keyMap.matches('retry', input, key)) connection.retry();
		else if (keyMap.matches('back', input, key)) quit();
		// Typed before the blog answered (`j Enter`): the list takes them once it is here.
		else if (connection.status === 'loading') return 'hold';
	}, {isActive: connection.status !== 'done'});

	if (connection.status === 'loading') {
		return <Box height={height}><LoadingLine what={`Connecting to ${hostOf(props.site)}`} /></Box>;
	}
	if (connection.status === 'error') {
		return <Box height={height}><ErrorBox error={connection.error} hint={`${keyMap.hint('retry', 'retry')} · ${keyMap.hint('back', onExit ? 'back' : 'quit')}`} /></Box>;
	}
	if (props.note) {
		return (
			<Box flexDirection="column" height={height}>
				<Reader {...props} source={connection.value} sourceRefreshing={connection.refreshing} width={columns} height={height - 1} onQuit={quit} />
				<Text color={theme.muted} wrap="truncate-end">{props.note}</Text>
			</Box>
		);
	}
	return <Reader {...props} source={connection.value} sourceRefreshing={connection.refreshing} width={columns} height={height} onQuit={quit} />;
}

type ReaderProps = AppProps & {
	readonly source: BlogSource;
	/** The blog is being asked again (the source shown came from the copy on disk). */
	readonly sourceRefreshing: boolean;
	readonly width: number;
	readonly height: number;
	readonly onQuit: () => void;
};

/** How long the terminal's size stays the same before the list's page follows it. */
const resizeSettleMs = 150;

function Reader({source, sourceRefreshing, width, height, perPage: fixedPerPage, initialPost, readMarks, onQuit, ...props}: ReaderProps) {
	// As many posts a page as the list shows, unless --per-page or the setting says: a resize changes it, once
	// the terminal's size has settled (each page size is a request to the blog; a dragged window is many sizes).
	const listHeight = useSettled(height, resizeSettleMs);
	const perPage = fixedPerPage ?? postsPerScreen(listHeight);
	const [state, dispatch] = useAppState(initialPost, perPage);
	// Resized: the lists keep their post highlighted, on the page of the new size that holds it (before a frame is drawn).
	if (state.perPage !== perPage) dispatch({type: 'per-page', perPage});
	const siteKey = source.site.key;
	const [readIds, setReadIds] = useState(() => readMarks.readIds(siteKey));
	// Comments this user sent, per post (kept between runs): marked "(yours)", held ones shown to them only.
	const [myCommentsStore] = useState(() => props.myComments ?? myCommentsInMemory());
	// Counts changes to the store, so that a thread shown again reads it again.
	const [myCommentsChanged, setMyCommentsChanged] = useState(0);
	// Which comments of each thread were seen: the list says "3 new comments", a thread marks them "new".
	const [commentMarks] = useState(() => props.commentMarks ?? commentMarksInMemory());
	const [seenComments, setSeenComments] = useState(() => commentMarks.seenCounts(siteKey));
	const commentsSeen = useCallback(() => setSeenComments(commentMarks.seenCounts(siteKey)), [commentMarks, siteKey]);
	const screen = state.stack.at(-1)!;
	const keyMap = useKeyMap();

	const {onExit} = props;
	// Replies to you on this blog (`R` on the list): a screen in the history, so that Esc from a thread opened from it comes back to it.
	// Shown at once from what is kept; looked for on this blog meanwhile, and shown again when found.
	const [repliesChecked, setRepliesChecked] = useState(0);
	const {replies: repliesStore, openSource, runningDemo} = props;
	const showAndCheckReplies = useCallback(() => {
		dispatch({type: 'push', screen: {kind: 'replies'}});
		if (!repliesStore) return;
		// Reading the demo: it is asked, as it runs (another started for the check would be a second demo blog, on another port).
		const demo = runningDemo === undefined ? ownDemo() : {...ownDemo(), start: async () => Promise.resolve({url: runningDemo, close: async () => {}})};
		void checkReplies({myComments: myCommentsStore, replies: repliesStore, siteKey, openSource: async (url, signal) => openSource(url, signal ?? new AbortController().signal, {}), demo})
			.catch(() => undefined)
			.then(() => setRepliesChecked(count => count + 1));
	}, [dispatch, repliesStore, myCommentsStore, siteKey, openSource, runningDemo]);
	useKeys((input, key) => {
		if (keyMap.matches('help', input, key)) dispatch({type: 'toggle-help'});
		else if (props.replies && screen.kind === 'list' && keyMap.matches('list-replies', input, key)) showAndCheckReplies();
		// Opened from the home screen: Esc on the list goes back to it.
		else if (onExit && screen.kind === 'list' && keyMap.matches('back', input, key)) onExit();
	}, {isActive: !state.showHelp && screen.kind !== 'form' && screen.kind !== 'replies'});
	// Opened at a post from What is new: Esc from it (or from the newer and older posts n/p move to) goes back there.
	const back = useCallback(() => {
		if (onExit && initialPost && state.stack.length === 2 && screen.kind === 'post') onExit();
		else dispatch({type: 'back'});
	}, [dispatch, onExit, initialPost, state.stack.length, screen.kind]);

	// Stars (issue 24): the list's sign, `s` on the list and a post.
	const {starMarks} = props;
	const [starredIds, setStarredIds] = useState(() => starMarks?.starredIds(siteKey) ?? new Set<string>());
	// What is starred now, for `s` pressed twice before a frame (changed by toggleStar alone, with the state).
	const starredNow = useRef(starredIds);
	const toggleStar = useCallback((post: PostSummary): string => {
		const id = String(post.id);
		const star = !starredNow.current.has(id);
		if (!starMarks?.setStarred(siteKey, post, star)) return notFollowedStarNote;
		const next = new Set(starredNow.current);
		if (star) next.add(id);
		else next.delete(id);
		starredNow.current = next;
		setStarredIds(next);
		return star ? 'Starred: the home screen’s Starred folder has it' : 'Unstarred';
	}, [starMarks, siteKey]);
	const markRead = useCallback((post: Post) => {
		// Written to disk after the frame, not on its way.
		setImmediate(() => readMarks.markRead(siteKey, post.id, post));
		setReadIds(previous => (previous.has(String(post.id)) ? previous : new Set([...previous, String(post.id)])));
	}, [readMarks, siteKey]);
	const openPost = useCallback((ref: PostRef, post?: Post) => dispatch({type: 'open-elsewhere', ref, post}), [dispatch]);
	const openNeighbour = useCallback((ref: PostRef, direction: 'next' | 'previous') => dispatch({type: 'open-neighbour', ref, direction}), [dispatch]);
	const toggleRelated = useCallback(() => dispatch({type: 'toggle-related'}), [dispatch]);
	// `/` on a list: the blog's posts with those words, a list of their own (Esc comes back).
	const search = useCallback((text: string) => dispatch({type: 'push', screen: {kind: 'results', filter: {kind: 'search', text}, page: 1, selected: 0}}), [dispatch]);
	// A category, tag or author (from a byline, or the blog's list of them): its posts, a list of their own.
	const openFilter = useCallback((filter: PostFilter) => dispatch({type: 'push', screen: {kind: 'results', filter, page: 1, selected: 0}}), [dispatch]);
	const browseTerms = useCallback(() => dispatch({type: 'push', screen: {kind: 'terms'}}), [dispatch]);
	const prefetch = usePostPrefetch(source);
	// List pages shown in this run, so that Esc from a post shows the list at once, without a request (r refreshes it).
	// A store kept for the Reader's life, like the comments store: read when a list is made (a new page or screen
	// renders again, so what is read is never older than the screen), changed by callbacks and the effect below.
	const [listPages] = useState(() => new Map<string, PostPage>());
	// Passwords of protected posts given in this run: asked once per post, forgotten when blogterm quits.
	const [passwords] = useState(() => new Map<string, string>());
	const [rememberedPasswords] = useState(() => props.postPasswords ?? postPasswordsInMemory());
	const passwordFor = useCallback((id: PostId) => passwords.get(`${siteKey}\n${id}`) ?? rememberedPasswords.get(siteKey, id), [passwords, rememberedPasswords, siteKey]);
	const onUnlocked = useCallback((post: Post, password: string, remember: boolean) => {
		passwords.set(`${siteKey}\n${post.id}`, password);
		if (remember) rememberedPasswords.remember(siteKey, post.id, password);
	}, [passwords, rememberedPasswords, siteKey]);
	useEffect(() => listPages.clear(), [listPages, source]);
	// Full text (issue 23): articles kept per site, and whether this blog shows every summary-only post whole.
	const [fullTexts] = useState(() => props.fullTexts ?? fullTextsInMemory());
	const {readFullText} = props;
	const fullText = useMemo<FullTextContext | undefined>(() => (readFullText ? {read: readFullText, store: fullTexts, siteKey} : undefined), [readFullText, fullTexts, siteKey]);
	const toggleFullText = useCallback(() => {
		const on = !fullTexts.isAutomatic(siteKey);
		fullTexts.setAutomatic(siteKey, on);
		return fullTextNote(on);
	}, [fullTexts, siteKey]);
	const rememberPage = useCallback((shown: PostPage) => {
		listPages.set(`${shown.page}/${shown.perPage}`, shown);
	}, [listPages]);
	const closeForm = useCallback((post: Post, outcome?: CommentOutcome, sent?: CommentDraft) => {
		if (!sent || (outcome?.kind !== 'approved' && outcome?.kind !== 'held')) return dispatch({type: 'back'});
		// Where it was sent, too: the check for replies opens the blog again from its address.
		const mine = {...sentComment(sent, outcome), siteUrl: source.site.url, postTitle: post.title};
		myCommentsStore.remember(siteKey, post.id, mine);
		setMyCommentsChanged(count => count + 1);
		const published = outcome.kind === 'approved';
		if (published) {
			// The list shows the new count when you go back to it, without asking the blog again.
			for (const [key, shown] of listPages) {
				if (!shown.posts.some(summary => String(summary.id) === String(post.id))) continue;
				const posts = shown.posts.map(summary => (String(summary.id) === String(post.id) && summary.commentCount !== undefined ? {...summary, commentCount: summary.commentCount + 1} : summary));
				listPages.set(key, {...shown, posts});
			}
		}
		// Accepted: show the thread, reloaded, at the new comment, with what the blog did (or that it did not say).
		const message = published ? 'Your comment was published.' : outcome.message;
		dispatch({type: 'comment-sent', post, published, notice: {commentId: mine.id, message}});
	}, [dispatch, listPages, myCommentsStore, siteKey, source]);
	const myCommentsSeen = useCallback((post: Post, seen: Pick<MyCommentsInThread, 'approved' | 'gone'>) => {
		for (const sent of seen.approved) myCommentsStore.markApproved(siteKey, post.id, sent.id);
		for (const sent of seen.gone) myCommentsStore.forget(siteKey, post.id, sent.id);
		setMyCommentsChanged(count => count + 1);
	}, [myCommentsStore, siteKey]);

	// Opened at a post by itself (`--post`): find the list page that holds it, so that Esc shows it there.
	const locating = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => locating.current?.abort(), []);
	const threadOpened = useRef(false);
	const {initialThreadAt} = props;
	const postLoaded = useCallback((post: Post, entryId: number) => {
		// Read once its text is shown: a protected post is not, until its password is given.
		if (!isLocked(post)) markRead(post);
		// From Replies to you: the thread, at the reply (once; Esc from it shows the post).
		if (initialThreadAt !== undefined && entryId === 1 && !threadOpened.current) {
			threadOpened.current = true;
			dispatch({type: 'push', screen: {kind: 'thread', post, sent: {commentId: initialThreadAt, message: replyThreadNotice}}});
		}
		// From What is new, Esc goes back there: no list to find the post on.
		if (!initialPost || onExit || entryId !== 1 || locating.current) return;
		const abort = new AbortController();
		locating.current = abort;
		findListPosition(source, post, perPage, abort.signal).then(
			position => {
				if (position && !abort.signal.aborted) dispatch({type: 'located', entryId, ...position, perPage});
			},
			() => {
				// Not found (offline, or the blog said no): the list opens at its first page, as before.
			},
		);
	}, [dispatch, markRead, initialPost, initialThreadAt, onExit, source, perPage]);

	const isActive = !state.showHelp;
	const content = useMemo(() => {
		// What the blog's list and a list of search or term results have alike.
		const listProps = {
			source, perPage, readIds, starredIds, onToggleStar: toggleStar, sourceRefreshing, width, height, isActive,
			onHighlight: prefetch.fetchAhead, onQuit, onSearch: search, onBrowseTerms: source.fetchTerms ? browseTerms : undefined,
		};
		switch (screen.kind) {
			case 'list':
				return (
					<PostList
						{...listProps}
						page={state.page}
						selected={state.selected}
						seenComments={seenComments}
						onSelect={index => dispatch({type: 'select', index})}
						onMove={(by, count) => dispatch({type: 'move', by, count})}
						onPage={(page, selectLast) => dispatch({type: 'page', page, selectLast})}
						shownBefore={listPages.get(`${state.page}/${perPage}`)}
						onPageShown={rememberPage}
						onOpen={(post, page) => dispatch({type: 'open-from-list', ref: {kind: 'id', id: post.id}, index: Math.max(0, page.posts.indexOf(post))})}
						onToggleFullText={fullText ? toggleFullText : undefined}
					/>
				);
			case 'terms':
				return <TermsList key={screen.id} source={source} width={width} height={height} isActive={isActive} onOpen={openFilter} onBack={back} />;
			case 'results':
				return (
					<PostList
						{...listProps}
						key={screen.id}
						filter={screen.filter}
						page={screen.page}
						selected={screen.selected}
						onSelect={index => dispatch({type: 'results-select', index})}
						onMove={(by, count) => dispatch({type: 'results-move', by, count})}
						onPage={(page, selectLast) => dispatch({type: 'results-page', page, selectLast})}
						onOpen={post => dispatch({type: 'push', screen: {kind: 'post', ref: {kind: 'id', id: post.id}, followsList: false}})}
						onBack={back}
					/>
				);
			case 'post':
				return (
					<PostView
						key={screen.id}
						source={source}
						postRef={screen.ref}
						place={screen.place}
						shown={screen.shown}
						onLeave={(place, shown) => dispatch({type: 'leave', id: screen.id, place, shown})}
						prefetched={!screen.shown && screen.ref.kind === 'id' ? prefetch.take(screen.ref.id) : undefined}
						prefetching={screen.ref.kind === 'id' ? prefetch.inFlightFor(screen.ref.id) : undefined}
						sourceRefreshing={sourceRefreshing}
						width={width}
						height={height}
						isActive={isActive}
						showRelated={state.showRelated}
						onToggleRelated={toggleRelated}
						onBack={back}
						onOpenPost={openPost}
						hyperlinks={props.hyperlinks}
						passwordFor={passwordFor}
						onUnlocked={onUnlocked}
						clipboard={props.clipboard}
						onOpenNeighbour={openNeighbour}
						onOpenThread={post => dispatch({type: 'push', screen: {kind: 'thread', post}})}
						onOpenFilter={openFilter}
						onComment={post => dispatch({type: 'push', screen: {kind: 'form', post, replyTo: undefined}})}
						onLoaded={post => postLoaded(post, screen.id)}
						fullText={fullText}
						starredIds={starredIds}
						onToggleStar={toggleStar}
						wholeAtOnce={props.initialFullText === true && screen.id === 1 && initialPost !== undefined}
					/>
				);
			case 'thread':
				return (
					<CommentThreadScreen
						key={`${screen.id}:${screen.reload ?? 0}`}
						source={source}
						post={screen.post}
						width={width}
						height={height}
						isActive={isActive}
						onBack={back}
						onReply={(post, replyTo) => dispatch({type: 'push', screen: {kind: 'form', post, replyTo}})}
						myComments={myCommentsStore.forPost(siteKey, screen.post.id)}
						onMyCommentsSeen={seen => myCommentsSeen(screen.post, seen)}
						place={screen.place}
						sent={screen.sent}
						onLeave={place => dispatch({type: 'leave', id: screen.id, place})}
						commentMarks={commentMarks}
						onCommentsSeen={commentsSeen}
					/>
				);
			case 'replies': {
				const store = props.replies;
				if (!store) return null;
				// The thread, at the reply, over Replies to you (Esc comes back to them, at this reply); not once they are left.
				const onTopOf = screen.id;
				return (
					<RepliesToYou
						key={screen.id}
						store={store}
						replies={store.all().filter(stored => stored.siteKey === siteKey)}
						chosen={screen.chosen}
						width={width}
						height={height}
						isActive={isActive}
						onBack={back}
						onOpenThread={(thread, chosen) => {
							dispatch({type: 'reply-chosen', reply: chosen});
							source.fetchPost({kind: 'id', id: thread.postId}).then(
								post => dispatch({type: 'push', onTopOf, screen: {kind: 'thread', post, sent: {commentId: thread.replyId, message: replyThreadNotice}}}),
								() => dispatch({type: 'push', onTopOf, screen: {kind: 'post', ref: {kind: 'id', id: thread.postId}, followsList: false}}),
							);
						}}
					/>
				);
			}
			case 'form':
				return (
					<CommentForm
						key={draftKey(siteKey, screen.post.id, screen.replyTo?.id ?? 0)}
						source={source}
						post={screen.post}
						replyTo={screen.replyTo}
						width={width}
						height={height}
						draftKey={draftKey(siteKey, screen.post.id, screen.replyTo?.id ?? 0)}
						onClose={(outcome, sent) => closeForm(screen.post, outcome, sent)}
						onCancelReply={() => dispatch({type: 'replace', screen: {kind: 'form', post: screen.post, replyTo: undefined}})}
					/>
				);
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the comments store changes inside the same object: `myCommentsChanged` counts its changes, so that a thread shown again reads it again.
	}, [screen, repliesChecked, props.replies, state.page, state.selected, state.showRelated, readIds, starredIds, toggleStar, seenComments, commentMarks, commentsSeen, myCommentsChanged, width, height, isActive, source, sourceRefreshing, perPage, siteKey, prefetch, listPages, myCommentsStore, dispatch, back, openPost, openNeighbour, toggleRelated, rememberPage, onQuit, search, openFilter, browseTerms, postLoaded, closeForm, myCommentsSeen, props.hyperlinks, props.clipboard, passwordFor, onUnlocked, fullText, toggleFullText, props.initialFullText, initialPost]);

	// The screen stays mounted under the help, hidden, so closing the help finds the reader where it was.
	return (
		<Box flexDirection="column" height={height}>
			<Box display={state.showHelp ? 'none' : 'flex'} flexDirection="column" height={height}>{content}</Box>
			{state.showHelp ? <HelpOverlay width={width} height={height} onClose={() => dispatch({type: 'toggle-help'})} /> : null}
		</Box>
	);
}
