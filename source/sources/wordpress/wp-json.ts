import * as v from 'valibot';
import type {Comment} from '../../model/comment.js';
import type {Post, PostId, PostLink, PostSummary, Term} from '../../model/post.js';
import {cleanLine} from '../../render/sanitize.js';
import {htmlToPlainText} from '../../render/plain-text.js';
import {isoFromTime, networkCount, networkLine, networkUrl, wordPressId} from '../clean.js';
import {networkHtml} from '../clean-html.js';

/*
WordPress's REST answers, checked where they enter blogterm. Every field blogterm reads has a schema;
a field of the wrong type is dropped (the post shows without it), an item without an ID is not read
at all. What passes is mapped into model types with every string cleaned and every URL made safe.
*/

/** A field that is dropped (undefined) when it is missing or not of its type. */
const optionalString = v.fallback(v.optional(v.string()), undefined);
const optionalBoolean = v.fallback(v.optional(v.boolean()), undefined);
const optionalList = v.fallback(v.optional(v.array(v.unknown())), undefined);
/** `{rendered, protected}`, as titles, excerpts and content come. */
const renderedField = v.fallback(v.optional(v.looseObject({rendered: optionalString, protected: optionalBoolean})), undefined);

/** A WordPress ID: a whole number above 0 (or its digits); required. An item without one is not read. */
const idField = v.pipe(
	v.unknown(),
	v.check(value => value !== undefined && value !== null, 'it has no ID'),
	v.transform(value => wordPressId(value)),
	v.number('its ID is not a whole number above 0'),
);
/** A reference to another item's ID (a comment's post, its parent: 0 for none): dropped when it is not one. */
const optionalId = v.optional(v.pipe(v.unknown(), v.transform(value => wordPressId(value, {allowZero: true}))));

const termSchema = v.looseObject({id: idField, name: optionalString, taxonomy: optionalString});
const authorSchema = v.looseObject({name: optionalString});
/** A term of /wp/v2/categories or /wp/v2/tags, or a user of /wp/v2/users: what blogterm reads of them. */
const listedSchema = v.looseObject({id: idField, name: optionalString, slug: optionalString, count: v.fallback(v.optional(v.number()), undefined)});

/** A listed term or user, cleaned: `{id, name, slug, count}`; undefined when it is not one. */
export function readListed(value: unknown): {id: number | string; name: string; slug: string; count: number} | undefined {
	const result = v.safeParse(listedSchema, value);
	if (!result.success) return undefined;
	const {id, name, slug, count} = result.output;
	return {id, name: renderedToLine(name ?? ''), slug: cleanLine(slug ?? ''), count: Number.isInteger(count) && count! >= 0 ? count! : 0};
}

/** The parts of WordPress's REST post object that blogterm reads, as they are once checked. */
const wpPostSchema = v.looseObject({
	id: idField,
	date: optionalString,
	date_gmt: optionalString,
	modified: optionalString,
	modified_gmt: optionalString,
	slug: optionalString,
	link: optionalString,
	status: optionalString,
	title: renderedField,
	excerpt: renderedField,
	content: renderedField,
	comment_status: optionalString,
	sticky: v.fallback(v.optional(v.boolean()), undefined),
	_embedded: v.fallback(v.optional(v.looseObject({author: optionalList, 'wp:term': optionalList})), undefined),
});

const wpCommentSchema = v.looseObject({
	id: idField,
	post: optionalId,
	parent: optionalId,
	author_name: optionalString,
	author_url: optionalString,
	date: optionalString,
	date_gmt: optionalString,
	content: renderedField,
	status: optionalString,
	type: optionalString,
});

const wpErrorSchema = v.looseObject({code: optionalString, message: optionalString});

/** The REST index (`/wp-json/`): a WordPress one lists the `wp/v2` namespace. */
const wpIndexSchema = v.looseObject({
	name: optionalString,
	description: optionalString,
	url: optionalString,
	home: optionalString,
	namespaces: v.pipe(v.array(v.unknown()), v.check(namespaces => namespaces.includes('wp/v2'))),
});

export type WpPost = v.InferOutput<typeof wpPostSchema>;
export type WpComment = v.InferOutput<typeof wpCommentSchema>;
export type WpError = v.InferOutput<typeof wpErrorSchema>;
export type WpIndex = v.InferOutput<typeof wpIndexSchema>;

/** The result of checking one item: the item, or why it cannot be read (“it has no ID”). */
export type Checked<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly reason: string};

function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Checked<T> {
	const result = v.safeParse(schema, value);
	if (result.success) return {ok: true, value: result.output};
	const issue = result.issues[0];
	// Ours start "it" ("its ID is not a whole number above 0"); valibot's own for a missing key do not.
	const reason = issue.message.startsWith('it') ? issue.message : issue.path?.[0]?.key === 'id' ? 'it has no ID' : 'it is not a JSON object';
	return {ok: false, reason};
}

export function checkPost(value: unknown): Checked<WpPost> {
	return check(wpPostSchema, value);
}

export function checkComment(value: unknown): Checked<WpComment> {
	return check(wpCommentSchema, value);
}

/** A REST error's `{code, message}`, or an empty one when the body is something else. */
export function readError(value: unknown): WpError {
	const result = v.safeParse(wpErrorSchema, value);
	return result.success ? result.output : {code: undefined, message: undefined};
}

/** The REST index, or undefined when it is not WordPress's. */
export function readIndex(value: unknown): WpIndex | undefined {
	const result = v.safeParse(wpIndexSchema, value);
	return result.success ? result.output : undefined;
}

/** One line of plain text from a WordPress "rendered" HTML string (titles have entities: `&#8217;`). */
export function renderedToLine(html: string | undefined): string {
	return networkLine(html, 'html');
}

/** WordPress's `2026-03-01T10:00:00` without a zone. */
const zonelessDate = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * WordPress gives `date` (the site's local time) and `date_gmt`, both without a zone: make them one ISO 8601
 * date with the site's offset (`2026-03-01T23:30:00.000+05:30`), so the date shown is the one the blog shows
 * on its own page. With only `date_gmt` (or a local date that does not fit it): UTC (`…Z`). Falls back to the
 * local `date` alone; undefined when neither is a date.
 */
export function isoDate(post: {readonly date?: string | undefined; readonly date_gmt?: string | undefined}): string | undefined {
	const gmt = post.date_gmt?.trim();
	const local = post.date?.trim();
	if (gmt) {
		const time = Date.parse(zonelessDate.test(gmt) ? `${gmt.replace(' ', 'T')}Z` : gmt);
		const iso = isoFromTime(time);
		if (iso) return (local && zonelessDate.test(local) ? withSiteOffset(local, time) : undefined) ?? iso;
	}
	return local ? isoFromTime(Date.parse(local)) : undefined;
}

/** The local time with the offset it has from `utcTime` (whole minutes, at most 14 hours), or undefined when they do not fit. */
function withSiteOffset(local: string, utcTime: number): string | undefined {
	const localAsUtc = Date.parse(`${local.replace(' ', 'T')}Z`);
	if (Number.isNaN(localAsUtc)) return undefined;
	const minutes = (localAsUtc - utcTime) / 60_000;
	if (!Number.isInteger(minutes) || Math.abs(minutes) > 14 * 60) return undefined;
	const sign = minutes < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
	return `${new Date(localAsUtc).toISOString().slice(0, 23)}${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

function termsOf(post: WpPost, taxonomy: 'category' | 'tag'): Term[] {
	const groups = post._embedded?.['wp:term'] ?? [];
	const wpTaxonomy = taxonomy === 'category' ? 'category' : 'post_tag';
	const terms: Term[] = [];
	for (const group of groups) {
		// A group that is not a list, or a term that is not a term (null, a string): left out, the rest kept.
		if (!Array.isArray(group)) continue;
		for (const raw of group.slice(0, 1000)) {
			const term = v.safeParse(termSchema, raw);
			if (!term.success || term.output.taxonomy !== wpTaxonomy) continue;
			terms.push({id: term.output.id, name: renderedToLine(term.output.name), taxonomy});
		}
	}
	return terms;
}

function authorOf(post: WpPost): string {
	const author = v.safeParse(authorSchema, post._embedded?.author?.[0]);
	// A name is text as a feed's title is (see networkLine), so it reads the same from every kind of blog.
	return author.success ? networkLine(author.output.name) : '';
}

/** A slug, as one clean line; undefined when there is none. */
function slugOf(slug: string | undefined): string | undefined {
	const clean = cleanLine(slug ?? '');
	return clean === '' ? undefined : clean;
}

/** The post's title, or a stand-in marked `untitled` (JSON output then says null). */
function titleOf(post: WpPost): {readonly title: string; readonly untitled?: true} {
	const title = renderedToLine(post.title?.rendered);
	return title ? {title} : {title: '(no title)', untitled: true};
}

/** `{modified}` when WordPress gave it (only when `_fields` asks for it). */
function modifiedOf(post: WpPost): {readonly modified?: string} {
	const modified = isoDate({date: post.modified, date_gmt: post.modified_gmt});
	return modified === undefined ? {} : {modified};
}

export function toPostSummary(post: WpPost, commentCount: number | undefined): PostSummary {
	const excerpt = post.excerpt?.protected ? '' : htmlToPlainText(post.excerpt?.rendered ?? '');
	return {
		id: post.id,
		...titleOf(post),
		link: networkUrl(post.link) ?? '',
		date: isoDate(post),
		author: authorOf(post),
		commentCount: networkCount(commentCount),
		excerpt: cleanLine(excerpt.replace(/\s*(\[…\]|\[\.\.\.\]|…)\s*$/u, '…')),
		slug: slugOf(post.slug),
		...modifiedOf(post),
		categories: termsOf(post, 'category'),
		tags: termsOf(post, 'tag'),
		...(post.excerpt?.protected || post.content?.protected ? {isProtected: true} : {}),
		...(post.sticky === undefined ? {} : {sticky: post.sticky}),
	};
}

/** A post from its REST JSON; `password` is the one it was asked with (a protected post's body shows only with it). */
export function toPost(post: WpPost, commentCount: number | undefined, password?: string): Post {
	const isProtected = Boolean(post.content?.protected);
	const unlocked = isProtected && password !== undefined && (post.content?.rendered ?? '') !== '';
	const summary = toPostSummary(post, commentCount);
	return {
		...summary,
		html: isProtected && !unlocked ? '' : networkHtml(post.content?.rendered ?? '', summary.link || undefined),
		isSummaryOnly: false,
		commentsOpen: post.comment_status === 'open',
		...(isProtected ? {isProtected: true} : {}),
		...(unlocked ? {password} : {}),
	};
}

export function toPostLink(post: WpPost): PostLink {
	return {id: post.id, ...titleOf(post), link: networkUrl(post.link) ?? ''};
}

export function toComment(comment: WpComment): Comment {
	return {
		id: comment.id,
		parent: comment.parent ?? 0,
		// A pingback's name is the linking page's title as WordPress keeps it, with its entities (`&raquo;`).
		author: (isPing(comment) ? renderedToLine(comment.author_name) : networkLine(comment.author_name)) || 'Anonymous',
		authorUrl: networkUrl(comment.author_url),
		date: isoDate(comment),
		html: comment.content?.rendered ?? '',
		status: comment.status === 'hold' ? 'held' : 'approved',
		...(isPing(comment) ? {type: comment.type} : {}),
	};
}

function isPing(comment: WpComment): comment is WpComment & {type: 'pingback' | 'trackback'} {
	return comment.type === 'pingback' || comment.type === 'trackback';
}

/** The post a comment (as a JSON value) belongs to, when it says: all a count needs. */
export function commentPostId(comment: unknown): PostId | undefined {
	return comment !== null && typeof comment === 'object' ? wordPressId((comment as Record<string, unknown>)['post']) : undefined;
}
