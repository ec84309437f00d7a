import type {HttpClient} from '../../../source/http/client.js';
import type {Post, PostId} from '../../../source/model/post.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import type {FollowedBlog, FoundBlog, HomeData, RefreshProgress, RiverItem} from '../../../source/ui/home/home-data.js';

export type MemoryBlog = Omit<FollowedBlog, 'unread' | 'total'>;
export type MemoryPost = Omit<RiverItem, 'blogTitle' | 'read'> & {read?: boolean};

/** A refresh the test drives: it reports progress and ends when the test says. */
export type DrivenRefresh = {
	progress(progress: RefreshProgress): void;
	finish(progress: RefreshProgress): void;
};

/**
 * HomeData in memory, over blogs on loopback servers: discovery is the real one (openBlog), the rest
 * plain arrays. `refresh` waits for the test to drive it (`refreshes`), unless `autoRefresh` is set.
 */
export function memoryHomeData(http: HttpClient, blogs: MemoryBlog[], posts: MemoryPost[]) {
	const read = new Map<string, boolean>(posts.map(post => [`${post.blogUrl} ${String(post.id)}`, post.read ?? false]));
	const keyOf = (blogUrl: string, id: PostId) => `${blogUrl} ${String(id)}`;
	const refreshes: DrivenRefresh[] = [];
	/** Posts whose text was kept when read. */
	const kept: Post[] = [];
	const items = (): RiverItem[] => posts
		.filter(post => blogs.some(blog => blog.url === post.blogUrl))
		.map(post => ({...post, blogTitle: blogs.find(blog => blog.url === post.blogUrl)!.title, read: read.get(keyOf(post.blogUrl, post.id)) ?? false}))
		.sort((a, b) => Date.parse(b.date ?? '') - Date.parse(a.date ?? ''));
	const data: HomeData = {
		blogs: () => blogs.map(blog => {
			const own = items().filter(item => item.blogUrl === blog.url);
			return {...blog, unread: own.filter(item => !item.read).length, total: own.length};
		}),
		isFollowed: blogUrl => blogs.some(blog => blog.url === blogUrl),
		river: limit => items().slice(0, limit),
		setRead(blogUrl, postId, isRead, post) {
			read.set(keyOf(blogUrl, postId), isRead);
			if (post) kept.push(post);
		},
		readIds: blogUrl => new Set(items().filter(item => item.blogUrl === blogUrl && item.read).map(item => String(item.id))),
		markBlogRead(blogUrl) {
			for (const post of posts) if (post.blogUrl === blogUrl) read.set(keyOf(post.blogUrl, post.id), true);
		},
		markAllRead() {
			for (const post of posts) read.set(keyOf(post.blogUrl, post.id), true);
		},
		async discover(url, signal): Promise<FoundBlog> {
			const source = await openBlog(http, url, {signal});
			return {url: source.site.url, title: source.site.name, kind: source.description, feedUrl: undefined};
		},
		follow(found) {
			blogs.push({url: found.url, title: found.title, folder: undefined, lastUpdated: undefined, lastError: undefined});
		},
		unfollow(url) {
			const index = blogs.findIndex(blog => blog.url === url);
			if (index >= 0) blogs.splice(index, 1);
		},
		async refresh(onProgress) {
			return new Promise<RefreshProgress>(resolve => {
				refreshes.push({progress: onProgress, finish: resolve});
			});
		},
	};
	// `posts` changed by a test: what another blogterm would have stored meanwhile, read at the next refresh.
	return {data, posts, refreshes, kept, isRead: (blogUrl: string, id: PostId) => read.get(keyOf(blogUrl, id)) ?? false};
}
