import type {BlogPost} from '../blog.js';
import {jetpackItems} from '../jetpack.js';
import {isoDate} from '../wp-text.js';
import {restUrl, type Json, type RestContext} from './context.js';
import {embeddedAuthor, embeddedTerm} from './embedded.js';
import {invalidParam, RestError} from './errors.js';
import {curies, shape, type Shaped} from './fields.js';
import {pageOf, pageParams, type Paging} from './paging.js';
import {booleanParam, dateParam, enumParam, integerListParam, listParam} from './params.js';
import {matchesSearch, parseSearch, relevanceOf} from './search.js';

/*
/wp/v2/posts and /wp/v2/posts/ID: what blogterm and its tests ask of them. The list pages, finds a
post by slug, excludes one, filters by categories and tags (AND, or OR), by author, by a search (as
WordPress searches: search.ts), limits by date either side, and sorts by date (or ID, or relevance with a search);
other WordPress parameters are not implemented.
*/

export function postLink(context: RestContext, post: BlogPost): string {
	return `${context.base}${post.path}`;
}

/** Whether the request may see a post's body and comments: no password, or the right one given. */
export function canReadPost(post: BlogPost, query: URLSearchParams): boolean {
	return post.password === undefined || query.get('password') === post.password;
}

function postJson(post: BlogPost, context: RestContext, query: URLSearchParams): Shaped {
	const url = (route: string) => restUrl(context.base, route);
	// A password-protected post keeps its title; its body and excerpt are empty without the password.
	const isProtected = post.password !== undefined;
	const readable = canReadPost(post, query);
	const date = isoDate(post.date);
	const data: Json = {
		id: post.id,
		date,
		date_gmt: date,
		guid: {rendered: `${context.base}/?p=${post.id}`},
		modified: date,
		modified_gmt: date,
		slug: post.slug,
		status: 'publish',
		type: 'post',
		link: postLink(context, post),
		title: {rendered: post.title},
		content: {rendered: readable ? post.content : '', protected: isProtected},
		excerpt: {rendered: readable ? `<p>${post.excerptText}${post.excerptCut ? ' [&hellip;]' : ''}</p>\n` : '', protected: isProtected},
		author: post.author.id,
		featured_media: 0,
		comment_status: post.commentsOpen ? 'open' : 'closed',
		ping_status: 'open',
		sticky: context.stickyIds?.has(post.id) ?? false,
		template: '',
		format: 'standard',
		meta: {footnotes: ''},
		categories: post.categories.map(term => term.id),
		tags: post.tags.map(term => term.id),
		class_list: [
			`post-${post.id}`, 'post', 'type-post', 'status-publish', 'format-standard', 'hentry',
			...post.categories.map(term => `category-${term.slug}`),
			...post.tags.map(term => `tag-${term.slug}`),
		],
	};
	// Jetpack registers its field on every post of a site that has it; here only some posts do.
	if (post.jetpackRelated) data['jetpack-related-posts'] = jetpackItems(context.blog, post, context.base, 6);
	const links: Json = {
		self: [{href: url(`/wp/v2/posts/${post.id}`)}],
		collection: [{href: url('/wp/v2/posts')}],
		about: [{href: url('/wp/v2/types/post')}],
		author: [{embeddable: true, href: url(`/wp/v2/users/${post.author.id}`)}],
		replies: [{embeddable: true, href: url(`/wp/v2/comments?post=${post.id}`)}],
		'version-history': [{count: 0, href: url(`/wp/v2/posts/${post.id}/revisions`)}],
		'wp:attachment': [{href: url(`/wp/v2/media?parent=${post.id}`)}],
		'wp:term': [
			{taxonomy: 'category', embeddable: true, href: url(`/wp/v2/categories?post=${post.id}`)},
			{taxonomy: 'post_tag', embeddable: true, href: url(`/wp/v2/tags?post=${post.id}`)},
		],
		curies,
	};
	return {
		data,
		links,
		embedded: {
			author: () => [shape(embeddedAuthor(post.author, context))],
			'wp:term': () => [
				post.categories.map(term => shape(embeddedTerm(term, context))),
				post.tags.map(term => shape(embeddedTerm(term, context))),
			],
		},
	};
}

// The demo's posts are never edited: `modified` is their date, so ordering and filtering by it is by date.
const postOrderby = ['date', 'id', 'modified', 'relevance'] as const;

export function listPosts(query: URLSearchParams, context: RestContext): {body: Json[]; total: Paging} {
	const {page, perPage} = pageParams(query);
	const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
	const orderby = enumParam(query, 'orderby', postOrderby, 'date');
	const taxRelation = enumParam(query, 'tax_relation', ['AND', 'OR'], 'AND');
	const exclude = integerListParam(query, 'exclude') ?? [];
	const slugs = listParam(query, 'slug');
	const categories = integerListParam(query, 'categories');
	const tags = integerListParam(query, 'tags');
	const before = dateParam(query, 'before');
	const after = dateParam(query, 'after');
	const modifiedAfter = dateParam(query, 'modified_after');
	const modifiedBefore = dateParam(query, 'modified_before');
	const status = listParam(query, 'status');
	if (status && status.some(s => s !== 'publish')) throw invalidParam('status', 'Status is forbidden.', 'rest_forbidden_status');
	const authors = integerListParam(query, 'author');
	// WordPress's `sticky`: true, only the sticky posts (none when there are none); false, all but them.
	const sticky = booleanParam(query, 'sticky');
	const stickyIds = context.stickyIds ?? new Set<number>();
	const search = parseSearch(query.get('search') ?? '');
	if (orderby === 'relevance' && !search) throw new RestError(400, 'rest_no_search_term_defined', 'You need to define a search term to order by relevance.');

	const hasAny = (ids: readonly number[], wanted: readonly number[]) => wanted.some(id => ids.includes(id));
	const chosen = context.blog.posts.filter(post => {
		if (exclude.includes(post.id)) return false;
		if (sticky !== undefined && stickyIds.has(post.id) !== sticky) return false;
		if (authors && !authors.includes(post.author.id)) return false;
		if (search && !matchesSearch(post, search)) return false;
		if (slugs && !slugs.includes(post.slug)) return false;
		if (before !== undefined && post.date.getTime() >= before) return false;
		if (after !== undefined && post.date.getTime() <= after) return false;
		if (modifiedAfter !== undefined && post.date.getTime() <= modifiedAfter) return false;
		if (modifiedBefore !== undefined && post.date.getTime() >= modifiedBefore) return false;
		const categoryMatch = categories ? hasAny(post.categories.map(t => t.id), categories) : undefined;
		const tagMatch = tags ? hasAny(post.tags.map(t => t.id), tags) : undefined;
		if (categoryMatch !== undefined && tagMatch !== undefined) {
			return taxRelation === 'OR' ? categoryMatch || tagMatch : categoryMatch && tagMatch;
		}
		return categoryMatch !== false && tagMatch !== false;
	});

	const sign = order === 'asc' ? 1 : -1;
	const byDate = (a: BlogPost, b: BlogPost) => a.date.getTime() - b.date.getTime();
	const sorted = orderby === 'relevance' && search
		? [...chosen].sort((a, b) => relevanceOf(a, search) - relevanceOf(b, search) || sign * byDate(a, b))
		: [...chosen].sort((a, b) => sign * (orderby === 'id' ? a.id - b.id : byDate(a, b)) || sign * byDate(a, b));
	const {items, paging} = pageOf(sorted, page, perPage);
	if (page > paging.pages && paging.total > 0) {
		const pastTheEnd = new RestError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
		pastTheEnd.allow = 'GET';
		throw pastTheEnd;
	}
	return {body: items.map(post => shape(postJson(post, context, query), query)), total: paging};
}

export function onePost(id: number, query: URLSearchParams, context: RestContext): Json {
	const post = context.blog.postById(id);
	if (!post) throw new RestError(404, 'rest_post_invalid_id', 'Invalid post ID.');
	// get_item_permissions_check: a password given for a protected post must be its password.
	if (post.password !== undefined && (query.get('password') ?? '') !== '' && query.get('password') !== post.password) {
		throw new RestError(403, 'rest_post_incorrect_password', 'Incorrect post password.');
	}
	return shape(postJson(post, context, query), query);
}
