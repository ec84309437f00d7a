// The built-in demo blog: a small HTTP server on 127.0.0.1 that answers the way WordPress 6 does,
// so that blogterm reads and comments on it through the same code path as a real blog.

import {createHash} from 'node:crypto';
import {createServer} from 'node:http';
import type {IncomingMessage, OutgoingHttpHeaders, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {resolve as resolvePath} from 'node:path';
import {getBlog} from './blog.js';
import type {Blog, BlogPost} from './blog.js';
import {CommentStore} from './comment-store.js';
import {handleCommentSubmission} from './comment-submission.js';
import {commentsFeed, postFeed, postsFeed} from './feeds.js';
import {jetpackResponse} from './jetpack.js';
import {listPage, notFoundPage, postPage, wpDiePage} from './pages.js';
import type {PageContext, Viewer} from './pages.js';
import {encodeJson} from './rest/context.js';
import {handleRest} from './rest/routes.js';
import {wpHash} from './wp-text.js';

export type DemoBlogOptions = {
	/** Where comments left on the demo blog are kept (created if missing). */
	dataDir: string;
	/** 'feed-only': no REST API at all; the blog is found through its RSS feed. Default 'wordpress'. */
	mode?: 'wordpress' | 'feed-only';
	/** Default 0: a free port. The server listens on 127.0.0.1 only. */
	port?: number;
	/** The shortest time between two comments from the same address or email. Default 15000, like WordPress. */
	floodIntervalMs?: number;
	/** Slugs of posts kept at the top of the home page (WordPress's sticky posts). Default none. */
	stickySlugs?: readonly string[];
};

export type DemoBlog = {
	/** The home page, e.g. 'http://127.0.0.1:PORT/'. */
	url: string;
	close(): Promise<void>;
};

/** Larger comment forms are refused (WordPress's own limit is PHP's post_max_size). */
const maxBodyBytes = 1024 * 1024;

const noCacheHeaders = {
	Expires: 'Wed, 11 Jan 1984 05:00:00 GMT',
	'Cache-Control': 'no-cache, must-revalidate, max-age=0, no-store, private',
};

type Context = PageContext & {
	readonly floodIntervalMs: number;
	/** The sticky posts' IDs (stickySlugs). */
	readonly stickyIds: ReadonlySet<number>;
	/** WordPress's COOKIEHASH: md5 of the site URL, the suffix of the commenter cookies. */
	readonly cookieHash: string;
};

export async function startDemoBlog(options: DemoBlogOptions): Promise<DemoBlog> {
	const blog = getBlog();
	const store = CommentStore.open(options.dataDir, blog);
	const mode = options.mode ?? 'wordpress';
	// Stable for a data directory, so a held comment's moderation link still works after a restart.
	const salt = createHash('md5').update(`blogterm demo blog ${resolvePath(options.dataDir)}`).digest('hex');
	// Set once the server listens and its port is known; a request before that gets a 503.
	// eslint-disable-next-line prefer-const -- the request handler below reads it before its one assignment, which needs the port.
	let context: Context | undefined;

	const server = createServer((request, response) => {
		if (!context) {
			response.writeHead(503).end();
			return;
		}
		handle(request, response, context).catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500, {'Content-Type': 'text/plain; charset=UTF-8'});
			response.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	const base = `http://127.0.0.1:${port}`;
	context = {
		blog,
		store,
		base,
		mode,
		salt,
		stickyIds: new Set(blog.posts.filter(post => options.stickySlugs?.includes(post.slug)).map(post => post.id)),
		floodIntervalMs: options.floodIntervalMs ?? 15_000,
		cookieHash: createHash('md5').update(base).digest('hex'),
	};

	return {
		url: `${base}/`,
		close: async () => new Promise<void>((resolve, reject) => {
			server.close(error => {
				if (error) reject(error);
				else resolve();
			});
			server.closeAllConnections();
		}),
	};
}

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
	const url = new URL(request.url ?? '/', context.base);
	const method = (request.method ?? 'GET').toUpperCase();
	const path = url.pathname;
	const query = url.searchParams;
	const wordpress = context.mode === 'wordpress';

	// The REST API, at /wp-json/… and in its plain-permalink form /?rest_route=/…
	if (wordpress && (path === '/wp-json' || path.startsWith('/wp-json/'))) {
		const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(request);
		if (body === undefined) return tooLarge(response);
		return sendRest(response, method, path.slice('/wp-json'.length) || '/', query, context);
	}
	if (wordpress && (path === '/' || path === '/index.php') && query.has('rest_route')) {
		const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(request);
		if (body === undefined) return tooLarge(response);
		const route = query.get('rest_route') || '/';
		const rest = new URLSearchParams(query);
		rest.delete('rest_route');
		return sendRest(response, method, route.startsWith('/') ? route : `/${route}`, rest, context);
	}

	if (path === '/wp-comments-post.php') {
		if (method !== 'POST') {
			response.writeHead(405, {Allow: 'POST', 'Content-Type': 'text/plain;charset=UTF-8'}).end();
			return;
		}
		const body = await readBody(request);
		if (body === undefined) return tooLarge(response);
		return commentPost(request, response, new URLSearchParams(body), context);
	}

	if (path === '/wp-login.php' && query.get('action') === 'postpass') {
		if (method !== 'POST') return redirect(response, `${context.base}/wp-admin/`, 302, noCacheHeaders);
		const body = await readBody(request);
		if (body === undefined) return tooLarge(response);
		return postPassword(request, response, new URLSearchParams(body), context);
	}

	if (path === '/' || path === '/index.php') return home(response, query, context);

	let match: RegExpExecArray | null;
	if ((match = /^\/page\/(\d+)\/?$/.exec(path))) return list(response, context, {page: Number(match[1]), path: '/', posts: context.blog.posts, title: homeTitle(context), bodyClass: 'home blog'});
	if (path === '/feed' || path === '/comments/feed') return redirect(response, `${context.base}${path}/${url.search}`);
	if (path === '/feed/' || path === '/feed/rss2/') return sendPostsFeed(response, query, url, context);
	if (path === '/comments/feed/') return sendXml(response, 200, commentsFeed(context, undefined, url.href), context);

	if ((match = /^(\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/)(feed\/?)?$/.exec(path))) {
		const post = context.blog.postByPath(match[1]!);
		if (!post) return notFound(response, context);
		if (match[2]) {
			if (!path.endsWith('/')) return redirect(response, `${context.base}${path}/`);
			return sendXml(response, 200, commentsFeed(context, post, url.href), context, post);
		}
		return single(request, response, post, query, context);
	}
	if (/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/.test(path) && context.blog.postByPath(`${path}/`)) {
		return redirect(response, `${context.base}${path}/${url.search}`);
	}
	if ((match = /^\/(category|tag|author)\/([^/]+)\/(?:page\/(\d+)\/)?$/.exec(path))) return archive(response, match[1]!, match[2]!, Number(match[3] ?? 1), context);
	return notFound(response, context);
}

function homeTitle(context: Context): string {
	return `${context.blog.name} &#8211; ${context.blog.description}`;
}

function sendRest(response: ServerResponse, method: string, route: string, query: URLSearchParams, context: Context): void {
	const result = handleRest(method, route, query, context);
	response.writeHead(result.status, result.headers as OutgoingHttpHeaders);
	response.end(encodeJson(result.body));
}

function sendHtml(response: ServerResponse, status: number, html: string, headers: OutgoingHttpHeaders = {}): void {
	response.writeHead(status, {'Content-Type': 'text/html; charset=UTF-8', ...headers});
	response.end(html);
}

function sendXml(response: ServerResponse, status: number, xml: string, context: Context, post?: BlogPost): void {
	const lastBuild = /<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(xml)?.[1];
	response.writeHead(status, {
		...(lastBuild ? {'Last-Modified': new Date(lastBuild).toUTCString()} : {}),
		ETag: `"${createHash('md5').update(xml).digest('hex')}"`,
		...(post ? {Link: postLinks(context, post)} : apiLinkHeader(context)),
		'Content-Type': 'application/rss+xml; charset=UTF-8',
	});
	response.end(xml);
}

function redirect(response: ServerResponse, location: string, status = 301, headers: OutgoingHttpHeaders = {}): void {
	response.writeHead(status, {Location: location, 'Content-Type': 'text/html; charset=UTF-8', 'X-Redirect-By': 'WordPress', ...headers});
	response.end();
}

function tooLarge(response: ServerResponse): void {
	response.writeHead(413, {'Content-Type': 'text/plain; charset=UTF-8'}).end('Request Entity Too Large');
}

/** The discovery header every WordPress page carries while the REST API is on. */
function apiLinkHeader(context: Context): OutgoingHttpHeaders {
	return context.mode === 'wordpress' ? {Link: `<${context.base}/wp-json/>; rel="https://api.w.org/"`} : {};
}

function notFound(response: ServerResponse, context: Context): void {
	sendHtml(response, 404, notFoundPage(context), {...apiLinkHeader(context), ...noCacheHeaders});
}

function home(response: ServerResponse, query: URLSearchParams, context: Context): void {
	const postId = query.get('p');
	const feed = query.get('feed');
	if (postId !== null && (feed === 'rss2' || feed === '')) {
		// `?feed=rss2&p=ID`, as WordPress answers it at once: the post's comment feed, or with
		// `withoutcomments` a feed of the post alone.
		const post = context.blog.postById(Number(postId));
		if (!post) return notFound(response, context);
		const selfUrl = `${context.base}/?${query.toString()}`;
		if (query.has('withoutcomments')) return sendXml(response, 200, postFeed(context, post, selfUrl), context);
		return sendXml(response, 200, commentsFeed(context, post, selfUrl), context, post);
	}
	if (postId !== null) {
		const post = context.blog.postById(Number(postId));
		if (!post) return notFound(response, context);
		// redirect_canonical: ?p=ID goes to the pretty permalink, keeping the other query arguments.
		const rest = new URLSearchParams(query);
		rest.delete('p');
		const search = rest.toString();
		return redirect(response, `${context.base}${post.path}${search ? `?${search}` : ''}`);
	}
	if (feed === 'rss2' || feed === 'rss' || feed === '') {
		return sendPostsFeed(response, query, new URL(`${context.base}/?${query.toString()}`), context);
	}
	if (feed === 'comments-rss2') return sendXml(response, 200, commentsFeed(context, undefined, `${context.base}/?feed=comments-rss2`), context);
	const page = Number.parseInt(query.get('paged') ?? '1', 10) || 1;
	return list(response, context, {page, path: '/', posts: context.blog.posts, title: homeTitle(context), bodyClass: 'home blog'});
}

function list(response: ServerResponse, context: Context, options: Parameters<typeof listPage>[1]): void {
	const html = listPage(context, options);
	if (html === undefined) return notFound(response, context);
	sendHtml(response, 200, html, apiLinkHeader(context));
}

function archive(response: ServerResponse, kind: string, slug: string, page: number, context: Context): void {
	const {blog} = context;
	let posts: readonly BlogPost[];
	let heading: string;
	if (kind === 'author') {
		const user = blog.users.find(u => u.slug === slug);
		if (!user) return notFound(response, context);
		posts = blog.posts.filter(post => post.author.id === user.id);
		heading = `Author: <span class="vcard">${user.name}</span>`;
	} else {
		const term = (kind === 'category' ? blog.categories : blog.tags).find(t => t.slug === slug);
		if (!term || term.count === 0) return notFound(response, context);
		posts = blog.posts.filter(post => [...post.categories, ...post.tags].some(t => t.id === term.id));
		heading = `${kind === 'category' ? 'Category' : 'Tag'}: <span>${term.name}</span>`;
	}
	const plain = heading.replaceAll(/<[^>]*>/g, '');
	list(response, context, {page, path: `/${kind}/${slug}/`, posts, title: `${plain} &#8211; ${blog.name}`, heading, bodyClass: `archive ${kind}`});
}

function sendPostsFeed(response: ServerResponse, query: URLSearchParams, url: URL, context: Context): void {
	const page = Math.max(1, Number.parseInt(query.get('paged') ?? '1', 10) || 1);
	const {status, xml} = postsFeed(context, page, url.href);
	sendXml(response, status, xml, context);
}

function cookies(request: IncomingMessage): Map<string, string> {
	const jar = new Map<string, string>();
	for (const part of (request.headers.cookie ?? '').split(';')) {
		const index = part.indexOf('=');
		if (index <= 0) continue;
		try {
			jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
		} catch {
			// A cookie that is not valid percent-encoding is ignored, as PHP would leave it unusable.
		}
	}
	return jar;
}

function single(request: IncomingMessage, response: ServerResponse, post: BlogPost, query: URLSearchParams, context: Context): void {
	// Jetpack answers its related-posts request on a post's URL; a site without Jetpack just shows the page.
	if (query.has('relatedposts') && post.jetpackRelated) {
		const excludes = (query.get('relatedposts_exclude') ?? '').split(',').map(Number).filter(Number.isInteger);
		response.writeHead(200, {'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff'});
		response.end(encodeJson(jetpackResponse(context.blog, post, context.base, excludes)));
		return;
	}
	const unapproved = Number.parseInt(query.get('unapproved') ?? '', 10);
	const replyTo = Number.parseInt(query.get('replytocom') ?? '', 10);
	const viewer: Viewer = {
		unapprovedId: Number.isNaN(unapproved) ? undefined : unapproved,
		moderationHash: query.get('moderation-hash') ?? undefined,
		cookieEmail: cookies(request).get(`comment_author_email_${context.cookieHash}`),
		replyTo: Number.isNaN(replyTo) ? undefined : replyTo,
	};
	sendHtml(response, 200, postPage(context, post, viewer), {Link: postLinks(context, post)});
}

/** The Link header of a post's page and of its comments feed, as WordPress sends them. */
function postLinks(context: Context, post: BlogPost): string[] {
	return context.mode === 'wordpress'
		? [
			`<${context.base}/wp-json/>; rel="https://api.w.org/"`,
			`<${context.base}/wp-json/wp/v2/posts/${post.id}>; rel="alternate"; title="JSON"; type="application/json"`,
			`<${context.base}/?p=${post.id}>; rel=shortlink`,
		]
		: [`<${context.base}/?p=${post.id}>; rel=shortlink`];
}

function remoteAddress(request: IncomingMessage): string {
	const address = request.socket.remoteAddress ?? '';
	return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** The cookie's value for a post password: WordPress keeps a (phpass) hash of it, never the password. */
function postPasswordHash(password: string, context: Context): string {
	return `$D$${createHash('sha256').update(`${context.salt}\n${password}`).digest('base64url')}`;
}

/*
wp-login.php?action=postpass: the password form of a protected post. WordPress sets the
wp-postpass_<COOKIEHASH> cookie (a hash of whatever was typed, right or not, for 10 days) and sends the
browser back where it came from: to its Referer when that is on this site, else nowhere (an empty 200).
*/
function postPassword(request: IncomingMessage, response: ServerResponse, form: URLSearchParams, context: Context): void {
	const testCookie = 'wordpress_test_cookie=WP%20Cookie%20check; path=/';
	if (!form.has('post_password')) {
		response.writeHead(200, {'Content-Type': 'text/html; charset=UTF-8', ...noCacheHeaders, 'Set-Cookie': testCookie}).end();
		return;
	}
	const expires = new Date(Date.now() + 10 * 86_400_000);
	const cookie = `wp-postpass_${context.cookieHash}=${encodeURIComponent(postPasswordHash(form.get('post_password') ?? '', context))}; expires=${expires.toUTCString()}; Max-Age=864000; path=/`;
	const headers = {...noCacheHeaders, 'Set-Cookie': [testCookie, cookie]};
	const referer = request.headers.referer;
	if (referer && safeRedirect(referer, context) === referer.replace(/#.*$/, '')) return redirect(response, referer, 302, headers);
	response.writeHead(200, {'Content-Type': 'text/html; charset=UTF-8', ...headers}).end();
}

function commentPost(request: IncomingMessage, response: ServerResponse, form: URLSearchParams, context: Context): void {
	const postPass = cookies(request).get(`wp-postpass_${context.cookieHash}`);
	const result = handleCommentSubmission(form, {
		blog: context.blog,
		store: context.store,
		ip: remoteAddress(request),
		now: new Date(),
		floodIntervalMs: context.floodIntervalMs,
		// post_password_required(): the cookie must hold the hash of this post's password.
		hasPostPassword: password => postPass !== undefined && postPass === postPasswordHash(password, context),
	});
	if (result.kind === 'silent') {
		response.writeHead(200, {'Content-Type': 'text/html; charset=UTF-8', ...noCacheHeaders}).end();
		return;
	}
	if (result.kind === 'refused') {
		const html = wpDiePage('Comment Submission Failure', `<p>${result.message}</p>`, true);
		sendHtml(response, result.status, html, noCacheHeaders);
		return;
	}
	const {comment, cookiesConsent} = result;
	const post = context.blog.postById(comment.post)!;
	let location = `${context.base}${post.path}`;
	const redirectTo = form.get('redirect_to');
	if (redirectTo) location = safeRedirect(redirectTo, context);
	// wp-comments-post.php adds the held comment's id and hash only when the writer refused cookies;
	// with cookies, WordPress recognises them by their comment_author_email cookie instead.
	if (!cookiesConsent && !comment.approved) {
		const separator = location.includes('?') ? '&' : '?';
		location += `${separator}unapproved=${comment.id}&moderation-hash=${wpHash(comment.dateGmt, context.salt)}`;
	}
	location += `#comment-${comment.id}`;
	redirect(response, location, 302, {...noCacheHeaders, 'Set-Cookie': commenterCookies(context, comment, cookiesConsent)});
}

/** wp_safe_redirect: only to this site; anywhere else goes to the admin URL instead. */
function safeRedirect(target: string, context: Context): string {
	try {
		const url = new URL(target, context.base);
		if (url.origin === context.base) return url.href.replace(/#.*$/, '');
	} catch {
		// Not a URL: fall through.
	}
	return `${context.base}/wp-admin/`;
}

function commenterCookies(context: Context, comment: {authorName: string; authorEmail: string; authorUrl: string}, consent: boolean): string[] {
	const names = ['comment_author_', 'comment_author_email_', 'comment_author_url_'].map(name => `${name}${context.cookieHash}`);
	if (!consent) {
		// Without consent WordPress removes any earlier cookies.
		return names.map(name => `${name}=%20; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/`);
	}
	const expires = new Date(Date.now() + 30_000_000 * 1000).toUTCString();
	const values = [comment.authorName, comment.authorEmail, comment.authorUrl];
	return names.map((name, index) => `${name}=${encodeURIComponent(values[index]!)}; expires=${expires}; Max-Age=30000000; path=/`);
}

/** The request body as text, or undefined when it is larger than maxBodyBytes. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maxBodyBytes) return undefined;
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** The blog's content, for code that wants to show or test it without HTTP. */
export function demoBlogContent(): Blog {
	return getBlog();
}
