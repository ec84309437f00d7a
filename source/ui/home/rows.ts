import {fitToWidth} from '../../render/fit-width.js';
import {formatShortDate} from '../../render/format-date.js';
import {textWidth} from '../../render/text-width.js';
import type {FollowedBlog} from './home-data.js';

/**
 * A row in exactly `width` columns: the text on the left, the meta on the right. Both are whole when they
 * fit side by side; otherwise the meta takes at most half the row, and the text is cut to the rest.
 */
export function splitRow(text: string, meta: string, width: number): {text: string; gap: string; meta: string} {
	const sideBySide = textWidth(text) + 2 + textWidth(meta) <= width;
	const right = sideBySide || textWidth(meta) <= width / 2 ? meta : fitToWidth(meta, Math.floor(width / 2));
	const left = fitToWidth(text, Math.max(1, width - textWidth(right) - 2));
	const gap = ' '.repeat(Math.max(1, width - textWidth(left) - textWidth(right)));
	return {text: left, gap, meta: right};
}

/**
 * A row as a screen reader reads it, in `width` columns: its title, then the words that say what signs and
 * colours show (`selected · unread · Blog · Sep 9, 2025`), joined by ` · `. A title too long for the row is
 * shortened, to a quarter of the row at the least, so that the words after it stay; only what the row
 * still cannot hold is cut at its end (a long error message).
 */
export function readOutRow(title: string, words: readonly string[], width: number): string {
	const rest = words.filter(Boolean).join(' · ');
	if (rest === '') return fitToWidth(title, width);
	const titleRoom = Math.max(Math.max(8, Math.floor(width / 4)), width - textWidth(rest) - 3);
	return fitToWidth(`${fitToWidth(title, titleRoom)} · ${rest}`, width);
}

/** The first line in view so that `selected` shows in `room` lines. */
export function firstInView(selected: number, count: number, room: number): number {
	return Math.max(0, Math.min(selected - Math.floor(room / 2), count - room));
}

/** A line of the blogs list: a folder's name, or a blog in it. */
export type BlogRow =
	| {readonly kind: 'folder'; readonly name: string; readonly unread: number}
	| {readonly kind: 'blog'; readonly blog: FollowedBlog};

/**
 * The blogs grouped by folder, in the order given: blogs in no folder first, then each folder
 * (in the order its first blog comes) under its name with its unread total.
 */
export function blogRows(blogs: readonly FollowedBlog[]): BlogRow[] {
	const loose = blogs.filter(blog => !blog.folder);
	const folders = new Map<string, FollowedBlog[]>();
	for (const blog of blogs) {
		if (!blog.folder) continue;
		const list = folders.get(blog.folder) ?? [];
		list.push(blog);
		folders.set(blog.folder, list);
	}
	const rows: BlogRow[] = loose.map(blog => ({kind: 'blog', blog}));
	for (const [name, list] of folders) {
		rows.push({kind: 'folder', name, unread: list.reduce((sum, blog) => sum + blog.unread, 0)});
		for (const blog of list) rows.push({kind: 'blog', blog});
	}
	return rows;
}

/** The blogs in the order the list shows them (folders flattened). */
export function blogsInOrder(rows: readonly BlogRow[]): FollowedBlog[] {
	return rows.flatMap(row => (row.kind === 'blog' ? [row.blog] : []));
}

/** "5 min ago", "3 days ago", "2026-11-03" (past 60 days): when a blog last had something new. */
export function updatedAgo(iso: string | undefined, now: number): string {
	if (!iso) return 'never read';
	const time = Date.parse(iso);
	if (Number.isNaN(time)) return '';
	const minutes = Math.max(0, Math.round((now - time) / 60_000));
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours} h ago`;
	const days = Math.round(hours / 24);
	if (days < 60) return `${days} ${days === 1 ? 'day' : 'days'} ago`;
	// Longer ago, its date as the lists write dates ("Feb 3, 2025").
	return formatShortDate(iso);
}
