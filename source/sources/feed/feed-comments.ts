import type {Comment} from '../../model/comment.js';
import {cleanLine} from '../../render/sanitize.js';
import type {FeedItem} from './parse-feed.js';

/**
 * A comment feed's items as comments, oldest first. A reply's parent is the comment its
 * `thr:in-reply-to` names, else the one the post's page nests it under. WordPress's comments keep
 * their numeric ID (from `#comment-N`), which a reply through the comment form needs.
 */
export function toComments(items: readonly FeedItem[], pageParents: ReadonlyMap<number, number>): Comment[] {
	const idOf = (item: FeedItem): number | string => wordpressCommentNumber(item) ?? item.id;
	const idsByFeedId = new Map(items.map(item => [item.id, idOf(item)]));
	const comments = items.map((item): Comment => {
		const id = idOf(item);
		const replyTo = item.inReplyTo === undefined ? undefined : idsByFeedId.get(item.inReplyTo);
		const nestedUnder = typeof id === 'number' ? pageParents.get(id) : undefined;
		const parent = replyTo !== undefined && replyTo !== id ? replyTo : nestedUnder ?? 0;
		return {
			id,
			parent,
			author: item.author || cleanLine(item.title.replace(/^(?:By|Von|Par|Por):\s*/i, '')) || 'Anonymous',
			authorUrl: item.authorUrl,
			date: item.date,
			html: parent === 0 ? item.html : withoutReplyLine(item.html, parent),
			status: 'approved',
		};
	});
	// Comment feeds list the newest first.
	if (comments.every(comment => comment.date !== undefined)) return comments.toSorted((a, b) => Date.parse(a.date!) - Date.parse(b.date!));
	return comments.toReversed();
}

/**
 * A reply's text without the line WordPress's comment feeds begin it with, "In reply to <a
 * href="…#comment-5">Fay Wray</a>." (in the site's language: "Als Antwort auf …"), when it links the
 * comment the reply is nested under: the thread says that already. Any other first paragraph stays.
 */
function withoutReplyLine(html: string, parent: number | string): string {
	const line = /^\s*<p>[^<]{0,40}<a href="[^"]*#comment-([^"#]+)"[^>]*>[^<]{0,200}<\/a>[^<]{0,3}<\/p>\s*/.exec(html);
	return line && line[1] === String(parent) ? html.slice(line[0].length) : html;
}

/** `…#comment-12` (a WordPress comment's link or guid) → 12. */
function wordpressCommentNumber(item: FeedItem): number | undefined {
	const match = /#comment-(\d+)$/.exec(item.link) ?? /#comment-(\d+)$/.exec(item.id);
	return match ? Number(match[1]) : undefined;
}

