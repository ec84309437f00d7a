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
		return {
			id,
			parent: replyTo !== undefined && replyTo !== id ? replyTo : nestedUnder ?? 0,
			author: item.author || cleanLine(item.title.replace(/^(?:By|Von|Par|Por):\s*/i, '')) || 'Anonymous',
			authorUrl: item.authorUrl,
			date: item.date,
			html: item.html,
			status: 'approved',
		};
	});
	// Comment feeds list the newest first.
	if (comments.every(comment => comment.date !== undefined)) return comments.toSorted((a, b) => Date.parse(a.date!) - Date.parse(b.date!));
	return comments.toReversed();
}

/** `…#comment-12` (a WordPress comment's link or guid) → 12. */
function wordpressCommentNumber(item: FeedItem): number | undefined {
	const match = /#comment-(\d+)$/.exec(item.link) ?? /#comment-(\d+)$/.exec(item.id);
	return match ? Number(match[1]) : undefined;
}

