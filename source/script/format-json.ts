import type {Comment} from '../model/comment.js';
import type {CommentOutcome} from '../model/comment-draft.js';
import type {PostPage} from '../model/page.js';
import type {PostLink} from '../model/post.js';
import {htmlToPlainText} from '../render/plain-text.js';
import {cleanLine, cleanText} from '../render/sanitize.js';
import type {PostView} from './fetch-post-view.js';

/*
The JSON documents print mode writes: a contract with scripts (issue 5), so the keys and their order
are spelled out here rather than derived from the model types. Missing values are null, never absent,
and never "": the model keeps '' for an author, link or text the blog did not give (lineOrNull, textOrNull).
Every string is cleaned here, whatever the model holds (`jq -r` prints values raw to a terminal):
one-line values (IDs, titles, links) with cleanLine, texts with cleanText; stringifyJson cleans any
string that is left once more.
*/

type Id = number | string;

/** `title` is null when the blog gave the post none (the text formats show a stand-in). */
export type PostLinkJson = {id: Id; title: string | null; link: string | null};

/**
 * The version of these documents' shape: raised when a key changes meaning or goes away (adding a key
 * does not raise it). Scripts may check it.
 */
export const schemaVersion = 1;

export type PostJson = {
	schemaVersion: number;
	id: Id;
	title: string | null;
	slug: string | null;
	link: string | null;
	date: string | null;
	modified: string | null;
	author: string | null;
	categories: string[];
	tags: string[];
	excerpt: string | null;
	text: string | null;
	html: string | null;
	/** A feed item's enclosures / JSON Feed attachments: `[]` when it has none. */
	attachments: AttachmentJson[];
	/** The blog guards the post with a password. */
	protected: boolean;
	/** The source had a summary only (a feed without full content). */
	summaryOnly: boolean;
	/** WordPress keeps it at the top of its home page; null when the source cannot tell (a feed). */
	sticky: boolean | null;
	commentsOpen: boolean;
	commentCount: number | null;
	/** Null when not asked for (--no-neighbours), not arrived, or there is none. */
	previous: PostLinkJson | null;
	next: PostLinkJson | null;
	/** Null when not asked for (--no-related) or not arrived; [] when the blog has none. */
	related: Array<{id: Id; title: string | null; link: string | null; date: string | null; context: string | null}> | null;
	/** Set when the post was printed from the copy kept on disk (`--cache fallback`, `--offline`); null when fresh. */
	offline: OfflineJson | null;
	comments?: CommentJson[];
};

export type AttachmentJson = {kind: string; url: string; title: string | null; mimeType: string | null; sizeBytes: number | null; durationSeconds: number | null};

/** The keys a post's JSON may have, in order: what `--fields` chooses from. */
export const postJsonFields = ['id', 'title', 'slug', 'link', 'date', 'modified', 'author', 'categories', 'tags', 'excerpt', 'text', 'html', 'attachments', 'protected', 'summaryOnly', 'sticky', 'commentsOpen', 'commentCount', 'previous', 'next', 'related', 'offline', 'comments'] as const;

export type PostJsonField = (typeof postJsonFields)[number];

/** What `--fields` may name for a post: its keys, and with `--full-text` the `fullText` key (print-full-text.ts). */
export type PostFieldChoice = PostJsonField | 'fullText';

/** When the copy printed was saved: ISO 8601 in UTC, to the second. */
export type OfflineJson = {savedAt: string};

/** `type`: 'pingback' or 'trackback' for another blog's post linking here (WordPress keeps them beside the comments). */
export type CommentJson = {id: Id; parent: Id; type: 'comment' | 'pingback' | 'trackback'; author: string | null; authorUrl: string | null; date: string | null; link: string | null; text: string | null};

export type PostListJson = {
	schemaVersion: number;
	page: number;
	totalPages: number;
	total: number;
	/** False when the blog only said "at least" (a feed paged with ?paged=N, a total that was not a number). */
	totalIsExact: boolean;
	/** Set when the page was printed from the copy kept on disk; null when fresh. */
	offline: OfflineJson | null;
	posts: Array<{id: Id; title: string | null; link: string | null; date: string | null; author: string | null; commentCount: number | null; excerpt: string | null; sticky: boolean | null}>;
};

/** The keys of a list's post entries: what `--list --fields` chooses from. */
export const listJsonFields = ['id', 'title', 'link', 'date', 'author', 'commentCount', 'excerpt', 'sticky'] as const;

export type ListJsonField = (typeof listJsonFields)[number];

/** What `--fields` may name for a list: an entry's keys, and `text` and `html` (--with-content's, after them). */
export const listEntryFields = [...listJsonFields, 'text', 'html'] as const;

export type ListEntryField = (typeof listEntryFields)[number];

export type CommentSentJson = {schemaVersion: number; status: 'approved' | 'held'; id: Id | null; link: string | null};

/** A post's JSON document; with `fields` (--fields), only those keys, after `schemaVersion`. */
export function postToJson(view: PostView, fields?: readonly PostFieldChoice[]): Partial<PostJson> {
	const {post} = view;
	const json: PostJson = {
		schemaVersion,
		id: idOf(post.id),
		title: titleOf(post),
		slug: lineOrNull(post.slug),
		link: lineOrNull(post.link),
		date: dateOf(post.date),
		modified: dateOf(post.modified),
		author: lineOrNull(post.author),
		categories: post.categories.map(term => cleanLine(term.name)),
		tags: post.tags.map(term => cleanLine(term.name)),
		excerpt: textOrNull(post.excerpt),
		// Made only when wanted: a long post's text is the most work of the document.
		text: !fields || fields.includes('text') ? plainTextOf(post.html, post.link) : null,
		html: textOrNull(post.html),
		attachments: (post.attachments ?? []).map(attachment => ({
			kind: attachment.kind,
			url: cleanLine(attachment.url),
			title: lineOrNull(attachment.title),
			mimeType: attachment.mimeType ?? null,
			sizeBytes: attachment.sizeBytes ?? null,
			durationSeconds: attachment.durationSeconds ?? null,
		})),
		protected: post.isProtected === true,
		summaryOnly: post.isSummaryOnly,
		sticky: post.sticky ?? null,
		commentsOpen: post.commentsOpen,
		commentCount: post.commentCount ?? null,
		previous: linkToJson(view.neighbours?.previous),
		next: linkToJson(view.neighbours?.next),
		related: view.related?.map(related => ({
			id: idOf(related.id),
			title: titleOf(related),
			link: lineOrNull(related.link),
			date: dateOf(related.date),
			context: lineOrNull(related.context),
		})) ?? null,
		offline: offlineToJson(post.offlineSavedAt),
	};
	if (view.comments) json.comments = view.comments.comments.map(comment => commentToJson(comment, post.link));
	if (!fields) return json;
	const chosen: Partial<PostJson> = {schemaVersion};
	for (const field of postJsonFields) if (fields.includes(field)) Object.assign(chosen, {[field]: json[field] ?? null});
	return chosen;
}

export function commentToJson(comment: Comment, baseUrl?: string): CommentJson {
	return {
		id: idOf(comment.id),
		parent: idOf(comment.parent),
		type: comment.type ?? 'comment',
		author: lineOrNull(comment.author),
		authorUrl: lineOrNull(comment.authorUrl),
		date: dateOf(comment.date),
		// Where WordPress shows a comment: its post's page, at #comment-ID.
		link: baseUrl && typeof comment.id === 'number' ? cleanLine(`${baseUrl.replace(/#.*$/, '')}#comment-${comment.id}`) : null,
		text: plainTextOf(comment.html, baseUrl),
	};
}

export function postPageToJson(page: PostPage, fields?: readonly ListEntryField[]): PostListJson {
	return {
		schemaVersion,
		page: page.page,
		totalPages: page.totalPages,
		total: page.total,
		totalIsExact: page.totalIsExact !== false,
		offline: offlineToJson(page.offlineSavedAt),
		posts: page.posts.map(post => {
			const entry = {
				id: idOf(post.id),
				title: titleOf(post),
				link: lineOrNull(post.link),
				date: dateOf(post.date),
				author: lineOrNull(post.author),
				commentCount: post.commentCount ?? null,
				excerpt: textOrNull(post.excerpt),
				sticky: post.sticky ?? null,
			};
			return fields ? Object.fromEntries(listJsonFields.filter(field => fields.includes(field)).map(field => [field, entry[field]])) as typeof entry : entry;
		}),
	};
}

export function commentSentToJson(outcome: Extract<CommentOutcome, {kind: 'approved' | 'held'}>): CommentSentJson {
	return {schemaVersion, status: outcome.kind, id: outcome.id === undefined ? null : idOf(outcome.id), link: lineOrNull(outcome.link)};
}

function offlineToJson(savedAt: string | undefined): OfflineJson | null {
	return savedAt === undefined ? null : {savedAt: isoSeconds(savedAt)};
}

/** `2026-12-02T07:30:00Z`: a saved time as scripts compare it (a time that is not one stays as it was, cleaned). */
export function isoSeconds(time: string): string {
	const parsed = Date.parse(time);
	return Number.isNaN(parsed) ? cleanLine(time) : new Date(parsed).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function linkToJson(link: PostLink | undefined): PostLinkJson | null {
	return link ? {id: idOf(link.id), title: titleOf(link), link: lineOrNull(link.link)} : null;
}

/** A one-line value (a link, an author), cleaned; null when there is none, never "". */
export function lineOrNull(value: string | undefined): string | null {
	const clean = cleanLine(value ?? '');
	return clean.trim() === '' ? null : clean;
}

/** A text (an excerpt, a body's HTML), cleaned; null when there is none, never "". */
export function textOrNull(value: string | undefined): string | null {
	const clean = cleanText(value ?? '');
	return clean.trim() === '' ? null : clean;
}

/** The plain text of a body (links resolved against `baseUrl`); null when it has none. */
export function plainTextOf(html: string | undefined, baseUrl: string | undefined): string | null {
	return html ? textOrNull(htmlToPlainText(html, baseUrl || undefined)) : null;
}

/** Data, not display text: null when the blog gave no title, not the stand-in lists show. */
export function titleOf(post: {readonly title: string; readonly untitled?: true}): string | null {
	return post.untitled ? null : lineOrNull(post.title);
}

/** A WordPress ID stays a number; a string ID (a feed's guid, a comment feed's) is cleaned like any text. */
function idOf(id: Id): Id {
	return typeof id === 'number' ? id : cleanLine(String(id));
}

function dateOf(date: string | undefined): string | null {
	return lineOrNull(date);
}

// JSON.stringify escapes C0 controls but not DEL, the C1 controls (U+009B is a CSI on some terminals)
// or the bidirectional overrides; escaping them too keeps `jq`-less readers safe, and the values intact.
const unsafeForTerminals = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Whatever string got this far uncleaned (a field added later, a value of the wrong type) is cleaned on the way out. */
function cleanStrings(_key: string, value: unknown): unknown {
	return typeof value === 'string' ? cleanText(value) : value;
}

/** One JSON document, pretty-printed, ending with a newline, with nothing a terminal would act on. */
export function stringifyJson(value: unknown): string {
	const text = JSON.stringify(value, cleanStrings, 2).replace(unsafeForTerminals, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `${text}\n`;
}

/** One JSON value on one line (ndjson), ending with a newline, cleaned as stringifyJson cleans. */
export function stringifyJsonLine(value: unknown): string {
	const text = JSON.stringify(value, cleanStrings).replace(unsafeForTerminals, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `${text}\n`;
}
