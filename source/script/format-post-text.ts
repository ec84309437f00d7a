import {appendAll} from '../render/append.js';
import {linkUrlsOf} from '../render/ansi.js';
import {layoutNeighbours, layoutPostBodyWithLinks, layoutPostHead, layoutRelated} from '../render/post-layout.js';
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
export function formatPostText(view: PostView, options: {readonly width: number; readonly colour: boolean; readonly hyperlinks?: boolean; readonly bodyOnly?: boolean; readonly fullTextTried?: boolean}): string {
	const {width, colour} = options;
	// URLs in the links list are written whole, each on its own line, so a mouse selection copies them whole.
	// Under a summary, what a script can do (--full-text, the post's address): there are no keys here.
	const body = layoutPostBodyWithLinks(view.post, width, {wholeUrls: true, summaryNoteFor: options.fullTextTried ? 'script-full-text-tried' : 'script'});
	// Only the body's lines are hyperlinked: a comment's links are numbered in the comment.
	const linkUrl = options.hyperlinks ? linkUrlsOf(body.links) : undefined;
	// --body-only: the body and its links, for a pipe to a summariser.
	if (options.bodyOnly) return linesToText(body.lines, colour, linkUrl);
	const head: StyledLine[] = layoutPostHead(view.post, width);
	head.push(blank);
	// Appended, never spread into push(): a post or a thread can be hundreds of thousands of lines.
	const lines: StyledLine[] = [];
	// Related posts and neighbours not asked for (or not arrived) are left out, not shown as none.
	if (view.related) appendAll(lines, [blank, ...layoutRelated(view.related, width)]);
	const neighbours = view.neighbours ? layoutNeighbours(view.neighbours, width) : [];
	if (neighbours.length > 0) appendAll(lines, [blank, ...neighbours]);
	if (view.comments) {
		lines.push(blank);
		appendAll(lines, layoutCommentThread(view.comments.comments, view.post, width));
	}
	return linesToText(head, colour) + linesToText(body.lines, colour, linkUrl) + linesToText(lines, colour);
}
