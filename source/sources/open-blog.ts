import {hostOf, type HttpClient, type HttpResponse} from '../http/client.js';
import {cleanLine} from '../render/sanitize.js';
import type {BlogSource, FetchOptions} from './blog-source.js';
import {BlogError, isBlogError, RestClosedError} from '../errors.js';
import {openWordPressBlog} from './wordpress/discover-wordpress.js';
import {wordPressRss2Url} from './wordpress/api-root.js';
import type {StoredPostsOfSite} from './post-filter.js';
import {normaliseSiteUrl} from './site-url.js';

/** A feed's address by its look: /feed, /rss.xml, /atom.xml, /index.xml, /feed.json, ?feed=rss2… */
function looksLikeFeedAddress(url: string): boolean {
	const {pathname, searchParams} = new URL(url);
	return searchParams.has('feed') || /(?:^|\/)(?:feed|rss|rss2|atom)\/?$|\.(?:xml|rss|rdf|atom)$|(?:^|\/)feed\.json$/i.test(pathname);
}

/**
 * How long what discovery found of a WordPress blog (its home page and REST index, kept on disk) is
 * trusted by print mode before the blog is asked again alongside the post. A REST root moves only when a
 * site changes its address, permalinks or install, and a read that fails through what was kept asks
 * again at once anyway; asking on every print cost two requests, their parsing and the cache's writes
 * each time. A day: a blog printed from daily is asked about once a day, and a site's name or
 * description changed today shows tomorrow at the latest.
 */
export const rediscoverAfterMs = 24 * 60 * 60 * 1000;

/** How a blog is opened. */
export type OpenBlogOptions = FetchOptions & {
	/**
	 * Open a blog read before from what discovery found then (its home page and REST index or feed, kept
	 * on disk): its first request is its own (the post, the list), not the home page. Discovery is asked
	 * again alongside only when what was kept is older than `rediscoverAfterMs`; a read that fails through
	 * what was kept asks again then (when not asked already) and is tried once more through what was
	 * found now, when that differs. For print mode: the reader has its own refresh.
	 */
	readonly remembered?: boolean;
	/** The posts the store keeps of a followed blog: a feed blog's search covers them too, not only what its feed holds now. */
	readonly storedPosts?: StoredPostsOfSite;
};

/**
 * Opens whatever blog is at `site`: WordPress through its REST API when it answers,
 * otherwise the feed the home page names (or one in the usual places). The source asks the blog
 * through `http`, the client made at the edge (with its cache and limits).
 */
export async function openBlog(http: HttpClient, site: string, options: OpenBlogOptions = {}): Promise<BlogSource> {
	const {remembered, storedPosts, ...fetchOptions} = options;
	const url = normaliseSiteUrl(site);
	if (!remembered || fetchOptions.cacheFirst) return discover(http, url, fetchOptions, storedPosts);
	const kept = await discover(http, url, {...fetchOptions, cacheFirst: true}, storedPosts);
	// Nothing was kept (a blog never read, no cache): it was just discovered over the network.
	if (!kept.fromCache) return kept;
	// A feed is the posts themselves, not only where they are: it is read again now, as before.
	if (!('apiRootUrl' in kept)) return discover(http, url, fetchOptions, storedPosts);
	let fresh: Promise<BlogSource | undefined> | undefined;
	const discoverNow = async () => {
		// Its two requests (the home page, then the REST index) are one piece of work for `settled()`.
		fresh ??= http.inBackground(discover(http, url, fetchOptions, storedPosts).catch(() => undefined));
		return fresh;
	};
	// Due: asked again alongside the first read, for the next run (the process waits for it before exiting).
	if (rediscoveryIsDue(kept, Date.now())) void discoverNow();
	return retriedThrough(kept, discoverNow);
}

/** What was kept was found (or last confirmed) `rediscoverAfterMs` ago or more, at an unknown time, or in the future. */
function rediscoveryIsDue(kept: BlogSource, now: number): boolean {
	const {discoveredAt} = kept as {discoveredAt?: number};
	if (discoveredAt === undefined) return true;
	const age = now - discoveredAt;
	return !(age >= 0 && age < rediscoverAfterMs);
}

async function discover(http: HttpClient, url: string, options: FetchOptions, storedPosts?: StoredPostsOfSite): Promise<BlogSource> {
	// Kept on disk, so that a blog read before opens with no network.
	const home = await http.getText(url, {signal: options.signal, cache: true, cacheFirst: options.cacheFirst});
	if (home.statusCode >= 400 && home.statusCode !== 404) {
		throw new BlogError('http', `${cleanLine(hostOf(url))} answered ${home.statusCode}.`, {statusCode: home.statusCode});
	}
	// A feed's address that is gone is an error, not a reason to read whatever feed the home page names.
	if ((home.statusCode === 404 || home.statusCode === 410) && looksLikeFeedAddress(url)) {
		throw new BlogError('http', `${cleanLine(hostOf(url))} answered ${home.statusCode} for the feed ${cleanLine(new URL(url).pathname)}: there is no feed at that address.`, {statusCode: home.statusCode});
	}
	// The site as the user named it (not where it redirected): a WordPress password is for it alone.
	const wordpress = await openWordPressBlog(http, home, options, process.env, url);
	if (wordpress) return readThroughFeedWhenClosed(wordpress, async feedOptions => openWordPressFeed(http, home, wordpress.apiRootUrl, {...feedOptions, storedPosts}));
	// Loaded only for a blog read through its feed: a WordPress blog never loads feed discovery and the feed
	// source (the feed parser it loads only when its comment counts are read from its feed, see blog-counts.ts).
	const {openFeedBlog} = await import('./feed/discover-feed.js');
	return openFeedBlog(http, home.url, {home, signal: options.signal, cacheFirst: options.cacheFirst, storedPosts});
}

/**
 * `wordpress`, read through its feed from the first read that finds its REST API closed to visitors
 * (RestClosedError: its posts route answered 401 or 403 though its index answered): that read is made
 * again through the feed, and so is everything after it, as for a blog whose REST index is closed. When
 * the feed cannot be opened either, the read fails saying both, and the next read tries again.
 */
function readThroughFeedWhenClosed(wordpress: BlogSource, openFeed: (options: FetchOptions) => Promise<BlogSource>): BlogSource {
	let feed: BlogSource | undefined;
	let opening: Promise<BlogSource> | undefined;
	const throughFeed = async (closed: RestClosedError, options: FetchOptions): Promise<BlogSource> => {
		opening ??= openFeed(options);
		try {
			feed = await opening;
			return feed;
		} catch (error) {
			opening = undefined;
			if (!isBlogError(error) || error.kind === 'cancelled') throw error;
			const said = /[.!?]$/.test(closed.message) ? closed.message : `${closed.message}.`;
			throw new BlogError(error.kind, `${said} ${error.message}`, {statusCode: error.statusCode, cause: error});
		}
	};
	return withFailedReadsMadeAgain(wordpress, async (error, parameters) => {
		if (!(error instanceof RestClosedError)) throw error;
		return throughFeed(error, fetchOptionsOf(parameters));
	}, () => feed ?? wordpress);
}

/**
 * `first`, whose reads (its fetch… methods: nothing that sends) that fail are made again, with the same
 * parameters, through the source `otherFor` resolves to for that failure; when `otherFor` throws, that
 * is the read's error. Every property is asked of the source `current()` names (`first` unless the caller
 * moved for good, as to a WordPress blog's feed); once that is another, its reads are its own.
 */
function withFailedReadsMadeAgain(first: BlogSource, otherFor: (error: unknown, parameters: readonly unknown[]) => Promise<BlogSource>, current: () => BlogSource = () => first): BlogSource {
	return new Proxy(first, {
		// What a caller asks of the source (`'apiRootUrl' in source`) is asked of the one it is read through.
		has: (_target, key) => Reflect.has(current(), key),
		get(_target, key) {
			const target = current();
			const value: unknown = Reflect.get(target, key, target);
			if (typeof value !== 'function') return value;
			const method = value as (...values: unknown[]) => unknown;
			if (target !== first || typeof key !== 'string' || !key.startsWith('fetch')) return method.bind(target);
			return async (...parameters: unknown[]) => {
				try {
					return await method.apply(target, parameters);
				} catch (error) {
					const other = await otherFor(error, parameters);
					return (Reflect.get(other, key, other) as (...values: unknown[]) => Promise<unknown>).apply(other, parameters);
				}
			};
		},
	});
}

/** The cancel and cache choice a fetch… method was given (its last parameter, when that is its options). */
function fetchOptionsOf(parameters: readonly unknown[]): FetchOptions {
	const last = parameters.at(-1);
	if (last === null || typeof last !== 'object' || !('signal' in last || 'cacheFirst' in last)) return {};
	const {signal, cacheFirst} = last as FetchOptions;
	return {signal, cacheFirst};
}

/**
 * A WordPress blog read through its feed: the one its page names (with the usual places after it), else
 * `?feed=rss2` where its REST API lives (`…/wp-json/` → `…/`), which every WordPress serves whatever
 * its permalinks. Loaded, as for any feed blog, only when needed.
 */
async function openWordPressFeed(http: HttpClient, home: HttpResponse, apiRootUrl: string, options: FetchOptions & {readonly storedPosts?: StoredPostsOfSite}): Promise<BlogSource> {
	const {feedsNamedBy, openFeedBlog} = await import('./feed/discover-feed.js');
	const feedOptions = {signal: options.signal, cacheFirst: options.cacheFirst, storedPosts: options.storedPosts};
	if (feedsNamedBy(home).length > 0) return openFeedBlog(http, home.url, {...feedOptions, home});
	return openFeedBlog(http, wordPressRss2Url(apiRootUrl), feedOptions);
}

/** What tells two discoveries of a site apart: how it is read, and from where. */
function discoveredAs(source: BlogSource): string {
	const where = source as {apiRootUrl?: unknown; feedUrl?: unknown};
	return JSON.stringify([source.description, source.site.url, where.apiRootUrl, where.feedUrl]);
}

/**
 * `kept`, whose reads (its fetch… methods: nothing that sends) that fail are tried once more through
 * what `fresh` discovers when that differs. A cancel is never retried; sending a comment never is.
 */
function retriedThrough(kept: BlogSource, fresh: () => Promise<BlogSource | undefined>): BlogSource {
	return withFailedReadsMadeAgain(kept, async error => {
		if (isBlogError(error) && error.kind === 'cancelled') throw error;
		const now = await fresh();
		if (!now || discoveredAs(now) === discoveredAs(kept)) throw error;
		return now;
	});
}

/**
 * SITE as a post's URL, when it looks like one: a path beyond the home page (or `?p=ID`) that is not a
 * feed's or the REST API's. `blogterm https://blog.example/2024/01/slug/` prints or opens that post.
 * Undefined otherwise (a blog's home, in a folder or not, is told apart only by asking it).
 */
export function postUrlOfSite(site: string): string | undefined {
	let url: URL;
	try {
		url = new URL(normaliseSiteUrl(site));
	} catch {
		return undefined;
	}
	if (/^\d+$/.test(url.searchParams.get('p') ?? '')) return url.toString();
	if (url.pathname === '/' || url.search !== '' || /\/wp-json(?:\/|$)/.test(url.pathname)) return undefined;
	if (/(?:^|\/)(?:feed|rss|rss2|atom|comments\/feed)\/?$|\.(?:xml|rss|rdf|atom|json)$/i.test(url.pathname)) return undefined;
	return url.toString();
}
