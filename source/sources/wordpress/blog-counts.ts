import type {PostId} from '../../model/post.js';
import type {HttpClient, HttpResponse} from '../../http/client.js';
import {isBlogError} from '../../errors.js';
import type {FeedItem} from '../feed/parse-feed.js';
import type {PostFilter} from '../post-filter.js';
import type {FetchOptions} from '../blog-source.js';

/*
The count a WordPress blog shows ("2 Comments", get_comments_number) holds its pingbacks and trackbacks,
but its REST API lists only comments to a visitor (`type=pingback` needs an account). What it shows a
visitor with the blog's own count is its RSS feed: each item's `slash:comments`. A list page's counts come
from the feed's pages that hold its posts (`?feed=rss2&paged=N`, asked beside the REST list); one post's
from a feed of that post alone (`?feed=rss2&p=ID&withoutcomments=1`). `?feed=rss2` first: WordPress
answers that form at once, plain or pretty permalinks alike (no redirect).
*/

/** WordPress's posts_per_rss default: how many posts a feed page holds unless the blog changed it (then learnt, see feedPageSizeFrom). */
export const postsPerFeedPage = 10;

/** The blog's counts of the posts some feed pages hold, with the answers they came from. */
export type BlogCounts = {
	/** By post ID (`id:42`, from a guid `…/?p=42`) and by link (`link:https://…`): a guid is not always `?p=`. */
	readonly counts: ReadonlyMap<string, number>;
	/** How many items the feeds held. */
	readonly items: number;
	/** How many items each feed held, in the order asked; undefined for one that could not be read. */
	readonly sizes: ReadonlyArray<number | undefined>;
	readonly answers: readonly HttpResponse[];
};

/** A post's count in `found`, by its ID or its link; undefined when the feeds did not hold it. */
export function countOf(found: BlogCounts, post: {readonly id: PostId; readonly link?: string | undefined}): number | undefined {
	return found.counts.get(`id:${post.id}`) ?? (post.link ? found.counts.get(`link:${post.link}`) : undefined);
}

/** The feed address with these query arguments, `feed=rss2` first. */
export function feedUrl(siteUrl: string, query: Record<string, string | number>): string {
	const url = new URL(siteUrl);
	url.search = '';
	url.searchParams.set('feed', 'rss2');
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
	return url.toString();
}

/**
 * The feed pages that hold the posts of list page `page` (`perPage` a page) when the feed lists what the
 * list does (the whole list, a search, a category, an author); none when it cannot (a tag, by dates).
 */
export function listFeedUrls(siteUrl: string, page: number, perPage: number, filter: PostFilter | undefined, feedPageSize = postsPerFeedPage): string[] {
	const query: Record<string, string | number> = {};
	if (filter?.kind === 'search') query['s'] = filter.text;
	else if (filter?.kind === 'category') query['cat'] = String(filter.term.id);
	else if (filter?.kind === 'author' && filter.id !== undefined) query['author'] = String(filter.id);
	else if (filter !== undefined) return [];
	const first = Math.floor(((page - 1) * perPage) / feedPageSize) + 1;
	const last = Math.floor(((page * perPage) - 1) / feedPageSize) + 1;
	const urls: string[] = [];
	for (let feedPage = first; feedPage <= last; feedPage++) urls.push(feedUrl(siteUrl, feedPage === 1 ? query : {...query, paged: feedPage}));
	return urls;
}

/**
 * How many posts the blog's feed pages hold (its posts_per_rss), from its first page: `items` posts of a
 * list of `total`. Undefined when that page cannot tell (it holds the whole list, or nothing).
 */
export function feedPageSizeFrom(items: number | undefined, total: number, assumed: number): number | undefined {
	if (items === undefined || items === 0 || items === assumed) return undefined;
	// More than assumed: a page holds at least that many. Fewer, with more posts than that: a full page.
	return items > assumed || items < total ? items : undefined;
}

/** The feed of one post alone, with its count (`withoutcomments`: not the post's comment feed). */
export function postFeedUrl(siteUrl: string, id: PostId): string {
	return feedUrl(siteUrl, {p: String(id), withoutcomments: 1});
}

/** The post's comment feed: its newest comments, pingbacks and trackbacks among them. */
export function commentFeedUrl(siteUrl: string, id: PostId): string {
	return feedUrl(siteUrl, {p: String(id)});
}

/** The WordPress post ID a feed item is for: its guid (`https://blog.example/?p=42`). */
function postIdOf(item: FeedItem): string | undefined {
	return /[?&]p=(\d+)(?:&|#|$)/.exec(item.id)?.[1];
}

/** The comment ID a comment feed item is for: its guid or link ends `#comment-N`. */
export function commentIdOf(item: FeedItem): string | undefined {
	return /#comment-(\d+)$/.exec(item.id)?.[1] ?? /#comment-(\d+)$/.exec(item.link)?.[1];
}

/** Reads a feed; undefined when there is none to read (feeds turned off, not a feed, the blog down). Esc is passed on. */
export async function readFeed(http: HttpClient, url: string, options: FetchOptions): Promise<{items: readonly FeedItem[]; answer: HttpResponse} | undefined> {
	try {
		// The feed parser is loaded while the feed is on its way, not at start: a WordPress blog's first
		// frame and its first request need none of it.
		const parser = import('../feed/parse-feed.js');
		const answer = await http.getBytes(url, {signal: options.signal, cache: true, cacheFirst: options.cacheFirst});
		if (answer.statusCode !== 200) return undefined;
		const {readFeedResponse} = await parser;
		return {items: readFeedResponse(answer).items, answer};
	} catch (error) {
		if (isBlogError(error) && error.kind === 'cancelled') throw error;
		return undefined;
	}
}

/** The blog's own counts from these feed pages, by post ID: the posts they hold, the others left out. */
export async function readBlogCounts(http: HttpClient, urls: readonly string[], options: FetchOptions): Promise<BlogCounts> {
	const feeds = await Promise.all(urls.map(async url => readFeed(http, url, options)));
	const sizes = feeds.map(feed => feed?.items.length);
	const counts = new Map<string, number>();
	const answers: HttpResponse[] = [];
	let items = 0;
	for (const feed of feeds) {
		if (!feed) continue;
		answers.push(feed.answer);
		items += feed.items.length;
		for (const item of feed.items) {
			if (item.commentCount === undefined) continue;
			const id = postIdOf(item);
			for (const key of [id === undefined ? undefined : `id:${id}`, item.link ? `link:${item.link}` : undefined]) {
				if (key !== undefined && !counts.has(key)) counts.set(key, item.commentCount);
			}
		}
	}
	return {counts, items, sizes, answers};
}
