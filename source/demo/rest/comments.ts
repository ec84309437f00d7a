import type {StoredComment} from '../comment-store.js';
import {renderCommentContent} from '../wp-text.js';
import {restUrl, type Json, type RestContext} from './context.js';
import {cannotReadPost, RestError} from './errors.js';
import {shape, type Shaped} from './fields.js';
import {pageOf, pageParams, type Paging} from './paging.js';
import {enumParam, integerListParam} from './params.js';
import {canReadPost, postLink} from './posts.js';

/*
/wp/v2/comments and /wp/v2/comments/ID: the approved comments, as blogterm and its tests ask for
them: of some posts, under some parents, a page at a time, oldest or newest first.
*/

function approvedComments(context: RestContext): StoredComment[] {
	return context.store.all().filter(comment => comment.approved);
}

const byDate = (a: StoredComment, b: StoredComment) => a.dateGmt.localeCompare(b.dateGmt) || a.id - b.id;

function commentJson(comment: StoredComment, context: RestContext): Shaped {
	const post = context.blog.postById(comment.post)!;
	const url = (route: string) => restUrl(context.base, route);
	const date = comment.dateGmt.replace(' ', 'T');
	const data: Json = {
		id: comment.id,
		post: comment.post,
		parent: comment.parent,
		author: 0,
		author_name: comment.authorName,
		author_url: comment.authorUrl,
		date,
		date_gmt: date,
		content: {rendered: renderCommentContent(comment.content)},
		link: `${postLink(context, post)}#comment-${comment.id}`,
		status: comment.approved ? 'approved' : 'hold',
		type: comment.type ?? 'comment',
		meta: [],
	};
	const links: Json = {
		self: [{href: url(`/wp/v2/comments/${comment.id}`)}],
		collection: [{href: url('/wp/v2/comments')}],
		up: [{embeddable: true, post_type: 'post', href: url(`/wp/v2/posts/${comment.post}`)}],
	};
	if (comment.parent !== 0) links['in-reply-to'] = [{embeddable: true, href: url(`/wp/v2/comments/${comment.parent}`)}];
	if (approvedComments(context).some(c => c.parent === comment.id)) links['children'] = [{href: url(`/wp/v2/comments?parent=${comment.id}`)}];
	return {data, links};
}

const commentOrderby = ['date', 'date_gmt', 'id'] as const;

export function listComments(query: URLSearchParams, context: RestContext): {body: Json[]; total: Paging} {
	const {page, perPage} = pageParams(query);
	const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
	const orderby = enumParam(query, 'orderby', commentOrderby, 'date_gmt');
	const posts = integerListParam(query, 'post');
	const parents = integerListParam(query, 'parent');
	// `after`: comments published after a time (as WordPress reads it, against the comment's date; the demo's is UTC).
	const after = query.has('after') ? Date.parse(query.get('after') ?? '') : undefined;
	if (after !== undefined && Number.isNaN(after)) throw new RestError(400, 'rest_invalid_param', 'Invalid parameter(s): after');
	// A visitor lists comments only: any other `type` (pingback, trackback) needs an account (get_items_permissions_check).
	if ((query.get('type') ?? 'comment') !== 'comment') throw new RestError(401, 'rest_forbidden_param', 'Query parameter not permitted: type');

	for (const id of posts ?? []) {
		const post = context.blog.postById(id);
		if (post && !canReadPost(post, query)) throw cannotReadPost();
	}
	const chosen = approvedComments(context).filter(comment => {
		// Comments on a password-protected post are left out of any listing (check_read_permission).
		if (!canReadPost(context.blog.postById(comment.post)!, query)) return false;
		if (comment.type !== undefined) return false;
		if (posts && !posts.includes(comment.post)) return false;
		if (after !== undefined && Date.parse(`${comment.dateGmt.replace(' ', 'T')}Z`) <= after) return false;
		return !parents || parents.includes(comment.parent);
	});
	const sign = order === 'asc' ? 1 : -1;
	const sorted = [...chosen].sort((a, b) => sign * (orderby === 'id' ? a.id - b.id : byDate(a, b)) || sign * byDate(a, b));
	// Unlike posts, WordPress answers a page past the end of comments with an empty list, not an error.
	const {items, paging} = pageOf(sorted, page, perPage);
	return {body: items.map(comment => shape(commentJson(comment, context), query)), total: paging};
}

export function oneComment(id: number, query: URLSearchParams, context: RestContext): Json {
	const comment = context.store.byId(id);
	if (!comment) throw new RestError(404, 'rest_comment_invalid_id', 'Invalid comment ID.');
	if (!comment.approved) throw new RestError(401, 'rest_cannot_read', 'Sorry, you are not allowed to read this comment.');
	if (!canReadPost(context.blog.postById(comment.post)!, query)) throw cannotReadPost();
	return shape(commentJson(comment, context), query);
}
