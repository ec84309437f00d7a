import {hostOf, type HttpClient} from '../http/client.js';
import {cleanLine} from '../render/sanitize.js';
import type {BlogSource, FetchOptions} from './blog-source.js';
import {BlogError} from '../errors.js';
import {openWordPressBlog} from './wordpress/discover-wordpress.js';

/** What a user may type for a site: `blog.example` (https is meant), a home page, a feed, or a `/wp-json/` root. */
export function normaliseSiteUrl(site: string): string {
	const trimmed = site.trim();
	const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new BlogError('not-a-blog', `“${cleanLine(site)}” is not a web address.`);
	}
	if (!/^https?:$/.test(url.protocol)) throw new BlogError('not-a-blog', `“${cleanLine(site)}” is not an http or https address.`);
	return url.toString();
}

/** A feed's address by its look: /feed, /rss.xml, /atom.xml, /index.xml, /feed.json, ?feed=rss2… */
function looksLikeFeedAddress(url: string): boolean {
	const {pathname, searchParams} = new URL(url);
	return searchParams.has('feed') || /(?:^|\/)(?:feed|rss|rss2|atom)\/?$|\.(?:xml|rss|rdf|atom)$|(?:^|\/)feed\.json$/i.test(pathname);
}

/**
 * Opens whatever blog is at `site`: WordPress through its REST API when it answers,
 * otherwise the feed the home page names (or one in the usual places). The source asks the blog
 * through `http`, the client made at the edge (with its cache and limits).
 */
export async function openBlog(http: HttpClient, site: string, options: FetchOptions = {}): Promise<BlogSource> {
	const url = normaliseSiteUrl(site);
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
	if (wordpress) return wordpress;
	// Loaded only for a blog read through its feed: a WordPress blog never pays for the feed parser.
	const {openFeedBlog} = await import('./feed/discover-feed.js');
	return openFeedBlog(http, home.url, {home, signal: options.signal, cacheFirst: options.cacheFirst});
}
