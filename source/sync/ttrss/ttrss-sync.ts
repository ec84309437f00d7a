/**
 * One sync with a TT-RSS server into the store: first what the user changed here (read marks, stars;
 * each sent once, in order), then the server's feeds and categories as the followed blogs and folders,
 * its new articles (since the last one seen, in pages), the read state of older ones where the server's
 * unread counts differ from ours (read elsewhere), and its stars. Plain TypeScript over the store.
 */
import type {Database} from 'better-sqlite3';
import {writeTransaction} from '../../store/db.js';
import {blogsWithCounts, deleteBlog, findBlog, insertBlog} from '../../store/blogs-table.js';
import {hostOf} from '../../http/client.js';
import {isSyncError, SyncError} from '../sync-error.js';
import {dropQueued, syncStateKeys, linkFeed, queuedChanges, setReadByServerIds, setStarredServerIds, setSyncStateValue, syncedFeeds, syncStateValue, unreadServerIds, upsertServerPosts, type ServerPost} from '../../store/sync-table.js';
import {siteKey as siteKeyOf} from '../../sources/site-url.js';
import type {RefreshProgress} from '../../subscriptions/types.js';
import type {ServerArticle} from './ttrss-schema.js';
import {headlinesPageSize, type HeadlinesRequest, type TtrssClient} from './ttrss-client.js';
import {formatCount} from '../../render/format-count.js';

export type SyncOptions = {
	/** ISO 8601 now. */
	readonly now: () => string;
	/** Headlines per page (default 200, TT-RSS's most). */
	readonly pageSize?: number;
	/** The same progress as a refresh: called at the start and as each feed's read state is checked. */
	readonly onProgress?: (progress: RefreshProgress) => void;
};

export type SyncReport = {
	/** Read marks and stars sent. */
	readonly sent: number;
	/** Feeds the server follows. */
	readonly feeds: number;
	/** Articles newly stored. */
	readonly added: number;
	/** Articles read on the server since the last sync and marked read here (or unread again). */
	readonly readElsewhere: number;
};

/** Sends what waits in the queue, oldest first, in runs of the same change; each run is dropped once the server took it. */
export async function sendQueued(db: Database, client: TtrssClient): Promise<number> {
	const changes = queuedChanges(db);
	let sent = 0;
	for (let start = 0; start < changes.length;) {
		const first = changes[start]!;
		let end = start + 1;
		while (end < changes.length && changes[end]!.field === first.field && changes[end]!.value === first.value && end - start < 500) end++;
		const run = changes.slice(start, end);
		const ids = run.map(change => change.serverId);
		if (first.field === 'read') await client.setRead(ids, first.value);
		else await client.setStarred(ids, first.value);
		writeTransaction(db, () => dropQueued(db, run.map(change => change.id)));
		sent += run.length;
		start = end;
	}
	return sent;
}

/**
 * Blogs unfollowed here are unfollowed on the server; blogs followed here (or imported from OPML) and
 * not on the server yet are followed there, in their folder's category when it has one. A feed the
 * server cannot reach keeps the server's reason as the blog's error, and is not asked again.
 */
async function sendFollows(db: Database, client: TtrssClient, categoryIds: ReadonlyMap<string, number>, now: string): Promise<void> {
	for (const key of syncStateKeys(db, 'unsubscribe:')) {
		try {
			await client.unsubscribe(Number(key.slice('unsubscribe:'.length)));
		} catch (error) {
			// Gone from the server already (FEED_NOT_FOUND): what was asked is done.
			if (!(isSyncError(error) && error.kind === 'refused')) throw error;
		}
		writeTransaction(db, () => setSyncStateValue(db, key, undefined));
	}
	const linked = new Set(syncedFeeds(db).values());
	for (const blog of blogsWithCounts(db)) {
		if (linked.has(blog.id) || blog.feedUrl === '' || syncStateValue(db, `refused:${blog.id}`) !== undefined) continue;
		try {
			const feedId = await client.subscribe(blog.feedUrl, categoryIds.get(blog.folder.split('/')[0] ?? '') ?? 0);
			writeTransaction(db, () => linkFeed(db, blog.id, feedId));
			// Best effort: otherwise its posts come when the server's own updater reads it.
			await client.updateFeed(feedId).catch(() => undefined);
		} catch (error) {
			if (!(isSyncError(error) && error.kind === 'refused')) throw error;
			writeTransaction(db, () => {
				db.prepare('UPDATE blogs SET last_error = ?, last_checked = ? WHERE id = ?').run(error.message, now, blog.id);
				setSyncStateValue(db, `refused:${blog.id}`, now);
			});
		}
	}
}

/** The most pages of headlines one request is read to (200 headlines a page: 1,000,000 articles). */
const maxHeadlinePages = 5000;

/**
 * Every page of a headlines request. A server is never read for ever: one that sends no article the
 * pages before it had not (it ignores `skip`), or more pages than `maxHeadlinePages`, fails the sync,
 * before the read marks and stars are set from a list that would be wrong.
 */
async function allHeadlines(client: TtrssClient, request: Omit<HeadlinesRequest, 'skip'>, pageSize: number, onPage?: (articles: ServerArticle[]) => void): Promise<ServerArticle[]> {
	const all: ServerArticle[] = [];
	const seen = new Set<number>();
	const host = hostOf(client.url);
	for (let skip = 0, pages = 0; ; skip += pageSize, pages++) {
		if (pages >= maxHeadlinePages) throw new SyncError('unreachable', `The TT-RSS server at ${host} sent more than ${formatCount(maxHeadlinePages)} pages of headlines for one request: blogterm stopped reading, and set no read marks or stars from it.`);
		const page = await client.headlines({...request, skip, limit: pageSize});
		const fresh = page.filter(article => !seen.has(article.id));
		if (page.length > 0 && fresh.length === 0) throw new SyncError('unreachable', `The TT-RSS server at ${host} sent the same headlines again for the next page (it ignores skip): blogterm stopped reading, and set no read marks or stars from it.`);
		for (const article of fresh) seen.add(article.id);
		onPage?.(fresh);
		all.push(...fresh);
		if (page.length < pageSize) return all;
	}
}

function toServerPost(article: ServerArticle): ServerPost {
	return {
		// The article's link is its ID as the blog's own feed gives it (its guid, most often): the post opens from the blog too.
		id: article.link || `tt-rss:${article.id}`,
		title: article.title,
		...(article.untitled ? {untitled: true as const} : {}),
		link: article.link,
		date: article.date,
		author: article.author,
		commentCount: article.commentCount,
		excerpt: article.excerpt,
		categories: [],
		tags: article.tags.map(name => ({id: name, name, taxonomy: 'tag' as const})),
		...(article.html === '' ? {} : {html: article.html, isSummaryOnly: false}),
		serverId: article.id,
		read: !article.unread,
		starred: article.starred,
	};
}

export async function syncTtrss(db: Database, client: TtrssClient, options: SyncOptions): Promise<SyncReport> {
	const pageSize = options.pageSize ?? headlinesPageSize;
	const now = options.now();
	const sent = await sendQueued(db, client);

	const serverCategories = await client.categories();
	const categories = new Map(serverCategories.map(category => [category.id, category.title]));
	await sendFollows(db, client, new Map(serverCategories.map(category => [category.title, category.id])), now);
	const feeds = await client.feeds();
	options.onProgress?.({done: 0, total: feeds.length, failed: 0});
	const blogOfFeed = writeTransaction(db, () => {
		const known = syncedFeeds(db);
		const onServer = new Set<number>();
		for (const feed of feeds) {
			onServer.add(feed.id);
			const folder = categories.get(feed.categoryId) ?? '';
			let blogId = known.get(feed.id) ?? findBlog(db, feed.feedUrl)?.id;
			if (blogId === undefined) {
				blogId = insertBlog(db, {url: feed.feedUrl, siteKey: siteKeyOf(feed.feedUrl), title: feed.title, kind: 'feed', feedUrl: feed.feedUrl, apiUrl: '', htmlUrl: '', folder, addedAt: now});
			} else {
				db.prepare('UPDATE blogs SET title = ?, folder = ?, last_checked = ?, last_error = NULL WHERE id = ?').run(feed.title, folder, now, blogId);
			}
			linkFeed(db, blogId, feed.id);
		}
		// Unfollowed on the server (here or on another device): unfollowed here too.
		for (const [serverId, blogId] of known) if (!onServer.has(serverId)) deleteBlog(db, blogId);
		return syncedFeeds(db);
	});

	// New articles since the last one seen.
	const sinceId = Number(syncStateValue(db, 'last_article_id') ?? '0') || 0;
	let newest = sinceId;
	let added = 0;
	const blogs = new Map(blogsWithCounts(db).map(blog => [blog.id, blog]));
	const setLastUpdated = db.prepare('UPDATE blogs SET last_updated = max(coalesce(last_updated, \'\'), ?) WHERE id = ?');
	await allHeadlines(client, {sinceId}, pageSize, page => {
		writeTransaction(db, () => {
			const byBlog = new Map<number, ServerPost[]>();
			for (const article of page) {
				newest = Math.max(newest, article.id);
				const blogId = blogOfFeed.get(article.feedId);
				if (blogId === undefined) continue;
				const list = byBlog.get(blogId) ?? [];
				list.push(toServerPost(article));
				byBlog.set(blogId, list);
			}
			for (const [blogId, posts] of byBlog) {
				const blog = blogs.get(blogId)!;
				added += upsertServerPosts(db, blog, posts, now).added;
				const newestDate = posts.map(post => post.date).filter(Boolean).sort().at(-1);
				if (newestDate) setLastUpdated.run(newestDate, blogId);
			}
		});
	});

	// Read elsewhere: where the server's unread count differs from ours, its unread IDs decide.
	const counters = await client.counters();
	let readElsewhere = 0;
	let done = 0;
	for (const [feedId, blogId] of blogOfFeed) {
		const unreadHere = unreadServerIds(db, blogId);
		const unreadThere = counters.unreadByFeed.get(feedId) ?? 0;
		if (unreadHere.length !== unreadThere) {
			const unread = new Set((await allHeadlines(client, {sinceId: 0, feedId, viewMode: 'unread', withContent: false}, pageSize)).map(article => article.id));
			readElsewhere += writeTransaction(db, () => setReadByServerIds(db, unreadHere.filter(id => !unread.has(id)), true) + setReadByServerIds(db, unread, false));
		}
		options.onProgress?.({done: ++done, total: blogOfFeed.size, failed: 0});
	}

	const starred = new Set((await allHeadlines(client, {sinceId: 0, feedId: -1, withContent: false}, pageSize)).map(article => article.id));
	writeTransaction(db, () => {
		setStarredServerIds(db, starred);
		setSyncStateValue(db, 'last_article_id', String(newest));
		setSyncStateValue(db, 'last_sync', now);
	});
	return {sent, feeds: feeds.length, added, readElsewhere};
}
