import {Box, Text, useApp} from 'ink';
import Spinner from 'ink-spinner';
import TextInput from 'ink-text-input';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {BlogError} from '../../errors.js';
import type {Post} from '../../model/post.js';
import {fitToWidth} from '../../render/fit-width.js';
import {formatCount} from '../../render/format-count.js';
import {cleanLine} from '../../render/sanitize.js';
import {keptPostsFirst} from '../../sources/kept-posts-first.js';
import type {MyCommentsStore} from '../../store/my-comments.js';
import type {AppProps, Connection, ReadMarks, StarMarks} from '../app.js';
import {fullTextNote} from '../full-text-note.js';
import {HelpOverlay} from '../help-overlay.js';
import {KeyRouterProvider, MouseArea, useKeys} from '../hooks/use-keys.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {defaultKeyMap, type KeyMap} from '../keys/key-map.js';
import {KeyMapContext, useKeyMap} from '../keys/use-key-map.js';
import {RiverView} from '../river/river-view.js';
import {SearchLine, typeIntoSearchLine} from '../search/search-line.js';
import {StoredSearchView, storedSearchHints, type StoredSearch} from '../search/stored-search-view.js';
import {theme} from '../theme.js';
import {RepliesToYou, type ReplyThread} from './replies-to-you.js';
import {BlogsView} from './blogs-view.js';
import {fullTextIsOn, readStoredHome, riverLength, type FollowedBlog, type HomeData, type RepliesPort, type RiverItem, type StoredHome} from './home-data.js';
import {headerLine, homeHeights, statusLine} from './home-lines.js';
import {Spans} from '../components/spans.js';
import {useRefresh} from './use-refresh.js';
import {progressLine, riverKey, selectedRiverRow, useHomeState, type HomeState} from './use-home-state.js';

/**
 * The reader's screens (app.tsx: a blog's list, a post, the comment form), loaded once the home screen's
 * first frame is up, so that its start does not wait for them and Enter finds them there.
 */
let loadedReader: typeof Connection | undefined;
async function loadReader(): Promise<typeof Connection> {
	loadedReader ??= (await import('../app.js')).Connection;
	return loadedReader;
}

export type HomeAppProps = {
	/** The followed blogs and their posts (the store in real use). */
	readonly data: HomeData;
	/** Opens a blog, as the reader does for `blogterm SITE`. */
	readonly openSource: AppProps['openSource'];
	/** Posts on a blog's list page (`--per-page`, the setting); none: as many as the terminal shows. */
	readonly perPage?: number;
	readonly myComments?: MyCommentsStore;
	/** As the reader's: which comments of each thread were seen. */
	readonly commentMarks?: AppProps['commentMarks'];
	readonly keyMap?: KeyMap;
	/** As the reader's (AppProps): links as OSC 8 hyperlinks, the clipboard, remembered post passwords. */
	readonly hyperlinks?: AppProps['hyperlinks'];
	readonly clipboard?: AppProps['clipboard'];
	readonly postPasswords?: AppProps['postPasswords'];
	/** As the reader's: full text of summary-only posts (issue 23). */
	readonly readFullText?: AppProps['readFullText'];
	readonly fullTexts?: AppProps['fullTexts'];
	/** Refresh every blog once the first frame is up (default true). */
	readonly refreshOnStart?: boolean;
	/** Refresh every this many minutes while open (default 30; 0: never). */
	readonly refreshMinutes?: number;
	/** Replies to the comments you sent: kept, and checked with every refresh. */
	readonly replies?: RepliesPort;
	/** What the store held as the screen opens, read already (for the frame drawn before Ink loads): not read again. */
	readonly initial?: StoredHome;
	/** Start on What is new instead of the blogs. */
	readonly startView?: 'blogs' | 'river';
	/** The clock, for "5 min ago" (tests fix it). */
	readonly now?: () => number;
	/** As the reader's: the mouse is on. */
	readonly mouse?: boolean;
};

/** The home screen: the followed blogs and What is new; a blog or a post opens in the reader, Esc comes back. */
export function HomeApp(props: HomeAppProps) {
	return (
		<KeyMapContext.Provider value={props.keyMap ?? defaultKeyMap}>
			<KeyRouterProvider mouse={props.mouse === true}>
				<Home {...props} />
			</KeyRouterProvider>
		</KeyMapContext.Provider>
	);
}

/** The reader's read marks for one blog, kept in the store (the text of a post read, too). */
function readMarksFor(data: HomeData, blogUrl: string, onChanged: () => void): ReadMarks {
	return {
		readIds: () => data.readIds(blogUrl),
		markRead(_siteKey, postId, post?: Post) {
			data.setRead(blogUrl, postId, true, post);
			onChanged();
		},
	};
}

/** The reader's stars for one blog, kept in the store (What is new and the Starred folder read them again). */
function starMarksFor(data: HomeData, blogUrl: string, onChanged: () => void): StarMarks | undefined {
	const {starredIds, starPost} = data;
	if (!starredIds || !starPost) return undefined;
	return {
		starredIds: () => starredIds(blogUrl),
		setStarred(_siteKey, post, starred) {
			const done = starPost(blogUrl, post, starred);
			if (done) onChanged();
			return done;
		},
	};
}

function Home(props: HomeAppProps) {
	const {data} = props;
	const {exit} = useApp();
	const {columns: width, rows} = useTerminalSize();
	// Every row, the last one too (the build's ink-frames patch keeps Ink from clearing the screen for a frame this tall).
	const {height} = homeHeights(rows);
	const [state, dispatch] = useHomeState(props.startView);
	const [showHelp, setShowHelp] = useState(false);
	// What is stored, read again each time something changes it (and the time it was read, for "5 min ago").
	const clock = props.now ?? Date.now;
	const repliesPort = props.replies;
	const [stored, setStored] = useState(() => props.initial ?? readStoredHome(data, clock, repliesPort));
	const {blogs, starred, now, replies} = stored;
	// The Starred folder: What is new, showing only the posts starred (S there and back).
	const [showStarred, setShowStarred] = useState(false);
	const changed = useCallback(() => setStored(readStoredHome(data, clock, repliesPort)), [data, clock, repliesPort]);
	// What is new's posts: read when it shows (not for the first frame, on the blogs), and again with what is stored.
	const riverShown = state.view === 'river' && !showStarred;
	// `stored` is read anew whenever something changed the store: the posts are read again with it.
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const river = useMemo(() => (riverShown ? data.river(riverLength) : []), [data, riverShown, stored]);
	const inStarred = state.view === 'river' && showStarred;
	const riverItems = inStarred ? starred : river;
	// The highlight is on a post, not a row: read again (a refresh, another blogterm's change), the list keeps it
	// on that post wherever it moved; the post gone, on the one now in its row. Not while the list is not read.
	const riverRow = useMemo(() => selectedRiverRow(riverItems, state.river), [riverItems, state.river]);
	const riverRowKey = riverItems[riverRow] ? riverKey(riverItems[riverRow]) : undefined;
	useEffect(() => {
		if (riverRowKey !== undefined) dispatch({type: 'river-moved', index: riverRow, key: riverRowKey});
	}, [dispatch, riverRow, riverRowKey]);
	const keyMap = useKeyMap();
	const [showReplies, setShowReplies] = useState(false);
	// The reply whose thread was opened: chosen again when the reader comes back to Replies to you.
	const [chosenReply, setChosenReply] = useState<string | undefined>(undefined);

	// Replies to your comments are looked for with every refresh of the blogs.
	const refreshAll = useCallback<HomeData['refresh']>(async (onProgress, signal) => {
		const [progress] = await Promise.all([data.refresh(onProgress, signal), repliesPort?.check(signal).catch(() => undefined)]);
		return progress;
	}, [data, repliesPort]);
	const refresh = useRefresh({
		refresh: refreshAll,
		dispatch,
		onStart: props.refreshOnStart ?? true,
		everyMinutes: props.refreshMinutes ?? 30,
		onChanged: changed,
	});

	// Following a blog: the address is looked up (as `blogterm SITE` does) and what was found is shown first.
	const finding = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => finding.current?.abort(), []);
	const find = useCallback((url: string) => {
		if (!url.trim()) return;
		finding.current?.abort();
		const abort = new AbortController();
		finding.current = abort;
		dispatch({type: 'finding'});
		data.discover(url.trim(), abort.signal).then(
			found => {
				if (!abort.signal.aborted) dispatch({type: 'found', found});
			},
			(error: unknown) => {
				if (!abort.signal.aborted) dispatch({type: 'not-found', error: error instanceof BlogError ? error.message : 'No blog was found there.'});
			},
		);
	}, [data, dispatch]);
	const follow = useCallback(async (adding: NonNullable<HomeState['adding']>) => {
		if (adding.phase !== 'found') return;
		dispatch({type: 'following'});
		try {
			const already = data.isFollowed(adding.found.url);
			await data.follow(adding.found);
			dispatch({type: 'followed', found: adding.found, already});
			changed();
		} catch (error) {
			dispatch({type: 'not-found', error: error instanceof Error ? error.message : 'The blog could not be followed.'});
		}
	}, [data, dispatch, changed]);
	const stopAdding = useCallback(() => {
		finding.current?.abort();
		dispatch({type: 'stop-adding'});
	}, [dispatch]);

	// The follow field and the y/n question take the keys while they are up.
	const {adding, confirm} = state;
	useKeys((input, key) => {
		if (!adding) return;
		if (keyMap.matches('cancel', input, key)) return stopAdding();
		if (!key.return) return;
		if (adding.phase === 'typing') find(adding.url);
		else if (adding.phase === 'found') void follow(adding);
	}, {isActive: adding !== undefined && !state.opened, typedText: true});
	useKeys((input, key) => {
		if (!confirm) return;
		dispatch({type: 'answer'});
		// Any key but y is no.
		if (key.ctrl || key.meta || (input !== 'y' && input !== 'Y')) return;
		if (confirm.kind === 'unfollow') {
			data.unfollow(confirm.blog.url);
			dispatch({type: 'notice', notice: `Unfollowed ${confirm.blog.title}.`});
		} else {
			data.markAllRead();
			dispatch({type: 'notice', notice: 'Every post is marked read.'});
		}
		changed();
	}, {isActive: confirm !== undefined && !state.opened});

	// `/`: a search of every stored post, over the blogs or the river (kept while a post found is read). It is
	// typed on the search line, in the status line's place, the list (or the last results) staying above it.
	const [storedSearch, setStoredSearch] = useState<StoredSearch | undefined>(undefined);
	const [searchTyped, setSearchTyped] = useState<string | undefined>(undefined);
	const typingSearch = searchTyped !== undefined;
	const listActive = !state.opened && !adding && !confirm && !showHelp && !storedSearch && !showReplies && !typingSearch;
	useKeys((input, key) => {
		if (keyMap.matches('help', input, key)) setShowHelp(shown => !shown);
		else if (state.view === 'blogs' && data.setStarred && keyMap.matches('home-starred', input, key)) {
			setShowStarred(true);
			dispatch({type: 'switch-view', view: 'river'});
		}
		// (Not while a line is typed into, the search's or the follow field: it takes every key, `?` too.)
	}, {isActive: !state.opened && !adding && !confirm && !showHelp});
	useKeys((input, key) => {
		if (data.search && (keyMap.matches('search-followed', input, key) || keyMap.matches('search-river', input, key))) setSearchTyped('');
		else if (keyMap.matches('open-replies', input, key) && repliesPort) setShowReplies(true);
	}, {isActive: listActive});
	useKeys((input, key) => {
		if (searchTyped === undefined) return;
		const typing = typeIntoSearchLine(searchTyped, input, key);
		setSearchTyped(typing.kind === 'typed' ? typing.typed : undefined);
		if (typing.kind === 'search') setStoredSearch({query: typing.text, ...(data.search?.(typing.text) ?? {items: [], total: 0}), selected: 0});
	}, {isActive: typingSearch && !state.opened && !showHelp, typedText: true});
	const close = useCallback(() => {
		dispatch({type: 'close'});
		changed();
	}, [dispatch, changed]);
	const quit = useCallback(() => exit(), [exit]);
	const markBlogRead = useCallback((url: string) => {
		try {
			const blog = data.blogs().find(followed => followed.url === url);
			data.markBlogRead(url);
			// Said, as C's answer is: the count the header showed goes down at once, with nothing else moving.
			const title = cleanLine(blog?.title || url);
			dispatch({type: 'notice', notice: !blog || blog.unread === 0 ? `No unread posts in ${title}.` : `Marked ${blog.unread === 1 ? '1 post' : `${formatCount(blog.unread)} posts`} of ${title} read.`});
		} catch (error) {
			// Unfollowed meanwhile by another blogterm (a script's --unfollow): said, and the lists read again.
			if (!(error instanceof BlogError)) throw error;
			dispatch({type: 'notice', notice: error.message});
		}
		changed();
	}, [data, dispatch, changed]);
	// C: every post of every blog, asked once (y/n) as d is, with how many that is (as stored now).
	const askMarkAllRead = useCallback(() => {
		const unread = data.blogs().reduce((sum, blog) => sum + blog.unread, 0);
		if (unread === 0) dispatch({type: 'notice', notice: 'No unread posts.'});
		else dispatch({type: 'ask', confirm: {kind: 'mark-all-read', unread}});
	}, [data, dispatch]);
	const setRead = useCallback((item: RiverItem, read: boolean) => {
		data.setRead(item.blogUrl, item.id, read);
		changed();
	}, [data, changed]);
	// F on a blog's row: its full-text setting (issue 23), as F on its list; the row says "full text" while on.
	const {fullTexts} = props;
	const [, setFullTextChanges] = useState(0);
	const fullTextOn = useCallback((blog: FollowedBlog) => fullTextIsOn(fullTexts, blog), [fullTexts]);
	const toggleFullText = useCallback((blog: FollowedBlog) => {
		if (!fullTexts || blog.siteKey === undefined) return;
		// Unfollowed meanwhile by another blogterm: said as A says it, and the lists read again (its row goes).
		if (!data.isFollowed(blog.url)) {
			changed();
			dispatch({type: 'notice', notice: `${blog.url} is not followed.`});
			return;
		}
		// Only the blog's setting changes: its row says so, nothing else is read again.
		const on = !fullTexts.isAutomatic(blog.siteKey);
		fullTexts.setAutomatic(blog.siteKey, on);
		setFullTextChanges(count => count + 1);
		dispatch({type: 'notice', notice: fullTextNote(on)});
	}, [fullTexts, dispatch, data, changed]);
	const setStarred = useCallback((item: RiverItem, star: boolean) => {
		data.setStarred?.(item.blogUrl, item.id, star);
		changed();
	}, [data, changed]);

	// Enter on a reply: the reader at its post, the thread at the reply; Esc comes back to the replies, that one chosen.
	const openReplyThread = useCallback((thread: ReplyThread, chosen: string) => {
		setChosenReply(chosen);
		dispatch({type: 'open', opened: {kind: 'post', blogUrl: thread.siteUrl, id: thread.postId, threadAt: thread.replyId}});
	}, [dispatch]);
	const closeReplies = useCallback(() => {
		setShowReplies(false);
		setChosenReply(undefined);
	}, []);

	// The reader's screens, loaded after the first frame (or at once, when a blog is opened before they are).
	const [Reader, setReader] = useState(() => loadedReader);
	useEffect(() => {
		if (Reader) return;
		let live = true;
		const timer = setTimeout(() => void loadReader().then(loaded => {
			if (live) setReader(() => loaded);
		}), 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [Reader]);

	// A blog or a post open: the reader, as `blogterm SITE` shows it, over the home screen (kept as it was;
	// still shown, with its keys off, in the moment the reader's screens may take to load).
	const opened = state.opened;
	const openedUrl = opened?.kind === 'blog' ? opened.url : opened?.blogUrl;
	const readMarks = useMemo(() => (openedUrl ? readMarksFor(data, openedUrl, changed) : undefined), [data, openedUrl, changed]);
	const starMarks = useMemo(() => (openedUrl ? starMarksFor(data, openedUrl, changed) : undefined), [data, openedUrl, changed]);
	// A post whose text the store holds shows at once from there (offline too), and then as the blog gives it.
	const {openSource} = props;
	const openOpened = useMemo(() => {
		if (opened?.kind !== 'post') return openSource;
		const kept = data.keptBlog?.(opened.blogUrl);
		return kept?.post(opened.id) ? keptPostsFirst(openSource, kept) : openSource;
	}, [data, opened, openSource]);
	if (opened && readMarks && Reader) {
		return (
			<Reader
				key={opened.kind === 'blog' ? `blog:${opened.url}` : `post:${opened.blogUrl}:${String(opened.id)}`}
				site={opened.kind === 'blog' ? opened.url : opened.blogUrl}
				openSource={openOpened}
				perPage={props.perPage}
				initialPost={opened.kind === 'post' ? {kind: 'id', id: opened.id} : undefined}
				initialThreadAt={opened.kind === 'post' ? opened.threadAt : undefined}
				readMarks={readMarks}
				starMarks={starMarks}
				myComments={props.myComments}
				commentMarks={props.commentMarks}
				replies={props.replies?.store}
				keyMap={props.keyMap}
				hyperlinks={props.hyperlinks}
				clipboard={props.clipboard}
				postPasswords={props.postPasswords}
				readFullText={props.readFullText}
				fullTexts={props.fullTexts}
				onExit={close}
			/>
		);
	}
	if (showHelp) return <HelpOverlay width={width} height={height} screens={['everywhere', 'home', 'river']} onClose={() => setShowHelp(false)} />;

	if (showReplies && repliesPort) {
		return (
			<RepliesToYou
				store={repliesPort.store}
				replies={replies}
				width={width}
				height={height}
				isActive={!state.opened}
				chosen={chosenReply}
				onChanged={changed}
				onOpenThread={openReplyThread}
				onBack={closeReplies}
			/>
		);
	}
	// Header (1), a blank line (1), the list, the status line (two while following a blog with an error, or what was found).
	const statusHeight = (adding?.phase === 'typing' && adding.error) || adding?.phase === 'found' || adding?.phase === 'following' ? 2 : 1;
	const {listHeight} = homeHeights(rows, statusHeight);
	return (
		<Box flexDirection="column" height={height}>
			<Spans line={headerLine(stored, {view: inStarred ? 'starred' : state.view, hasStars: data.setStarred !== undefined, keyMap}, width)} />
			<Text> </Text>
			{/* The lists' rows start under the header and the blank line. */}
			<MouseArea rows={2}>
			{storedSearch ? (
				<StoredSearchView
					search={storedSearch}
					width={width}
					height={listHeight}
					isActive={!state.opened && !showHelp && !typingSearch}
					onChange={setStoredSearch}
					onSearchAgain={() => setSearchTyped('')}
					onOpen={item => openRiverItem(item)}
				/>
			) : state.view === 'blogs' ? (
				<BlogsView
					blogs={blogs}
					selectedUrl={state.blogUrl}
					width={width}
					height={listHeight}
					isActive={listActive}
					now={now}
					onSelect={url => dispatch({type: 'select-blog', url})}
					onOpen={(blog: FollowedBlog) => dispatch({type: 'open', opened: {kind: 'blog', url: blog.url}})}
					onFollow={() => dispatch({type: 'start-adding'})}
					onUnfollow={blog => dispatch({type: 'ask', confirm: {kind: 'unfollow', blog}})}
					onMarkBlogRead={blog => markBlogRead(blog.url)}
					onMarkAllRead={askMarkAllRead}
					onSwitchView={() => dispatch({type: 'switch-view', view: 'river'})}
					onRefresh={refresh}
					onQuit={quit}
					fullTextOn={props.readFullText && fullTexts ? fullTextOn : undefined}
					onToggleFullText={props.readFullText && fullTexts ? toggleFullText : undefined}
				/>
			) : (
				<RiverView
					items={riverItems}
					emptyText={inStarred ? 'No starred posts: s stars the post under the cursor in What is new.' : undefined}
					selected={riverRow}
					width={width}
					height={listHeight}
					isActive={listActive}
					onSelect={index => dispatch({type: 'select-river', index, key: riverItems[index] ? riverKey(riverItems[index]) : undefined})}
					onOpen={item => openRiverItem(item)}
					onSetRead={setRead}
					onSetStarred={data.setStarred ? setStarred : undefined}
					onToggleStarred={data.setStarred ? () => {
						setShowStarred(shown => !shown);
						dispatch({type: 'select-river', index: 0});
					} : undefined}
					onMarkBlogRead={markBlogRead}
					onMarkAllRead={askMarkAllRead}
					onBack={() => {
						setShowStarred(false);
						dispatch({type: 'switch-view', view: 'blogs'});
					}}
					onRefresh={refresh}
					onQuit={quit}
					onNotice={notice => dispatch({type: 'notice', notice})}
				/>
			)}
			</MouseArea>
			{typingSearch
				? <SearchLine label="Search every blog" typed={searchTyped} width={width} />
				: storedSearch
					? <Text color={theme.muted} wrap="truncate-end">{fitToWidth(storedSearchHints(keyMap), width)}</Text>
					: <StatusLine state={state} width={width} fullText={Boolean(props.readFullText && fullTexts)} onUrl={url => dispatch({type: 'type-url', url})} />}
		</Box>
	);

	function openRiverItem(item: RiverItem) {
		// Marked read by the reader once its text shows (with the text, kept for reading offline): not when
		// the blog cannot be reached, nor while a protected post waits for its password.
		dispatch({type: 'open', opened: {kind: 'post', blogUrl: item.blogUrl, id: item.id}});
	}
}

/** The last line: following a blog (the field, then what was found), the y/n question, or the progress line and hints. */
function StatusLine({state, width, fullText, onUrl}: {readonly state: HomeState; readonly width: number; readonly fullText: boolean; readonly onUrl: (url: string) => void}) {
	const keyMap = useKeyMap();
	const {adding, confirm} = state;
	const cancel = keyMap.hint('cancel', 'cancel');
	if (adding?.phase === 'typing') {
		return (
			<Box flexDirection="column">
				{adding.error ? <Text color={theme.error} wrap="truncate-end">{fitToWidth(adding.error, width)}</Text> : null}
				<Text wrap="truncate-end">
					<Text bold>Follow a blog: </Text>
					<TextInput value={adding.url} focus placeholder="its address (blog.example, a feed, a WordPress site)" onChange={onUrl} />
					<Text color={theme.muted}>{`  Enter find · ${cancel}`}</Text>
				</Text>
			</Box>
		);
	}
	if (adding?.phase === 'finding') {
		return <Text wrap="truncate-end"><Text color={theme.accent}><Spinner type="dots" /></Text>{` Looking for a blog at ${fitToWidth(adding.url, Math.max(10, width - 40))}… `}<Text color={theme.muted}>({keyMap.hint('cancel', 'cancels')})</Text></Text>;
	}
	if (adding?.phase === 'found' || adding?.phase === 'following') {
		const {found} = adding;
		const what = [found.title, found.kind, found.feedUrl ? `feed ${found.feedUrl}` : found.url].join(' · ');
		return (
			<Box flexDirection="column">
				<Text wrap="truncate-end"><Text bold>Found: </Text>{fitToWidth(what, Math.max(10, width - 7))}</Text>
				<Text color={theme.muted} wrap="truncate-end">{adding.phase === 'following' ? 'Following…' : `Enter follow it · ${cancel}`}</Text>
			</Box>
		);
	}
	if (confirm) {
		const question = confirm.kind === 'unfollow' ? `Unfollow ${confirm.blog.title}?` : confirm.unread === 1 ? 'Mark 1 post read?' : `Mark all ${confirm.unread} posts read?`;
		return <Text wrap="truncate-end"><Text bold color={theme.error}>{fitToWidth(question, Math.max(10, width - 8))}</Text> (y/n)</Text>;
	}
	const progress = progressLine(state.refresh.progress, state.refresh.running);
	const info = [state.notice, progress].filter(Boolean).join(' · ');
	return <Spans line={statusLine(info, keyMap, state.view === 'blogs' ? 'home' : 'river', width, fullText)} />;
}
