import type {Comment} from '../model/comment.js';
import {isLocked, type Post, type PostNeighbours, type PostRef} from '../model/post.js';
import {exitCodes} from './exit-codes.js';
import {ScriptFailure} from './script-errors.js';
import type {RelatedPost} from '../model/related.js';
import type {BlogSource} from '../sources/blog-source.js';

/** As many related posts as the reader's panel shows. */
export const relatedLimit = 5;

/** The parts of a post view besides the post, each its own requests. */
export type PostPart = 'neighbours' | 'related' | 'comments';

/** A part that was asked for and did not arrive: the post is printed without it, and this is said on stderr. */
export type UnavailablePart = {readonly part: PostPart; readonly error: unknown};

/** Everything print mode shows of a post. */
export type PostView = {
	readonly post: Post;
	/** Undefined when not asked for (--no-neighbours, --body-only, --fields) or when they could not be read. */
	readonly neighbours: PostNeighbours | undefined;
	/** Undefined when not asked for (--no-related, --body-only, --fields) or when they could not be read. */
	readonly related: readonly RelatedPost[] | undefined;
	/** Only when asked for (--comments), and when they could be read. */
	readonly comments: readonly Comment[] | undefined;
	/** The parts asked for that did not arrive, in the order above. */
	readonly unavailable?: readonly UnavailablePart[];
};

/** Which parts to fetch besides the post: each costs its own requests (the comment count too, on WordPress). */
export type PostParts = {readonly neighbours: boolean; readonly related: boolean; readonly comments: boolean; readonly commentCount?: boolean};

/**
 * The post, then the parts asked for, at once. A part that fails does not lose the post: it is left
 * out and named in `unavailable` (the post itself failing still rejects).
 */
export async function fetchPostView(source: BlogSource, ref: PostRef, options: {readonly parts: PostParts; readonly password?: string}): Promise<PostView> {
	const {parts} = options;
	const post = await fetchReadablePost(source, ref, options.password, parts.commentCount);
	const [neighbours, related, comments] = await Promise.allSettled([
		parts.neighbours ? source.fetchNeighbours(post) : undefined,
		parts.related ? source.fetchRelated(post, relatedLimit) : undefined,
		parts.comments ? source.fetchComments(post) : undefined,
	]);
	const unavailable: UnavailablePart[] = [];
	const valueOf = <T>(part: PostPart, settled: PromiseSettledResult<T>): T | undefined => {
		if (settled.status === 'fulfilled') return settled.value;
		unavailable.push({part, error: settled.reason});
		return undefined;
	};
	return {
		post,
		neighbours: valueOf('neighbours', neighbours),
		related: valueOf('related', related),
		comments: valueOf('comments', comments),
		unavailable,
	};
}

/** How a part is named in "blogterm: related posts unavailable: …". */
export const partNames: Readonly<Record<PostPart, string>> = {
	neighbours: 'previous and next posts',
	related: 'related posts',
	comments: 'comments',
};

/**
 * The post, with its password when it is password protected (`--password`). A protected post without its
 * password fails with exit code 3: `“Members only” is password protected: give --password`.
 */
export async function fetchReadablePost(source: BlogSource, ref: PostRef, password: string | undefined, withCommentCount = true): Promise<Post> {
	const post = await source.fetchPost(ref, {...(password === undefined ? {} : {password}), ...(withCommentCount ? {} : {withCommentCount: false})});
	if (isLocked(post)) throw new ScriptFailure(exitCodes.notFound, `“${post.title}” is password protected: give --password`, 'password_required');
	return post;
}
