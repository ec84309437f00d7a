import {Parser} from 'htmlparser2';
import {networkId, networkUrl} from '../clean.js';

/** WordPress's own comment form, as a post's page carries it. */
export type WordPressCommentForm = {
	/** Absolute URL of `wp-comments-post.php`. */
	readonly formActionUrl: string;
	/** The `comment_post_ID` the form sends: a number when it is one. */
	readonly postId: number | string;
};

/** What a post's own page tells that its feed does not. */
export type PostPageFacts = {
	/** Undefined when the page has none (comments closed, or not WordPress). */
	readonly commentForm: WordPressCommentForm | undefined;
	/**
	 * Comment number → the number of the comment it answers, from how WordPress nests its comment
	 * list (`<li id="comment-3">` inside `<li id="comment-2">`). Comment feeds do not say.
	 */
	readonly commentParents: ReadonlyMap<number, number>;
};

const commentItemId = /^comment-(\d+)$/;

/**
 * Reads a post's page for WordPress's comment form (a `<form>` posting to `…/wp-comments-post.php`
 * with a `comment_post_ID` input) and for the nesting of its comment list.
 */
export function readPostPage(html: string, pageUrl: string): PostPageFacts {
	let base = pageUrl;
	let action: string | undefined;
	let insideForm = false;
	let postIdInForm: string | undefined;
	let postIdAnywhere: string | undefined;
	const commentParents = new Map<number, number>();
	/** The open `<li>`s, innermost last: a comment's number, or undefined for any other list item. */
	const openItems: Array<number | undefined> = [];
	const parser = new Parser({
		onopentag(name, attributes) {
			if (name === 'li') {
				const number = commentItemId.exec(attributes['id'] ?? '')?.[1];
				if (number !== undefined) {
					const parent = openItems.findLast(item => item !== undefined);
					if (parent !== undefined) commentParents.set(Number(number), parent);
				}
				openItems.push(number === undefined ? undefined : Number(number));
			} else if (name === 'base' && attributes['href']) {
				base = networkUrl(attributes['href'], pageUrl) ?? base;
			} else if (name === 'form') {
				const formAction = attributes['action'] ?? '';
				insideForm = action === undefined && /wp-comments-post\.php(?:$|[?#])/i.test(formAction.trim());
				if (insideForm) action = formAction;
			} else if (name === 'input' && attributes['name'] === 'comment_post_ID' && attributes['value']) {
				const value = attributes['value'].trim();
				if (insideForm) postIdInForm ??= value;
				postIdAnywhere ??= value;
			}
		},
		onclosetag(name) {
			if (name === 'li') openItems.pop();
			else if (name === 'form') insideForm = false;
		},
	}, {decodeEntities: true});
	parser.end(html);
	return {commentForm: commentFormOf(action, postIdInForm ?? postIdAnywhere, base), commentParents};
}

function commentFormOf(action: string | undefined, postId: string | undefined, base: string): WordPressCommentForm | undefined {
	if (action === undefined || !postId) return undefined;
	const formActionUrl = networkUrl(action, base);
	const id = networkId(postId);
	if (!formActionUrl || id === undefined) return undefined;
	return {formActionUrl, postId: id};
}
