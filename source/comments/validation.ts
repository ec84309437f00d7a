import type {CommentDraft} from '../model/comment-draft.js';

/*
The "Leave a Reply" form's rules, as WordPress applies them (wp_handle_comment_submission, is_email,
wp_check_comment_data_max_lengths), so that a comment blogterm lets through is one the blog accepts.
WordPress trims every field first, and counts lengths in bytes of UTF-8, not in characters.
*/

/** The form's text fields, in the order the form shows them. */
export const commentFields = ['comment', 'name', 'email', 'website'] as const;

export type CommentField = (typeof commentFields)[number];

/** One message per field in error; a field that is fine has no entry. */
export type FieldErrors = Partial<Record<CommentField, string>>;

/** What each field is called on screen; `*` marks a required one, as on WordPress. */
export const fieldLabels: Readonly<Record<CommentField, string>> = {
	comment: 'Comment *',
	name: 'Name *',
	email: 'Email *',
	website: 'Website',
};

export const saveIdentityLabel = 'Save my name, email, and website for the next time I comment.';

export const requiredFieldsNote = 'Your email address will not be published. Required fields are marked *';

/** WordPress's column limits (wp_get_comment_fields_max_lengths), in bytes. */
export const fieldByteLimits: Readonly<Record<CommentField, number>> = {
	comment: 65_525,
	name: 245,
	email: 100,
	website: 200,
};

export const requiredMessage = 'Fill out this field';
export const invalidEmailMessage = 'Please enter a valid email address.';
export const invalidUrlMessage = 'Please enter a URL.';

const requiredFields: ReadonlySet<CommentField> = new Set(['comment', 'name', 'email']);

const fieldNames: Readonly<Record<CommentField, string>> = {
	comment: 'Comment',
	name: 'Name',
	email: 'Email',
	website: 'Website',
};

/** The length WordPress measures: bytes of UTF-8 ("é" is 2, most emoji 4). */
export function byteLength(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** "Name is too long: at most 245 bytes (this is 300)." */
export function tooLongMessage(field: CommentField, bytes: number): string {
	return `${fieldNames[field]} is too long: at most ${fieldByteLimits[field]} bytes (this is ${bytes}).`;
}

/** A field's value as WordPress will see it. */
export function fieldValue(field: CommentField, draft: Pick<CommentDraft, CommentField>): string {
	return draft[field].trim();
}

/** WordPress's is_email(), rule for rule: what it refuses, the blog refuses. */
export function isEmail(email: string): boolean {
	if (email.length < 6) return false;
	const at = email.indexOf('@', 1);
	if (at === -1) return false;
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (!/^[a-zA-Z\d!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
	if (/\.{2,}/.test(domain)) return false;
	if (/^[\s.\0]|[\s.\0]$/.test(domain)) return false;
	const subs = domain.split('.');
	if (subs.length < 2) return false;
	return subs.every(sub => /^[a-z\d-]+$/i.test(sub) && !sub.startsWith('-') && !sub.endsWith('-'));
}

/** Whether a website is an http(s) URL with a host. */
export function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** The message for one field, or undefined when it is fine. */
export function validateField(field: CommentField, draft: Pick<CommentDraft, CommentField>): string | undefined {
	const value = fieldValue(field, draft);
	if (value === '') return requiredFields.has(field) ? requiredMessage : undefined;
	const bytes = byteLength(value);
	if (bytes > fieldByteLimits[field]) return tooLongMessage(field, bytes);
	if (field === 'email' && !isEmail(value)) return invalidEmailMessage;
	if (field === 'website' && !isHttpUrl(value)) return invalidUrlMessage;
	return undefined;
}

/** Every field's message; an empty object means the comment can be sent. */
export function validateDraft(draft: Pick<CommentDraft, CommentField>): FieldErrors {
	const errors: FieldErrors = {};
	for (const field of commentFields) {
		const message = validateField(field, draft);
		if (message) errors[field] = message;
	}
	return errors;
}

/** The first field in error, in the form's order. */
export function firstFieldInError(errors: FieldErrors): CommentField | undefined {
	return commentFields.find(field => errors[field] !== undefined);
}
