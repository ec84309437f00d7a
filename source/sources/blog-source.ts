import type {NotifyCheckbox} from '../comments/notify-checkbox.js';
import type {HeldCommentState} from '../comments/held-comments.js';
import type {Comment, CommentsRead} from '../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../model/comment-draft.js';
import type {PostPage} from '../model/page.js';
import type {Post, PostNeighbours, PostRef} from '../model/post.js';
import type {RelatedPost} from '../model/related.js';
import type {SiteInfo} from '../model/site.js';
import type {SentComment} from '../store/my-comments.js';
import type {AuthorFilter, PostFilter, TermCount} from './post-filter.js';

/** Options every fetch takes. */
export type FetchOptions = {
	/** Cancels the request (Esc while loading). */
	readonly signal?: AbortSignal;
	/**
	 * Answer from the on-disk copy when there is one, without asking the server (the caller asks
	 * again without it to refresh): what was read before shows at once.
	 */
	readonly cacheFirst?: boolean;
};

/** What a page of the post list may be asked for besides its number. */
export type ListOptions = FetchOptions & {
	/** Each post's body too (`html` on each entry): WordPress gives it in the same request, a feed has it already. */
	readonly withContent?: boolean;
	/** Only posts published at or after this time (ISO 8601); WordPress filters on the server (`after`). */
	readonly since?: string;
	/** Only posts published before this time (ISO 8601); WordPress filters on the server (`before`). */
	readonly until?: string;
	/** Only the posts a search, a category, a tag or an author picks (with their own totals); all without it. */
	readonly filter?: PostFilter;
	/**
	 * The first page of the whole list as the blog's home page shows it: WordPress's sticky posts first
	 * (asked alongside, so the page may hold more than `perPage`). Not for archives (--all), which list each post once.
	 */
	readonly stickyFirst?: boolean;
};

/** What fetching a post takes. */
export type FetchPostOptions = FetchOptions & {
	/**
	 * The password of a password-protected post. A wrong one rejects with kind 'wrong-password'. The
	 * answer is not kept on disk, and the password goes nowhere but to the blog.
	 */
	readonly password?: string;
	/** False when the comment count is not wanted (a script's --fields without it): one request fewer. */
	readonly withCommentCount?: boolean;
};

/** The words a wrong password gets, everywhere. */
export const wrongPasswordMessage = 'That password is not right.';


/**
 * Where posts come from. One interface, several implementations (WordPress REST, feeds).
 * A screen never asks which kind of blog it is: it asks the source what it can do.
 * Every method rejects with a BlogError (see ../errors.ts), never anything else.
 */
export interface BlogSource {
	/** Shown in the header ("WordPress REST API", "RSS feed"), never branched on. */
	readonly description: string;
	readonly site: SiteInfo;
	/** True when it was opened from the copies kept on disk, without asking the blog (`cacheFirst`): open it again to refresh. */
	readonly fromCache?: boolean;

	/**
	 * A page of the post list, newest first (with `filter`, of the posts it picks, with their own totals).
	 * A page past the end resolves to an empty page, not an error.
	 */
	fetchPostPage(page: number, perPage: number, options?: ListOptions): Promise<PostPage>;

	/** One post. Rejects with kind 'not-found' when there is none, 'wrong-password' when the password given is not the post's. */
	fetchPost(ref: PostRef, options?: FetchPostOptions): Promise<Post>;

	/**
	 * The post as the copies kept on disk from an earlier read hold it (no comment count), without asking
	 * the blog; undefined when they do not hold all of it. What depends on the post (its neighbours,
	 * related posts) can be asked from it while the post itself is asked again. Not every source has it.
	 */
	keptPost?(ref: PostRef): Promise<Post | undefined>;

	/** The chronological neighbours of a post (previous = older, next = newer), across list pages. */
	fetchNeighbours(post: Post, options?: FetchOptions): Promise<PostNeighbours>;

	/**
	 * The approved comments of a post, oldest first, every page of them (a protected post's with its `password`),
	 * up to a limit of blogterm's own: past it, `endsEarly` says so.
	 */
	fetchComments(post: Post, options?: FetchOptions): Promise<CommentsRead>;

	/** Up to `limit` related posts, best first, never the post itself. */
	fetchRelated(post: Post, limit: number, options?: FetchOptions): Promise<RelatedPost[]>;

	/** Whether this blog can take a comment on this post from blogterm at all (the post must also be open). */
	canComment(post: Post): boolean | Promise<boolean>;

	/** The blog's categories or tags with how many posts each has, most first (WordPress's own lists; a feed's from its items). */
	fetchTerms?(taxonomy: 'category' | 'tag', options?: FetchOptions): Promise<TermCount[]>;

	/** The author of that name or slug (case ignored), as a list filter; undefined when the blog has none. */
	findAuthor?(name: string, options?: FetchOptions): Promise<AuthorFilter | undefined>;

	/** Sends a comment. Never retries by itself. Resolves with the blog's answer; rejects only for programming errors. */
	submitComment(post: Post, draft: CommentDraft): Promise<CommentOutcome>;
	/**
	 * The approved replies to some comments (WordPress: `parent=` the IDs, `after=` a time), any post; a
	 * blog without a way to ask for them leaves this out, and each post's comments are read instead.
	 */
	fetchReplies?(parentIds: ReadonlyArray<number | string>, after: string | undefined, options?: FetchOptions): Promise<Comment[]>;
	/** The "Notify me of follow-up comments by email" checkbox of the blog's comment form, when it has one (never rejects). */
	findNotifyCheckbox?(post: Post, options?: FetchOptions): Promise<NotifyCheckbox | undefined>;

	/** Whether a comment this user sent, held and not listed by the blog, is still held (from its moderation link); never rejects. */
	checkHeldComment(post: Post, sent: SentComment, options?: FetchOptions): Promise<HeldCommentState>;
}
