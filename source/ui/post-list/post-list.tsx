import {useKeys, useMouse} from '../hooks/use-keys.js';
import {clickOnList, listItemAt} from '../hooks/mouse.js';
import {Box, Text, useIsScreenReaderEnabled, type DOMElement} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {PostPage} from '../../model/page.js';
import type {PostSummary} from '../../model/post.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {fitToWidth} from '../../render/fit-width.js';
import {textWidth} from '../../render/text-width.js';
import {hostOf} from '../../http/client.js';
import {offlineNote} from '../../store/cache.js';
import {DimNote, dimNoteLines} from '../components/dim-note.js';
import {ErrorBox} from '../components/error-box.js';
import {LoadingLine} from '../components/loading-line.js';
import {isSameAnswer, useRefreshingAsync, type RefreshingLoadOptions} from '../hooks/use-async.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';
import {starSign, unreadSign} from '../river/river-view.js';
import {readOutRow} from '../home/rows.js';
import {firstPostShown, listRow, metaColumns, postMeta, postRows, rowsAbovePosts} from './post-list-lines.js';
import {useScreenReaderCursor} from '../screen-reader/cursor-target.js';
import {ReaderBox} from '../screen-reader/reader-box.js';
import {listedTitle} from '../../model/post.js';
import type {Action} from '../keys/key-map.js';
import {filterHeading, noPostsMessage, type PostFilter} from '../../sources/post-filter.js';
import {cleanLine} from '../../render/sanitize.js';
import {SearchLine, typeIntoSearchLine} from '../search/search-line.js';
import {formatCount} from '../../render/format-count.js';

export type PostListProps = {
	/** Where the posts come from. */
	readonly source: BlogSource;
	/** 1-based list page. */
	readonly page: number;
	readonly perPage: number;
	/** Index of the highlighted post on this page. */
	readonly selected: number;
	/** Ids of posts already opened (shown dimmed). */
	readonly readIds: ReadonlySet<string>;
	/** Per post id, how many comments its thread had when last opened: more now is "3 new comments". */
	readonly seenComments?: ReadonlyMap<string, number>;
	/** Ids of posts starred (a star sign before the title); none when not given. */
	readonly starredIds?: ReadonlySet<string>;
	/** `s`: stars or unstars the post (a followed blog's, in the store); gives the line to say. */
	readonly onToggleStar?: (post: PostSummary) => string;
	/** The blog itself is being asked again: the page may change ("updating…"). */
	readonly sourceRefreshing?: boolean;
	readonly width: number;
	readonly height: number;
	/** Whether this screen gets the keys (false while the help overlay is up). */
	readonly isActive: boolean;
	readonly onSelect: (index: number) => void;
	/** Move the highlight by some posts on a page of `count`. */
	readonly onMove: (by: number, count: number) => void;
	/** Go to another list page; `selectLast` puts the highlight on its last post (moving up past the top). */
	readonly onPage: (page: number, selectLast?: boolean) => void;
	readonly onOpen: (post: PostSummary, page: PostPage) => void;
	/** The highlighted post, whenever it changes (the app fetches it ahead, so Enter shows it at once). */
	readonly onHighlight?: (post: PostSummary) => void;
	/** This page as it was shown earlier in this run (back from a post): shown again without asking the blog. */
	readonly shownBefore?: PostPage;
	/** Called with each page shown, so that coming back to it needs no request. */
	readonly onPageShown?: (page: PostPage) => void;
	readonly onQuit: () => void;
	/** `F`: every summary-only post of this blog shown whole (or no longer); gives the line to say. None: the key does nothing. */
	readonly onToggleFullText?: () => string;
	/** The posts a search, a category, a tag or an author picks, headed so (`Search: “protest” · 3 posts`); all without it. */
	readonly filter?: PostFilter;
	/** `/` then Enter: search the blog for what was typed. */
	readonly onSearch?: (text: string) => void;
	/** Esc, on a filtered list: back to the list it came from. */
	readonly onBack?: () => void;
	/** `t`: the blog's categories and tags, to choose one. */
	readonly onBrowseTerms?: () => void;
};

/** The blog's posts, a page at a time: title, date, author and comment count per post. */
export function PostList(props: PostListProps) {
	const {source, page, perPage, width, height, filter} = props;
	const load = useCallback((signal: AbortSignal, options: RefreshingLoadOptions) => source.fetchPostPage(page, perPage, {...options, signal, ...(filter ? {filter} : {stickyFirst: true})}), [source, page, perPage, filter]);
	// The page kept on disk shows at once; the blog's answer replaces it (a new source, too, is asked again).
	const result = useRefreshingAsync(`${page}/${perPage}`, load, {revision: source, isSame: isSameAnswer, initial: props.shownBefore});
	// What is typed after `/`, until Enter searches or Esc cancels.
	const [typed, setTyped] = useState<string | undefined>(undefined);
	const postPage = result.status === 'done' ? result.value : undefined;
	const {onPageShown} = props;
	useEffect(() => {
		if (postPage) onPageShown?.(postPage);
	}, [postPage, onPageShown]);
	// The page shown last: kept on screen, dimmed, while another page of the same list is on its way.
	const [lastShown, setLastShown] = useState<{readonly page: PostPage; readonly source: BlogSource; readonly perPage: number; readonly filter?: PostFilter} | undefined>(undefined);
	if (postPage && (lastShown?.page !== postPage || lastShown.source !== source || lastShown.filter !== filter || lastShown.perPage !== perPage)) setLastShown({page: postPage, source, perPage, filter});
	const posts = postPage?.posts ?? [];
	const selected = Math.min(props.selected, Math.max(0, posts.length - 1));
	const highlighted = posts[selected];
	const {onHighlight} = props;
	useEffect(() => {
		if (highlighted) onHighlight?.(highlighted);
	}, [highlighted, onHighlight]);

	const keyMap = useKeyMap();
	// What the last key did, said in place of the hints until the next key.
	const [note, setNote] = useState<string | undefined>(undefined);
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		if (typed !== undefined) {
			const typing = typeIntoSearchLine(typed, input, key);
			setTyped(typing.kind === 'typed' ? typing.typed : undefined);
			if (typing.kind === 'search') props.onSearch?.(typing.text);
			return;
		}
		setNote(undefined);
		if (is('full-text-blog') && props.onToggleFullText) return setNote(props.onToggleFullText());
		if (props.onBack && is('back-to-list')) return props.onBack();
		if (result.status === 'loading') {
			if (is('cancel')) return result.cancel();
			if (is('quit-list')) return props.onQuit();
			// Typed ahead (kk at the top of a page: the page before, then up one more; ] Enter): taken in turn once the page is here.
			return 'hold';
		}
		if (is('quit-list')) return props.onQuit();
		if (result.status === 'error') {
			if (is('retry')) result.retry();
			if (is('previous-page') && page > 1) props.onPage(page - 1);
			return;
		}
		const totalPages = postPage?.totalPages ?? 1;
		const last = posts.length - 1;
		if (is('list-down')) moveDown();
		else if (is('list-up')) moveUp();
		else if (is('next-page')) {
			if (page < totalPages) props.onPage(page + 1);
		} else if (is('previous-page')) {
			if (page > 1) props.onPage(page - 1);
		} else if (is('first-page')) {
			if (page > 1) props.onPage(1);
		} else if (is('last-page')) {
			if (page < totalPages) props.onPage(totalPages);
		} else if (is('first-post')) {
			props.onSelect(0);
		} else if (is('last-post')) {
			props.onSelect(Math.max(0, last));
		} else if (is('open-post') && postPage && posts[selected]) {
			props.onOpen(posts[selected], postPage);
		} else if (is('refresh')) {
			result.retry();
		} else if (is('search-blog') && props.onSearch) {
			setTyped('');
		} else if (is('browse-terms') && props.onBrowseTerms) {
			props.onBrowseTerms();
		} else if (is('star-list-post') && props.onToggleStar && posts[selected]) {
			setNote(props.onToggleStar(posts[selected]));
		}
	}, {isActive: props.isActive, typedText: typed !== undefined});
	/** j, and the wheel down: the next post, past the last one the next page. */
	function moveDown() {
		if (selected < posts.length - 1) props.onMove(1, posts.length);
		else if (page < (postPage?.totalPages ?? 1)) props.onPage(page + 1);
	}
	/** k, and the wheel up. */
	function moveUp() {
		if (selected > 0) props.onMove(-1, posts.length);
		else if (page > 1) props.onPage(page - 1, true);
	}
	// What the blog sent that could not be read (left out), and where blogterm stopped reading a list that went on: a dim line under the list, as print mode says it on stderr.
	const leftOut = postPage ? [...(postPage.notes ?? []), ...(postPage.endsEarly ? [postPage.endsEarly] : [])].join(' ') : '';
	// Rows that fit: header (2) + info (1) + blank (1) + footer (1) + excerpt (2), less the note's.
	const leftOutNote = useMemo(() => dimNoteLines(leftOut, width), [leftOut, width]);
	const room = Math.max(1, postRows(height) - leftOutNote.length);
	// The first post shown: what the screen draws and where a click lands.
	const first = firstPostShown(selected, posts.length, room);
	// The wheel moves the highlight as j and k do; a click on a post selects it, on the selected one opens it.
	useMouse(event => {
		if (result.status !== 'done' || typed !== undefined) return;
		if (event.kind === 'wheel') return event.direction === 'down' ? moveDown() : moveUp();
		if (event.button !== 'left') return;
		const index = listItemAt(event.row - rowsAbovePosts, first, Math.min(room, posts.length - first));
		const click = clickOnList(index, selected);
		if (click === 'select') props.onSelect(index!);
		else if (click === 'open' && postPage) props.onOpen(posts[selected]!, postPage);
	}, {isActive: props.isActive});

	const loadedTotal = result.status === 'done' ? result.value.total : undefined;
	const counted = loadedTotal === undefined ? '' : ` · ${formatCount(loadedTotal)} ${loadedTotal === 1 ? 'post' : 'posts'}`;
	const header = (
		<Box flexDirection="column">
			<Text bold color={theme.accent} wrap="truncate-end">{fitToWidth(source.site.name, width)}</Text>
			{filter
				? <Text bold wrap="truncate-end">{fitToWidth(cleanLine(`${filterHeading(filter)}${counted}`), width)}</Text>
				: <Text color={theme.muted} wrap="truncate-end">{fitToWidth([source.site.description, source.description].filter(Boolean).join(' · '), width)}</Text>}
		</Box>
	);
	// The search line, while `/` is being answered.
	const searchLine = typed === undefined ? undefined : <SearchLine label={`Search ${hostOf(source.site.url)}`} typed={typed} width={width} />;

	const what = filter ? (filter.kind === 'search' ? `Searching ${hostOf(source.site.url)} for “${cleanLine(filter.text)}”` : `Loading page ${page} of ${filterHeading(filter)} from ${hostOf(source.site.url)}`) : `Loading page ${page} of posts from ${hostOf(source.site.url)}`;
	const rowsBox = useRef<DOMElement>(null);
	const screenReader = useIsScreenReaderEnabled();
	// A screen reader's cursor on the selected row (the list's first line says which list it is).
	useScreenReaderCursor(rowsBox, result.status === 'done' ? 1 + selected - first : undefined);
	if (result.status === 'loading') {
		const stale = lastShown && lastShown.source === source && lastShown.perPage === perPage && lastShown.filter === filter ? lastShown.page.posts.slice(0, room) : undefined;
		if (!stale) return <Box flexDirection="column" height={height}>{header}<LoadingLine what={what} /></Box>;
		// Another page on its way: the one before stays, dimmed and with no post chosen, the spinner where the count was.
		const staleColumns = metaColumns(stale, width - 4);
		return (
			<Box flexDirection="column" height={height}>
				{header}
				<Text> </Text>
				{stale.map(post => {
					const row = listRow(post, width - 4, {columns: staleColumns});
					return (
						<Text key={String(post.id)} wrap="truncate-end" dimColor>
							{`  ${props.readIds.has(String(post.id)) ? '  ' : `${unreadSign} `}${row.title}${row.gap}${row.meta}`}
						</Text>
					);
				})}
				<Box flexGrow={1} />
				<Box height={1} overflow="hidden"><LoadingLine what={what} /></Box>
			</Box>
		);
	}
	if (result.status === 'error') {
		const back = props.onBack ? keyMap.hint('back-to-list', 'back') : '';
		return <Box flexDirection="column" height={height}>{header}<ErrorBox error={result.error} hint={[keyMap.hint('retry', 'retry'), back, keyMap.hint('quit-list', 'quit'), page > 1 ? keyMap.hint('previous-page', 'previous page') : ''].filter(Boolean).join(' · ')} /></Box>;
	}

	// A feed paged with ?paged=N tells no total until its end: "at least".
	const more = postPage!.totalIsExact === false ? '+' : '';
	const counts = postPage!.total === 0
		? filter ? cleanLine(noPostsMessage(filter)) : 'No posts yet.'
		: `Page ${formatCount(postPage!.page)} of ${formatCount(postPage!.totalPages)}${more} · ${formatCount(postPage!.total)}${more} ${postPage!.total === 1 ? 'post' : 'posts'}`;
	// The blog could not be reached: this page is the copy kept on disk.
	const saved = postPage!.offlineSavedAt ? `${counts} · ${offlineNote(postPage!.offlineSavedAt)}` : counts;
	// Shown from the copy on disk while the blog is asked again.
	const info = result.refreshing || props.sourceRefreshing ? `${saved} · updating…` : saved;
	const visible = posts.slice(first, first + room);
	// The columns after the titles line up across the page (as wide as the page's widest date, author and comments).
	const columns = metaColumns(posts, width - 4, post => props.seenComments?.get(String(post.id)));
	const current = posts[selected];
	return (
		<Box flexDirection="column" height={height}>
			{header}
			<Text aria-hidden> </Text>
			<ReaderBox box={rowsBox} aria-role="list">
			{screenReader ? <Text>{`Posts, page ${postPage!.page} of ${postPage!.totalPages}${more}`}</Text> : null}
			{visible.map((post, offset) => {
				const index = first + offset;
				const isSelected = index === selected;
				const isRead = props.readIds.has(String(post.id));
				// Starred: a sign before the title, as in What is new.
				const isStarred = props.starredIds?.has(String(post.id)) === true;
				const row = listRow(isStarred ? {...post, title: `${starSign} ${post.title}`} : post, width - 4, {columns, firstPage: page === 1 && !filter, seenComments: props.seenComments?.get(String(post.id))});
				// Read out: the title first, then the rest in words (no marker or sign to be read as a symbol), in one row.
				// A title too long for the row is shortened so that whether it is selected, unread or starred is
				// still read; the date, author and comments follow where the row has room.
				const state = readOutRow(cleanLine(listedTitle(post, {firstPage: page === 1 && !filter})), [isSelected ? 'selected' : '', isRead ? '' : 'unread', isStarred ? 'starred' : ''], width);
				const meta = postMeta(post, props.seenComments?.get(String(post.id)));
				const label = meta === '' || textWidth(state) + 4 > width ? state : fitToWidth(`${state} · ${meta}`, width);
				return (
					<Text key={String(post.id)} wrap="truncate-end" aria-label={label}>
						<Text color={theme.selection}>{isSelected ? '▸ ' : '  '}</Text>
						{/* Unread has a sign, not only a brighter title (as in What is new). */}
						<Text color={theme.accent}>{isRead ? '  ' : `${unreadSign} `}</Text>
						<Text bold={isSelected} dimColor={isRead && !isSelected} color={isSelected ? theme.selection : undefined}>{row.title}</Text>
						<Text>{row.gap}</Text>
						<Text color={theme.muted}>{row.meta}</Text>
					</Text>
				);
			})}
			</ReaderBox>
			<DimNote lines={leftOutNote} />
			<Box flexGrow={1} />
			{current?.excerpt ? <Text color={theme.muted} wrap="truncate-end">{fitToWidth(current.excerpt, width)}</Text> : null}
			{searchLine ?? (
				<Text wrap="truncate-end">
					<Text bold>{info}</Text>
					<Text color={note ? theme.warning : theme.muted}>{`  ${note ?? keyMap.hints('list', Math.max(0, width - info.length - 2), {omit: [...(props.onToggleFullText ? [] : ['full-text-blog' as const]), ...(props.onToggleStar ? [] : ['star-list-post' as const]), ...(props.onBack ? [] : ['back-to-list' as const]), ...(props.onSearch ? [] : ['search-blog' as const]), ...(props.onBrowseTerms ? [] : ['browse-terms' as const])]})}`}</Text>
				</Text>
			)}
		</Box>
	);
}
