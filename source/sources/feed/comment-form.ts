import {Parser} from 'htmlparser2';
import {absoluteUrl} from './html-text.js';

/** WordPress's own comment form, as a post's page carries it. */
export type WordPressCommentForm = {
	/** Absolute URL of `wp-comments-post.php`. */
	readonly formActionUrl: string;
	/** The `comment_post_ID` the form sends: a number when it is one. */
	readonly postId: number | string;
};

/**
 * Finds WordPress's comment form in a post's page: a `<form>` posting to `…/wp-comments-post.php`
 * with a `comment_post_ID` input. Undefined when the page has none (comments closed, or not WordPress).
 */
export function findWordPressCommentForm(html: string, pageUrl: string): WordPressCommentForm | undefined {
	let base = pageUrl;
	let action: string | undefined;
	let insideForm = false;
	let postIdInForm: string | undefined;
	let postIdAnywhere: string | undefined;
	const parser = new Parser({
		onopentag(name, attributes) {
			if (name === 'base' && attributes['href']) {
				base = absoluteUrl(attributes['href'], pageUrl) ?? base;
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
			if (name === 'form') insideForm = false;
		},
	}, {decodeEntities: true});
	parser.end(html);
	const postId = postIdInForm ?? postIdAnywhere;
	if (action === undefined || !postId) return undefined;
	const formActionUrl = absoluteUrl(action, base);
	if (!formActionUrl || !/^https?:/i.test(formActionUrl)) return undefined;
	return {formActionUrl, postId: /^\d+$/.test(postId) ? Number(postId) : postId};
}
