import * as v from 'valibot';
import {htmlToPlainText} from '../../render/plain-text.js';
import {boundedItems, isoFromTime, networkCount, networkLine, networkUrl, type LineMarkup} from '../../sources/clean.js';
import {networkHtml} from '../../sources/clean-html.js';
import {untitledStandIn} from '../../model/post.js';

/*
TT-RSS's API answers, checked where they enter blogterm, read as the server really sends them (recorded
in tests/fixtures/ttrss from Debian's 21~git20210204): `getUnread` answers a count as a string, an
article's `tags` is `[""]` when it has none, ids and counts come as numbers in one version and as strings
in another. A field of the wrong type is dropped; an item without an ID is not read. Every string is
cleaned and every URL made safe here: nothing raw goes further.
*/

/** The envelope of every answer: {seq, status: 0 | 1, content}. */
export const envelopeSchema = v.looseObject({
	status: v.union([v.literal(0), v.literal(1), v.literal('0'), v.literal('1')]),
	content: v.unknown(),
});

/** An error answer's content: {error: "LOGIN_ERROR"}. */
export const errorContentSchema = v.looseObject({error: v.fallback(v.optional(v.string()), undefined)});

/** A whole number ≥ 0 from a number or a string of digits; undefined otherwise. */
const count = v.fallback(v.optional(v.pipe(v.unknown(), v.transform(networkCount))), undefined);
/** An ID TT-RSS gives (special feeds and categories are negative): a whole number from a number or digits. */
const serverId = v.pipe(v.unknown(), v.transform(value => {
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
	return Number.isSafeInteger(number) ? number : undefined;
}));
const requiredId = v.pipe(serverId, v.number('it has no ID'));
const optionalText = v.fallback(v.optional(v.string()), undefined);
const flag = v.fallback(v.optional(v.pipe(v.unknown(), v.transform(value => value === true || value === 1 || value === '1' || value === 't' || value === 'true')), false), false);

export const loginSchema = v.looseObject({
	session_id: v.pipe(v.string(), v.regex(/^[\w,-]{1,256}$/, 'the session ID is not one')),
	api_level: v.fallback(v.optional(serverId), undefined),
});

const feedSchema = v.looseObject({id: requiredId, title: optionalText, feed_url: optionalText, cat_id: v.fallback(v.optional(serverId), undefined), unread: count});
const categorySchema = v.looseObject({id: requiredId, title: optionalText, unread: count});
const articleSchema = v.looseObject({
	id: requiredId,
	feed_id: v.fallback(v.optional(serverId), undefined),
	title: optionalText,
	link: optionalText,
	updated: count,
	unread: flag,
	marked: flag,
	author: optionalText,
	excerpt: optionalText,
	content: optionalText,
	tags: v.fallback(v.optional(v.array(v.unknown())), undefined),
	comments_count: count,
	feed_title: optionalText,
});
const counterSchema = v.looseObject({id: v.union([v.string(), v.number()]), kind: optionalText, counter: count, markedcounter: count});

/** A feed the server follows for the user. */
export type ServerFeed = {
	readonly id: number;
	readonly title: string;
	/** The feed's address (http/https), as the server fetches it. */
	readonly feedUrl: string;
	/** Its category (0: none). */
	readonly categoryId: number;
	readonly unread: number;
};

export type ServerCategory = {readonly id: number; readonly title: string; readonly unread: number};

/** An article (TT-RSS's name for a post) as blogterm keeps it. */
export type ServerArticle = {
	readonly id: number;
	readonly feedId: number;
	readonly title: string;
	readonly untitled: boolean;
	readonly link: string;
	/** ISO 8601, or undefined. */
	readonly date: string | undefined;
	readonly author: string;
	/** Plain text on one line. */
	readonly excerpt: string;
	/** The body as HTML, its addresses made safe (networkHtml), not yet cleaned of control characters (the renderer cleans what it shows); '' when the server gave none. */
	readonly html: string;
	readonly tags: readonly string[];
	readonly unread: boolean;
	readonly starred: boolean;
	readonly commentCount: number | undefined;
};

/** getCounters, as much of it as sync reads: unread per feed, starred per feed, unread in all. */
export type ServerCounters = {
	readonly unreadByFeed: ReadonlyMap<number, number>;
	readonly globalUnread: number | undefined;
};

/** At most this many items are read from one answer (a page is 200 at most; this bounds a hostile one). */
const maxItems = 10_000;

function items<T>(content: unknown, schema: v.GenericSchema<unknown, T>): T[] {
	if (!Array.isArray(content)) return [];
	const read: T[] = [];
	for (const item of boundedItems(content, maxItems).items) {
		const result = v.safeParse(schema, item);
		if (result.success) read.push(result.output);
	}
	return read;
}

/** A one-line field as every source reads one (networkLine); `markup` 'text' for what is plain text already. */
function line(text: string | undefined, fallback = '', markup: LineMarkup = 'guess'): string {
	const cleaned = networkLine(text, markup);
	return cleaned === '' ? fallback : cleaned;
}

export function readFeeds(content: unknown): ServerFeed[] {
	const feeds: ServerFeed[] = [];
	for (const feed of items(content, feedSchema)) {
		const feedUrl = networkUrl(feed.feed_url);
		// Special feeds (Starred, Published, labels) have negative IDs and no address: not a blog.
		if (feed.id <= 0 || feedUrl === undefined) continue;
		feeds.push({id: feed.id, title: line(feed.title, new URL(feedUrl).host), feedUrl, categoryId: Math.max(0, feed.cat_id ?? 0), unread: feed.unread ?? 0});
	}
	return feeds;
}

export function readCategories(content: unknown): ServerCategory[] {
	// Negative IDs are TT-RSS's own (Special, Labels); 0 is "Uncategorized", which is no folder.
	return items(content, categorySchema).filter(category => category.id > 0).map(category => ({
		id: category.id,
		title: line(category.title, `Category ${category.id}`).replaceAll('/', '∕'),
		unread: category.unread ?? 0,
	}));
}

export function readArticles(content: unknown): ServerArticle[] {
	const articles: ServerArticle[] = [];
	for (const article of items(content, articleSchema)) {
		const link = networkUrl(article.link) ?? '';
		const html = networkHtml(article.content ?? '', link || undefined);
		const excerpt = line(htmlToPlainText(article.excerpt ?? ''), '', 'text') || line(htmlToPlainText(html), '', 'text').slice(0, 300);
		const title = line(article.title);
		articles.push({
			id: article.id,
			feedId: article.feed_id ?? 0,
			title: title || untitledStandIn(excerpt),
			untitled: title === '',
			link,
			date: article.updated === undefined ? undefined : isoFromTime(article.updated * 1000),
			author: line(article.author),
			excerpt,
			html,
			// No tags is [""] in this version.
			tags: (article.tags ?? []).filter((tag): tag is string => typeof tag === 'string').map(tag => line(tag)).filter(Boolean),
			unread: article.unread,
			starred: article.marked,
			commentCount: article.comments_count,
		});
	}
	return articles;
}

export function readCounters(content: unknown): ServerCounters {
	const unreadByFeed = new Map<number, number>();
	let globalUnread: number | undefined;
	for (const counter of items(content, counterSchema)) {
		if (counter.id === 'global-unread') globalUnread = counter.counter;
		if (counter.kind !== undefined || typeof counter.id !== 'number' || counter.id <= 0) continue;
		unreadByFeed.set(counter.id, counter.counter ?? 0);
	}
	return {unreadByFeed, globalUnread};
}

/** getUnread's count: a string ("2") in this version, a number in others. */
export function readUnread(content: unknown): number | undefined {
	const result = v.safeParse(v.looseObject({unread: count}), content);
	return result.success ? result.output.unread : undefined;
}

/** subscribeToFeed's {status: {code, feed_id, message}}. */
export function readSubscribe(content: unknown): {readonly code: number | undefined; readonly feedId: number | undefined; readonly message: string} {
	const result = v.safeParse(v.looseObject({status: v.looseObject({code: count, feed_id: v.fallback(v.optional(serverId), undefined), message: optionalText})}), content);
	if (!result.success) return {code: undefined, feedId: undefined, message: ''};
	const {code, feed_id: feedId, message} = result.output.status;
	return {code, feedId, message: line(message)};
}
