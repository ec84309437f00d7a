import {commentFields, fieldLabels, validateDraft} from '../comments/validation.js';
import type {CommentDraft, CommentOutcome, CommentRefusal} from '../model/comment-draft.js';
import {isLocked, type Post} from '../model/post.js';
import type {BlogSource} from '../sources/blog-source.js';
import {exitCodes} from './exit-codes.js';
import {ScriptFailure} from './script-errors.js';
import type {ScriptRequest} from './script-request.js';

/** WordPress's own codes for its refusals (REST and wp-comments-post.php refuse alike). */
const refusalCodes: Record<CommentRefusal, string> = {
	'duplicate': 'comment_duplicate',
	'too-fast': 'comment_flood',
	'closed': 'comment_closed',
	'login-required': 'rest_comment_login_required',
	'invalid': 'comment_invalid',
	'server-error': 'server_error',
	'other': 'comment_refused',
};

type CommentRequest = Extract<ScriptRequest, {kind: 'comment'}>;

export type SentComment = Extract<CommentOutcome, {kind: 'approved' | 'held'}>;

/** The draft a script's flags make; the comment text already read (from stdin for `-`). */
export function draftOf(request: CommentRequest, text: string): CommentDraft {
	return {
		comment: text,
		name: request.name,
		email: request.email,
		website: request.website,
		saveIdentity: false,
		parent: request.parent,
	};
}

/**
 * The form's validation, every field at once: throws a failure (exit 2) with one line per field
 * in error, in the form's order and words ("Email: Please enter a valid email address.").
 */
export function checkDraft(draft: CommentDraft): void {
	const errors = validateDraft(draft);
	const lines = commentFields
		.filter(field => errors[field] !== undefined)
		.map(field => `${fieldLabels[field].replace(/\s*\*$/, '')}: ${errors[field]}`);
	if (lines.length > 0) throw new ScriptFailure(exitCodes.usage, lines, 'invalid_comment');
}

/**
 * Sends the comment on the post, once (never retried), and resolves with the blog's acceptance;
 * anything else throws the failure a script is told about: refused (4), not known (5) or not sent (1).
 */
export async function sendScriptComment(source: BlogSource, post: Post, draft: CommentDraft): Promise<SentComment> {
	if (!post.commentsOpen) throw new ScriptFailure(exitCodes.refused, `Comments are closed on “${post.title}”; nothing was sent.`, 'comment_closed');
	if (isLocked(post)) throw new ScriptFailure(exitCodes.notFound, `“${post.title}” is password protected: give --password`, 'password_required');
	if (!(await source.canComment(post))) {
		throw new ScriptFailure(exitCodes.refused, `${source.site.name} does not take comments from blogterm (${source.description}); nothing was sent.`, 'comments_not_supported');
	}
	const outcome = await source.submitComment(post, draft);
	switch (outcome.kind) {
		case 'approved':
		case 'held':
			return outcome;
		case 'refused':
			if (outcome.reason === 'server-error') throw new ScriptFailure(exitCodes.unreadable, outcome.message, 'server_error');
			throw new ScriptFailure(exitCodes.refused, `The blog refused the comment: ${outcome.message}`, refusalCodes[outcome.reason]);
		case 'unknown':
			throw new ScriptFailure(exitCodes.unknownOutcome, /not known/i.test(outcome.message) ? outcome.message : `${outcome.message} It is not known whether your comment arrived.`, 'comment_unknown');
		case 'failed':
			throw new ScriptFailure(exitCodes.unreadable, `The comment could not be sent: ${outcome.message}`, 'comment_not_sent');
	}
}
