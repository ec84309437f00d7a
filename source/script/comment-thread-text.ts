import {buildThread, renderThread} from '../comments/thread.js';
import type {Comment} from '../model/comment.js';
import type {Post} from '../model/post.js';
import {appendAll} from '../render/append.js';
import type {StyledLine} from '../render/styled-line.js';

/**
 * The thread under a post, as the reader shows it: "3 comments" (and "Comments are closed." when
 * they are), then each comment oldest first, replies indented under their parent.
 */
export function layoutCommentThread(comments: readonly Comment[], post: Post, width: number): StyledLine[] {
	const count = comments.length;
	const heading = count === 0 ? 'No comments' : count === 1 ? '1 comment' : `${count} comments`;
	const lines: StyledLine[] = [[{text: heading, bold: true, role: 'heading'}]];
	if (!post.commentsOpen) lines.push([{text: 'Comments are closed.', role: 'muted'}]);
	if (count === 0) return lines;
	const thread = renderThread(buildThread(comments), width, {baseUrl: post.link || undefined});
	lines.push([]);
	return appendAll(lines, thread.lines);
}
