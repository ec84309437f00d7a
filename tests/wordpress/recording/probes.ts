import {restUrl} from '../helpers/rest.js';
import type {Commenter} from '../helpers/target.js';
import type {TruthPost} from '../helpers/truth.js';

/*
The requests asked of real WordPress when recording, and of the demo blog when checking it against
the recordings: the same request to each (with each blog's own posts in the roles), so that the
answers can be compared in shape. What blogterm asks is asked with blogterm's own parameters.
*/

/** The posts and people a probe is about, found on each blog by what they are (see postsOf in ../helpers/checks.ts). */
export type ProbeRoles = {
	readonly siteUrl: string;
	readonly restRoot: string;
	readonly newest: TruthPost;
	readonly readable: TruthPost;
	readonly threaded: TruthPost;
	readonly busy: TruthPost;
	readonly closed: TruthPost;
	readonly protectedPost: TruthPost;
	readonly commentable: TruthPost;
	readonly knownCommenter: Commenter;
	/** A commenter the blog has not seen: WordPress holds their comment. */
	readonly newCommenter: Commenter;
	readonly totalPostPages: number;
};

export type ProbeRequest = {
	readonly method: string;
	readonly url: string;
	readonly form?: Record<string, string>;
	readonly json?: Record<string, unknown>;
};

export type Probe = {
	readonly name: string;
	/** Ask the blog to forget recent comments first (WordPress refuses comments that come too fast). */
	readonly fresh?: boolean;
	request(roles: ProbeRoles): ProbeRequest;
};

// What blogterm's WordPress source asks for (source/sources/wordpress/wordpress-source.ts).
const embed = 'author,wp:term';
const summaryFields = 'id,date,date_gmt,slug,link,title,excerpt,author,categories,tags,comment_status,_links,_embedded';
const postFields = `${summaryFields},content,status`;

const get = (url: string): ProbeRequest => ({method: 'GET', url});
const rest = (roles: ProbeRoles, route: string, parameters: Record<string, string | number> = {}) => get(restUrl(roles.restRoot, route, parameters));

function commentForm(roles: ProbeRoles, post: TruthPost | number, fields: {author: string; email: string; comment: string; parent?: number; consent?: boolean}): ProbeRequest {
	const form: Record<string, string> = {
		comment_post_ID: String(typeof post === 'number' ? post : post.id),
		author: fields.author,
		email: fields.email,
		url: '',
		comment: fields.comment,
		comment_parent: String(fields.parent ?? 0),
	};
	if (fields.consent) form['wp-comment-cookies-consent'] = 'yes';
	return {method: 'POST', url: new URL('wp-comments-post.php', roles.siteUrl).toString(), form};
}

export const probes: readonly Probe[] = [
	{name: 'home page', request: roles => get(roles.siteUrl)},
	{name: 'REST index', request: roles => get(roles.restRoot)},
	{name: 'list page 1', request: roles => rest(roles, 'wp/v2/posts', {page: 1, per_page: 10, _embed: embed, _fields: summaryFields})},
	{name: 'list past the end', request: roles => rest(roles, 'wp/v2/posts', {page: roles.totalPostPages + 1, per_page: 10, _embed: embed, _fields: summaryFields})},
	{name: 'a post by ID', request: roles => rest(roles, `wp/v2/posts/${roles.readable.id}`, {_embed: embed, _fields: postFields})},
	{name: 'a post by slug', request: roles => rest(roles, 'wp/v2/posts', {slug: roles.readable.slug, _embed: embed, _fields: postFields})},
	{name: 'a post that does not exist', request: roles => rest(roles, 'wp/v2/posts/999999', {_embed: embed, _fields: postFields})},
	{name: 'a password-protected post', request: roles => rest(roles, `wp/v2/posts/${roles.protectedPost.id}`, {_embed: embed, _fields: postFields})},
	{name: 'the older neighbour', request: roles => rest(roles, 'wp/v2/posts', {before: roles.readable.date.replace(/Z$/, ''), exclude: roles.readable.id, per_page: 1, orderby: 'date', order: 'desc', _fields: 'id,title,link'})},
	{name: 'the newer neighbour of the newest', request: roles => rest(roles, 'wp/v2/posts', {after: roles.newest.date.replace(/Z$/, ''), exclude: roles.newest.id, per_page: 1, orderby: 'date', order: 'asc', _fields: 'id,title,link'})},
	{name: 'a thread', request: roles => rest(roles, 'wp/v2/comments', {post: roles.threaded.id, order: 'asc', orderby: 'date_gmt', per_page: 100, page: 1})},
	{name: 'a long thread, page 2', request: roles => rest(roles, 'wp/v2/comments', {post: roles.busy.id, order: 'asc', orderby: 'date_gmt', per_page: 100, page: 2})},
	{name: 'comments past the end', request: roles => rest(roles, 'wp/v2/comments', {post: roles.threaded.id, page: 99})},
	{name: 'comments of a password-protected post', request: roles => rest(roles, 'wp/v2/comments', {post: roles.protectedPost.id})},
	{name: 'a comment count', request: roles => rest(roles, 'wp/v2/comments', {post: roles.threaded.id, per_page: 1, _fields: 'id'})},
	{
		name: 'an anonymous REST comment',
		request: roles => ({method: 'POST', url: restUrl(roles.restRoot, 'wp/v2/comments'), json: {post: roles.commentable.id, parent: 0, content: 'Through REST', author_name: roles.knownCommenter.name, author_email: roles.knownCommenter.email}}),
	},
	// The comment form. The first three in this order: published, then too fast, then the same again.
	{name: 'form: published', fresh: true, request: roles => commentForm(roles, roles.commentable, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: published.'})},
	{name: 'form: too fast', request: roles => commentForm(roles, roles.commentable, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: too fast.'})},
	{name: 'form: duplicate', request: roles => commentForm(roles, roles.commentable, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: published.'})},
	{name: 'form: a reply', fresh: true, request: roles => commentForm(roles, roles.threaded, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: a reply.', parent: roles.threaded.comments![0]!.id})},
	{name: 'form: held', fresh: true, request: roles => commentForm(roles, roles.commentable, {author: roles.newCommenter.name, email: roles.newCommenter.email, comment: 'Recorded: held.'})},
	{name: 'form: held, with cookie consent', fresh: true, request: roles => commentForm(roles, roles.commentable, {author: `${roles.newCommenter.name} Too`, email: `too-${roles.newCommenter.email}`, comment: 'Recorded: held, with consent.', consent: true})},
	{name: 'form: no name', fresh: true, request: roles => commentForm(roles, roles.commentable, {author: '', email: roles.knownCommenter.email, comment: 'Recorded: no name.'})},
	{name: 'form: no email', request: roles => commentForm(roles, roles.commentable, {author: roles.knownCommenter.name, email: '', comment: 'Recorded: no email.'})},
	{name: 'form: no comment', request: roles => commentForm(roles, roles.commentable, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: ''})},
	{name: 'form: a bad email', request: roles => commentForm(roles, roles.commentable, {author: roles.knownCommenter.name, email: 'not-an-email', comment: 'Recorded: bad email.'})},
	{name: 'form: comments closed', request: roles => commentForm(roles, roles.closed, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: closed.'})},
	{name: 'form: a post that does not exist', request: roles => commentForm(roles, 999_999, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: nowhere.'})},
	{name: 'form: a password-protected post', request: roles => commentForm(roles, roles.protectedPost, {author: roles.knownCommenter.name, email: roles.knownCommenter.email, comment: 'Recorded: no password.'})},
	{name: 'form: a GET', request: roles => get(new URL('wp-comments-post.php', roles.siteUrl).toString())},
	// The feeds.
	{name: 'the RSS feed', request: roles => get(new URL('feed/', roles.siteUrl).toString())},
	{name: 'the comments feed', request: roles => get(new URL('comments/feed/', roles.siteUrl).toString())},
	{name: 'a post\'s comments feed', request: roles => get(new URL('feed/', roles.threaded.link).toString())},
];
