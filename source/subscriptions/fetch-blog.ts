import {header, hostOf, parseJsonBody, type HttpClient, type HttpResponse} from '../http/client.js';
import {cleanLine} from '../render/sanitize.js';
import {BlogError} from '../errors.js';
import type {ParsedFeed} from '../sources/feed/parse-feed.js';
import {routeUrl} from '../sources/wordpress/api-root.js';
import {checkPost, toPostSummary} from '../sources/wordpress/wp-json.js';
import {boundedItems} from '../sources/clean.js';
import type {BlogRow} from '../store/blogs-table.js';
import type {IncomingPost} from '../store/posts-table.js';

/** Reads a feed's answer into items (parse-feed's readFeedResponse by default; a test counts the calls). */
export type ReadFeed = (response: HttpResponse & {readonly bytes: Uint8Array}) => ParsedFeed;

/** What one blog's refresh brought. */
export type BlogFetch =
	/** The blog answered 304: nothing was read, nothing parsed. */
	| {readonly kind: 'not-modified'}
	| {
		readonly kind: 'posts';
		readonly posts: readonly IncomingPost[];
		/** What to send next time (null: nothing). */
		readonly etag: string | null;
		readonly lastModified: string | null;
		/** WordPress: the newest `modified_gmt` seen (ISO 8601), for `modified_after` next time. */
		readonly modifiedAfter?: string;
		readonly title?: string;
		readonly htmlUrl?: string;
	};

/** Posts the first read of a WordPress blog takes; later ones take what changed, up to WordPress's maximum. */
const firstReadPerPage = 50;
const changedPerPage = 100;
/** The fields a WordPress refresh asks for: what the river and search need, not the posts' bodies. */
const wordPressFields = 'id,date,date_gmt,modified_gmt,slug,link,title,excerpt,author,comment_status,_links,_embedded';
/** `modified_after` goes back this far before the newest change seen: a clock or time zone off by hours loses nothing. */
const modifiedMarginMs = 24 * 60 * 60 * 1000;

const feedAccept = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

function conditionalHeaders(blog: Pick<BlogRow, 'etag' | 'lastModified'>): Record<string, string> {
	const headers: Record<string, string> = {};
	if (blog.etag) headers['if-none-match'] = blog.etag;
	if (blog.lastModified) headers['if-modified-since'] = blog.lastModified;
	return headers;
}

function ensureOk(response: HttpResponse): void {
	if (response.statusCode >= 400) {
		throw new BlogError('http', `${cleanLine(hostOf(response.url))} answered ${response.statusCode}.`, {statusCode: response.statusCode});
	}
}

/** A validator header worth keeping: short, one line. */
function validator(response: HttpResponse, name: string): string | null {
	const value = header(response, name);
	return value && value.length <= 512 && !/[\r\n]/.test(value) ? value : null;
}

/**
 * Asks one followed blog what is new: its feed with If-None-Match / If-Modified-Since (a 304 is
 * neither read nor parsed), or WordPress's posts modified since the last refresh (`modified_after`,
 * only the fields the river needs). Rejects with a BlogError.
 */
export async function fetchBlog(http: HttpClient, blog: BlogRow, options: {readonly signal?: AbortSignal; readonly readFeed: ReadFeed}): Promise<BlogFetch> {
	if (blog.kind === 'wordpress') return fetchWordPress(http, blog, options.signal);
	const response = await http.getBytes(blog.feedUrl, {signal: options.signal, headers: {accept: feedAccept, ...conditionalHeaders(blog)}});
	if (response.statusCode === 304) return {kind: 'not-modified'};
	ensureOk(response);
	const feed = options.readFeed(response);
	// Imported lazily with the feed parser it belongs to.
	const {toSummary} = await import('../sources/feed/feed-items.js');
	const posts = feed.items.map(item => ({...toSummary(item), html: item.html, isSummaryOnly: item.isSummaryOnly}));
	return {
		kind: 'posts',
		posts,
		etag: validator(response, 'etag'),
		lastModified: validator(response, 'last-modified'),
		...(feed.title ? {title: feed.title} : {}),
		...(feed.link ? {htmlUrl: feed.link} : {}),
	};
}

async function fetchWordPress(http: HttpClient, blog: BlogRow, signal: AbortSignal | undefined): Promise<BlogFetch> {
	const since = blog.modifiedAfter ? Date.parse(blog.modifiedAfter) : Number.NaN;
	const url = routeUrl({url: blog.apiUrl}, 'wp/v2/posts', {
		per_page: Number.isNaN(since) ? firstReadPerPage : changedPerPage,
		orderby: 'modified',
		order: 'desc',
		_embed: 'author',
		_fields: wordPressFields,
		modified_after: Number.isNaN(since) ? undefined : new Date(since - modifiedMarginMs).toISOString().slice(0, 19),
	});
	const response = await http.getText(url, {signal, headers: {accept: 'application/json', ...conditionalHeaders(blog)}});
	if (response.statusCode === 304) return {kind: 'not-modified'};
	ensureOk(response);
	const value = parseJsonBody<unknown>(response);
	if (!Array.isArray(value)) throw new BlogError('unreadable', `${cleanLine(hostOf(response.url))} sent something that is not a list of posts.`);
	const posts: IncomingPost[] = [];
	let newest = Number.isNaN(since) ? undefined : since;
	for (const raw of boundedItems(value).items) {
		const checked = checkPost(raw);
		if (!checked.ok) continue;
		posts.push(toPostSummary(checked.value, undefined));
		const modified = modifiedTime((raw as Record<string, unknown>)['modified_gmt']);
		if (modified !== undefined && (newest === undefined || modified > newest)) newest = modified;
	}
	return {
		kind: 'posts',
		posts,
		etag: validator(response, 'etag'),
		lastModified: validator(response, 'last-modified'),
		...(newest === undefined ? {} : {modifiedAfter: new Date(newest).toISOString()}),
	};
}

/** WordPress's `modified_gmt` ("2024-05-01T10:00:00", no zone: it is UTC) as a time. */
function modifiedTime(value: unknown): number | undefined {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
	const time = Date.parse(`${value}Z`);
	return Number.isNaN(time) ? undefined : time;
}
