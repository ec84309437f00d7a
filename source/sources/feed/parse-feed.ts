import * as v from 'valibot';
import {detectJsonFeed, parseFeed, type AtomFeed, type RdfFeed, type RssFeed} from 'feedsmith';
import {header, hostOf, type HttpResponse} from '../../http/client.js';
import {cleanLine} from '../../render/sanitize.js';
import {boundedItems, LeftOutItems, maxFeedItemsPerAnswer, networkCount, networkLine, networkUrl} from '../clean.js';
import {BlogError} from '../../errors.js';
import {atomEntrySchema, checkedItem, jsonFeedSchema, jsonItemSchema, rssItemSchema, type JsonFeedFields, type JsonFeedItem} from './feed-schema.js';
import {htmlWords} from '../../render/plain-text.js';
import {textToHtml} from '../../render/escape-html.js';
import {networkHtml} from '../clean-html.js';
import {parseFeedDate} from './feed-date.js';
import {settleIds, type UnsettledItem} from './feed-ids.js';
import {attachmentsHtml, cleanAttachments, type RawAttachment} from './attachments.js';
import {countItemElements, feedBatches, itemAuthors} from './feed-batches.js';
import type {Attachment} from '../../model/post.js';
import {formatCount} from '../../render/format-count.js';

/** RSS 0.9x and 2.0 are 'rss', RSS 1.0 is 'rdf'. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One entry of a feed, read into what blogterm needs. Strings meant for one line are already cleaned. */
export type FeedItem = {
	/** The guid / Atom id / JSON Feed id; else the link, or an id made of the item's content (see feed-ids.ts). */
	readonly id: string;
	readonly title: string;
	/** Absolute http or https, or '' when the item has none (or one of another scheme). */
	readonly link: string;
	/** ISO 8601, or undefined when the feed gave none (or one that cannot be read). */
	readonly date: string | undefined;
	readonly author: string;
	readonly authorUrl: string | undefined;
	/** The full content, else the summary, as HTML with its addresses made absolute and safe (networkHtml). Not cleaned. */
	readonly html: string;
	/** True when the feed had only a summary. */
	readonly isSummaryOnly: boolean;
	/** Plain text, one line, short. */
	readonly excerpt: string;
	readonly categories: readonly string[];
	readonly tags: readonly string[];
	/** From `slash:comments`, `thr:total` or `thr:count`. */
	readonly commentCount: number | undefined;
	/** The item's own comment feed: `wfw:commentRss` or Atom `link rel="replies"`. */
	readonly commentFeedUrl: string | undefined;
	/** `thr:in-reply-to`'s ref, for the items of a comment feed. */
	readonly inReplyTo: string | undefined;
	/** Its enclosures / attachments, cleaned (also at the end of `html`, see attachments.ts). */
	readonly attachments: readonly Attachment[];
};

export type ParsedFeed = {
	readonly format: FeedFormat;
	/** Where the feed was read from (after redirects). */
	readonly feedUrl: string;
	readonly title: string;
	readonly description: string;
	/** The site's home page, absolute; the feed's URL when the feed names none. */
	readonly link: string;
	/** The generator named by the feed ("https://wordpress.org/?v=6.5"), or ''. */
	readonly generator: string;
	readonly items: readonly FeedItem[];
	/** What was left out of the feed and why, a sentence each ("blog.example sent 2 posts blogterm cannot read (…): left out."). */
	readonly notes?: readonly string[];
	/** Set when the feed held more items than blogterm reads: the first `read` were read, of `total` (when known). */
	readonly cut?: FeedCut;
	/** Set when the feed could not be fetched and this is the copy kept on disk (ISO 8601 time it was saved). */
	readonly offlineSavedAt?: string;
	/** Set when `cacheFirst` gave the copy kept on disk without asking the server. */
	readonly fromCache?: true;
};

/** A feed's items past `maxFeedItemsPerAnswer`, left unread. */
export type FeedCut = {readonly read: number; readonly total: number | undefined};

/**
 * What a list or thread read from a feed longer than blogterm reads says, as a WordPress thread cut short
 * does: "blog.example's comment feed has 25,000 comments; blogterm read the first 20,000 it lists."
 */
export function feedCutNote(host: string, cut: FeedCut, what: 'posts' | 'comments'): string {
	const read = formatCount(cut.read);
	const total = cut.total === undefined ? `more than ${read}` : formatCount(cut.total);
	return `${cleanLine(host)}'s ${what === 'comments' ? 'comment feed' : 'feed'} has ${total} ${what}; blogterm read the first ${read} it lists.`;
}

/**
 * Reads a feed's text (RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed 1.0/1.1) through feedsmith.
 * Rejects with an 'unreadable' BlogError when the text is no feed.
 */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
	// A refresh that brings the same text back (a 304, an unchanged feed) reuses what was read from it:
	// a 10,000-item feed parsed twice at once would double the reader's memory for nothing.
	if (lastRead?.feedUrl === feedUrl && lastRead.text === text) return lastRead.feed;
	const feed = readFeedText(text, feedUrl);
	lastRead = {feedUrl, text, feed};
	return feed;
}

/**
 * The last feed read, with the text or the bytes (and their Content-Type) it was read from: one only, so
 * nothing piles up. Bytes are kept rather than their text, so that the same bytes brought back are known
 * without being decoded again (7 MB more at once, for the big feed of the bench).
 */
let lastRead: {readonly feedUrl: string; readonly text?: string; readonly bytes?: Uint8Array; readonly contentType?: string | undefined; readonly feed: ParsedFeed} | undefined;

/** More attributes than this on one element is no feed: a root with a million of them took the parser 26 s and 1.2 GB. */
export const maxAttributesPerElement = 1000;

/**
 * Whether some element of an XML text has more than `maxAttributesPerElement` attributes. Looks only
 * at tags long enough to hold that many (one pass of indexOf over the text), so a feed costs nothing.
 */
function hasTooManyAttributes(text: string): boolean {
	const shortest = maxAttributesPerElement * 4; // ` a=""` at the least, per attribute.
	let start = text.indexOf('<');
	while (start !== -1) {
		const end = text.indexOf('>', start + 1);
		if (end === -1) return false;
		if (end - start > shortest) {
			let count = 0;
			for (const _match of text.slice(start, end).matchAll(/\s[^\s=<>"']+\s*=\s*["']/g)) {
				if (++count > maxAttributesPerElement) return true;
			}
		}
		start = text.indexOf('<', end + 1);
	}
	return false;
}

function readFeedText(text: string, feedUrl: string): ParsedFeed {
	if (hasTooManyAttributes(text)) {
		throw new BlogError('unreadable', `${cleanLine(hostOf(feedUrl))} sent a feed blogterm cannot read: an element in it has more than ${formatCount(maxAttributesPerElement)} attributes.`);
	}
	const source = text.replace(/^\uFEFF/, '');
	// A JSON Feed is read as it came, not as feedsmith converts it (see feed-schema.ts).
	const json = jsonFeedDocument(source);
	if (json) return readJson(json, feedUrl);
	const base64Declared = /\smode\s*=\s*["']base64["']/.test(text);
	try {
		const batched = readInBatches(source, feedUrl, base64Declared);
		if (batched) return batched;
	} catch (error) {
		if (!(error instanceof PartNotRead)) throw error;
		// A part the parser read otherwise than the whole: the whole feed is read at once instead.
	}
	const parsed = parseWhole(source, feedUrl);
	if (parsed.format === 'atom') return readParsed(parsed, feedUrl, base64Declared, {elements: countItemElements(source, 'entry')});
	const items = itemAuthors(source);
	return readParsed(parsed, feedUrl, base64Declared, {elements: items?.count, ...(items ? {authors: items.authors} : {})});
}

type ParsedText = ReturnType<typeof parseFeed<string>>;

function parseWhole(source: string, feedUrl: string): ParsedText {
	try {
		return parseFeed<string>(source);
	} catch (error) {
		throw notAFeed(feedUrl, error);
	}
}

function notAFeed(feedUrl: string, cause?: unknown): BlogError {
	return new BlogError('unreadable', `${cleanLine(hostOf(feedUrl))} sent something that is not an RSS, Atom or JSON feed.`, {cause});
}

/**
 * The items of an XML feed as the parser gives them: `batches` in parts (a big feed, see
 * feed-batches.ts), else the parsed feed's own; `elements`, how many item elements its text holds,
 * when that is known (the parser leaves out those with nothing in them).
 */
type XmlItems = {
	readonly batches?: Iterable<readonly unknown[]>;
	readonly elements: number | undefined;
	/** How many items each batch but the last holds; all of them when there is one batch. */
	readonly perBatch?: number;
	/** Each item element's RSS `<author>` as the XML has it (see itemAuthors), in the order of `elements`. */
	readonly authors?: ReadonlyArray<string | undefined>;
};

/** A feed read as it was parsed. */
function readParsed(parsed: ParsedText, feedUrl: string, base64Declared: boolean, {batches, ...items}: XmlItems): ParsedFeed {
	switch (parsed.format) {
		case 'rss': {
			return readRss(parsed.feed, feedUrl, 'rss', {batches: batches ?? [parsed.feed.items ?? []], ...items});
		}
		case 'rdf': {
			return readRss(parsed.feed, feedUrl, 'rdf', {batches: batches ?? [parsed.feed.items ?? []], ...items});
		}
		case 'atom': {
			return readAtom(parsed.feed, feedUrl, base64Declared, {batches: batches ?? [parsed.feed.entries ?? []], ...items});
		}
		case 'json': {
			// Never here: a JSON Feed is read before the parser (jsonFeedDocument tells one as the parser does).
			throw notAFeed(feedUrl);
		}
	}
}

/** Thrown when a part of a feed read in batches does not parse as the feed it was cut from did. */
class PartNotRead extends Error {}

/**
 * A big RSS or Atom feed read `itemsPerBatch` items at a time (see feed-batches.ts): the parser's tree of
 * one part is let go before the next is parsed. Undefined when the feed is not cut so. Exported for its
 * tests: parseFeedText gives the same feed whole or in parts, so only this tells that it was cut.
 */
export function readInBatches(source: string, feedUrl: string, base64Declared: boolean): ParsedFeed | undefined {
	const batches = feedBatches(source, 'item') ?? feedBatches(source, 'entry');
	if (!batches) return undefined;
	let head: ParsedText;
	try {
		head = parseFeed<string>(batches.head);
	} catch {
		return undefined;
	}
	if (head.format === 'json') return undefined;
	const itemsOf = (parsed: ParsedText): readonly unknown[] | undefined => {
		if (parsed.format === 'json' || parsed.format !== head.format) return undefined;
		return parsed.format === 'atom' ? parsed.feed.entries : parsed.feed.items;
	};
	if ((itemsOf(head)?.length ?? 0) > 0) return undefined;
	function * items(): Generator<readonly unknown[]> {
		for (const part of batches!.parts()) {
			let parsed: ParsedText;
			try {
				parsed = parseFeed<string>(part);
			} catch (error) {
				throw new PartNotRead('a part of the feed is no feed', {cause: error});
			}
			const found = itemsOf(parsed);
			if (!found?.length) throw new PartNotRead('a part of the feed has no items');
			yield found;
		}
	}
	const elements = (batches.element === 'entry') === (head.format === 'atom') ? batches.count : undefined;
	const authors = elements === undefined ? undefined : batches.authors;
	return readParsed(head, feedUrl, base64Declared, {batches: items(), elements, perBatch: batches.perBatch, ...(authors ? {authors} : {})});
}

/**
 * The text as a JSON Feed's document, as it came; undefined when it is no JSON Feed (as feedsmith tells
 * one). A bare version (`"version": "1.1"`, as some generators write it) is taken for the version URL
 * the spec gives.
 */
function jsonFeedDocument(text: string): Record<string, unknown> | undefined {
	if (!/^\s*\{/.test(text)) return undefined;
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
	const version = (document as {version?: unknown}).version;
	const feed: Record<string, unknown> = typeof version === 'string' && /^v?1(?:\.\d+)?$/.test(version)
		? {...document, version: `https://jsonfeed.org/version/${version.replace(/^v/, '')}`}
		: document as Record<string, unknown>;
	return detectJsonFeed(feed) ? feed : undefined;
}

/** Decodes and reads a feed fetched with getBytes. */
export function readFeedResponse(response: HttpResponse & {readonly bytes: Uint8Array}): ParsedFeed {
	const {bytes, url} = response;
	const contentType = header(response, 'content-type');
	const same = lastRead?.feedUrl === url && lastRead.contentType === contentType && lastRead.bytes?.length === bytes.length && Buffer.compare(lastRead.bytes, bytes) === 0;
	const feed = same ? lastRead!.feed : readFeedText(decodeFeedBytes(bytes, contentType), url);
	lastRead = {feedUrl: url, bytes, contentType, feed};
	return {
		...feed,
		...(response.offlineSavedAt === undefined ? {} : {offlineSavedAt: response.offlineSavedAt}),
		...(response.fromCache ? {fromCache: true as const} : {}),
	};
}

/**
 * A feed's bytes as text, sniffed as browsers do: a byte order mark first (UTF-8, UTF-16, UTF-32), then
 * the pattern of zero bytes a UTF-16 or UTF-32 text without one starts with, then the XML declaration,
 * then the HTTP Content-Type charset, else UTF-8. Bytes that are valid UTF-8 with some non-ASCII in them
 * are UTF-8 whatever the label says (a UTF-8 body labelled ISO-8859-1 is the common case; real Latin-1
 * text is almost never valid UTF-8). Bytes that fit no declaration are read as mostly UTF-8 (only the
 * bad bytes become U+FFFD) or, when they hardly are, as windows-1252. Nothing but the bad characters is lost.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | undefined): string {
	const bom = byteOrderMark(bytes);
	if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.length));
	const wide = wideEncodingOf(bytes);
	if (wide) return decodeAs(wide, bytes);
	const utf8 = strictUtf8(bytes);
	if (utf8 !== undefined && /[^\u0000-\u007F]/.test(utf8)) return utf8;
	const labels = [xmlDeclaredEncoding(bytes), charsetOf(contentType)]
		.map(label => label?.trim().toLowerCase())
		.filter((label): label is string => Boolean(label) && !/^(?:utf-?16|utf-?32|ucs-?[24]|iso-10646)/.test(label!));
	for (const label of labels) {
		if (windows1252Labels.has(label)) return decodeWindows1252(bytes);
		if (/^utf-?8$/.test(label)) {
			if (utf8 !== undefined) return utf8;
			continue; // Declared UTF-8 but it is not: the next declaration, if any.
		}
		try {
			return new TextDecoder(label).decode(bytes);
		} catch {
			continue; // An encoding TextDecoder does not know: the next declaration.
		}
	}
	return utf8 ?? mostlyUtf8(bytes) ?? decodeWindows1252(bytes);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		return undefined;
	}
}

/** UTF-8 with a few bad bytes (each becomes U+FFFD), or undefined when there are more bad bytes than good non-ASCII characters. */
function mostlyUtf8(bytes: Uint8Array): string | undefined {
	const text = new TextDecoder('utf-8').decode(bytes);
	let bad = 0;
	let good = 0;
	for (const character of text) {
		if (character === '\uFFFD') bad++;
		else if (character.codePointAt(0)! > 0x7F) good++;
	}
	return good >= bad ? text : undefined;
}

function decodeAs(encoding: WideEncoding | 'utf-8', bytes: Uint8Array): string {
	if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
	return new TextDecoder(encoding).decode(bytes);
}

/** UTF-32, which TextDecoder does not know: code points out of range become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const parts: string[] = [];
	for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4) {
		const code = view.getUint32(offset, littleEndian);
		parts.push(code > 0x10_FFFF || (code >= 0xD8_00 && code <= 0xDF_FF) ? '\uFFFD' : String.fromCodePoint(code));
	}
	return parts.join('');
}

type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * A UTF-16 or UTF-32 text without a byte order mark, told by where the zero bytes of its first
 * character fall (`<` or `{` or whitespace: ASCII), as XML's appendix F does.
 */
function wideEncodingOf(bytes: Uint8Array): WideEncoding | undefined {
	if (bytes.length < 4) return undefined;
	const [a, b, c, d] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
	if (a !== 0 && b === 0 && c === 0 && d === 0) return 'utf-32le';
	if (a === 0 && b === 0 && c === 0 && d !== 0) return 'utf-32be';
	if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
	if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
	return undefined;
}

/** The labels the Encoding Standard reads as windows-1252: ISO-8859-1 and ASCII among them, as browsers do. */
const windows1252Labels = new Set(['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);

/** What windows-1252 puts at 0x80–0x9F, where ISO-8859-1 has control characters. */
const windows1252High = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * windows-1252 by hand: Node 20.18.3 and later decode it as plain Latin-1 (nodejs/node#60888),
 * which turns “smart quotes” into control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.toString('latin1')
		.replaceAll(/[\u0080-\u009F]/g, character => windows1252High[character.charCodeAt(0) - 0x80]!);
}

function byteOrderMark(bytes: Uint8Array): {readonly encoding: WideEncoding | 'utf-8'; readonly length: number} | undefined {
	if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) return {encoding: 'utf-8', length: 3};
	if (bytes[0] === 0xFF && bytes[1] === 0xFE && bytes[2] === 0 && bytes[3] === 0) return {encoding: 'utf-32le', length: 4};
	if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xFE && bytes[3] === 0xFF) return {encoding: 'utf-32be', length: 4};
	if (bytes[0] === 0xFF && bytes[1] === 0xFE) return {encoding: 'utf-16le', length: 2};
	if (bytes[0] === 0xFE && bytes[1] === 0xFF) return {encoding: 'utf-16be', length: 2};
	return undefined;
}

function charsetOf(contentType: string | undefined): string | undefined {
	return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
	const start = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
	return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z\d._:-]+)["']/.exec(start)?.[1];
}

/** Dates are read in feed-date.ts; re-exported for the callers that read them here. */
export {parseFeedDate} from './feed-date.js';

// ---- RSS 0.9x / 2.0 and RSS 1.0 (RDF) ----

type RssLikeItem = RssFeed.Item<string> | RdfFeed.Item<string>;

function readRss(feed: RssFeed.Feed<string> | RdfFeed.Feed<string>, feedUrl: string, format: 'rss' | 'rdf', parts: XmlItems): ParsedFeed {
	const feedBase = networkUrl(feed.xml?.base, feedUrl) ?? feedUrl;
	const declaredBase = feed.xml?.base ? feedBase : undefined;
	const {items, notes, cut} = readBatches(parts, feedUrl, rssItemSchema, (item: RssLikeItem, author) => readRssItem(item, feedBase, declaredBase, author));
	const generator = 'generator' in feed ? feed.generator ?? '' : feed.admin?.generatorAgent ?? '';
	return {
		format,
		feedUrl,
		title: titleText(feed.title),
		// RSS descriptions may hold entity-encoded HTML, as the items' do.
		description: networkLine(feed.description, 'html'),
		link: networkUrl(feed.link, feedBase) ?? feedBase,
		generator: networkLine(generator, 'text'),
		items: settleIds(items),
		...(notes.length > 0 ? {notes} : {}),
		...(cut ? {cut} : {}),
	};
}

/**
 * `declaredBase` is the feed's xml:base, when it has one: in scope for every item. `author` is what its
 * `<author>` holds as the XML has it, when that is known (see itemAuthors).
 */
function readRssItem(item: RssLikeItem, feedBase: string, declaredBase: string | undefined, author: string | undefined): UnsettledItem {
	const itemBase = networkUrl(item.xml?.base, feedBase) ?? feedBase;
	const rss = item as RssFeed.Item<string>;
	const guid = feedId(rss.guid?.value);
	const link = networkUrl(item.link, itemBase) ?? (guid && rss.guid?.isPermaLink !== false && /^https?:/i.test(guid) ? networkUrl(guid) ?? '' : '');
	const about = feedId((item as RdfFeed.Item<string>).rdf?.about);
	const extra = item as ItemExtras;
	const title = titleText(item.title) || titleText(item.dc?.titles?.[0]) || mediaTitle(extra.media);
	const full = item.content?.encoded;
	const summary = item.description ?? mediaDescriptionHtml(extra.media) ?? textHtml(extra.itunes?.summary);
	// Content is relative to an xml:base in scope, else to the post's own page, else to the feed.
	const contentBase = item.xml?.base ? itemBase : declaredBase ?? (link || feedBase);
	const body = networkHtml(full ?? summary ?? '', contentBase);
	// iTunes's duration is the episode's: its (first) enclosure's.
	const duration = extra.itunes?.duration;
	const rawAttachments = (rss.enclosures ?? []).map((enclosure, index) => ({...enclosure, duration: index === 0 ? duration : undefined}));
	const attachments = cleanAttachments(rawAttachments.length > 0 ? rawAttachments : mediaContents(extra.media), itemBase, title);
	const html = body + attachmentsHtml(attachments, body);
	const person = rss.authors?.[0];
	const categoryTerms = [...(rss.categories ?? []).map(category => ({name: category.name ?? '', scheme: category.domain})), ...(item.dc?.subjects ?? []).map(name => ({name, scheme: undefined}))];
	const replies = item.atom?.links?.find(candidate => candidate.rel === 'replies');
	return {
		ownId: guid || about,
		title,
		link,
		date: parseFeedDate(rss.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.created?.[0] ?? item.dcterms?.modified?.[0] ?? item.atom?.published ?? item.atom?.updated),
		// A name is text, as a title is: `Jo &amp;amp; Al` is decoded once.
		author: networkLine(item.dc?.creators?.[0]) || (author === undefined ? networkLine(person?.name) : rssAuthorName(author)) || networkLine(extra.itunes?.author) || networkLine(person?.email),
		authorUrl: undefined,
		html,
		isSummaryOnly: full === undefined,
		excerpt: excerptOf(summary ?? full ?? ''),
		...splitTerms(categoryTerms),
		commentCount: networkCount(item.slash?.comments) ?? networkCount(rss.thr?.total),
		commentFeedUrl: networkUrl(item.wfw?.commentRss ?? replies?.href, itemBase),
		inReplyTo: feedId(rss.thr?.inReplyTos?.[0]?.ref) || undefined,
		attachments,
	};
}

/**
 * The name an RSS `<author>` gives, from its text as the XML has it: `jo@example.com (Jo Smith)` and
 * `Jo Smith <jo@example.com>` name Jo Smith; anything else is the name (or the address) itself, read as a
 * title is (networkLine).
 */
function rssAuthorName(xml: string): string {
	const text = xmlText(xml);
	const name = /^\s*(?:mailto:)?[^\s@()<>]+@[^\s@()<>]+\s*\((.*)\)\s*$/s.exec(text)?.[1]
		?? /^(.*?)\s*<(?:mailto:)?[^\s@<>]+@[^\s@<>]+>\s*$/s.exec(text)?.[1]
		?? text;
	return networkLine(name) || networkLine(text);
}

/** An element's text as the XML has it, read as the parser reads text: comments left out, CDATA sections as they are, entities decoded once. */
function xmlText(xml: string): string {
	return xml.replaceAll(/<!--[\s\S]*?-->/g, '').split(/<!\[CDATA\[([\s\S]*?)\]\]>/).map((part, index) => (index % 2 === 1 || !part.includes('&') ? part : htmlWords(part, part.length))).join('');
}

// ---- Atom 1.0 ----

/** `base64Declared`: the feed's text has Atom 0.3's `mode="base64"`, which the parser does not keep. */
function readAtom(feed: AtomFeed.Feed<string>, feedUrl: string, base64Declared: boolean, parts: XmlItems): ParsedFeed {
	const feedBase = networkUrl(feed.xml?.base, feedUrl) ?? feedUrl;
	const declaredBase = feed.xml?.base ? feedBase : undefined;
	const feedAuthor = feed.authors?.[0];
	const {items, notes, cut} = readBatches(parts, feedUrl, atomEntrySchema, (entry: AtomFeed.Entry<string>) => readAtomEntry(entry, feedBase, declaredBase, feedAuthor, base64Declared));
	const generator = feed.generator ? `${feed.generator.text ?? ''} ${feed.generator.uri ?? ''}` : '';
	return {
		format: 'atom',
		feedUrl,
		title: atomText(feed.title),
		description: atomText(feed.subtitle),
		link: alternateLink(feed.links, feedBase) || feedBase,
		generator: networkLine(generator, 'text'),
		items: settleIds(items),
		...(notes.length > 0 ? {notes} : {}),
		...(cut ? {cut} : {}),
	};
}

/** `declaredBase` is the feed's xml:base, when it has one: in scope for every entry. */
function readAtomEntry(entry: AtomFeed.Entry<string>, feedBase: string, declaredBase: string | undefined, feedAuthor: AtomFeed.Person | undefined, base64Declared: boolean): UnsettledItem {
	const entryBase = networkUrl(entry.xml?.base, feedBase) ?? feedBase;
	const entryDeclaredBase = entry.xml?.base ? entryBase : declaredBase;
	const link = alternateLink(entry.links, entryBase);
	const extra = entry as ItemExtras;
	const title = atomText(entry.title) || titleText(entry.dc?.titles?.[0]) || mediaTitle(extra.media);
	const content = entry.content?.value !== undefined && !entry.content.src ? decodedContent(entry.content, base64Declared) : undefined;
	const mediaSummary = mediaDescriptionHtml(extra.media);
	const summary = entry.summary ?? (mediaSummary === undefined ? undefined : {value: mediaSummary, type: 'html'});
	const chosen = content ?? summary;
	// Content is relative to an xml:base in scope, else to the post's own page, else to the feed.
	const contentBase = chosen?.xml?.base
		? networkUrl(chosen.xml.base, entryBase) ?? entryBase
		: entryDeclaredBase ?? (link || feedBase);
	const body = chosen ? networkHtml(atomHtml(chosen), contentBase) : '';
	const enclosureLinks = (entry.links ?? []).filter(candidate => candidate.rel === 'enclosure').map(enclosure => ({url: enclosure.href, type: enclosure.type, title: enclosure.title, length: enclosure.length}));
	const attachments = cleanAttachments(enclosureLinks.length > 0 ? enclosureLinks : mediaContents(extra.media), entryBase, title);
	const html = body + attachmentsHtml(attachments, body);
	const author = entry.authors?.[0] ?? entry.source?.authors?.[0] ?? feedAuthor;
	const replies = entry.links?.find(candidate => candidate.rel === 'replies' && (!candidate.type || /atom|rss|xml/i.test(candidate.type)));
	return {
		ownId: feedId(entry.id),
		title,
		link,
		date: parseFeedDate(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
		// An Atom person's name is text, as a title with no type is.
		author: author?.name === undefined ? networkLine(entry.dc?.creators?.[0] ?? extra.itunes?.author) : networkLine(author.name, 'text'),
		authorUrl: networkUrl(author?.uri, entryBase, {allowMailto: true}),
		html,
		isSummaryOnly: content === undefined,
		excerpt: excerptOf(summary ? atomHtml(summary) : html),
		...splitTerms((entry.categories ?? []).map(category => ({name: category.label ?? category.term ?? '', scheme: category.scheme}))),
		commentCount: networkCount(entry.slash?.comments) ?? networkCount(entry.thr?.total) ?? networkCount(replies?.thr?.count),
		commentFeedUrl: networkUrl(replies?.href, entryBase) ?? networkUrl(entry.wfw?.commentRss, entryBase),
		inReplyTo: feedId(entry.thr?.inReplyTos?.[0]?.ref) || undefined,
		attachments,
	};
}

/** An Atom text construct as one plain line: `type="html"` and `"xhtml"` are markup, `"text"` (the default) is not. */
function atomText(text: AtomFeed.Text | undefined): string {
	if (!text) return '';
	// A text construct is text: its entities were decoded once, by the XML parser.
	return networkLine(text.value, isMarkup(text.type) ? 'html' : 'text');
}

/** An Atom text or content construct as HTML. */
function atomHtml(text: AtomFeed.Text | AtomFeed.Content): string {
	const value = text.value ?? '';
	return isMarkup(text.type) ? value : textToHtml(value);
}

function isMarkup(type: string | undefined): boolean {
	return type === 'html' || type === 'xhtml' || /html/i.test(type ?? '');
}

function alternateLink(links: readonly AtomFeed.Link<string>[] | undefined, base: string): string {
	const alternates = (links ?? []).filter(link => (link.rel ?? 'alternate') === 'alternate' && link.href);
	const chosen = alternates.find(link => !link.type || /html/i.test(link.type)) ?? alternates[0];
	return networkUrl(chosen?.href, base) ?? '';
}

// ---- JSON Feed 1.0 / 1.1 ----

type JsonAuthor = NonNullable<JsonFeedFields['author']>;

/**
 * A JSON Feed's document read into a feed: its fields checked as they came (feed-schema.ts). Items that
 * are no object, or hold nothing to show, are left out with a note; `items` that is no list is an
 * 'unreadable' BlogError.
 */
function readJson(document: Record<string, unknown>, feedUrl: string): ParsedFeed {
	const feed = v.parse(jsonFeedSchema, document);
	if (feed.items !== undefined && !Array.isArray(feed.items)) {
		throw new BlogError('unreadable', `${cleanLine(hostOf(feedUrl))} sent a JSON Feed blogterm cannot read: its items are not a list.`);
	}
	const feedAuthor = feed.authors?.[0] ?? feed.author;
	const home = networkUrl(feed.home_page_url, feedUrl) ?? '';
	const leftOut = new LeftOutItems();
	const items: UnsettledItem[] = [];
	const bounded = boundedItems(feed.items ?? [], maxFeedItemsPerAnswer);
	for (const raw of bounded.items) {
		const item = checkedItem<JsonFeedItem>(jsonItemSchema, raw);
		if (item === undefined) leftOut.add('it is not a JSON object');
		else keepShown(readJsonItem(item, feedUrl, feedAuthor), items, leftOut);
	}
	const notes = leftOut.notes(hostOf(feedUrl), 'posts');
	return {
		format: 'json',
		feedUrl,
		title: titleText(feed.title),
		description: titleText(feed.description),
		link: home || feedUrl,
		generator: '',
		items: settleIds(items),
		...(notes.length > 0 ? {notes} : {}),
		...(bounded.ignored > 0 ? {cut: {read: bounded.items.length, total: bounded.items.length + bounded.ignored}} : {}),
	};
}

function readJsonItem(item: JsonFeedItem, feedUrl: string, feedAuthor: JsonAuthor | undefined): UnsettledItem {
	const link = networkUrl(item.url, feedUrl) ?? networkUrl(item.external_url, feedUrl) ?? '';
	const title = titleText(item.title);
	const full = item.content_html ?? (item.content_text === undefined ? undefined : textToHtml(item.content_text));
	const body = networkHtml(full ?? textToHtml(item.summary ?? ''), link || feedUrl);
	const attachments = cleanAttachments((item.attachments ?? []).map(attachment => ({url: attachment.url, type: attachment.mime_type, title: attachment.title, length: attachment.size_in_bytes, duration: attachment.duration_in_seconds})), link || feedUrl, title);
	const html = body + attachmentsHtml(attachments, body);
	const author = item.authors?.[0] ?? item.author ?? feedAuthor;
	return {
		ownId: feedId(item.id),
		title,
		link,
		date: parseFeedDate(item.date_published ?? item.date_modified),
		author: networkLine(author?.name),
		authorUrl: networkUrl(author?.url, feedUrl, {allowMailto: true}),
		html,
		isSummaryOnly: full === undefined,
		excerpt: excerptOf(item.summary === undefined ? full ?? '' : textToHtml(item.summary)),
		categories: [],
		tags: uniqueTerms(item.tags ?? []),
		commentCount: undefined,
		commentFeedUrl: undefined,
		inReplyTo: undefined,
		attachments,
	};
}

// ---- shared ----

/**
 * The items of all batches, each checked against its schema and read, up to `maxFeedItemsPerAnswer`
 * (counted before checking, as one batch of them all would be). A batch is read before the next is
 * parsed, so the parser's tree of one batch only is held at a time. Items with nothing to show are left
 * out with a note, and so are the item elements the parser left out (fewer items than `elements`).
 */
function readBatches<Raw>({batches = [], elements, perBatch, authors}: XmlItems, feedUrl: string, schema: v.GenericSchema, read: (item: Raw, author: string | undefined) => UnsettledItem): {items: UnsettledItem[]; notes: string[]; cut?: FeedCut} {
	const items: UnsettledItem[] = [];
	const leftOut = new LeftOutItems();
	let parsed = 0;
	let room = maxFeedItemsPerAnswer;
	/** Items of the batches parsed that were past the limit. */
	let over = 0;
	// An item's author is taken from the XML where the parser's items of a batch are its elements one for
	// one; in a batch with fewer (the parser left out an empty item) the parser's reading is kept.
	const known = authors !== undefined && elements === authors.length ? authors : undefined;
	let batchNumber = 0;
	for (const batch of batches) {
		const first = batchNumber++ * (perBatch ?? 0);
		const aligned = known !== undefined && batch.length === Math.min(perBatch ?? Number.POSITIVE_INFINITY, known.length - first);
		parsed += batch.length;
		const {items: bounded, ignored} = boundedItems(batch, room);
		room -= bounded.length;
		over += ignored;
		for (const [index, raw] of bounded.entries()) {
			const item = checkedItem<Raw>(schema, raw);
			if (item === undefined) leftOut.add('it is not an item');
			else keepShown(read(item, aligned ? known[first + index] : undefined), items, leftOut);
		}
		if (room === 0) break;
	}
	// Past the limit, how many the parser gave is not known: nothing is said of empty elements then.
	if (room > 0 && elements !== undefined) leftOut.add(nothingToShow, elements - parsed);
	// Full, with items left in the batch that filled it or in batches not parsed: how many in all is the count of
	// the feed's item elements, or else (one batch, as a small feed is) what the parser gave.
	const unread = room === 0 && (over > 0 || (elements ?? parsed) > parsed);
	const cut: FeedCut | undefined = unread ? {read: maxFeedItemsPerAnswer, total: elements ?? (perBatch === undefined ? parsed : undefined)} : undefined;
	return {items, notes: leftOut.notes(hostOf(feedUrl), 'posts'), ...(cut ? {cut} : {})};
}

const nothingToShow = 'it has no title, link or text';

/** Puts `item` in `items`, unless it has nothing to show: no title, no link, no text (nor attachment). */
function keepShown(item: UnsettledItem, items: UnsettledItem[], leftOut: LeftOutItems): void {
	if (!item.title && !item.link && !item.html) leftOut.add(nothingToShow);
	else items.push(item);
}

/** A feed's id for an item (guid, Atom id, JSON Feed id) as one clean line; '' when there is none. */
function feedId(value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	return cleanLine(String(value)).slice(0, 2048);
}

/** A title or one-line field that formats do not mark as HTML: see networkLine. */
function titleText(value: string | undefined): string {
	return networkLine(value);
}

type MediaText = {readonly value?: string; readonly type?: string};
type MediaContent = {readonly title?: MediaText; readonly description?: MediaText; readonly url?: unknown; readonly type?: unknown; readonly fileSize?: unknown; readonly duration?: unknown};
type MediaFields = {readonly title?: MediaText; readonly description?: MediaText; readonly groups?: ReadonlyArray<{readonly title?: MediaText; readonly description?: MediaText; readonly contents?: readonly MediaContent[]}>; readonly contents?: readonly MediaContent[]};
/** Namespaced fields read where the usual ones are missing (checked by the item schemas). */
type ItemExtras = {readonly media?: MediaFields; readonly itunes?: {readonly author?: string; readonly summary?: string; readonly duration?: unknown}};

/** Media RSS's `<media:content>` files (on the item or in its groups), for an item without enclosures: checked in attachments.ts. */
function mediaContents(media: MediaFields | undefined): RawAttachment[] {
	if (!media) return [];
	// A group's contents are not checked by the schema: anything but an object is left out here.
	const inGroups: unknown[] = (media.groups ?? []).flatMap((group): unknown[] => (Array.isArray(group.contents) ? group.contents as unknown[] : []));
	const all: unknown[] = [...(media.contents ?? []), ...inGroups];
	return all
		.filter((content): content is MediaContent => typeof content === 'object' && content !== null)
		.map(content => ({url: content.url, type: content.type, length: content.fileSize, duration: content.duration, title: typeof content.title === 'object' ? content.title?.value : undefined}));
}

function mediaTexts(media: MediaFields | undefined, field: 'title' | 'description'): MediaText | undefined {
	if (!media) return undefined;
	return [media, ...(media.groups ?? []), ...(media.contents ?? [])].map(part => part[field]).find(text => Boolean(text?.value?.trim()));
}

/** Media RSS's title: `type="html"` is markup, `"plain"` (the default) is text. */
function mediaTitle(media: MediaFields | undefined): string {
	const text = mediaTexts(media, 'title');
	if (!text?.value) return '';
	return networkLine(text.value, text.type === 'html' ? 'html' : 'guess');
}

/** Media RSS's description as HTML, or undefined when there is none. */
function mediaDescriptionHtml(media: MediaFields | undefined): string | undefined {
	const text = mediaTexts(media, 'description');
	if (!text?.value) return undefined;
	return text.type === 'html' ? text.value : textToHtml(text.value);
}

function textHtml(text: string | undefined): string | undefined {
	return text?.trim() ? textToHtml(text) : undefined;
}

/**
 * Atom content as the parser gives it, its base64 decoded: RFC 4287 encodes content whose type is
 * neither text, HTML, XHTML, XML nor `text/*` as base64; Atom 0.3 said so with `mode="base64"`.
 * Content in base64 that is no UTF-8 text (an image) is left out.
 */
function decodedContent(content: AtomFeed.Content, base64Declared: boolean): AtomFeed.Content | undefined {
	const type = (content.type ?? 'text').toLowerCase();
	const isText = ['text', 'html', 'xhtml'].includes(type) || type.startsWith('text/') || /[/+]xml$/.test(type);
	const value = content.value ?? '';
	const compact = value.replaceAll(/\s+/g, '');
	const looksBase64 = compact.length >= 4 && compact.length % 4 === 0 && /^[A-Za-z\d+/]+={0,2}$/.test(compact);
	if (isText && !(base64Declared && looksBase64)) return content;
	if (!looksBase64) return isText ? content : undefined;
	let decoded: string;
	try {
		decoded = new TextDecoder('utf-8', {fatal: true}).decode(Buffer.from(compact, 'base64'));
	} catch {
		return isText ? content : undefined;
	}
	return {...content, value: decoded, type: /html|xml/.test(type) ? 'html' : 'text'};
}

/** The most of an item's text kept as its excerpt: a summary whole; a post's text (no summary) up to here. */
const maxExcerptChars = 4480;

/**
 * An item's excerpt from HTML, as data: one line, uncut when it is a summary, with no "…" added (the
 * text formats and the screens shorten it for display). Text longer than `maxExcerptChars` (a whole
 * post standing in for a summary) ends at the last word that fits.
 */
function excerptOf(html: string): string {
	const text = cleanLine(htmlWords(html, maxExcerptChars + 1, {images: true}));
	if (text.length <= maxExcerptChars) return text;
	const cut = text.slice(0, maxExcerptChars);
	const lastSpace = cut.lastIndexOf(' ');
	return (lastSpace > maxExcerptChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd();
}

/** Feeds rarely tell tags from categories; a scheme/domain naming tags (WordPress's `/tag/`) does. */
function splitTerms(terms: ReadonlyArray<{name: string; scheme: string | undefined}>): {categories: string[]; tags: string[]} {
	const isTag = (scheme: string | undefined) => /(?:^|[/#?=_.-])tags?(?:$|[/#?=_.-])/i.test(scheme ?? '');
	return {
		categories: uniqueTerms(terms.filter(term => !isTag(term.scheme)).map(term => term.name)),
		tags: uniqueTerms(terms.filter(term => isTag(term.scheme)).map(term => term.name)),
	};
}

function uniqueTerms(names: readonly string[]): string[] {
	const seen = new Set<string>();
	const unique: string[] = [];
	for (const name of names) {
		// A term is read as a title is: `Vec<T>` stays, `<em>Rust</em>` is Rust.
		const clean = networkLine(name);
		const key = clean.toLowerCase();
		if (!clean || seen.has(key)) continue;
		seen.add(key);
		unique.push(clean);
	}
	return unique;
}
