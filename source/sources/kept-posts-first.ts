import {BlogError} from '../errors.js';
import type {PostId, Post, PostRef} from '../model/post.js';
import type {SiteInfo} from '../model/site.js';
import type {BlogSource, FetchOptions} from './blog-source.js';

/** How a blog is opened: first (`cacheFirst`) from what was kept, then again without it to refresh. */
export type OpenSource = (site: string, signal: AbortSignal, options: {readonly cacheFirst?: boolean}) => Promise<BlogSource>;

/** What is kept of a followed blog without asking it: what it says of itself, and the posts whose text the store holds. */
export type KeptBlog = {
	readonly site: SiteInfo;
	/** The post with this ID as kept (cleaned when it was stored), or undefined when its text was never kept. */
	readonly post: (id: PostId) => Post | undefined;
};

/**
 * `open`, but asked first (`cacheFirst`) it gives at once a source that has the kept posts (a followed
 * blog's, from the store), marked `fromCache`, so that the caller asks again without `cacheFirst` and
 * shows the blog's own source when it answers. Until then that source gives each kept post at once,
 * marked `fromCache` too (so that it is asked again, of the blog), and everything else from the blog
 * opened as it would have been (`cacheFirst`: what was kept on disk at once), once, when first needed: it
 * answers as the blog's own source does, or fails as it does (offline, with its usual message).
 */
export function keptPostsFirst(open: OpenSource, kept: KeptBlog): OpenSource {
	return async (site, signal, options) => {
		if (!options.cacheFirst) return open(site, signal, options);
		let opening: Promise<BlogSource> | undefined;
		const blog = async (): Promise<BlogSource> => {
			opening ??= open(site, signal, {cacheFirst: true});
			try {
				return await opening;
			} catch (error) {
				// Failed (offline, cancelled): the next ask tries again.
				opening = undefined;
				throw error;
			}
		};
		return keptSource(kept, blog);
	};
}

/** The kept posts at once; all else from the blog, opened when first needed. */
function keptSource(kept: KeptBlog, blog: () => Promise<BlogSource>): BlogSource {
	const keptOf = (ref: PostRef, options: FetchOptions | undefined): Post | undefined => (ref.kind === 'id' && options?.cacheFirst ? kept.post(ref.id) : undefined);
	return {
		description: 'the copy kept of a followed blog',
		site: kept.site,
		fromCache: true,
		async fetchPostPage(page, perPage, options) {
			return (await blog()).fetchPostPage(page, perPage, options);
		},
		async fetchPost(ref, options) {
			const post = keptOf(ref, options);
			// A password-protected post is asked of the blog, with its password.
			if (post && !post.isProtected && options?.password === undefined) return {...post, fromCache: true};
			return (await blog()).fetchPost(ref, options);
		},
		async fetchNeighbours(post, options) {
			return (await blog()).fetchNeighbours(post, options);
		},
		async fetchComments(post, options) {
			return (await blog()).fetchComments(post, options);
		},
		async fetchRelated(post, limit, options) {
			return (await blog()).fetchRelated(post, limit, options);
		},
		async canComment(post) {
			return (await blog()).canComment(post);
		},
		async fetchTerms(taxonomy, options) {
			const source = await blog();
			if (!source.fetchTerms) throw new BlogError('not-found', `${source.site.name} has no list of categories or tags.`);
			return source.fetchTerms(taxonomy, options);
		},
		async findAuthor(name, options) {
			return (await blog()).findAuthor?.(name, options);
		},
		async submitComment(post, draft) {
			let source: BlogSource;
			try {
				source = await blog();
			} catch (error) {
				// Nothing was sent: said as a comment that could not be sent is.
				return {kind: 'failed', message: error instanceof Error ? error.message : 'The blog could not be reached.'};
			}
			return source.submitComment(post, draft);
		},
		async findNotifyCheckbox(post, options) {
			try {
				return await (await blog()).findNotifyCheckbox?.(post, options);
			} catch {
				// Never rejects, as the blog's own.
				return undefined;
			}
		},
		async checkHeldComment(post, sent, options) {
			try {
				return await (await blog()).checkHeldComment(post, sent, options);
			} catch {
				// Never rejects, as the blog's own.
				return 'unknown';
			}
		},
	};
}
