import {Box, Text, useIsScreenReaderEnabled, type DOMElement} from 'ink';
import {useRef} from 'react';
import {useScreenReaderCursor} from '../screen-reader/cursor-target.js';
import {formatShortDate} from '../../render/format-date.js';
import {useKeys, useMouse} from '../hooks/use-keys.js';
import {clickOnList, listItemAt} from '../hooks/mouse.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';
import type {RiverItem} from '../home/home-data.js';
import {firstInView, readOutRow, splitRow} from '../home/rows.js';
import {nextUnread, riverKey} from '../home/use-home-state.js';

export type RiverViewProps = {
	/** The newest posts across the followed blogs, newest first. */
	readonly items: readonly RiverItem[];
	readonly selected: number;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
	readonly onSelect: (index: number) => void;
	readonly onOpen: (item: RiverItem) => void;
	readonly onSetRead: (item: RiverItem, read: boolean) => void;
	/** `s`: star or unstar the post (absent: no stars). */
	readonly onSetStarred?: (item: RiverItem, starred: boolean) => void;
	/** `S`: the Starred folder, and back (absent: none). */
	readonly onToggleStarred?: () => void;
	/** What the list shows when it is empty (default: nothing read in yet). */
	readonly emptyText?: string;
	readonly onMarkBlogRead: (blogUrl: string) => void;
	readonly onMarkAllRead: () => void;
	readonly onBack: () => void;
	readonly onRefresh: () => void;
	readonly onQuit: () => void;
	/** Said when n finds no unread post. */
	readonly onNotice: (notice: string) => void;
};

/** The unread sign: a dot, so that it shows without colour too. */
export const unreadSign = '●';
/** The star sign of a starred post. */
export const starSign = '★';

/** What is new: one list of the newest posts from every followed blog, unread ones marked, the blog's name on each line. */
export function RiverView(props: RiverViewProps) {
	const {items, width, height} = props;
	const selected = Math.min(props.selected, Math.max(0, items.length - 1));
	const current = items[selected];
	const keyMap = useKeyMap();
	const room = Math.max(1, height);

	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		if (is('river-to-blogs')) return props.onBack();
		if (is('quit-home')) return props.onQuit();
		if (is('refresh-all')) return props.onRefresh();
		if (is('mark-river-all-read')) return props.onMarkAllRead();
		if (is('river-starred') && props.onToggleStarred) return props.onToggleStarred();
		if (!current) return;
		const last = items.length - 1;
		if (is('river-down')) props.onSelect(Math.min(last, selected + 1));
		else if (is('river-up')) props.onSelect(Math.max(0, selected - 1));
		else if (is('river-page-down')) props.onSelect(Math.min(last, selected + room));
		else if (is('river-page-up')) props.onSelect(Math.max(0, selected - room));
		else if (is('river-first')) props.onSelect(0);
		else if (is('river-last')) props.onSelect(last);
		else if (is('open-river-post')) props.onOpen(current);
		else if (is('toggle-read')) props.onSetRead(current, !current.read);
		else if (is('star-river-post') && props.onSetStarred) props.onSetStarred(current, !current.starred);
		else if (is('mark-river-blog-read')) props.onMarkBlogRead(current.blogUrl);
		else if (is('next-unread')) {
			const next = nextUnread(items, selected);
			if (next === undefined) props.onNotice('No unread posts.');
			else props.onSelect(next);
		}
	}, {isActive: props.isActive});
	// The wheel moves the highlight as j and k do; a click on a post selects it, on the selected one opens it.
	useMouse(event => {
		if (!current) return;
		if (event.kind === 'wheel') return props.onSelect(Math.max(0, Math.min(items.length - 1, selected + (event.direction === 'down' ? 1 : -1))));
		if (event.button !== 'left') return;
		const first = firstInView(selected, items.length, room);
		const index = listItemAt(event.row, first, Math.min(room, items.length - first));
		const click = clickOnList(index, selected);
		if (click === 'open') props.onOpen(current);
		else if (click === 'select') props.onSelect(index!);
	}, {isActive: props.isActive});

	// A screen reader's cursor on the selected post.
	const listBox = useRef<DOMElement>(null);
	const screenReader = useIsScreenReaderEnabled();
	// The line that says which list this is takes a row for a screen reader.
	const rowsShown = screenReader ? Math.max(1, room - 1) : room;
	const first = firstInView(selected, items.length, rowsShown);
	useScreenReaderCursor(listBox, items.length === 0 ? undefined : (screenReader ? 1 : 0) + selected - first);
	if (items.length === 0) {
		return (
			<Box flexDirection="column" height={height}>
				<Text>{props.emptyText ?? 'Nothing yet: no posts from the blogs you follow have been read in.'}</Text>
				<Text color={theme.muted}>{keyMap.hint('refresh-all', 'refreshes every blog')}</Text>
			</Box>
		);
	}
	const visible = items.slice(first, first + rowsShown);
	// The blog's name takes at most a quarter of the line, the date after it.
	const nameRoom = Math.max(8, Math.floor(width / 4));
	return (
		<Box ref={listBox} flexDirection="column" height={height} aria-role="list">
			{screenReader ? <Text>{props.emptyText === undefined ? 'Posts from the blogs you follow' : 'Posts'}</Text> : null}
			{visible.map((item, offset) => {
				const index = first + offset;
				const isSelected = index === selected;
				const blogName = [...item.blogTitle].length > nameRoom ? `${[...item.blogTitle].slice(0, nameRoom - 1).join('')}…` : item.blogTitle;
				const meta = [blogName, formatShortDate(item.date)].filter(Boolean).join(' · ');
				const title = item.isProtected ? `Protected: ${item.title}` : item.title;
				const line = splitRow(item.starred ? `${starSign} ${title}` : title, meta, width - 4);
				// Read out: the title first, then the rest in words, in one row.
				const words = [isSelected ? 'selected' : '', item.read ? '' : 'unread', item.starred ? 'starred' : '', meta];
				return (
					<Text key={riverKey(item)} wrap="truncate-end" aria-label={readOutRow(title, words, width)}>
						<Text color={theme.selection}>{isSelected ? '▸ ' : '  '}</Text>
						<Text color={theme.accent}>{item.read ? '  ' : `${unreadSign} `}</Text>
						<Text bold={!item.read || isSelected} dimColor={item.read && !isSelected} color={isSelected ? theme.selection : undefined}>{line.text}</Text>
						<Text>{line.gap}</Text>
						<Text color={theme.muted}>{line.meta}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
