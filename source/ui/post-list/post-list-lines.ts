import {listedTitle, type PostSummary} from '../../model/post.js';
import {formatShortDate} from '../../render/format-date.js';
import {fitToWidth} from '../../render/fit-width.js';
import {textWidth} from '../../render/text-width.js';
import {newCommentCount, newCommentsText} from '../../store/comment-marks.js';

/** The parts of a list row after the title: the date, the author, the comments ('' where a post has none). */
function metaParts(post: PostSummary, seenComments?: number): {date: string; author: string; comments: string} {
	const fresh = newCommentCount(seenComments, post.commentCount);
	const comments = fresh > 0 ? newCommentsText(fresh) : post.commentCount === undefined ? '' : post.commentCount === 1 ? '1 comment' : `${post.commentCount} comments`;
	return {date: formatShortDate(post.date), author: post.author, comments};
}

/**
 * "Nov 3, 2026 · Dana · 12 comments": what a list row shows after the title; "3 new comments" instead of
 * the count when the thread has comments since it was last opened (`seenComments`: how many it had then).
 */
export function postMeta(post: PostSummary, seenComments?: number): string {
	const {date, author, comments} = metaParts(post, seenComments);
	return [date, author, comments].filter(Boolean).join(' · ');
}

/** How wide each column after the titles is on a list page, so that each starts in the same place on every row (0: not shown). */
export type MetaColumns = {readonly date: number; readonly author: number; readonly comments: number};

/** The most of a row the columns after the title take: the title keeps the rest. */
const metaShare = 0.55;

/**
 * The columns of a list page `width` columns wide (its rows less the marker and the sign): as wide as
 * their widest entry on the page. Too wide together, the author's column gives way first (cut names),
 * then goes (fewer than 4 columns is no name); then the comments' column; the date stays.
 */
export function metaColumns(posts: readonly PostSummary[], width: number, seenComments?: (post: PostSummary) => number | undefined): MetaColumns {
	let date = 0;
	let author = 0;
	let comments = 0;
	for (const post of posts) {
		const parts = metaParts(post, seenComments?.(post));
		date = Math.max(date, textWidth(parts.date));
		author = Math.max(author, textWidth(parts.author));
		comments = Math.max(comments, textWidth(parts.comments));
	}
	const room = Math.floor(width * metaShare);
	const others = [date, comments].filter(Boolean);
	const othersWidth = others.reduce((sum, column) => sum + column, 0) + ' · '.length * Math.max(0, others.length - 1);
	const separator = others.length > 0 ? ' · '.length : 0;
	if (author > 0 && othersWidth + separator + author > room) author = room - othersWidth - separator >= 4 ? room - othersWidth - separator : 0;
	// Narrower still, the comments go too: the date alone.
	if (author === 0 && othersWidth > room) comments = 0;
	return {date, author, comments};
}

/** `text` filled with spaces to `columns` (as the terminal counts them), on the left or the right. */
const padded = (text: string, columns: number, side: 'start' | 'end') => {
	const fill = ' '.repeat(Math.max(0, columns - textWidth(text)));
	return side === 'start' ? fill + text : text + fill;
};

/**
 * A list row split into the title and the meta, with the gap between: exactly `width` columns. The meta is
 * the page's `columns` (the date on the right of its column, so that the years line up; the author cut to
 * its column; a cell a post has nothing for left blank, without its ` · `); the title is cut to the rest.
 */
export function listRow(post: PostSummary, width: number, options: {readonly columns: MetaColumns; readonly firstPage?: boolean; readonly seenComments?: number}): {title: string; gap: string; meta: string} {
	// As WordPress marks a password-protected post, and a sticky one at the top of its home page.
	const wholeTitle = listedTitle(post, {firstPage: options.firstPage === true});
	const parts = metaParts(post, options.seenComments);
	const {columns} = options;
	const cells = [
		{text: parts.date, columns: columns.date, side: 'start' as const},
		{text: fitToWidth(parts.author, columns.author), columns: columns.author, side: 'end' as const},
		{text: parts.comments, columns: columns.comments, side: 'end' as const},
	].filter(cell => cell.columns > 0);
	const meta = cells.map((cell, index) => `${index === 0 ? '' : cell.text === '' || cells[index - 1]!.text === '' ? '   ' : ' · '}${padded(cell.text, cell.columns, cell.side)}`).join('');
	// Where even the date and the comments do not fit (a very narrow terminal), the meta is cut at its end.
	const shown = fitToWidth(meta, Math.floor(width * metaShare));
	const title = fitToWidth(wholeTitle, Math.max(1, width - textWidth(shown) - 2));
	return {title, gap: ' '.repeat(Math.max(1, width - textWidth(title) - textWidth(shown))), meta: shown};
}

/**
 * The rows of the list screen that are not list rows: the header (2), a blank, the excerpt and the status
 * line. (Read out, the blank is not, and the line that says which list it is takes its row.)
 */
const rowsAroundTheList = 5;

/**
 * Posts per list page when `--per-page` does not say: as many as the list screen, `height` rows tall (the
 * terminal's, less a line under the reader), shows at once (a 48-row terminal shows 43, not 10 and 33
 * empty rows), never fewer than 10 (a short terminal scrolls within the page) nor more than WordPress
 * gives in one answer (100).
 */
export function postsPerScreen(height: number): number {
	return Math.min(100, Math.max(10, height - rowsAroundTheList));
}

/** Rows above the first post on the list screen: the blog's name, its description (or the filter), a blank line. */
export const rowsAbovePosts = 3;

/** Rows for posts on a list screen `height` rows tall: all but the rows around the list. */
export function postRows(height: number): number {
	return Math.max(1, height - rowsAroundTheList);
}

/** The first post shown, so that the selected one is on screen (the list scrolls as the highlight moves past its end). */
export function firstPostShown(selected: number, count: number, room: number): number {
	return Math.min(Math.max(0, selected - room + 1), Math.max(0, count - room));
}
