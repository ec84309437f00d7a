import type {PostSummary} from '../../model/post.js';
import {formatShortDate} from '../../render/format-date.js';
import {fitToWidth} from '../../render/fit-width.js';
import {textWidth} from '../../render/text-width.js';
import {newCommentCount, newCommentsText} from '../../store/comment-marks.js';

/**
 * "Nov 3, 2026 · Dana · 12 comments": what a list row shows after the title; "3 new comments" instead of
 * the count when the thread has comments since it was last opened (`seenComments`: how many it had then).
 */
export function postMeta(post: PostSummary, seenComments?: number): string {
	const fresh = newCommentCount(seenComments, post.commentCount);
	const comments = fresh > 0 ? newCommentsText(fresh) : post.commentCount === undefined ? '' : post.commentCount === 1 ? '1 comment' : `${post.commentCount} comments`;
	return [formatShortDate(post.date), post.author, comments].filter(Boolean).join(' · ');
}

/** A list row split into the title (cut to fit) and the meta, with the gap between: exactly `width` columns. */
export function listRow(post: PostSummary, width: number, seenComments?: number): {title: string; gap: string; meta: string} {
	const fullMeta = postMeta(post, seenComments);
	const meta = textWidth(fullMeta) > width / 2 ? fitToWidth(fullMeta, Math.floor(width / 2)) : fullMeta;
	const titleRoom = Math.max(1, width - textWidth(meta) - 2);
	// As WordPress's own list marks a password-protected post.
	const title = fitToWidth(post.isProtected ? `Protected: ${post.title}` : post.title, titleRoom);
	const gap = ' '.repeat(Math.max(1, width - textWidth(title) - textWidth(meta)));
	return {title, gap, meta};
}
