// The home screen's data from the store: the subscriptions API (source/subscriptions) seen as HomeData.
import type {FoundBlog as StoreFoundBlog, Subscriptions} from '../../subscriptions/subscriptions.js';
import type {ReadMarks, StarMarks} from '../app.js';
import type {FoundBlog, HomeData} from './home-data.js';

/** What the screens use of the store: all but OPML (the home screen opens it without OPML's parser). */
type Store = Omit<Subscriptions, 'importOpml' | 'exportOpml'>;

/** The home screen's view of the followed blogs, the river and refresh, kept in the store. */
export function storeHomeData(subscriptions: Store): HomeData {
	// What `discover` found, so that following it does not look for it again.
	const found = new Map<string, StoreFoundBlog>();
	const siteKeyOf = (blogUrl: string) => subscriptions.getBlog(blogUrl)?.siteKey;
	return {
		blogs: () => subscriptions.listBlogs().map(blog => ({
			url: blog.url,
			title: blog.title || blog.url,
			folder: blog.folder || undefined,
			unread: blog.unread,
			total: blog.total,
			lastUpdated: blog.lastUpdated,
			lastError: blog.lastError,
			siteKey: blog.siteKey,
		})),
		isFollowed: blogUrl => subscriptions.getBlog(blogUrl) !== undefined,
		river: (limit, options = {}) => subscriptions.river({perPage: Math.min(1000, limit), ...(options.starred ? {starred: true} : {})}).posts.map(post => ({
			blogUrl: post.blog.url,
			blogTitle: post.blog.title || post.blog.url,
			id: post.id,
			title: post.title,
			link: post.link,
			date: post.date,
			read: post.read,
			...(post.isProtected ? {isProtected: true} : {}),
			...(post.starred ? {starred: true} : {}),
		})),
		setStarred(blogUrl, postId, starred) {
			subscriptions.star(blogUrl, postId, starred);
		},
		starredIds: blogUrl => subscriptions.starredIds(blogUrl),
		starPost: (blogUrl, post, starred) => subscriptions.starPost(blogUrl, post, starred),
		search: text => ({total: subscriptions.searchCount(text), items: subscriptions.search(text, {limit: 200}).map(hit => ({
			blogUrl: hit.blog.url,
			blogTitle: hit.blog.title || hit.blog.url,
			id: hit.id,
			title: hit.title,
			link: hit.link,
			date: hit.date,
			read: hit.read,
			...(hit.isProtected ? {isProtected: true} : {}),
			excerpt: hit.excerptMatch,
		}))}),
		setRead(blogUrl, postId, read, post) {
			if (!read) return subscriptions.markUnread(blogUrl, postId);
			subscriptions.markRead(blogUrl, postId);
			if (post) subscriptions.savePostText(blogUrl, post);
		},
		keptBlog(blogUrl) {
			const blog = subscriptions.getBlog(blogUrl);
			if (!blog) return undefined;
			return {
				site: {name: blog.title || blog.url, description: '', url: blog.htmlUrl || blog.url, key: blog.siteKey},
				post: id => subscriptions.storedPost(blog.url, id),
			};
		},
		readIds(blogUrl) {
			const siteKey = siteKeyOf(blogUrl);
			return siteKey ? subscriptions.readIds(siteKey) : new Set();
		},
		markBlogRead: blogUrl => void subscriptions.markBlogRead(blogUrl),
		markAllRead: () => void subscriptions.markAllRead(),
		async discover(url, signal): Promise<FoundBlog> {
			const blog = await subscriptions.discover(url, {signal});
			found.set(blog.url, blog);
			return {url: blog.url, title: blog.title || blog.url, kind: blog.sourceDescription, feedUrl: blog.kind === 'feed' ? blog.feedUrl : undefined};
		},
		async follow(blog) {
			await subscriptions.follow(found.get(blog.url) ?? blog.url);
		},
		unfollow: url => void subscriptions.unfollow(url),
		async refresh(onProgress, signal) {
			const result = await subscriptions.refresh({signal, onProgress: ({done, total, failed}) => onProgress({done, total, failed})});
			return {done: result.total, total: result.total, failed: result.failures.length};
		},
	};
}

/**
 * The reader's read marks (`blogterm SITE`) kept in the store, by the site's key: what the home screen
 * counts. A post read on a followed blog keeps its text too, so that it opens offline.
 */
export function storeReadMarks(subscriptions: Store): ReadMarks {
	return {
		readIds: siteKey => subscriptions.readIds(siteKey),
		markRead(siteKey, postId, post) {
			subscriptions.markRead(siteKey, postId);
			// Kept for a followed blog only (the store says no to any other).
			if (post) subscriptions.savePostText(siteKey, post);
		},
	};
}

/**
 * The reader's stars (`blogterm SITE`, issue 24), kept in the store by the site's key: a followed blog's
 * only (any other has no row to keep them; `setStarred` says false).
 */
export function storeStarMarks(subscriptions: Store): StarMarks {
	return {
		starredIds: siteKey => subscriptions.starredIds(siteKey),
		setStarred: (siteKey, post, starred) => subscriptions.starPost(siteKey, post, starred),
	};
}
