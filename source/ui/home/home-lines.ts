// The home screen's lines as plain data: text in runs, each with its style. Made once, here, for both ways
// they reach the terminal: Ink's views draw them (blogs-view.tsx, home-app.tsx), and before Ink has
// loaded, the first frame is written from them as it is (early-frame.ts), so the two agree to the cell.
// No Ink and no React: this loads before them.
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import {graphemes, textWidth} from '../../render/text-width.js';
import {theme, type ThemeColour} from '../../render/theme.js';
import type {KeyMap, Screen} from '../keys/key-map.js';
import type {FollowedBlog, StoredHome} from './home-data.js';
import {blogRows, blogsInOrder, firstInView, readOutRow, splitRow, updatedAgo, type BlogRow} from './rows.js';

/** A run of text in one style. The text is clean (it came from the store, cleaned as it entered) and has no newline. */
export type Span = {
	readonly text: string;
	readonly bold?: boolean;
	readonly underline?: boolean;
	readonly colour?: ThemeColour;
};

/** One line of the screen, at most its width. */
export type SpanLine = readonly Span[];

/** A line cut to `width` columns, with "…" where it was cut (so no view has to cut it, and both ways of drawing agree). */
function fitSpans(line: SpanLine, width: number): SpanLine {
	const total = line.reduce((sum, span) => sum + textWidth(span.text), 0);
	if (total <= width) return line;
	const fitted: Span[] = [];
	let room = Math.max(0, width - 1);
	for (const span of line) {
		if (textWidth(span.text) <= room) {
			fitted.push(span);
			room -= textWidth(span.text);
			continue;
		}
		let text = '';
		for (const grapheme of graphemes(span.text)) {
			const columns = textWidth(grapheme);
			if (columns > room) break;
			text += grapheme;
			room -= columns;
		}
		fitted.push({...span, text: `${text}…`});
		break;
	}
	return width > 0 ? fitted : [];
}

/** A line's width in columns. */
function spansWidth(line: SpanLine): number {
	return line.reduce((sum, span) => sum + textWidth(span.text), 0);
}

/**
 * The home screen's header: the three lists, the one shown underlined (Starred only with stars), and replies
 * to you when there are some. The replies notice is never cut: where the line is too narrow (80 columns
 * with large counts) it says less ("1 reply (R)"), then the name goes, then the lists are cut, not it.
 */
export function headerLine(stored: Pick<StoredHome, 'blogs' | 'starred' | 'replies'>, context: {readonly view: 'blogs' | 'river' | 'starred'; readonly hasStars: boolean; readonly keyMap: KeyMap}, width: number): SpanLine {
	const list = (text: string, shown: boolean): Span => ({text, bold: shown, underline: shown, colour: shown ? undefined : theme.muted});
	const unread = stored.blogs.reduce((sum, blog) => sum + blog.unread, 0);
	const lists: SpanLine = [
		list(`Followed blogs (${stored.blogs.length})`, context.view === 'blogs'),
		{text: '  '},
		list(`What is new (${unread} unread)`, context.view === 'river'),
		...(context.hasStars ? [{text: '  '}, list(`Starred (${stored.starred.length})`, context.view === 'starred')] : []),
	];
	const brand: SpanLine = [{text: 'blogterm', bold: true, colour: theme.accent}, {text: '  '}];
	const unreadReplies = stored.replies.filter(reply => !reply.read).length;
	if (unreadReplies === 0) return fitSpans([...brand, ...lists], width);
	const repliesKey = context.keyMap.labels('open-replies')[0] ?? '';
	const count = unreadReplies === 1 ? '1 reply' : `${unreadReplies} replies`;
	const replies = (text: string): Span => ({text, bold: true, colour: theme.accent});
	const long = replies(`  ${count} to you (${repliesKey})`);
	const short = replies(`  ${count} (${repliesKey})`);
	for (const line of [[...brand, ...lists, long], [...brand, ...lists, short], [...lists, short]]) {
		if (spansWidth(line) <= width) return line;
	}
	// Still too wide: the lists are cut to leave the notice whole (all of it cut only where it alone is too wide).
	const room = width - textWidth(short.text);
	return room < 1 ? fitSpans([{...short, text: short.text.trimStart()}], width) : [...fitSpans(lists, room), short];
}

/** The blogs list's window: the blog selected (its place among the blogs and among the rows), and the rows in view. */
export type BlogsWindow = {
	readonly selected: FollowedBlog | undefined;
	readonly selectedIndex: number;
	/** The selected blog's row among `rows`, -1 for none. */
	readonly selectedRow: number;
	/** The first row in view. */
	readonly first: number;
	readonly visible: readonly BlogRow[];
};

/** Which rows show in `room` lines, the selected blog (by its address; the first when gone) in view. `ordered`: blogsInOrder(rows). */
export function blogsWindow(rows: readonly BlogRow[], ordered: readonly FollowedBlog[], selectedUrl: string | undefined, room: number): BlogsWindow {
	const selectedIndex = Math.max(0, ordered.findIndex(blog => blog.url === selectedUrl));
	const selected = ordered[selectedIndex];
	const selectedRow = rows.findIndex(row => row.kind === 'blog' && row.blog === selected);
	const first = firstInView(selectedRow, rows.length, room);
	return {selected, selectedIndex, selectedRow, first, visible: rows.slice(first, first + room)};
}

/** A row of the blogs list, and what a screen reader says for it. */
export type BlogLine = {readonly key: string; readonly spans: SpanLine; readonly label: string};

/** A folder's row (its name, its unread total), or a blog's (unread count and when it last had something new, or why it failed). */
export function blogLine(row: BlogRow, context: {readonly selected: FollowedBlog | undefined; readonly width: number; readonly now: number; readonly fullText: boolean}): BlogLine {
	const {width} = context;
	if (row.kind === 'folder') {
		const meta = row.unread > 0 ? `${row.unread} unread` : '';
		const line = splitRow(`▾ ${row.name}`, meta, width);
		return {
			key: `folder:${row.name}`,
			spans: fitSpans([{text: line.text + line.gap, bold: true}, {text: line.meta, bold: true, colour: theme.muted}], width),
			label: fitToWidth([`${row.name} (folder)`, meta].filter(Boolean).join(' · '), width),
		};
	}
	const {blog} = row;
	const isSelected = blog === context.selected;
	const indent = blog.folder ? '  ' : '';
	const failed = blog.lastError !== undefined;
	// The blog's summary-only posts are read whole from their pages (F): said in words on its row.
	const counts = `${blog.unread} unread · ${updatedAgo(blog.lastUpdated, context.now)}${context.fullText ? ' · full text' : ''}`;
	// Failed: the unread count still, then a sign as well as the colour, ✗ and the reason in words, cut to
	// what the row leaves (the whole of it is on the line under the list when the blog is selected).
	const unread = `${blog.unread} unread`;
	const meta = failed ? `${unread} · ✗ ${blog.lastError}` : counts;
	const line = splitRow(`${indent}${blog.title}`, meta, width - 2);
	const metaSpans: Span[] = failed && line.meta.startsWith(unread)
		? [{text: unread, colour: theme.muted}, {text: line.meta.slice(unread.length), colour: theme.error}]
		: [{text: line.meta, colour: failed ? theme.error : theme.muted}];
	return {
		key: `blog:${blog.url}`,
		spans: fitSpans([
			{text: isSelected ? '▸ ' : '  ', colour: theme.selection},
			{text: line.text, bold: isSelected || blog.unread > 0, colour: isSelected ? theme.selection : undefined},
			{text: line.gap},
			...metaSpans,
		], width),
		// Read out: the title first, then the rest in words, in one row.
		label: readOutRow(blog.title, [isSelected ? 'selected' : '', failed ? `${unread} · error: ${blog.lastError}` : counts], width),
	};
}

/** The line under the blogs list: the selected blog's address, or why its last refresh failed. */
export function selectedBlogLine(selected: FollowedBlog, width: number): SpanLine {
	const text = selected.lastError ? `${cleanLine(selected.title)}: ${selected.lastError}` : selected.url;
	return [{text: fitToWidth(text, width), colour: selected.lastError ? theme.error : theme.muted}];
}

/** The last line when nothing is asked: what happened (a notice, the refresh's progress), then the keys that fit. */
export function statusLine(info: string, keyMap: KeyMap, screen: Extract<Screen, 'home' | 'river'>, width: number, fullText: boolean): SpanLine {
	const hints = keyMap.hints(screen, Math.max(0, width - textWidth(info) - 2), {omit: fullText ? [] : ['full-text-home-blog']});
	return fitSpans([{text: info, bold: true}, {text: `${info ? '  ' : ''}${hints}`, colour: theme.muted}], width);
}

/** The home screen's height (every row of the terminal, at least 5) and its lists' (the header, a blank line and a status line of `statusHeight` taken). */
export function homeHeights(terminalRows: number, statusHeight = 1): {readonly height: number; readonly listHeight: number} {
	const height = Math.max(5, terminalRows);
	return {height, listHeight: Math.max(2, height - 2 - statusHeight)};
}

/** The blogs list's rows in `listHeight` lines: all but the last, where the selected blog's line goes (a screen reader's title takes one more). */
export function blogsRoom(listHeight: number, screenReader: boolean): number {
	return Math.max(1, listHeight - (screenReader ? 2 : 1));
}

/**
 * The home screen's first frame, every row of it, as the home screen draws it when it opens on the followed
 * blogs, the first selected, nothing asked and no refresh begun; undefined when it would not start that
 * way (no blog followed), the terminal is too small for a frame of its rows, or there is no terminal (no size).
 */
export function firstHomeFrame(stored: StoredHome, context: {readonly columns: number; readonly rows: number; readonly keyMap: KeyMap; readonly hasStars: boolean; readonly fullTextOn?: (blog: FollowedBlog) => boolean}): SpanLine[] | undefined {
	const {columns: width, keyMap} = context;
	// Not a terminal (no size): no frame.
	if (!(width > 0 && context.rows > 0)) return undefined;
	const {height, listHeight} = homeHeights(context.rows);
	if (stored.blogs.length === 0 || height > context.rows) return undefined;
	const rows = blogRows(stored.blogs);
	const window = blogsWindow(rows, blogsInOrder(rows), undefined, blogsRoom(listHeight, false));
	const lines: SpanLine[] = [
		headerLine(stored, {view: 'blogs', hasStars: context.hasStars, keyMap}, width),
		[],
		...window.visible.map(row => blogLine(row, {selected: window.selected, width, now: stored.now, fullText: row.kind === 'blog' && context.fullTextOn?.(row.blog) === true}).spans),
	];
	while (lines.length < 2 + listHeight - 1) lines.push([]);
	lines.push(window.selected ? selectedBlogLine(window.selected, width) : []);
	lines.push(statusLine('', keyMap, 'home', width, context.fullTextOn !== undefined));
	return lines;
}
