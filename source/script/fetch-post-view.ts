import type {Comment} from '../model/comment.js';
import type {Post, PostNeighbours, PostRef} from '../model/post.js';
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
export async function fetchPostView(source: BlogSource, ref: PostRef, options: {readonly withComments: boolean}): Promise<PostView> {
	const post = await source.fetchPost(ref);
	const [neighbours, related, comments] = await Promise.all([
		source.fetchNeighbours(post),
		source.fetchRelated(post, relatedLimit),
		options.withComments ? source.fetchComments(post) : Promise.resolve(undefined),
	]);
	return {post, neighbours, related, comments};
}
