import {Box, Text, useIsScreenReaderEnabled, type DOMElement} from 'ink';
import {useMemo, useRef} from 'react';
import {useScreenReaderCursor} from '../screen-reader/cursor-target.js';
import {useKeys, useMouse} from '../hooks/use-keys.js';
import {clickOnList, listItemAt} from '../hooks/mouse.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';
import type {FollowedBlog} from './home-data.js';
import {blogLine, blogsRoom, blogsWindow, selectedBlogLine} from './home-lines.js';
import {blogRows, blogsInOrder} from './rows.js';
import {Spans} from '../components/spans.js';

export type BlogsViewProps = {
	readonly blogs: readonly FollowedBlog[];
	/** The highlighted blog's address (the first blog when undefined or gone). */
	readonly selectedUrl: string | undefined;
	readonly width: number;
	/** Lines for the list and the line under it (the caller draws the header and the status line). */
	readonly height: number;
	readonly isActive: boolean;
	/** Now, for "5 min ago" (a prop, so that tests and frames agree). */
	readonly now: number;
	readonly onSelect: (url: string) => void;
	readonly onOpen: (blog: FollowedBlog) => void;
	readonly onFollow: () => void;
	readonly onUnfollow: (blog: FollowedBlog) => void;
	readonly onMarkBlogRead: (blog: FollowedBlog) => void;
	readonly onMarkAllRead: () => void;
	readonly onSwitchView: () => void;
	readonly onRefresh: () => void;
	readonly onQuit: () => void;
	/** Whether a blog shows every summary-only post whole (its row says “full text”). */
	readonly fullTextOn?: (blog: FollowedBlog) => boolean;
	/** `F`: the blog's full-text setting on or off. None: the key does nothing. */
	readonly onToggleFullText?: (blog: FollowedBlog) => void;
};

/** The followed blogs, grouped by folder: unread count and when each last had something new, or why it failed. */
export function BlogsView(props: BlogsViewProps) {
	const {blogs, width, height} = props;
	const rows = useMemo(() => blogRows(blogs), [blogs]);
	const ordered = useMemo(() => blogsInOrder(rows), [rows]);
	// The list, then one line: the highlighted blog's address, or why its last refresh failed.
	const screenReader = useIsScreenReaderEnabled();
	const room = blogsRoom(height, screenReader);
	const {selected, selectedIndex, selectedRow, first, visible} = blogsWindow(rows, ordered, props.selectedUrl, room);
	const keyMap = useKeyMap();

	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		if (is('quit-home')) return props.onQuit();
		if (is('follow-blog')) return props.onFollow();
		if (is('switch-view')) return props.onSwitchView();
		if (is('refresh-all')) return props.onRefresh();
		if (is('mark-all-read')) return props.onMarkAllRead();
		if (!selected) return;
		if (is('blog-down')) props.onSelect(ordered[Math.min(ordered.length - 1, selectedIndex + 1)]!.url);
		else if (is('blog-up')) props.onSelect(ordered[Math.max(0, selectedIndex - 1)]!.url);
		else if (is('open-blog')) props.onOpen(selected);
		else if (is('unfollow-blog')) props.onUnfollow(selected);
		else if (is('mark-blog-read')) props.onMarkBlogRead(selected);
		else if (is('full-text-home-blog')) props.onToggleFullText?.(selected);
	}, {isActive: props.isActive});

	// The wheel moves the highlight as j and k do; a click on a blog selects it, on the selected one opens it.
	useMouse(event => {
		if (!selected) return;
		if (event.kind === 'wheel') return props.onSelect(ordered[Math.max(0, Math.min(ordered.length - 1, selectedIndex + (event.direction === 'down' ? 1 : -1)))]!.url);
		if (event.button !== 'left') return;
		const index = listItemAt(event.row, first, Math.min(room, rows.length - first));
		const row = index === undefined ? undefined : rows[index];
		if (row?.kind !== 'blog') return;
		if (clickOnList(index, selectedRow) === 'open') props.onOpen(row.blog);
		else props.onSelect(row.blog.url);
	}, {isActive: props.isActive});
	// A screen reader's cursor on the selected blog (after that line).
	const listBox = useRef<DOMElement>(null);
	useScreenReaderCursor(listBox, selectedRow === -1 ? undefined : 1 + selectedRow - first);
	if (blogs.length === 0) {
		return (
			<Box flexDirection="column" height={height}>
				<Text>You follow no blogs yet.</Text>
				<Text color={theme.muted}>{`${keyMap.hint('follow-blog', 'follows one')} (its address: blog.example, a feed, a WordPress site).`}</Text>
			</Box>
		);
	}
	return (
		<Box ref={listBox} flexDirection="column" height={height} aria-role="list">
			{screenReader ? <Text>Followed blogs</Text> : null}
			{visible.map(row => {
				const line = blogLine(row, {selected, width, now: props.now, fullText: row.kind === 'blog' && props.fullTextOn?.(row.blog) === true});
				return <Spans key={line.key} line={line.spans} label={line.label} />;
			})}
			<Box flexGrow={1} />
			{selected ? <Spans line={selectedBlogLine(selected, width)} /> : null}
		</Box>
	);
}
