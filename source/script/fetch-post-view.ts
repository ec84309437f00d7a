import {isDeepStrictEqual} from 'node:util';
import type {CommentsRead} from '../model/comment.js';
import {isLocked, type Post, type PostNeighbours, type PostRef} from '../model/post.js';
import {exitCodes} from './exit-codes.js';
import {ScriptFailure} from './script-errors.js';
import type {RelatedPost} from '../model/related.js';
import type {BlogSource} from '../sources/blog-source.js';
import {isBlogError} from '../errors.js';

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
	/** Only when asked for (--comments), and when they could be read: the comments, with `endsEarly` when blogterm read only the first of them. */
	readonly comments: CommentsRead | undefined;
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
	// A post read before: its neighbours and related posts are asked from the copy kept on disk at once,
	// alongside the post itself (one round trip, not two in a row), and kept only if the post is still that.
	const guess = options.password === undefined && (parts.neighbours || parts.related) ? guessParts(source, ref, parts) : undefined;
	let post: Post;
	try {
		post = await fetchReadablePost(source, ref, options.password, parts.commentCount);
	} catch (error) {
		guess?.cancel();
		throw error;
	}
	const guessed = await guess?.parts;
	const [neighbours, related, comments] = await Promise.allSettled([
		parts.neighbours ? guessed?.neighboursFor(post) ?? source.fetchNeighbours(post) : undefined,
		parts.related ? guessed?.relatedFor(post) ?? source.fetchRelated(post, relatedLimit) : undefined,
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

/** Parts asked from the post as it was kept on disk, before the post itself is back. */
type GuessedParts = {
	/** The neighbours asked from the kept post, when `post` has its ID and date (what they are asked by); undefined otherwise. */
	readonly neighboursFor: (post: Post) => Promise<PostNeighbours> | undefined;
	/** The related posts asked from the kept post, when `post` is the same but for its comment count; undefined otherwise. */
	readonly relatedFor: (post: Post) => Promise<readonly RelatedPost[]> | undefined;
};

/**
 * Asks the neighbours and related posts (those asked for) of the post as the source keeps it on disk,
 * if it does. A guess the post does not confirm is cancelled, and one that failed is asked again from
 * the post (the kept copy may be of a REST root that moved): a guess never changes what is printed.
 */
function guessParts(source: BlogSource, ref: PostRef, parts: PostParts): {readonly parts: Promise<GuessedParts | undefined>; readonly cancel: () => void} {
	const cancelled = new AbortController();
	const guessed = (async (): Promise<GuessedParts | undefined> => {
		const kept = await source.keptPost?.(ref);
		if (!kept || cancelled.signal.aborted) return undefined;
		const neighbours = parts.neighbours ? asked(cancelled.signal, async signal => source.fetchNeighbours(kept, {signal})) : undefined;
		const related = parts.related ? asked(cancelled.signal, async signal => source.fetchRelated(kept, relatedLimit, {signal})) : undefined;
		return {
			neighboursFor: post => confirmed(neighbours, String(post.id) === String(kept.id) && post.date === kept.date, async () => source.fetchNeighbours(post)),
			relatedFor: post => confirmed(related, isDeepStrictEqual(withoutCount(post), withoutCount(kept)), async () => source.fetchRelated(post, relatedLimit)),
		};
	})();
	return {parts: guessed, cancel: () => cancelled.abort()};
}

/** A guessed request with its own cancel (also cancelled with them all); its rejection is handled where it is used. */
function asked<T>(all: AbortSignal, request: (signal: AbortSignal) => Promise<T>): {readonly answer: Promise<T>; readonly cancel: () => void} {
	const own = new AbortController();
	const answer = request(AbortSignal.any([all, own.signal]));
	answer.catch(() => undefined);
	return {answer, cancel: () => own.abort()};
}

/** The guess's answer when the post confirms it, asked again when that answer was a failure the blog gave (not a timeout); undefined (and the guess cancelled) when not confirmed. */
function confirmed<T>(guess: {readonly answer: Promise<T>; readonly cancel: () => void} | undefined, same: boolean, again: () => Promise<T>): Promise<T> | undefined {
	if (!guess) return undefined;
	if (!same) {
		guess.cancel();
		return undefined;
	}
	return guess.answer.catch(async (error: unknown) => {
		// The same request from the same post: a blog that did not answer it in time (or could not be
		// reached) is not waited for twice; without the guess it was asked once.
		if (isBlogError(error) && (error.kind === 'timeout' || error.kind === 'network')) throw error;
		return again();
	});
}

/** A post as its related posts depend on it: all of it but what changes between two reads of the same post. */
function withoutCount(post: Post): Post {
	return {...post, commentCount: undefined, fromCache: undefined, offlineSavedAt: undefined};
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
