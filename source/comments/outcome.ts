import {DomUtils, parseDocument} from 'htmlparser2';
import type {CommentOutcome, CommentRefusal} from '../model/comment-draft.js';
import {header, hostOf, type HttpResponse} from '../http/client.js';
import {cleanLine} from '../render/sanitize.js';
import {htmlToPlainText} from '../render/plain-text.js';

/*
What WordPress answers to a comment, read into a CommentOutcome.

The form route (POST /wp-comments-post.php, see wp-comments-post.php and wp_handle_comment_submission):
- success is only ever a redirect (302) to the comment: `…/post/#comment-12`; a comment held for
  moderation adds `?unapproved=12&moderation-hash=…` (only when the writer did not consent to cookies);
- anything else goes through wp_die(): an HTML page whose `<div class="wp-die-message">` holds the reason,
  with the status WordPress chose: 200 for a missing or invalid field, 403 comments closed or login
  required, 409 duplicate, 429 too fast; a post that is gone, a draft or password-protected gives an
  empty 200.

The REST route (POST /wp/v2/comments, WP_REST_Comments_Controller::create_item): 201 with the comment
(`status: "approved"` or `"hold"`), or `{code, message, data: {status}}`.
*/

export const heldMessage = 'Your comment is awaiting moderation.';
/** A comment the blog took without saying whether it is published or held (see confirmStatus in send-comment.ts). */
export const unconfirmedMessage = 'Your comment was received; the blog did not say whether it is published.';
export const floodMessage = 'You are posting comments too quickly. Slow down.';
export const duplicateMessage = 'Duplicate comment detected; it looks as though you’ve already said that!';
export const unknownMessage = 'It is not known whether your comment arrived. Look at the thread before sending it again.';

const maxMessageLength = 400;

type Element = NonNullable<ReturnType<typeof DomUtils.findOne>>;

/** The text of some HTML, entities decoded, on one clean line. */
export function htmlToLine(html: string): string {
	return cleanLine(htmlToPlainText(html));
}

function shorten(text: string): string {
	return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength - 1)}…` : text;
}

/** "Error: please fill the required fields." → "Please fill the required fields." */
function withoutErrorPrefix(text: string): string {
	const rest = text.replace(/^(?:error|erreur|fehler)\s*:\s*/i, '');
	return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
The reason a wp_die() page gives, in the blog's words: the text of `<div class="wp-die-message">`
(WordPress 5.3 and later) or of the page's paragraphs without the "« Back" link (older versions).
Undefined for an empty body or a page that is not an error page.
*/
export function wpDieMessage(body: string): string | undefined {
	if (body.trim() === '') return undefined;
	try {
		return wpDieMessageFromDocument(body);
	} catch {
		// A page nested too deep for the DOM helpers (they recurse): its text, read as a stream.
		const line = withoutErrorPrefix(htmlToLine(body));
		return line === '' ? undefined : shorten(line);
	}
}

function wpDieMessageFromDocument(body: string): string | undefined {
	const document = parseDocument(body);
	for (const element of DomUtils.findAll(node => node.name === 'script' || node.name === 'style', document.children)) {
		DomUtils.removeElement(element);
	}
	const hasClass = (element: Element, name: string) => (DomUtils.getAttributeValue(element, 'class') ?? '').split(/\s+/).includes(name);
	const message = DomUtils.findOne(element => hasClass(element, 'wp-die-message'), document.children, true);
	let text: string;
	if (message) {
		text = DomUtils.textContent(message);
	} else {
		const page = DomUtils.findOne(element => element.name === 'body', document.children, true);
		if (!page || DomUtils.getAttributeValue(page, 'id') !== 'error-page') return undefined;
		const isBackLink = (element: Element) => element.name === 'a' && /^javascript:/i.test(DomUtils.getAttributeValue(element, 'href') ?? '');
		const paragraphs = DomUtils.findAll(element => element.name === 'p', page.children)
			.filter(paragraph => !DomUtils.findOne(isBackLink, paragraph.children, true));
		text = paragraphs.length > 0
			? paragraphs.map(paragraph => DomUtils.textContent(paragraph)).join(' ')
			: DomUtils.textContent(page);
	}
	const line = withoutErrorPrefix(cleanLine(text));
	return line === '' ? undefined : shorten(line);
}

/** The `<title>` of a page, cleaned, when it has one. */
function pageTitle(body: string): string | undefined {
	const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body.slice(0, 100_000));
	const text = match ? htmlToLine(match[1]!) : '';
	return text === '' ? undefined : shorten(text);
}

/** Tells what kind of refusal a message of the blog is, for the statuses that carry several. */
export function refusalOfMessage(message: string): CommentRefusal | undefined {
	if (/too quickly|slow down/i.test(message)) return 'too-fast';
	if (/duplicate|already said that/i.test(message)) return 'duplicate';
	if (/comments are closed|closed for this/i.test(message)) return 'closed';
	if (/logged in|log in/i.test(message)) return 'login-required';
	if (/required field|fill (?:in |out )?the|valid email|type (?:a|your) comment|comment text|too long|enter a url/i.test(message)) return 'invalid';
	return undefined;
}

function refused(reason: CommentRefusal, message: string): CommentOutcome {
	return {kind: 'refused', reason, message};
}

function serverError(statusCode: number, words: string | undefined): CommentOutcome {
	const said = words ? `${words.replace(/\.?$/, '.')} ` : '';
	return refused(
		'server-error',
		`The blog had a server error (HTTP ${statusCode}). ${said}It may still have kept your comment: look at the thread before sending it again.`,
	);
}

/** The comment's ID in `#comment-12`, or undefined. */
function commentIdOf(url: URL): number | undefined {
	const match = /^#comment-(\d+)$/.exec(url.hash);
	return match ? Number(match[1]) : undefined;
}

/** Reads WordPress's answer to `POST /wp-comments-post.php`. */
export function readFormResponse(response: HttpResponse): CommentOutcome {
	const {statusCode, body} = response;
	const words = wpDieMessage(body);

	if (statusCode >= 300 && statusCode < 400) {
		const location = header(response, 'location');
		let target: URL | undefined;
		try {
			target = location ? new URL(location, response.url) : undefined;
		} catch {
			target = undefined;
		}
		const id = target ? commentIdOf(target) : undefined;
		if (target && (statusCode === 302 || statusCode === 303) && id !== undefined) {
			const unapproved = target.searchParams.get('unapproved');
			const link = cleanLine(target.href);
			if (unapproved !== null || target.searchParams.has('moderation-hash')) {
				const heldId = unapproved && /^\d+$/.test(unapproved) ? Number(unapproved) : id;
				return {kind: 'held', id: heldId, link, message: heldMessage};
			}
			return {kind: 'approved', id, link};
		}
		if (target && (statusCode === 302 || statusCode === 303) && !/wp-comments-post\.php$/.test(target.pathname)) {
			// A plugin sent the writer to a page of its own: the blog took the POST, but did not say what became of it.
			return {
				kind: 'unknown',
				message: `The blog answered by sending you to ${cleanLine(target.href)} without saying what became of your comment. Look at the thread before sending it again.`,
			};
		}
		const where = target ? ` to ${cleanLine(target.href)}` : '';
		return refused('other', `The blog's comment form answered with a redirect${where} (HTTP ${statusCode}). blogterm does not send a comment on to another address; it was not sent there.`);
	}

	if (statusCode === 409) return refused('duplicate', words ?? duplicateMessage);
	if (statusCode === 429) return refused('too-fast', words ?? floodMessage);
	if (statusCode === 403) {
		const reason = words ? refusalOfMessage(words) : undefined;
		const kind = reason === 'login-required' || reason === 'closed' ? reason : 'other';
		return refused(kind, words ?? `The blog refused the comment (HTTP 403).`);
	}
	if (statusCode >= 500) {
		const reason = words ? refusalOfMessage(words) : undefined;
		// Old WordPress used wp_die's default 500 for "comments are closed" and the like.
		return reason ? refused(reason, words!) : serverError(statusCode, words);
	}
	if (statusCode === 200) {
		if (words) return refused(refusalOfMessage(words) ?? 'other', words);
		if (body.trim() === '') {
			return refused('other', 'The blog did not take the comment and gave no reason (the post may be gone, a draft, or password-protected).');
		}
		const title = pageTitle(body);
		return refused('other', `The blog did not take the comment; it answered with a page${title ? ` titled “${title}”` : ''} instead.`);
	}
	if (statusCode === 413) return refused('invalid', words ?? 'The blog refused the comment as too large (HTTP 413).');
	if (statusCode === 404) return refused('other', `${cleanLine(hostOf(response.url))} has no comment form at ${cleanLine(response.url)} (HTTP 404).`);
	return refused('other', words ?? `The blog answered HTTP ${statusCode} and did not take the comment.`);
}

type RestError = {code?: unknown; message?: unknown; data?: {status?: unknown; params?: unknown} | null};

const restRefusals: Readonly<Record<string, CommentRefusal>> = {
	rest_comment_login_required: 'login-required',
	rest_not_logged_in: 'login-required',
	rest_cannot_create: 'login-required',
	incorrect_password: 'login-required',
	invalid_username: 'login-required',
	invalid_email: 'login-required',
	application_passwords_disabled: 'login-required',
	comment_duplicate: 'duplicate',
	comment_flood: 'too-fast',
	rest_comment_closed: 'closed',
	rest_comment_draft_post: 'closed',
	rest_comment_trash_post: 'closed',
	rest_comment_author_data_required: 'invalid',
	rest_comment_content_invalid: 'invalid',
	rest_invalid_param: 'invalid',
	rest_missing_callback_param: 'invalid',
	rest_comment_invalid_author: 'invalid',
	rest_comment_invalid_author_ip: 'invalid',
	rest_comment_invalid_status: 'invalid',
	comment_author_column_length: 'invalid',
	comment_author_email_column_length: 'invalid',
	comment_author_url_column_length: 'invalid',
	comment_content_column_length: 'invalid',
	rest_comment_failed_create: 'server-error',
};

function parseJson(body: string): unknown {
	try {
		return JSON.parse(body.replace(/^\uFEFF/, ''));
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A REST error's code, when the body is one. */
export function restErrorCode(response: HttpResponse): string | undefined {
	const json = parseJson(response.body);
	return isObject(json) && typeof json['code'] === 'string' ? json['code'] : undefined;
}

/** The message of a REST error, or the details WordPress gives for rest_invalid_param ("author_email: Invalid email address."). */
function restErrorText(error: RestError): string | undefined {
	const message = typeof error.message === 'string' ? htmlToLine(error.message) : '';
	const params = isObject(error.data) && isObject(error.data.params) ? error.data.params : undefined;
	const details = params
		? Object.entries(params)
			.filter((entry): entry is [string, string] => typeof entry[1] === 'string')
			.map(([name, text]) => `${cleanLine(name)}: ${htmlToLine(text)}`)
			.join('; ')
		: '';
	// "Invalid parameter(s): author_email" says less than its details ("author_email: Invalid email address.").
	const text = details || withoutErrorPrefix(message);
	return text === '' ? undefined : shorten(text);
}

/** Reads WordPress's answer to `POST /wp/v2/comments`. */
export function readRestResponse(response: HttpResponse): CommentOutcome {
	const {statusCode} = response;
	const json = parseJson(response.body);

	if (statusCode >= 200 && statusCode < 300) {
		if (!isObject(json) || (typeof json['id'] !== 'number' && typeof json['id'] !== 'string')) {
			return {kind: 'unknown', message: `The blog answered HTTP ${statusCode} in a way blogterm could not read. ${unknownMessage}`};
		}
		const id = json['id'];
		const link = typeof json['link'] === 'string' ? cleanLine(json['link']) : undefined;
		const status = json['status'];
		if (status === 'approved' || status === undefined) return {kind: 'approved', id, link};
		// 'hold', and 'spam' or 'trash', which the writer is not told about but will not see published either.
		return {kind: 'held', id, link, message: heldMessage};
	}

	if (statusCode >= 300 && statusCode < 400) {
		const location = header(response, 'location');
		return refused('other', `The blog's REST API answered with a redirect${location ? ` to ${cleanLine(location)}` : ''} (HTTP ${statusCode}). blogterm does not send a comment on to another address; it was not sent there.`);
	}

	const error: RestError = isObject(json) ? json : {};
	const code = typeof error.code === 'string' ? error.code : undefined;
	const text = restErrorText(error) ?? wpDieMessage(response.body);
	const reason = (code ? restRefusals[code] : undefined)
		?? (statusCode === 409 ? 'duplicate' : undefined)
		?? (statusCode === 429 ? 'too-fast' : undefined)
		?? (statusCode === 401 ? 'login-required' : undefined)
		?? (text ? refusalOfMessage(text) : undefined)
		?? (statusCode >= 500 ? 'server-error' : 'other');

	if (reason === 'server-error') return serverError(statusCode, text);
	const fallback: Record<CommentRefusal, string> = {
		'duplicate': duplicateMessage,
		'too-fast': floodMessage,
		'closed': 'Sorry, comments are closed for this item.',
		'login-required': 'Sorry, you must be logged in to comment.',
		'invalid': `The blog refused the comment's fields (HTTP ${statusCode}).`,
		'server-error': '',
		'other': `The blog answered HTTP ${statusCode} and did not take the comment.`,
	};
	return refused(reason, text ?? fallback[reason]);
}
