import type {HttpClient} from '../http/client.js';
import {openBlog} from '../sources/open-blog.js';
import {normaliseSiteUrl} from '../sources/site-url.js';
import {wordPressRss2Url} from '../sources/wordpress/api-root.js';
import type {BlogSource} from '../sources/blog-source.js';
import type {FoundBlog} from './types.js';

/** What a source reads from, when it says (WordPressSource.apiRootUrl, FeedSource.feedUrl). */
type Readable = BlogSource & {readonly apiRootUrl?: string; readonly feedUrl?: string};

/**
 * Finds the blog at `url` exactly as `blogterm SITE` does (openBlog: WordPress's REST API, else the
 * feed the page names or one in the usual places), and says how a refresh will read it.
 * Rejects with a BlogError ("No feed found at …").
 */
export async function discoverBlog(http: HttpClient, url: string, options: {readonly signal?: AbortSignal} = {}): Promise<FoundBlog> {
	const normalised = normaliseSiteUrl(url);
	const source: Readable = await openBlog(http, normalised, {signal: options.signal});
	const common = {
		url: normalised,
		title: source.site.name,
		description: source.site.description,
		htmlUrl: source.site.url,
		siteKey: source.site.key,
		sourceDescription: source.description,
	};
	if (typeof source.apiRootUrl === 'string') {
		// A REST index that answers while its posts route refuses visitors (a security plugin's 401 or 403)
		// is found so by a first read of the list, which openBlog then makes through the blog's feed: the
		// blog is followed by that feed, as one whose REST index is closed, not refreshed into the refusal.
		// Any other failure here leaves the blog as WordPress: the refresh says what is wrong. Cancelled is cancelled.
		await source.fetchPostPage(1, 1, {signal: options.signal}).catch((error: unknown) => {
			if (options.signal?.aborted) throw error;
		});
		if (typeof source.apiRootUrl === 'string') return {...common, kind: 'wordpress', apiUrl: source.apiRootUrl, feedUrl: await wordPressFeedUrl(http, normalised, source.site.url)};
	}
	return {...common, kind: 'feed', apiUrl: '', feedUrl: source.feedUrl ?? normalised};
}

/**
 * The feed a WordPress blog serves, for OPML export (other readers read feeds, not the REST API): the
 * one its home page names (the page openBlog just kept on disk: no request), else `?feed=rss2`, which
 * every WordPress answers whatever its permalinks.
 */
async function wordPressFeedUrl(http: HttpClient, url: string, home: string): Promise<string> {
	try {
		const page = await http.getText(url, {cache: true, cacheFirst: true});
		const {feedsNamedBy} = await import('../sources/feed/discover-feed.js');
		const named = feedsNamedBy(page)[0];
		if (named) return named;
	} catch {
		// Only a nicety: the usual address does.
	}
	return wordPressRss2Url(home);
}
