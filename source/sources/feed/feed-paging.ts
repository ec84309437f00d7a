import {hostOf, type HttpClient} from '../../http/client.js';
import {BlogError} from '../../errors.js';
import {cleanLine} from '../../render/sanitize.js';
import type {FetchOptions} from '../blog-source.js';
import {readFeedResponse, type ParsedFeed} from './parse-feed.js';

/**
 * How the list goes past the first fetch: 'wordpress' asks for `?paged=2`, `?paged=3`… until a 404
 * or an empty page; 'held' means the feed's items are all there is.
 */
export type FeedPaging = 'wordpress' | 'held';

/** Never read more feed pages than this (WordPress gives 10 posts a page by default). */
export const maxFeedPages = 100;
/** How far to read on to place a post found on its own among its neighbours. */
export const maxNeighbourSearchPages = 20;

/** One page of a WordPress-style paged feed; undefined past the end (404, 410). */
export async function fetchFeedPage(http: HttpClient, feedUrl: string, page: number, options: FetchOptions): Promise<ParsedFeed | undefined> {
	const url = new URL(feedUrl);
	url.searchParams.set('paged', String(page));
	const response = await http.getBytes(url.toString(), {signal: options.signal, cache: true});
	if (response.statusCode === 404 || response.statusCode === 410) return undefined;
	if (response.statusCode >= 400) {
		throw new BlogError('http', `${cleanLine(hostOf(response.url))} answered ${response.statusCode} for page ${page} of its feed.`, {statusCode: response.statusCode});
	}
	return readFeedResponse(response);
}
