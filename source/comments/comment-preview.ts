import {filterCommentHtml, renderCommentContent} from '../demo/wp-text.js';
import type {Comment} from '../model/comment.js';
import type {CommentDraft} from '../model/comment-draft.js';

/*
A comment as the blog will show it, before it is sent: what WordPress does to an anonymous commenter's
text. On the way in, wp_filter_kses keeps only the tags a commenter may use (links, emphasis, quotes,
code; the demo blog's table, written after WordPress's); on the way out, wptexturize and wpautop make
paragraphs and line breaks, and make_clickable makes a bare URL a link.
*/

/** make_clickable: a bare http(s) URL in text (not in a tag, not in a link already) becomes a link to itself. */
export function makeClickable(html: string): string {
	let inLink = 0;
	return html.split(/(<[^>]*>)/u).map(part => {
		if (part.startsWith('<')) {
			if (/^<a\b/iu.test(part)) inLink++;
			else if (/^<\/a\s*>/iu.test(part)) inLink = Math.max(0, inLink - 1);
			return part;
		}
		if (inLink > 0) return part;
		return part.replaceAll(/(^|[\s(>])(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'])/giu, (_, before: string, url: string) => `${before}<a href="${url}" rel="nofollow ugc">${url}</a>`);
	}).join('');
}

/** The comment's HTML as WordPress would show it. */
export function previewHtml(text: string): string {
	return makeClickable(renderCommentContent(filterCommentHtml(text.trim())));
}

/** The draft as a comment of the thread, as the blog will show it (the date is when it is previewed). */
export function previewComment(draft: CommentDraft, now: Date = new Date()): Comment {
	const website = draft.website.trim();
	return {
		id: 'preview',
		parent: 0,
		author: draft.name.trim() || 'Anonymous',
		authorUrl: website === '' ? undefined : /^https?:\/\//iu.test(website) ? website : `http://${website}`,
		date: now.toISOString(),
		html: previewHtml(draft.comment),
		status: 'approved',
	};
}
