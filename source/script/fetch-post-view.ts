import type {Comment} from '../model/comment.js';
import {isLocked, type Post, type PostNeighbours, type PostRef} from '../model/post.js';
import {exitCodes} from './exit-codes.js';
import {ScriptFailure} from './script-errors.js';
import type {RelatedPost} from '../model/related.js';
import type {BlogSource} from '../sources/blog-source.js';

/** As many related posts as the reader's panel shows. */
export const relatedLimit = 5;

/** Everything print mode shows of a post. */
export type PostView = {
	readonly post: Post;
	readonly neighbours: PostNeighbours;
	readonly related: readonly RelatedPost[];
	/** Only when asked for (--comments). */
	readonly comments: readonly Comment[] | undefined;
};

/** The post, then its neighbours, related posts and (when asked) comments, those three at once. */
export async function fetchPostView(source: BlogSource, ref: PostRef, options: {readonly withComments: boolean; readonly password?: string}): Promise<PostView> {
	const post = await fetchReadablePost(source, ref, options.password);
	const [neighbours, related, comments] = await Promise.all([
		source.fetchNeighbours(post),
		source.fetchRelated(post, relatedLimit),
		options.withComments ? source.fetchComments(post) : Promise.resolve(undefined),
	]);
	return {post, neighbours, related, comments};
}

/**
 * The post, with its password when it is password protected (`--password`). A protected post without its
 * password fails with exit code 3: `“Members only” is password protected: give --password`.
 */
export async function fetchReadablePost(source: BlogSource, ref: PostRef, password: string | undefined): Promise<Post> {
	const post = await source.fetchPost(ref, password === undefined ? {} : {password});
	if (isLocked(post)) throw new ScriptFailure(exitCodes.notFound, `“${post.title}” is password protected: give --password`, 'password_required');
	return post;
}
