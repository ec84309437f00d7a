// The demo blog's WordPress REST API (wp/v2): posts, comments, categories, tags, users and the
// site index, answering with WordPress 6's shapes, headers, status codes and error bodies.

import type {Blog, BlogPost, BlogTerm} from './blog.js';
import type {CommentStore, StoredComment} from './comment-store.js';
import type {DemoUser} from './content/index.js';
import {jetpackItems} from './jetpack.js';
import {isoDate, renderCommentContent} from './wp-text.js';

export type RestContext = {
	readonly blog: Blog;
	readonly store: CommentStore;
	/** 'http://127.0.0.1:PORT', no trailing slash. */
	readonly base: string;
};

export type RestResponse = {
	readonly status: number;
	readonly body: unknown;
	readonly headers: Readonly<Record<string, string | string[]>>;
};

type Json = Record<string, unknown>;

/** A refusal, as WordPress's WP_Error becomes JSON. */
class RestError extends Error {
	/** The methods the route takes, when WordPress got as far as the route's own code before refusing. */
	allow?: string;

	constructor(readonly status: number, readonly code: string, message: string, readonly extra: Json = {}) {
		super(message);
	}

	toBody(): Json {
		return {code: this.code, message: this.message, data: {status: this.status, ...this.extra}};
	}
}

function invalidParam(param: string, message: string, code: string): RestError {
	return new RestError(400, 'rest_invalid_param', `Invalid parameter(s): ${param}`, {
		params: {[param]: message},
		details: {[param]: {code, message, data: null}},
	});
}

const cannotReadPost = () => new RestError(401, 'rest_cannot_read_post', 'Sorry, you are not allowed to read the post for this comment.');

const noRoute = () => new RestError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

/** The JSON WordPress sends: PHP's json_encode escapes "/" and every non-ASCII character. */
export function encodeJson(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('/', '\\/')
		.replaceAll(/[\u007F-\uFFFF]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function restUrl(base: string, route: string): string {
	return `${base}/wp-json${route}`;
}

/** Answers one REST request. `route` is what follows /wp-json (or the `rest_route` value), e.g. '/wp/v2/posts'. */
export function handleRest(method: string, route: string, query: URLSearchParams, context: RestContext): RestResponse {
	const headers: Record<string, string | string[]> = {
		'Content-Type': 'application/json; charset=UTF-8',
		'X-Robots-Tag': 'noindex',
		'X-Content-Type-Options': 'nosniff',
		'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
		'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
		Vary: 'Origin',
	};
	// WordPress sends the API's own Link, unless the answer has links of its own (paging, the post's
	// page): those replace it (PHP's header() replaces a header of the same name).
	const apiLink = [`<${restUrl(context.base, '/')}>; rel="https://api.w.org/"`];
	const path = route === '/' ? '/' : route.replace(/\/+$/, '');
	try {
		const result = route_(method === 'HEAD' ? 'GET' : method, path, query, context);
		if (result.allow) headers['Allow'] = result.allow;
		const links = [...(result.links ?? [])];
		if (result.total !== undefined) {
			headers['X-WP-Total'] = String(result.total.total);
			headers['X-WP-TotalPages'] = String(result.total.pages);
			links.push(...pagingLinks(context, path, query, result.total));
		}
		headers['Link'] = links.length > 0 ? links : apiLink;
		return {status: result.status ?? 200, body: result.body, headers};
	} catch (error) {
		if (!(error instanceof RestError)) throw error;
		if (error.allow) headers['Allow'] = error.allow;
		headers['Link'] = apiLink;
		return {status: error.status, body: error.toBody(), headers};
	}
}

type Paging = {total: number; pages: number; page: number};
type RouteResult = {body: unknown; status?: number; allow?: string; total?: Paging; links?: string[]};

function route_(method: string, path: string, query: URLSearchParams, context: RestContext): RouteResult {
	let match: RegExpExecArray | null;
	if (path === '/') return get(method, () => siteIndex(context));
	if (path === '/wp/v2') return get(method, () => namespaceIndex(context));
	if (path === '/wp/v2/posts') {
		if (method === 'POST') throw new RestError(401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
		return get(method, () => listPosts(query, context));
	}
	if ((match = /^\/wp\/v2\/posts\/(\d+)$/.exec(path))) {
		const id = Number(match[1]);
		if (method === 'GET') {
			const post = onePost(id, query, context);
			// WordPress points to the post's page (WP_REST_Posts_Controller::get_item).
			const page = context.blog.postById(id);
			return {body: post, allow: 'GET', links: page ? [`<${postLink(context, page)}>; rel="alternate"; type="text/html"`] : []};
		}
		if (method === 'POST' || method === 'PUT' || method === 'PATCH') throw new RestError(401, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this post.');
		if (method === 'DELETE') throw new RestError(401, 'rest_cannot_delete', 'Sorry, you are not allowed to delete this post.');
		throw noRoute();
	}
	if (path === '/wp/v2/comments') {
		if (method === 'POST') throw new RestError(401, 'rest_comment_login_required', 'Sorry, you must be logged in to comment.');
		return get(method, () => listComments(query, context));
	}
	if ((match = /^\/wp\/v2\/comments\/(\d+)$/.exec(path))) {
		const id = Number(match[1]);
		return get(method, () => ({body: oneComment(id, query, context)}));
	}
	if (path === '/wp/v2/categories') return get(method, () => listTerms(context.blog.categories, query, context));
	if (path === '/wp/v2/tags') return get(method, () => listTerms(context.blog.tags, query, context));
	if ((match = /^\/wp\/v2\/(categories|tags)\/(\d+)$/.exec(path))) {
		const terms = match[1] === 'categories' ? context.blog.categories : context.blog.tags;
		const term = terms.find(t => t.id === Number(match![2]));
		if (!term) throw new RestError(404, 'rest_term_invalid', 'Term does not exist.');
		return get(method, () => ({body: withFields(termJson(term, context, 'view'), query)}));
	}
	if (path === '/wp/v2/users') return get(method, () => listUsers(query, context));
	if ((match = /^\/wp\/v2\/users\/(\d+)$/.exec(path))) {
		const user = context.blog.users.find(u => u.id === Number(match![1]));
		if (!user) throw new RestError(404, 'rest_user_invalid_id', 'Invalid user ID.');
		return get(method, () => ({body: withFields(userJson(user, context, 'view'), query)}));
	}
	throw noRoute();
}

function get(method: string, answer: () => RouteResult): RouteResult {
	if (method !== 'GET') throw noRoute();
	return {allow: 'GET', ...answer()};
}

function pagingLinks(context: RestContext, path: string, query: URLSearchParams, paging: Paging): string[] {
	const link = (page: number) => {
		const params = new URLSearchParams(query);
		params.delete('rest_route');
		params.set('page', String(page));
		return `${restUrl(context.base, path)}?${params.toString()}`;
	};
	const links: string[] = [];
	if (paging.page > 1) links.push(`<${link(Math.min(paging.page - 1, paging.pages))}>; rel="prev"`);
	if (paging.pages > paging.page) links.push(`<${link(paging.page + 1)}>; rel="next"`);
	return links;
}

// ---- Parameters ----

function integerParam(query: URLSearchParams, name: string, fallback: number, min: number, max?: number): number {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw.trim())) throw invalidParam(name, `${name} is not of type integer.`, 'rest_invalid_type');
	const value = Number(raw);
	if (max !== undefined && (value < min || value > max)) {
		throw invalidParam(name, `${name} must be between ${min} (inclusive) and ${max} (inclusive)`, 'rest_out_of_bounds');
	}
	if (value < min) throw invalidParam(name, `${name} must be greater than or equal to ${min}`, 'rest_out_of_bounds');
	return value;
}

/** WordPress's wp_parse_list over `name=1,2`, `name[]=1&name[]=2` and `name[0]=1`. */
function listParam(query: URLSearchParams, name: string): string[] | undefined {
	const values: string[] = [];
	let present = false;
	for (const [key, value] of query) {
		if (key === name || /^\[\d*\]$/.test(key.slice(name.length)) && key.startsWith(name)) {
			present = true;
			values.push(...value.split(/[\s,]+/).filter(Boolean));
		}
	}
	return present ? values : undefined;
}

function integerListParam(query: URLSearchParams, name: string): number[] | undefined {
	const values = listParam(query, name);
	return values?.map((value, index) => {
		if (!/^\d+$/.test(value)) throw invalidParam(name, `${name}[${index}] is not of type integer.`, 'rest_invalid_type');
		return Number(value);
	});
}

function enumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!(allowed as readonly string[]).includes(raw)) {
		const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')}, and ${allowed.at(-1)}` : allowed[0]!;
		throw invalidParam(name, `${name} is not one of ${allowed.length === 2 ? allowed.join(' and ') : list}.`, 'rest_not_in_enum');
	}
	return raw as T;
}

function dateParam(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
	const time = match ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${match[8] ?? 'Z'}`) : Number.NaN;
	if (Number.isNaN(time)) throw invalidParam(name, 'Invalid date.', 'rest_invalid_date');
	return time;
}

function contextParam(query: URLSearchParams, editMessage: string): 'view' | 'embed' {
	const context = enumParam(query, 'context', ['view', 'embed', 'edit'], 'view');
	if (context === 'edit') throw new RestError(401, 'rest_forbidden_context', editMessage);
	return context;
}

// ---- _fields and _embed ----

function requestedFields(query: URLSearchParams): string[] | undefined {
	return listParam(query, '_fields');
}

/** Keeps only the requested fields (`title`, `title.rendered`), as rest_filter_response_fields. */
function pickFields(data: Json, fields: readonly string[]): Json {
	const out: Json = {};
	for (const field of fields) {
		const parts = field.split('.');
		let source: unknown = data;
		let target: Json = out;
		for (const [index, part] of parts.entries()) {
			if (typeof source !== 'object' || source === null || !(part in source)) break;
			source = (source as Json)[part];
			if (index === parts.length - 1) {
				target[part] = source;
			} else {
				target[part] = typeof target[part] === 'object' && target[part] !== null ? target[part] : {};
				target = target[part] as Json;
			}
		}
	}
	return out;
}

function embedRequested(query: URLSearchParams, rel: string): boolean {
	if (!query.has('_embed')) return false;
	const value = query.getAll('_embed').join(',');
	if (value === '' || value === '1' || value === 'true') return true;
	return value.split(',').map(s => s.trim()).includes(rel);
}

type Shaped = {data: Json; links: Json; embedded?: Record<string, () => unknown[] | undefined>};

/** Applies `_fields` and `_embed` to an item, as the REST server does before sending it. */
function shape(item: Shaped, query: URLSearchParams): Json {
	const fields = requestedFields(query);
	const data = fields ? pickFields(item.data, fields) : {...item.data};
	const wantsLinks = !fields || fields.includes('_links') || fields.includes('_embedded');
	if (!wantsLinks) return data;
	data['_links'] = item.links;
	if (item.embedded && (!fields || fields.includes('_embedded'))) {
		const embedded: Json = {};
		for (const [rel, load] of Object.entries(item.embedded)) {
			if (!embedRequested(query, rel)) continue;
			const value = load();
			if (value !== undefined) embedded[rel] = value;
		}
		if (Object.keys(embedded).length > 0) data['_embedded'] = embedded;
	}
	return data;
}

function withFields(item: Shaped, query: URLSearchParams): Json {
	return shape(item, query);
}

const curies = [{name: 'wp', href: 'https://api.w.org/{rel}', templated: true}];

// ---- Posts ----

function postLink(context: RestContext, post: BlogPost): string {
	return `${context.base}${post.path}`;
}

/** Whether the request may see a post's body and comments: no password, or the right one given. */
function canReadPost(post: BlogPost, query: URLSearchParams): boolean {
	return post.password === undefined || query.get('password') === post.password;
}

function postJson(post: BlogPost, context: RestContext, view: 'view' | 'embed', query: URLSearchParams = new URLSearchParams()): Shaped {
	const url = (route: string) => restUrl(context.base, route);
	// A password-protected post keeps its title; its body and excerpt are empty without the password.
	const isProtected = post.password !== undefined;
	const readable = canReadPost(post, query);
	const excerpt = {rendered: readable ? `<p>${post.excerptText}${post.excerptCut ? ' [&hellip;]' : ''}</p>\n` : '', protected: isProtected};
	const date = isoDate(post.date);
	const data: Json = view === 'embed'
		? {
			id: post.id, date, slug: post.slug, type: 'post', link: postLink(context, post),
			title: {rendered: post.title}, excerpt, author: post.author.id, featured_media: 0,
		}
		: {
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
			excerpt,
			author: post.author.id,
			featured_media: 0,
			comment_status: post.commentsOpen ? 'open' : 'closed',
			ping_status: 'open',
			sticky: false,
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
	if (view === 'view' && post.jetpackRelated) data['jetpack-related-posts'] = jetpackItems(context.blog, post, context.base, 6);
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
			author: () => [shape(userJson(post.author, context, 'embed'), new URLSearchParams())],
			replies() {
				// The embedded replies are what GET /wp/v2/comments?post=ID answers: the 10 newest.
				if (!readable) return undefined;
				const replies = approvedComments(context).filter(c => c.post === post.id).sort(byDate).reverse().slice(0, 10);
				return replies.length > 0 ? [replies.map(c => shape(commentJson(c, context, 'embed'), new URLSearchParams()))] : undefined;
			},
			'wp:term': () => [
				post.categories.map(term => shape(termJson(withCount(context, term), context, 'embed'), new URLSearchParams())),
				post.tags.map(term => shape(termJson(withCount(context, term), context, 'embed'), new URLSearchParams())),
			],
		},
	};
}

function withCount(context: RestContext, term: {id: number}): BlogTerm {
	return context.blog.term(term.id)!;
}

const postOrderby = ['author', 'date', 'id', 'include', 'modified', 'parent', 'relevance', 'slug', 'include_slugs', 'title'] as const;

function listPosts(query: URLSearchParams, context: RestContext): RouteResult {
	const view = contextParam(query, 'Sorry, you are not allowed to edit posts in this post type.');
	const page = integerParam(query, 'page', 1, 1);
	const perPage = integerParam(query, 'per_page', 10, 1, 100);
	const offset = integerParam(query, 'offset', 0, 0);
	const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
	const orderby = enumParam(query, 'orderby', postOrderby, 'date');
	const taxRelation = enumParam(query, 'tax_relation', ['AND', 'OR'], 'AND');
	const search = query.get('search') ?? '';
	const include = integerListParam(query, 'include');
	const exclude = integerListParam(query, 'exclude') ?? [];
	const slugs = listParam(query, 'slug');
	const authors = integerListParam(query, 'author');
	const authorExclude = integerListParam(query, 'author_exclude') ?? [];
	const categories = integerListParam(query, 'categories') ?? integerListParam(query, 'categories[terms]');
	const categoriesExclude = integerListParam(query, 'categories_exclude') ?? [];
	const tags = integerListParam(query, 'tags') ?? integerListParam(query, 'tags[terms]');
	const tagsExclude = integerListParam(query, 'tags_exclude') ?? [];
	const before = dateParam(query, 'before');
	const after = dateParam(query, 'after');
	const status = listParam(query, 'status');
	if (status && status.some(s => s !== 'publish')) throw invalidParam('status', 'Status is forbidden.', 'rest_forbidden_status');
	if (orderby === 'relevance' && search === '') {
		throw new RestError(400, 'rest_no_search_term_defined', 'You need to define a search term to order by relevance.');
	}
	if (orderby === 'include' && !include) {
		throw new RestError(400, 'rest_orderby_include_missing_include', 'You need to define an include parameter to order by include.');
	}

	const words = search.toLowerCase().split(/\s+/).filter(Boolean);
	const hasAny = (ids: readonly number[], wanted: readonly number[]) => wanted.some(id => ids.includes(id));
	let posts = context.blog.posts.filter(post => {
		const categoryIds = post.categories.map(t => t.id);
		const tagIds = post.tags.map(t => t.id);
		if (include && !include.includes(post.id)) return false;
		if (exclude.includes(post.id)) return false;
		if (slugs && !slugs.includes(post.slug)) return false;
		if (authors && !authors.includes(post.author.id)) return false;
		if (authorExclude.includes(post.author.id)) return false;
		if (before !== undefined && post.date.getTime() >= before) return false;
		if (after !== undefined && post.date.getTime() <= after) return false;
		if (hasAny(categoryIds, categoriesExclude) || hasAny(tagIds, tagsExclude)) return false;
		const categoryMatch = categories ? hasAny(categoryIds, categories) : undefined;
		const tagMatch = tags ? hasAny(tagIds, tags) : undefined;
		if (categoryMatch !== undefined && tagMatch !== undefined) {
			if (taxRelation === 'OR' ? !(categoryMatch || tagMatch) : !(categoryMatch && tagMatch)) return false;
		} else if (categoryMatch === false || tagMatch === false) {
			return false;
		}
		if (words.length > 0) {
			const haystack = `${post.title} ${post.excerptText} ${post.content}`.toLowerCase();
			if (!words.every(word => haystack.includes(word))) return false;
		}
		return true;
	});

	const compare: Record<(typeof postOrderby)[number], (a: BlogPost, b: BlogPost) => number> = {
		author: (a, b) => a.author.id - b.author.id,
		date: (a, b) => a.date.getTime() - b.date.getTime(),
		modified: (a, b) => a.date.getTime() - b.date.getTime(),
		id: (a, b) => a.id - b.id,
		parent: () => 0,
		relevance: (a, b) => relevance(a, words) - relevance(b, words),
		slug: (a, b) => a.slug.localeCompare(b.slug),
		title: (a, b) => a.title.localeCompare(b.title),
		include: (a, b) => (include ?? []).indexOf(a.id) - (include ?? []).indexOf(b.id),
		include_slugs: (a, b) => (slugs ?? []).indexOf(a.slug) - (slugs ?? []).indexOf(b.slug),
	};
	const sign = order === 'asc' ? 1 : -1;
	const fixedOrder = orderby === 'include' || orderby === 'include_slugs';
	posts = [...posts].sort((a, b) => (fixedOrder ? 1 : sign) * compare[orderby](a, b) || sign * (a.date.getTime() - b.date.getTime()));

	const total = posts.length;
	const pages = Math.ceil(total / perPage);
	if (page > pages && total > 0) {
		const pastTheEnd = new RestError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
		pastTheEnd.allow = 'GET';
		throw pastTheEnd;
	}
	const start = offset > 0 ? offset : (page - 1) * perPage;
	const body = posts.slice(start, start + perPage).map(post => shape(postJson(post, context, view, query), query));
	return {body, total: {total, pages, page}};
}

function relevance(post: BlogPost, words: readonly string[]): number {
	const title = post.title.toLowerCase();
	return words.filter(word => title.includes(word)).length;
}

function onePost(id: number, query: URLSearchParams, context: RestContext): Json {
	const view = contextParam(query, 'Sorry, you are not allowed to edit this post.');
	const post = context.blog.postById(id);
	if (!post) throw new RestError(404, 'rest_post_invalid_id', 'Invalid post ID.');
	return shape(postJson(post, context, view, query), query);
}

// ---- Comments ----

function approvedComments(context: RestContext): StoredComment[] {
	return context.store.all().filter(comment => comment.approved);
}

const byDate = (a: StoredComment, b: StoredComment) => a.dateGmt.localeCompare(b.dateGmt) || a.id - b.id;


function commentJson(comment: StoredComment, context: RestContext, view: 'view' | 'embed'): Shaped {
	const post = context.blog.postById(comment.post)!;
	const url = (route: string) => restUrl(context.base, route);
	const date = comment.dateGmt.replace(' ', 'T');
	const common: Json = {
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
		type: 'comment',
		meta: [],
	};
	const data: Json = view === 'embed'
		? Object.fromEntries(Object.entries(common).filter(([key]) => !['post', 'date_gmt', 'status', 'meta'].includes(key)))
		: common;
	const links: Json = {
		self: [{href: url(`/wp/v2/comments/${comment.id}`)}],
		collection: [{href: url('/wp/v2/comments')}],
		up: [{embeddable: true, post_type: 'post', href: url(`/wp/v2/posts/${comment.post}`)}],
	};
	if (comment.parent !== 0) links['in-reply-to'] = [{embeddable: true, href: url(`/wp/v2/comments/${comment.parent}`)}];
	if (approvedComments(context).some(c => c.parent === comment.id)) links['children'] = [{href: url(`/wp/v2/comments?parent=${comment.id}`)}];
	return {
		data,
		links,
		embedded: {
			up: () => [shape(postJson(post, context, 'embed'), new URLSearchParams())],
			'in-reply-to'() {
				const parent = comment.parent === 0 ? undefined : context.store.byId(comment.parent);
				return parent?.approved ? [shape(commentJson(parent, context, 'embed'), new URLSearchParams())] : undefined;
			},
		},
	};
}

const commentOrderby = ['date', 'date_gmt', 'id', 'include', 'post', 'parent', 'type'] as const;

function listComments(query: URLSearchParams, context: RestContext): RouteResult {
	const view = contextParam(query, 'Sorry, you are not allowed to edit comments.');
	const status = query.get('status');
	if (status !== null && status !== 'approve' && status !== 'approved') {
		throw new RestError(401, 'rest_forbidden_param', 'Query parameter not permitted: status');
	}
	if (query.has('author_email')) throw new RestError(401, 'rest_forbidden_param', 'Query parameter not permitted: author_email');
	const page = integerParam(query, 'page', 1, 1);
	const perPage = integerParam(query, 'per_page', 10, 1, 100);
	const offset = integerParam(query, 'offset', 0, 0);
	const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
	const orderby = enumParam(query, 'orderby', commentOrderby, 'date_gmt');
	const posts = integerListParam(query, 'post');
	const parents = integerListParam(query, 'parent');
	const parentExclude = integerListParam(query, 'parent_exclude') ?? [];
	const include = integerListParam(query, 'include');
	const exclude = integerListParam(query, 'exclude') ?? [];
	const before = dateParam(query, 'before');
	const after = dateParam(query, 'after');
	const search = (query.get('search') ?? '').toLowerCase();
	const type = query.get('type') ?? 'comment';

	for (const id of posts ?? []) {
		const post = context.blog.postById(id);
		if (post && !canReadPost(post, query)) throw cannotReadPost();
	}

	let comments = approvedComments(context).filter(comment => {
		// Comments on a password-protected post are left out of any listing (check_read_permission).
		if (!canReadPost(context.blog.postById(comment.post)!, query)) return false;
		const time = Date.parse(`${comment.dateGmt.replace(' ', 'T')}Z`);
		if (type !== 'comment') return false;
		if (posts && !posts.includes(comment.post)) return false;
		if (parents && !parents.includes(comment.parent)) return false;
		if (parentExclude.includes(comment.parent)) return false;
		if (include && !include.includes(comment.id)) return false;
		if (exclude.includes(comment.id)) return false;
		if (before !== undefined && time >= before) return false;
		if (after !== undefined && time <= after) return false;
		if (search && !`${comment.authorName} ${comment.authorUrl} ${comment.content}`.toLowerCase().includes(search)) return false;
		return true;
	});
	const compare: Record<(typeof commentOrderby)[number], (a: StoredComment, b: StoredComment) => number> = {
		date: byDate,
		date_gmt: byDate,
		id: (a, b) => a.id - b.id,
		include: (a, b) => (include ?? []).indexOf(a.id) - (include ?? []).indexOf(b.id),
		post: (a, b) => a.post - b.post,
		parent: (a, b) => a.parent - b.parent,
		type: () => 0,
	};
	const sign = order === 'asc' ? 1 : -1;
	comments = [...comments].sort((a, b) => sign * compare[orderby](a, b) || sign * byDate(a, b));

	// Unlike posts, WordPress answers a page past the end of comments with an empty list, not an error.
	const total = comments.length;
	const pages = Math.ceil(total / perPage);
	const start = offset > 0 ? offset : (page - 1) * perPage;
	const body = comments.slice(start, start + perPage).map(comment => shape(commentJson(comment, context, view), query));
	return {body, total: {total, pages, page}};
}

function oneComment(id: number, query: URLSearchParams, context: RestContext): Json {
	const view = contextParam(query, 'Sorry, you are not allowed to edit comments.');
	const comment = context.store.byId(id);
	if (!comment) throw new RestError(404, 'rest_comment_invalid_id', 'Invalid comment ID.');
	if (!comment.approved) throw new RestError(401, 'rest_cannot_read', 'Sorry, you are not allowed to read this comment.');
	if (!canReadPost(context.blog.postById(comment.post)!, query)) throw cannotReadPost();
	return shape(commentJson(comment, context, view), query);
}

// ---- Terms ----

function termLink(context: RestContext, term: BlogTerm): string {
	return `${context.base}/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.slug}/`;
}

function termJson(term: BlogTerm, context: RestContext, view: 'view' | 'embed'): Shaped {
	const rest = term.taxonomy === 'category' ? 'categories' : 'tags';
	const url = (route: string) => restUrl(context.base, route);
	const data: Json = view === 'embed'
		? {id: term.id, link: termLink(context, term), name: term.name, slug: term.slug, taxonomy: term.taxonomy}
		: {
			id: term.id,
			count: term.count,
			description: term.description,
			link: termLink(context, term),
			name: term.name,
			slug: term.slug,
			taxonomy: term.taxonomy,
			...(term.taxonomy === 'category' ? {parent: 0} : {}),
			meta: [],
		};
	return {
		data,
		links: {
			self: [{href: url(`/wp/v2/${rest}/${term.id}`)}],
			collection: [{href: url(`/wp/v2/${rest}`)}],
			about: [{href: url(`/wp/v2/taxonomies/${term.taxonomy}`)}],
			'wp:post_type': [{href: url(`/wp/v2/posts?${rest}=${term.id}`)}],
			curies,
		},
	};
}

const termOrderby = ['id', 'include', 'name', 'slug', 'include_slugs', 'term_group', 'description', 'count'] as const;

function listTerms(terms: readonly BlogTerm[], query: URLSearchParams, context: RestContext): RouteResult {
	const view = contextParam(query, 'Sorry, you are not allowed to edit terms in this taxonomy.');
	const page = integerParam(query, 'page', 1, 1);
	const perPage = integerParam(query, 'per_page', 10, 1, 100);
	const order = enumParam(query, 'order', ['asc', 'desc'], 'asc');
	const orderby = enumParam(query, 'orderby', termOrderby, 'name');
	const include = integerListParam(query, 'include');
	const exclude = integerListParam(query, 'exclude') ?? [];
	const slugs = listParam(query, 'slug');
	const post = query.has('post') ? integerParam(query, 'post', 0, 0) : undefined;
	const hideEmpty = ['1', 'true'].includes(query.get('hide_empty') ?? '');
	const search = (query.get('search') ?? '').toLowerCase();
	const postTerms = post === undefined ? undefined : context.blog.postById(post);
	if (post !== undefined && !postTerms) throw new RestError(400, 'rest_post_invalid_id', 'Invalid post ID.');

	let list = terms.filter(term => {
		if (include && !include.includes(term.id)) return false;
		if (exclude.includes(term.id)) return false;
		if (slugs && !slugs.includes(term.slug)) return false;
		if (hideEmpty && term.count === 0) return false;
		if (search && !`${term.name} ${term.slug}`.toLowerCase().includes(search)) return false;
		if (postTerms && ![...postTerms.categories, ...postTerms.tags].some(t => t.id === term.id)) return false;
		return true;
	});
	const compare: Record<(typeof termOrderby)[number], (a: BlogTerm, b: BlogTerm) => number> = {
		id: (a, b) => a.id - b.id,
		include: (a, b) => (include ?? []).indexOf(a.id) - (include ?? []).indexOf(b.id),
		name: (a, b) => a.name.localeCompare(b.name),
		slug: (a, b) => a.slug.localeCompare(b.slug),
		include_slugs: (a, b) => (slugs ?? []).indexOf(a.slug) - (slugs ?? []).indexOf(b.slug),
		term_group: () => 0,
		description: (a, b) => a.description.localeCompare(b.description),
		count: (a, b) => a.count - b.count,
	};
	const sign = order === 'asc' ? 1 : -1;
	list = [...list].sort((a, b) => sign * compare[orderby](a, b) || a.id - b.id);
	const total = list.length;
	const pages = Math.ceil(total / perPage);
	const body = list.slice((page - 1) * perPage, page * perPage).map(term => shape(termJson(term, context, view), query));
	return {body, total: {total, pages, page}};
}

// ---- Users ----

function userJson(user: DemoUser, context: RestContext, view: 'view' | 'embed'): Shaped {
	const url = (route: string) => restUrl(context.base, route);
	const data: Json = {
		id: user.id,
		name: user.name,
		url: '',
		description: user.description,
		link: `${context.base}/author/${user.slug}/`,
		slug: user.slug,
		...(view === 'view' ? {meta: []} : {}),
	};
	return {
		data,
		links: {
			self: [{href: url(`/wp/v2/users/${user.id}`)}],
			collection: [{href: url('/wp/v2/users')}],
		},
	};
}

function listUsers(query: URLSearchParams, context: RestContext): RouteResult {
	const view = contextParam(query, 'Sorry, you are not allowed to list users.');
	const page = integerParam(query, 'page', 1, 1);
	const perPage = integerParam(query, 'per_page', 10, 1, 100);
	const users = [...context.blog.users].sort((a, b) => a.name.localeCompare(b.name));
	const total = users.length;
	const pages = Math.ceil(total / perPage);
	const body = users.slice((page - 1) * perPage, page * perPage).map(user => shape(userJson(user, context, view), query));
	return {body, total: {total, pages, page}};
}

// ---- Indexes ----

const routeList = [
	['/wp/v2/posts', 'GET, POST'],
	['/wp/v2/posts/(?P<id>[\\d]+)', 'GET, POST, PUT, PATCH, DELETE'],
	['/wp/v2/comments', 'GET, POST'],
	['/wp/v2/comments/(?P<id>[\\d]+)', 'GET, POST, PUT, PATCH, DELETE'],
	['/wp/v2/categories', 'GET, POST'],
	['/wp/v2/categories/(?P<id>[\\d]+)', 'GET, POST, PUT, PATCH, DELETE'],
	['/wp/v2/tags', 'GET, POST'],
	['/wp/v2/tags/(?P<id>[\\d]+)', 'GET, POST, PUT, PATCH, DELETE'],
	['/wp/v2/users', 'GET, POST'],
	['/wp/v2/users/(?P<id>[\\d]+)', 'GET, POST, PUT, PATCH, DELETE'],
] as const;

function routes(context: RestContext): Json {
	return Object.fromEntries(routeList.map(([route, methods]) => {
		const list = methods.split(', ');
		const entry: Json = {namespace: 'wp/v2', methods: list, endpoints: list.map(method => ({methods: [method], args: {}}))};
		if (!route.includes('(?P')) entry['_links'] = {self: [{href: restUrl(context.base, route)}]};
		return [route, entry];
	}));
}

function siteIndex(context: RestContext): RouteResult {
	return {
		body: {
			name: context.blog.name,
			description: context.blog.description,
			url: context.base,
			home: context.base,
			gmt_offset: 0,
			timezone_string: '',
			namespaces: ['oembed/1.0', 'wp/v2', 'wp-site-health/v1', 'wp-block-editor/v1'],
			authentication: [],
			routes: {
				'/': {namespace: '', methods: ['GET'], endpoints: [{methods: ['GET'], args: {context: {default: 'view', required: false}}}], _links: {self: [{href: restUrl(context.base, '/')}]}},
				'/wp/v2': {namespace: 'wp/v2', methods: ['GET'], endpoints: [{methods: ['GET'], args: {}}], _links: {self: [{href: restUrl(context.base, '/wp/v2')}]}},
				...routes(context),
			},
			site_logo: 0,
			site_icon: 0,
			site_icon_url: '',
			_links: {help: [{href: 'https://developer.wordpress.org/rest-api/'}]},
		},
	};
}

function namespaceIndex(context: RestContext): RouteResult {
	return {body: {namespace: 'wp/v2', routes: routes(context), _links: {up: [{href: restUrl(context.base, '/')}]}}};
}
