import {BlogError} from '../errors.js';
import type {Comment} from '../model/comment.js';
import {htmlToPlainText} from '../render/plain-text.js';
import {cleanLine, cleanText} from '../render/sanitize.js';
import type {BlogSource} from '../sources/blog-source.js';
import type {MyCommentsStore, SentCommentOn} from '../store/my-comments.js';
import type {FoundReply, RepliesStore} from '../store/replies.js';
import {demoPostNumber, isDemoSite, type DemoForReplies} from './demo-replies.js';

/*
Replies to the comments you sent: each blog you commented on is opened again from the address kept
with the comment. A blog that can be asked for replies (WordPress: `parent=` your comment IDs,
`after=` the last check) is asked once; another has each post's thread read through the one source
interface (a feed blog's comment feed). A comment whose parent is one of yours, and is not yours, is a
reply. What was found is kept with whether it was read (store/replies.ts). A blog that cannot be read
is said in words and the others are still checked. Comments left on the built-in demo blog, served only
while blogterm runs it, are checked on the demo, started for the check (demo-replies.ts).
*/

export type CheckRepliesOptions = {
	readonly myComments: MyCommentsStore;
	readonly replies: RepliesStore;
	/** Opens a blog from its address (openBlog with the run's HTTP client). */
	readonly openSource: (url: string, signal?: AbortSignal) => Promise<BlogSource>;
	readonly signal?: AbortSignal;
	readonly now?: Date;
	/** Only this blog (its site key): `R` on a blog's list looks there alone. Every blog when not given. */
	readonly siteKey?: string;
	/** The built-in demo blog, started for its comments (`ownDemo()`, as the command line and the reader pass); none when not given. */
	readonly demo?: DemoForReplies;
};

export type CheckRepliesResult = {
	/** Replies not seen before. */
	readonly found: number;
	/** Blogs or posts that could not be checked, in words. */
	readonly failures: readonly string[];
};

const idOf = (id: number | string) => String(id);

/** The replies to `mine` in a post's comments. */
export function repliesIn(comments: readonly Comment[], mine: readonly SentCommentOn[], where: {siteKey: string; siteUrl: string; postId: string; postTitle: string; postLink: string}): FoundReply[] {
	const byId = new Map(mine.map(on => [idOf(on.sent.id), on.sent]));
	const found: FoundReply[] = [];
	for (const comment of comments) {
		const yours = byId.get(idOf(comment.parent));
		if (!yours || byId.has(idOf(comment.id)) || comment.status !== 'approved') continue;
		const id = cleanLine(idOf(comment.id));
		found.push({
			...where,
			yourComment: {id: cleanLine(idOf(yours.id)), text: cleanText(yours.text), date: yours.date},
			reply: {
				id,
				author: cleanLine(comment.author) || 'Anonymous',
				date: comment.date ?? '',
				text: cleanText(htmlToPlainText(comment.html, where.postLink || undefined)).trim(),
				// As WordPress links a comment: the post's address and #comment-ID.
				link: where.postLink ? `${where.postLink.replace(/#.*$/u, '')}#comment-${id}` : '',
			},
		});
	}
	return found;
}

function messageOf(error: unknown): string {
	return cleanLine(error instanceof BlogError || error instanceof Error ? error.message : String(error));
}

/** A day either way: the blog's clock and time zone are not the reader's, and a reply found twice is kept once. */
const afterMarginMs = 24 * 60 * 60 * 1000;

/** The replies to your comments on one blog, asked for at once, by the post they are on. */
async function repliesByPost(source: BlogSource, posts: ReadonlyMap<string, SentCommentOn[]>, lastChecked: string | undefined, signal: AbortSignal | undefined): Promise<Map<string, Comment[]>> {
	const postOf = new Map<string, string>();
	for (const [postId, mine] of posts) for (const on of mine) postOf.set(idOf(on.sent.id), postId);
	const since = lastChecked === undefined ? Number.NaN : Date.parse(lastChecked) - afterMarginMs;
	const after = Number.isNaN(since) ? undefined : new Date(since).toISOString();
	const replies = await source.fetchReplies!([...postOf.keys()].map(id => (/^\d+$/u.test(id) ? Number(id) : id)), after, {signal});
	const byPost = new Map<string, Comment[]>();
	for (const reply of replies) {
		const postId = postOf.get(idOf(reply.parent));
		if (postId !== undefined) byPost.set(postId, [...(byPost.get(postId) ?? []), reply]);
	}
	return byPost;
}

/** Checks every blog you commented on for replies to your comments, and keeps what it finds. */
export async function checkReplies(options: CheckRepliesOptions): Promise<CheckRepliesResult> {
	// Per blog (its address kept with each comment), per post.
	const blogs = new Map<string, {siteUrl: string; posts: Map<string, SentCommentOn[]>}>();
	for (const on of options.myComments.all()) {
		if (!on.sent.siteUrl || String(on.sent.id).startsWith('sent-')) continue;
		if (options.siteKey !== undefined && on.siteKey !== options.siteKey) continue;
		const blog = blogs.get(on.siteKey) ?? {siteUrl: on.sent.siteUrl, posts: new Map<string, SentCommentOn[]>()};
		blog.posts.set(on.postId, [...(blog.posts.get(on.postId) ?? []), on]);
		blogs.set(on.siteKey, blog);
	}
	let found = 0;
	const failures: string[] = [];
	const {demo} = options;
	let left: ReturnType<DemoForReplies['leftComments']> | undefined;
	let demoRun: Promise<{readonly url: string; close(): Promise<void>}> | undefined;
	try {
		for (const [siteKey, {siteUrl, posts}] of blogs) {
			options.signal?.throwIfAborted();
			left ??= demo && /^http:\/\/127\.0\.0\.1:/u.test(siteUrl) ? demo.leftComments() : undefined;
			const onDemo = demo !== undefined && left !== undefined && isDemoSite(siteUrl, [...posts.values()].flat(), left);
			let source: BlogSource;
			try {
				// The demo's address of the run the comment was left in is gone: the demo is started now, for every demo site at once.
				demoRun ??= onDemo ? demo.start() : undefined;
				source = await options.openSource(onDemo ? (await demoRun!).url : siteUrl, options.signal);
			} catch (error) {
				failures.push(`${onDemo ? 'the demo blog' : cleanLine(siteUrl)}: ${messageOf(error)}`);
				continue;
			}
			found += await checkBlog(source, {siteKey, siteUrl, posts, onDemo}, options, failures);
		}
	} finally {
		await demoRun?.then(async running => running.close(), () => undefined);
	}
	return {found, failures};
}

/** Checks one blog for replies to your comments there, keeps them, and says how many were new; what failed goes to `failures`. */
async function checkBlog(source: BlogSource, blog: {readonly siteKey: string; readonly siteUrl: string; readonly posts: ReadonlyMap<string, SentCommentOn[]>; readonly onDemo: boolean}, options: CheckRepliesOptions, failures: string[]): Promise<number> {
	const {siteKey, siteUrl, posts, onDemo} = blog;
	const now = (options.now ?? new Date()).toISOString();
	let found = 0;
	let allRead = true;
	const fail = (error: unknown) => {
		options.signal?.throwIfAborted();
		allRead = false;
		failures.push(`${cleanLine(siteUrl)}: ${messageOf(error)}`);
	};
	// WordPress: one request for the replies to all your comments there since the last check (`parent=`, `after=`).
	let asked: Map<string, Comment[]> | undefined;
	if (source.fetchReplies) {
		try {
			asked = await repliesByPost(source, posts, options.replies.lastChecked(siteKey), options.signal);
		} catch (error) {
			fail(error);
			return found;
		}
	}
	for (const [postId, mine] of posts) {
		// Asked for the replies: a post with none needs nothing more.
		if (asked && !asked.has(postId)) continue;
		try {
			// On the demo, its post's number (kept as a feed's link when the comment was left on the demo as a feed).
			const number = onDemo ? demoPostNumber(postId) : /^\d+$/u.test(postId) ? Number(postId) : undefined;
			const post = await source.fetchPost({kind: 'id', id: number ?? postId}, {signal: options.signal});
			const comments = asked?.get(postId) ?? (await source.fetchComments(post, {signal: options.signal})).comments;
			const where = {siteKey, siteUrl: cleanLine(siteUrl), postId, postTitle: cleanLine(post.title), postLink: cleanLine(post.link)};
			found += options.replies.add(repliesIn(comments, mine, where));
		} catch (error) {
			fail(error);
		}
	}
	if (allRead) options.replies.setLastChecked(siteKey, now);
	return found;
}
