import {Box, Text} from 'ink';
import {formatShortDate} from '../../render/format-date.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import {useKeys} from '../hooks/use-keys.js';
import type {Action, KeyMap} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';
import type {SearchItem} from '../home/home-data.js';
import {firstInView, splitRow} from '../home/rows.js';
import {unreadSign} from '../river/river-view.js';

/** A search of every stored post: what was searched for, and what was found. */
export type StoredSearch = {readonly query: string; readonly items: readonly SearchItem[]; readonly total: number; readonly selected: number};

export type StoredSearchViewProps = {
	readonly search: StoredSearch;
	readonly width: number;
	/** Lines for the heading and the posts (the caller draws the status line under them). */
	readonly height: number;
	readonly isActive: boolean;
	/** Another post highlighted, or (undefined) Esc: back to the list the search was made from. */
	readonly onChange: (search: StoredSearch | undefined) => void;
	/** `/` again: a new search (the search line opens, empty). */
	readonly onSearchAgain: () => void;
	readonly onOpen: (item: SearchItem) => void;
};

/** The status line under the results: their keys. */
export function storedSearchHints(keyMap: KeyMap): string {
	return `${keyMap.hint('open-river-post', 'read')} · ${keyMap.hint('search-river', 'search again')} · Esc back`;
}

/**
 * What `/` on the home screen and the river found (typed on the search line, search-line.tsx): every
 * stored post with the words, two lines each (the title with its blog and date; the matched words in a
 * few words of the text).
 */
export function StoredSearchView(props: StoredSearchViewProps) {
	const {search, width, height, onChange} = props;
	const keyMap = useKeyMap();
	// Two lines a post; the heading takes one.
	const rows = Math.max(1, Math.floor((height - 1) / 2));
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		const {items, selected} = search;
		const move = (to: number) => onChange({...search, selected: Math.max(0, Math.min(items.length - 1, to))});
		if (key.escape) onChange(undefined);
		else if (is('search-river') || is('search-followed')) props.onSearchAgain();
		else if (is('river-down')) move(selected + 1);
		else if (is('river-up')) move(selected - 1);
		else if (is('river-page-down')) move(selected + rows);
		else if (is('river-page-up')) move(selected - rows);
		else if (is('open-river-post') && items[selected]) props.onOpen(items[selected]);
	}, {isActive: props.isActive});

	const {items, query, total} = search;
	const selected = Math.min(search.selected, Math.max(0, items.length - 1));
	// The best of them are listed: a note says when there are more.
	const more = total > items.length ? ` (the first ${items.length})` : '';
	const heading = `Search: “${cleanLine(query)}” · ${total === 1 ? '1 post' : `${total} posts`}${more}`;
	const first = firstInView(selected, items.length, rows);
	const nameRoom = Math.max(8, Math.floor(width / 4));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate-end">{fitToWidth(heading, width)}</Text>
			{items.length === 0 ? <Text>{fitToWidth(`No posts match “${cleanLine(query)}”.`, width)}</Text> : null}
			{items.slice(first, first + rows).map((item, offset) => {
				const index = first + offset;
				const isSelected = index === selected;
				const blogName = [...item.blogTitle].length > nameRoom ? `${[...item.blogTitle].slice(0, nameRoom - 1).join('')}…` : item.blogTitle;
				const line = splitRow(item.isProtected ? `Protected: ${item.title}` : item.title, [blogName, formatShortDate(item.date)].filter(Boolean).join(' · '), width - 4);
				return (
					<Box key={`${item.blogUrl} ${String(item.id)}`} flexDirection="column">
						<Text wrap="truncate-end">
							<Text color={theme.selection}>{isSelected ? '▸ ' : '  '}</Text>
							<Text color={theme.accent}>{item.read ? '  ' : `${unreadSign} `}</Text>
							<Text bold color={isSelected ? theme.selection : undefined}>{line.text}</Text>
							<Text>{line.gap}</Text>
							<Text color={theme.muted}>{line.meta}</Text>
						</Text>
						<Text wrap="truncate-end">{'    '}<MarkedText text={fitToWidth(item.excerpt.text, Math.max(1, width - 4))} marks={item.excerpt.marks} /></Text>
					</Box>
				);
			})}
		</Box>
	);
}

/** A line with some runs shown inverted (the words a search matched). */
function MarkedText({text, marks}: {readonly text: string; readonly marks: ReadonlyArray<readonly [number, number]>}) {
	const parts: Array<{text: string; marked: boolean}> = [];
	let at = 0;
	for (const [start, end] of marks) {
		if (start >= text.length) break;
		if (start > at) parts.push({text: text.slice(at, start), marked: false});
		parts.push({text: text.slice(Math.max(at, start), Math.min(end, text.length)), marked: true});
		at = Math.min(end, text.length);
	}
	if (at < text.length) parts.push({text: text.slice(at), marked: false});
	return <>{parts.map((part, index) => <Text key={index} inverse={part.marked} color={part.marked ? undefined : theme.muted}>{part.text}</Text>)}</>;
}
