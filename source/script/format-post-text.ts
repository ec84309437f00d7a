import {appendAll} from '../render/append.js';
import {layoutNeighbours, layoutPostBody, layoutPostHead, layoutRelated} from '../render/post-layout.js';
import type {StyledLine} from '../render/styled-line.js';
import type {PostView} from './fetch-post-view.js';
import {layoutCommentThread} from './comment-thread-text.js';
import {linesToText} from './styled-text.js';

const blank: StyledLine = [];

/**
 * A post as text, as the reader shows it: title, byline, the body wrapped to `width` with its
 * numbered links, "Related Posts", `« previous` / `next »`, and the thread when comments were fetched.
 * ANSI styles only when `colour`.
 */
export function formatPostText(view: PostView, options: {readonly width: number; readonly colour: boolean}): string {
	const {width} = options;
	// Appended, never spread into push(): a post or a thread can be hundreds of thousands of lines.
	const lines: StyledLine[] = layoutPostHead(view.post, width);
	lines.push(blank);
	appendAll(lines, layoutPostBody(view.post, width));
	lines.push(blank);
	appendAll(lines, layoutRelated(view.related, width));
	const neighbours = layoutNeighbours(view.neighbours, width);
	if (neighbours.length > 0) appendAll(lines, [blank, ...neighbours]);
	if (view.comments) {
		lines.push(blank);
		appendAll(lines, layoutCommentThread(view.comments, view.post, width));
	}
	return linesToText(lines, options.colour);
}
