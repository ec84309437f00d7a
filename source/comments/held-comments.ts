import type {HttpClient} from '../http/client.js';
import type {SentComment} from '../store/my-comments.js';

/*
A comment held for moderation is never listed to an anonymous reader (REST API, feeds), so only its
writer can tell whether it is still there: WordPress answered the comment with a moderation link
(`…/post/?unapproved=ID&moderation-hash=…#comment-ID`), and the post's page opened with that link shows
the held comment to its writer, marked "Your comment is awaiting moderation.", for as long as it is held.
Approved, it shows without the mark; trashed or marked as spam, it is not on the page at all.
*/

/** What the post's page shows of a held comment: still held, approved since, gone, or it cannot be told. */
export type HeldCommentState = 'held' | 'approved' | 'gone' | 'unknown';

/** The moderation link to open, when it is one WordPress gave for this comment on the blog's own site. */
function moderationUrl(sent: SentComment, postLink: string): URL | undefined {
	if (!sent.link) return undefined;
	try {
		const url = new URL(sent.link);
		const post = new URL(postLink);
		if (url.origin !== post.origin || !/^https?:$/.test(url.protocol)) return undefined;
		if (url.searchParams.get('unapproved') !== String(sent.id) || !url.searchParams.get('moderation-hash')) return undefined;
		url.hash = '';
		return url;
	} catch {
		return undefined;
	}
}

/** The comment's part of the page: from its element to the next comment's (a held comment has no replies). */
function commentMarkup(page: string, id: number | string): string | undefined {
	const start = page.search(new RegExp(`id=["'](?:div-)?comment-${id}["']`));
	if (start === -1) return undefined;
	const rest = page.slice(start + 1);
	const next = rest.search(/<li\b[^>]*\bid=["']comment-\d+["']/);
	return rest.slice(0, next === -1 ? 4000 : Math.min(next, 4000));
}

/**
 * What a post's page, as WordPress shows it to the comment's writer, says of the comment: 'held' when
 * it is marked awaiting moderation, 'approved' when it is there without the mark, 'gone' when the page
 * has comments but not this one, 'unknown' when the page has no comment list at all (a cache, a login wall).
 */
export function commentStateOnPage(body: string, id: number | string): HeldCommentState {
	if (!/id=["'](?:div-)?comment-\d+["']|class=["'][^"']*\bcomment-list\b|id=["']comments["']/.test(body)) return 'unknown';
	const markup = commentMarkup(body, id);
	if (markup === undefined) return 'gone';
	return /comment-awaiting-moderation/.test(markup) ? 'held' : 'approved';
}

/**
 * Opens the held comment's moderation link and reads what the page shows of it. 'unknown' when there
 * is no such link (WordPress gives none when the writer consented to its cookies) or the page could
 * not be read: the comment is then still shown to its writer as held, never forgotten on a guess.
 */
export async function checkHeldComment(http: HttpClient, sent: SentComment, postLink: string, options: {readonly signal?: AbortSignal} = {}): Promise<HeldCommentState> {
	if (!/^\d+$/.test(String(sent.id))) return 'unknown';
	const url = moderationUrl(sent, postLink);
	if (!url) return 'unknown';
	let body: string;
	try {
		const response = await http.getText(url.href, {signal: options.signal});
		if (response.statusCode !== 200) return 'unknown';
		body = response.body;
	} catch {
		return 'unknown';
	}
	return commentStateOnPage(body, sent.id);
}
