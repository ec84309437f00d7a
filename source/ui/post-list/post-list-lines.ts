import {listedTitle, type PostSummary} from '../../model/post.js';
import {formatShortDate} from '../../render/format-date.js';
import {fitToWidth} from '../../render/fit-width.js';
import {splitRow} from '../home/rows.js';
import {textWidth} from '../../render/text-width.js';
import {newCommentCount, newCommentsText} from '../../store/comment-marks.js';

/** The parts of a list row after the title: the date, the author, the comments ('' where a post has none). */
function metaParts(post: PostSummary, seenComments?: number): {date: string; author: string; comments: string} {
	const fresh = newCommentCount(seenComments, post.commentCount);
	const comments = fresh > 0 ? newCommentsText(fresh) : post.commentCount === undefined ? '' : post.commentCount === 1 ? '1 comment' : `${post.commentCount} comments`;
	return {date: formatShortDate(post.date), author: post.author, comments};
}

const joinedMeta = (parts: readonly string[]) => parts.filter(Boolean).join(' · ');

/**
 * "Nov 3, 2026 · Dana · 12 comments": what a list row shows after the title; "3 new comments" instead of
 * the count when the thread has comments since it was last opened (`seenComments`: how many it had then).
 */
export function postMeta(post: PostSummary, seenComments?: number): string {
	const {date, author, comments} = metaParts(post, seenComments);
	return joinedMeta([date, author, comments]);
}

/**
 * A list row split into the title and the meta, with the gap between: exactly `width` columns. Both are
 * whole when they fit side by side; otherwise the meta takes at most half the row, giving up the author's
 * name first (the date and the comments stay whole while they fit), and the title is cut to the rest.
 */
export function listRow(post: PostSummary, width: number, options: {readonly firstPage?: boolean; readonly seenComments?: number} = {}): {title: string; gap: string; meta: string} {
	// As WordPress marks a password-protected post, and a sticky one at the top of its home page.
	const wholeTitle = listedTitle(post, {firstPage: options.firstPage === true});
	const parts = metaParts(post, options.seenComments);
	const wholeMeta = joinedMeta([parts.date, parts.author, parts.comments]);
	const sideBySide = textWidth(wholeTitle) + 2 + textWidth(wholeMeta) <= width;
	const {text: title, gap, meta} = splitRow(wholeTitle, sideBySide ? wholeMeta : metaWithin(parts, wholeMeta, Math.floor(width / 2)), width);
	return {title, gap, meta};
}

/**
 * The meta in `room` columns: whole; or with the author's name cut ("Ilya Bra…"); or without it, the date
 * and the comments whole; or, where even those are too wide, cut at its end.
 */
function metaWithin(parts: {date: string; author: string; comments: string}, wholeMeta: string, room: number): string {
	if (textWidth(wholeMeta) <= room) return wholeMeta;
	const withoutAuthor = joinedMeta([parts.date, parts.comments]);
	// The author's name keeps at least a few columns, or it is no name at all.
	const authorRoom = room - textWidth(withoutAuthor) - ' · '.length;
	if (parts.author !== '' && authorRoom >= 4) return joinedMeta([parts.date, fitToWidth(parts.author, authorRoom), parts.comments]);
	return fitToWidth(withoutAuthor, room);
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
