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
	const lines: StyledLine[] = [
		...layoutPostHead(view.post, width),
		blank,
		...layoutPostBody(view.post, width),
		blank,
		...layoutRelated(view.related, width),
	];
	const neighbours = layoutNeighbours(view.neighbours, width);
	if (neighbours.length > 0) lines.push(blank, ...neighbours);
	if (view.comments) lines.push(blank, ...layoutCommentThread(view.comments, view.post, width));
	return linesToText(lines, options.colour);
}
