import {header, hostOf, type HttpClient, type HttpResponse} from '../../http/client.js';
import {visitHtml} from '../../render/html-events.js';
import {cleanLine} from '../../render/sanitize.js';
import type {BlogSource} from '../blog-source.js';
import {BlogError, isBlogError} from '../../errors.js';
import {createFeedSource} from './feed-source.js';
import type {StoredPostsOfSite} from '../post-filter.js';
import {networkUrl} from '../clean.js';
import {decodeFeedBytes, parseFeedText, readFeedResponse, type ParsedFeed} from './parse-feed.js';

export type OpenFeedOptions = {
	/** The page at `url`, when the caller has fetched it already. */
	readonly home?: HttpResponse;
	readonly signal?: AbortSignal;
	/** Read the page and feeds kept on disk without asking the server (see FetchOptions). */
	readonly cacheFirst?: boolean;
	/** The posts the store keeps of the blog, for its search (see FeedSourceOptions). */
	readonly storedPosts?: StoredPostsOfSite;
};

/** Where feeds usually live when a page names none, tried in this order. */
export const usualFeedPaths = ['feed', 'feed/', 'rss.xml', 'atom.xml', 'index.xml', 'feed.json'] as const;

/** The most feeds tried of those the site's home page names, when a post's page names none: the main feed comes first. */
export const maxHomePageFeeds = 3;

/** The feed types a `<link rel="alternate">` may name; the generic JSON type is tried last. */
const feedTypes = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json)$/i;
const jsonType = /^application\/json$/i;

/**
 * Opens the blog at `url` through its feed: `url` may be the feed itself or a page naming it in a
 * `<link rel="alternate">` (the main feed, not the comments feed); when the page names none, the usual
 * places beside it are tried, then (for a page other than the home page, that answered) the feeds the
 * site's home page names (a post's page often names none), then the usual places at the root. Rejects with 'not-a-blog' and a message saying what was
 * tried when nothing is found.
 */
export async function openFeedBlog(http: HttpClient, url: string, options: OpenFeedOptions = {}): Promise<BlogSource> {
	const {signal, cacheFirst} = options;
	const page = options.home ?? await http.getBytes(url, {signal, cache: true, cacheFirst});
	const pageIsHtml = looksLikeHtml(page);
	// A page that says it is a feed but cannot be read: said so in the end, unless a feed is found elsewhere.
	let pageIsBrokenFeed = false;
	/** Why the page could not be read as a feed, when the reason is more than "not well-formed". */
	let pageProblem: BlogError | undefined;
	if (!pageIsHtml && page.statusCode < 400) {
		const feed = await readPageAsFeed(http, page, signal, cacheFirst, problem => {
			pageProblem = problem;
		});
		if (feed) return createFeedSource(feed, {http, signal, fetchedUrl: page.url, fromCache: Boolean(page.fromCache || feed.fromCache), storedPosts: options.storedPosts});
		pageIsBrokenFeed = looksLikeFeed(page);
	}

	const linked = pageIsHtml && page.statusCode < 400 ? findFeedLinks(page.body, page.url) : [];
	for (const candidate of linked) {
		const feed = await tryFeed(http, candidate, signal, cacheFirst);
		if (feed) return createFeedSource(feed, {http, signal, fetchedUrl: page.url, fromCache: Boolean(page.fromCache || feed.fromCache), storedPosts: options.storedPosts});
	}

	const root = new URL('/', page.url).toString();
	const bases = unique([new URL('.', page.url).toString(), root]);
	const tried: string[] = [];
	const seen = new Set(linked);
	for (const base of bases) {
		if (base === root && page.url !== root && pageIsHtml && page.statusCode < 400) {
			// A post's page that names no feed: the home page does, on most blogs. (A page that is not there is no post.)
			const home = await readHomePage(http, root, page.url, signal, cacheFirst);
			const fromHome = home ? findFeedLinks(home.body, home.url).filter(candidate => !seen.has(candidate)).slice(0, maxHomePageFeeds) : [];
			for (const candidate of fromHome) {
				seen.add(candidate);
				const feed = await tryFeed(http, candidate, signal, cacheFirst);
				// Known by the page that named its feed, as when the home page is opened itself.
				if (feed && home) return createFeedSource(feed, {http, signal, fetchedUrl: home.url, fromCache: Boolean(home.fromCache || feed.fromCache), storedPosts: options.storedPosts});
			}
			if (home) tried.push(describeLinked(fromHome.length, 'the home page\'s'));
		}
		for (const path of usualFeedPaths) {
			const candidate = new URL(path, base).toString();
			tried.push(cleanLine(new URL(candidate).pathname));
			if (seen.has(candidate)) continue;
			const feed = await tryFeed(http, candidate, signal, cacheFirst);
			if (feed) return createFeedSource(feed, {http, signal, fetchedUrl: page.url, fromCache: Boolean(page.fromCache || feed.fromCache), storedPosts: options.storedPosts});
		}
	}
	const host = cleanLine(hostOf(page.url));
	if (pageIsBrokenFeed && pageProblem) throw pageProblem;
	if (pageIsBrokenFeed) throw new BlogError('unreadable', `${host} sent a feed that blogterm cannot read: it is not well-formed RSS, Atom or JSON Feed.`);
	throw new BlogError('not-a-blog', `No feed found at ${host}: tried ${[describeLinked(linked.length, 'the page\'s'), ...tried].join(', ')}.`);
}

/** What was tried of a page's `<link>` tags, for the message when no feed is found. */
function describeLinked(count: number, whose: string): string {
	return count > 0 ? `the ${count === 1 ? 'feed' : `${count} feeds`} ${whose} <link> tags name (none could be read)` : `${whose} <link> tags`;
}

/**
 * The site's home page (`root`), to read the feeds it names; undefined when it cannot be read, is no
 * HTML page, or led to another host (its feeds are another site's). Only a cancel rejects.
 */
async function readHomePage(http: HttpClient, root: string, pageUrl: string, signal: AbortSignal | undefined, cacheFirst: boolean | undefined): Promise<HttpResponse | undefined> {
	try {
		const home = await http.getText(root, {signal, cache: true, cacheFirst});
		if (home.statusCode >= 400 || !looksLikeHtml(home) || new URL(home.url).hostname !== new URL(pageUrl).hostname) return undefined;
		return home;
	} catch (error) {
		if (isBlogError(error) && error.kind === 'cancelled') throw error;
		return undefined;
	}
}

/** The feeds a page names (findFeedLinks) when it says it is HTML (its Content-Type); none otherwise. */
export function feedsNamedBy(page: HttpResponse): string[] {
	return /html/i.test(header(page, 'content-type') ?? '') ? findFeedLinks(page.body, page.url) : [];
}

/**
 * The feeds a page names in `<link rel="alternate" type="…">`, absolute, best first: RSS, Atom and
 * JSON Feed types in page order, then plain `application/json`. Comment feeds and WordPress REST
 * links are left out.
 */
export function findFeedLinks(html: string, pageUrl: string): string[] {
	let base = pageUrl;
	const typed: string[] = [];
	const json: string[] = [];
	let headEnded = false;
	// visitHtml follows at most maxHtmlDepth levels (a deeper page cost htmlparser2 seconds).
	visitHtml(html, {
		enter({name, attribs: attributes}) {
			// Feed links belong in the head; a long body need not be read.
			if (name === 'head') {
				return () => {
					headEnded = true;
				};
			}
			if (name === 'base' && attributes['href']) {
				base = networkUrl(attributes['href'], pageUrl) ?? base;
				return true;
			}
			if (name !== 'link') return true;
			const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
			const type = (attributes['type'] ?? '').trim();
			const href = attributes['href']?.trim();
			if (!rel.includes('alternate') || !href || isCommentFeed(attributes['title'] ?? '', href)) return true;
			const url = networkUrl(href, base);
			if (url && feedTypes.test(type)) typed.push(url);
			else if (url && jsonType.test(type) && !/\/wp-json\/|[?&]rest_route=|oembed/i.test(url)) json.push(url);
			return true;
		},
		text() {
			// Only the links count.
		},
		enough: () => headEnded,
	});
	return unique([...typed, ...json]);
}

function isCommentFeed(title: string, href: string): boolean {
	return /\bcomments?\b/i.test(title) || /\/comments\/feed\b|[?&]feed=comments/i.test(href);
}

/** Says it is a feed: a feed's (or XML's, or JSON's) content type, or a start that only a feed has. */
function looksLikeFeed(response: HttpResponse): boolean {
	if (/xml|rss|atom|json/i.test(header(response, 'content-type') ?? '')) return true;
	return /^\s*(?:\uFEFF)?\s*(?:<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]|\{\s*"version")/.test(response.body.slice(0, 1024));
}

function looksLikeHtml(response: HttpResponse): boolean {
	// A feed served as text/html (a misconfigured server) is still a feed.
	if (startsLikeFeed(response)) return false;
	const type = header(response, 'content-type') ?? '';
	if (/html/i.test(type)) return true;
	if (/xml|json|rss|atom/i.test(type)) return false;
	return /^\s*(?:\uFEFF)?\s*(?:<!doctype\s+html|<html[\s>])/i.test(response.body.slice(0, 1024));
}

/**
 * Whether an answer's text starts as only a feed does: an `<rss>`, `<feed>` or `<rdf:RDF>` root after
 * the XML declaration, comments, processing instructions and a doctype; or a JSON Feed's version.
 * Read from the bytes as a feed is (UTF-16 too).
 */
function startsLikeFeed(response: HttpResponse): boolean {
	const start = response.bytes ? decodeFeedBytes(response.bytes.subarray(0, 2048), undefined) : response.body.slice(0, 2048);
	return /^\s*(?:(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*>)\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(start.replace(/^\uFEFF/, ''))
		|| /^\s*\{\s*"version"\s*:\s*"(?:https?:\/\/jsonfeed\.org\/version\/|v?1)/.test(start);
}

/**
 * The page as a feed, or undefined when it is not one. A page fetched as text was read as UTF-8;
 * one that declares another encoding is fetched again as bytes to decode it as declared.
 */
async function readPageAsFeed(http: HttpClient, page: HttpResponse, signal: AbortSignal | undefined, cacheFirst: boolean | undefined, onProblem: (problem: BlogError) => void): Promise<ParsedFeed | undefined> {
	try {
		if ('bytes' in page && page.bytes instanceof Uint8Array) return readFeedResponse(page as HttpResponse & {bytes: Uint8Array});
		if (declaresOtherThanUtf8(page)) return readFeedResponse(await http.getBytes(page.url, {signal, cache: true, cacheFirst}));
		return parseFeedText(page.body, page.url);
	} catch (error) {
		if (isBlogError(error) && error.kind === 'cancelled') throw error;
		// A reason in words beyond "not a feed" (an element with too many attributes) is kept to be told.
		if (isBlogError(error) && error.kind === 'unreadable' && !/is not an RSS, Atom or JSON feed\.$/.test(error.message)) onProblem(error);
		return undefined;
	}
}

function declaresOtherThanUtf8(page: HttpResponse): boolean {
	const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header(page, 'content-type') ?? '')?.[1];
	const declared = charset ?? /^\s*(?:\uFEFF)?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(page.body.slice(0, 512))?.[1];
	return declared !== undefined && !/^utf-?8$/i.test(declared);
}

/** A candidate feed URL read, or undefined when it is missing, an HTML page or unreadable. Only a cancel rejects. */
async function tryFeed(http: HttpClient, url: string, signal: AbortSignal | undefined, cacheFirst: boolean | undefined): Promise<ParsedFeed | undefined> {
	try {
		const response = await http.getBytes(url, {signal, cache: true, cacheFirst});
		if (response.statusCode >= 400 || looksLikeHtml(response)) return undefined;
		return readFeedResponse(response);
	} catch (error) {
		if (isBlogError(error) && error.kind === 'cancelled') throw error;
		return undefined;
	}
}

function unique<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}
