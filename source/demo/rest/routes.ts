import {restUrl, type Json, type RestContext} from './context.js';
import {listComments, oneComment} from './comments.js';
import {noRoute, RestError} from './errors.js';
import {pagingLinks, type Paging} from './paging.js';
import {listPosts, onePost, postLink} from './posts.js';
import {listTerms, listUsers} from './terms.js';

/*
The demo blog's WordPress REST API (wp/v2), as far as blogterm and its tests use it: the site index,
posts, comments, and the refusals an anonymous visitor gets, with WordPress's headers, status codes
and error bodies. Each route's answers are made in its own module (posts.ts, comments.ts).
*/

export type RestResponse = {
	readonly status: number;
	readonly body: unknown;
	readonly headers: Readonly<Record<string, string | string[]>>;
};

type RouteResult = {body: unknown; status?: number; allow?: string; total?: Paging; links?: string[]};

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
		const result = answer(method === 'HEAD' ? 'GET' : method, path, query, context);
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

function answer(method: string, path: string, query: URLSearchParams, context: RestContext): RouteResult {
	let match: RegExpExecArray | null;
	if (path === '/') return get(method, () => ({body: siteIndex(context)}));
	if (path === '/wp/v2/posts') {
		if (method === 'POST') throw new RestError(401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
		return get(method, () => listPosts(query, context));
	}
	if ((match = /^\/wp\/v2\/posts\/(\d+)$/.exec(path))) {
		const id = Number(match[1]);
		return get(method, () => {
			const body = onePost(id, query, context);
			// WordPress points to the post's page (WP_REST_Posts_Controller::get_item).
			return {body, links: [`<${postLink(context, context.blog.postById(id)!)}>; rel="alternate"; type="text/html"`]};
		});
	}
	if (path === '/wp/v2/comments') {
		// Anonymous comments through REST are off unless a plugin turns them on (rest_allow_anonymous_comments).
		if (method === 'POST') throw new RestError(401, 'rest_comment_login_required', 'Sorry, you must be logged in to comment.');
		return get(method, () => listComments(query, context));
	}
	if (path === '/wp/v2/categories') return get(method, () => listTerms('category', query, context));
	if (path === '/wp/v2/tags') return get(method, () => listTerms('post_tag', query, context));
	if (path === '/wp/v2/users') return get(method, () => listUsers(query, context));
	if ((match = /^\/wp\/v2\/comments\/(\d+)$/.exec(path))) {
		const id = Number(match[1]);
		return get(method, () => ({body: oneComment(id, query, context)}));
	}
	throw noRoute();
}

function get(method: string, answer: () => RouteResult): RouteResult {
	if (method !== 'GET') throw noRoute();
	return {allow: 'GET', ...answer()};
}

const routeList = [
	['/wp/v2/posts', ['GET', 'POST']],
	['/wp/v2/posts/(?P<id>[\\d]+)', ['GET']],
	['/wp/v2/comments', ['GET', 'POST']],
	['/wp/v2/comments/(?P<id>[\\d]+)', ['GET']],
	['/wp/v2/categories', ['GET']],
	['/wp/v2/tags', ['GET']],
	['/wp/v2/users', ['GET']],
] as const;

/** GET /wp-json/: the blog's name and where its API is. */
function siteIndex(context: RestContext): Json {
	const routes = Object.fromEntries(routeList.map(([route, methods]) => {
		const entry: Json = {namespace: 'wp/v2', methods, endpoints: methods.map(method => ({methods: [method], args: {}}))};
		if (!route.includes('(?P')) entry['_links'] = {self: [{href: restUrl(context.base, route)}]};
		return [route, entry];
	}));
	return {
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
			...routes,
		},
		site_logo: 0,
		site_icon: 0,
		site_icon_url: '',
		_links: {help: [{href: 'https://developer.wordpress.org/rest-api/'}]},
	};
}
