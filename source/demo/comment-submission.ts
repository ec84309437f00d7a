// What WordPress's wp-comments-post.php does with a submitted comment form
// (wp_handle_comment_submission, wp_filter_comment, wp_allow_comment, check_comment),
// for an anonymous visitor with WordPress's default discussion settings:
// name and email required, "Comment author must have a previously approved comment",
// at most 2 links before a comment is held, flood protection 15 s.

import type {Blog} from './blog.js';
import type {CommentStore, StoredComment} from './comment-store.js';
import {byteLength, escapeText, filterCommentHtml, isEmail, mysqlDate} from './wp-text.js';

export type SubmissionContext = {
	readonly blog: Blog;
	readonly store: CommentStore;
	/** The sender's address, as WordPress's REMOTE_ADDR. */
	readonly ip: string;
	readonly now: Date;
	readonly floodIntervalMs: number;
	/** Whether the sender's wp-postpass cookie holds this password (they gave it to the post's password form). */
	readonly hasPostPassword?: (password: string) => boolean;
};

export type SubmissionResult =
	/** Stored (approved or held): WordPress answers 302 to the comment. */
	| {readonly kind: 'stored'; readonly comment: StoredComment; readonly cookiesConsent: boolean}
	/** Refused: WordPress answers with a wp_die page ("Comment Submission Failure") of this status. */
	| {readonly kind: 'refused'; readonly status: number; readonly message: string}
	/** WordPress exits without a word (unknown post): an empty 200. */
	| {readonly kind: 'silent'};

const refused = (status: number, message: string): SubmissionResult => ({kind: 'refused', status, message});

export const submissionMessages = {
	closed: 'Sorry, comments are closed for this item.',
	replyToUnapproved: 'Sorry, replies to unapproved comments are not allowed.',
	requiredFields: '<strong>Error:</strong> Please fill the required fields.',
	invalidEmail: '<strong>Error:</strong> Please enter a valid email address.',
	emptyComment: '<strong>Error:</strong> Please type your comment text.',
	nameTooLong: '<strong>Error:</strong> Your name is too long.',
	emailTooLong: '<strong>Error:</strong> Your email address is too long.',
	urlTooLong: '<strong>Error:</strong> Your URL is too long.',
	commentTooLong: '<strong>Error:</strong> Your comment is too long.',
	duplicate: 'Duplicate comment detected; it looks as though you&#8217;ve already said that!',
	flood: 'You are posting comments too quickly. Slow down.',
} as const;

/** WordPress's comment column limits, in bytes. */
export const commentFieldLimits = {author: 245, email: 100, url: 200, content: 65_525} as const;

const absint = (value: string | null): number => {
	const number = Number.parseInt(value ?? '', 10);
	return Number.isFinite(number) ? Math.abs(number) : 0;
};

// MySQL's default collation compares case-insensitively.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** sanitize_text_field + _wp_specialchars, as WordPress filters a commenter's name. */
function filterAuthorName(name: string): string {
	const text = name.replaceAll(/<[^>]*>/g, '').replaceAll(/[\r\n\t ]+/g, ' ').trim();
	return escapeText(text).replaceAll('"', '&quot;').replaceAll('\'', '&#039;');
}

/** esc_url_raw: an http(s) URL, "http://" added when no scheme was given, anything else dropped. */
function filterAuthorUrl(url: string): string {
	if (url === '') return '';
	if (/^https?:\/\//i.test(url)) return url.replaceAll(/[\s<>"]/g, '');
	if (/^[a-z][a-z\d+.-]*:/i.test(url)) return '';
	return `http://${url.replaceAll(/[\s<>"]/g, '')}`;
}

export function handleCommentSubmission(form: URLSearchParams, context: SubmissionContext): SubmissionResult {
	const {blog, store} = context;
	const postId = absint(form.get('comment_post_ID'));
	const parentId = absint(form.get('comment_parent'));

	// WordPress 6.1+: a reply must answer an existing, approved comment.
	if (parentId !== 0) {
		const parent = store.byId(parentId);
		if (!parent?.approved) return refused(403, submissionMessages.replyToUnapproved);
	}

	const post = blog.postById(postId);
	if (!post) return {kind: 'silent'};
	if (!post.commentsOpen) return refused(403, submissionMessages.closed);
	// A password-protected post, without its password cookie: WordPress exits without a word.
	if (post.password !== undefined && context.hasPostPassword?.(post.password) !== true) return {kind: 'silent'};

	const rawAuthor = (form.get('author') ?? '').replaceAll(/<[^>]*>/g, '').trim();
	const email = (form.get('email') ?? '').trim();
	const url = (form.get('url') ?? '').trim();
	const content = (form.get('comment') ?? '').trim();
	const cookiesConsent = form.has('wp-comment-cookies-consent');

	if (email === '' || rawAuthor === '') return refused(200, submissionMessages.requiredFields);
	if (!isEmail(email)) return refused(200, submissionMessages.invalidEmail);
	if (content === '') return refused(200, submissionMessages.emptyComment);
	if (byteLength(rawAuthor) > commentFieldLimits.author) return refused(200, submissionMessages.nameTooLong);
	if (byteLength(email) > commentFieldLimits.email) return refused(200, submissionMessages.emailTooLong);
	if (byteLength(url) > commentFieldLimits.url) return refused(200, submissionMessages.urlTooLong);
	if (byteLength(content) > commentFieldLimits.content) return refused(200, submissionMessages.commentTooLong);

	// wp_filter_comment runs before the checks below, which compare the filtered values.
	const authorName = filterAuthorName(rawAuthor);
	const authorUrl = filterAuthorUrl(url);
	const filteredContent = filterCommentHtml(content);
	const all = store.all();

	const duplicate = all.some(comment => comment.post === post.id && comment.parent === parentId
		&& same(comment.authorName, authorName) && same(comment.authorEmail, email)
		&& same(comment.content, filteredContent));
	if (duplicate) return refused(409, submissionMessages.duplicate);

	// wp_check_comment_flood: the latest comment from the same address or the same email, any status.
	const now = context.now.getTime();
	const latest = Math.max(0, ...all
		.filter(comment => comment.authorIp === context.ip || same(comment.authorEmail, email))
		.map(comment => comment.postedAtMs ?? Date.parse(`${comment.dateGmt.replace(' ', 'T')}Z`)));
	if (latest > 0 && now - latest < context.floodIntervalMs) return refused(429, submissionMessages.flood);

	// check_comment: too many links, or no earlier approved comment with this name and email, means held.
	const links = filteredContent.match(/<a [^>]*href/gi)?.length ?? 0;
	const previouslyApproved = all.some(comment => comment.approved
		&& same(comment.authorName, authorName) && same(comment.authorEmail, email));

	const comment: StoredComment = {
		id: store.nextId(),
		post: post.id,
		parent: parentId,
		authorName,
		authorEmail: email,
		authorUrl,
		authorIp: context.ip,
		dateGmt: mysqlDate(context.now),
		content: filteredContent,
		approved: previouslyApproved && links <= 2,
		postedAtMs: now,
	};
	store.add(comment);
	return {kind: 'stored', comment, cookiesConsent};
}
