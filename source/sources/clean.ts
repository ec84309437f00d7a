import type {PostId} from '../model/post.js';
import {htmlToPlainText, htmlWords} from '../render/plain-text.js';
import {cleanLine} from '../render/sanitize.js';
import {formatCount} from '../render/format-count.js';

/*
What every source does with a value from the network before it enters the model: URLs become absolute
http/https (or mailto: where it is a link) in the URL parser's own serialisation, which percent-encodes
every control character, so no escape can travel in one; IDs become clean numbers or clean one-line
strings; counts become whole numbers or unknown. Nothing raw goes further than this module (and
clean-html.ts, which does the same for the addresses in a post's HTML).
*/

/** Never keep more items than this from one REST answer (a list or a comment page; WordPress sends at most 100): the rest is ignored. */
export const maxItemsPerAnswer = 1000;
/** A feed is often the whole blog in one answer (a static host): it may hold more, but not without end. */
export const maxFeedItemsPerAnswer = 20_000;

/** Longer IDs are no IDs: an ID is a key, not a document. */
const maxIdLength = 2048;
/** Longer URLs are dropped: browsers and servers stop far sooner. */
const maxUrlLength = 32_768;

/**
 * A URL from the network as the model keeps it: absolute (against `base` when relative), http or https
 * (mailto too when `allowMailto`), in the URL parser's serialisation, so control characters are
 * percent-encoded. Undefined for anything else (`javascript:`, `file:`, `data:`, not a URL).
 */
export function networkUrl(value: unknown, base?: string, options: {readonly allowMailto?: boolean} = {}): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if (trimmed === '' || trimmed.length > maxUrlLength) return undefined;
	let url: URL;
	try {
		url = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
	} catch {
		return undefined;
	}
	const allowed = url.protocol === 'http:' || url.protocol === 'https:' || (options.allowMailto === true && url.protocol === 'mailto:');
	if (!allowed) return undefined;
	// The serialisation percent-encodes C0, DEL and everything above ASCII; the clean is for what it does not touch.
	const href = cleanLine(url.href);
	return href === '' ? undefined : href;
}

/**
 * A post's or comment's ID from the network: a whole number (from a number or a string of digits), or
 * a cleaned one-line string. Undefined when there is none: an item without an ID is not a post.
 */
export function networkId(value: unknown): PostId | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = cleanLine(value);
	if (text === '' || text.length > maxIdLength) return undefined;
	if (/^\d+$/.test(text)) {
		const number = Number(text);
		return Number.isSafeInteger(number) ? number : text;
	}
	return text;
}

/**
 * A WordPress ID: a whole number above 0, from a number or a string of digits (`"5"`). Undefined for
 * anything else (`"2abc"`, `-5`, `1e300`, `0`): WordPress's IDs are never that, and one that is no number
 * would be listed as a post no `--post` opens. `allowZero` for a reference where 0 means none (a
 * comment's parent).
 */
export function wordPressId(value: unknown, options: {readonly allowZero?: boolean} = {}): number | undefined {
	const id = networkId(value);
	return typeof id === 'number' && id >= (options.allowZero ? 0 : 1) ? id : undefined;
}

/** A count from the network (a header, `slash:comments`): a whole number ≥ 0, or undefined when it is anything else. */
export function networkCount(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
	return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/**
 * How a one-line field tells its markup: `html` it is (WordPress's `rendered`, Atom's `type="html"`),
 * `text` it is (Atom's `type="text"`), or `guess` (RSS, JSON Feed, names): HTML only when every tag in it
 * is one a title may hold (`<em>Rust</em> tips`), else text (`Vec<T>`, `x<y`).
 */
export type LineMarkup = 'html' | 'text' | 'guess';

/**
 * A one-line text field from the network (a title, an author, a category or tag, a blog's name or
 * description) as the model keeps it: its markup read as `markup` says, its character references decoded
 * once, every escape sequence and control character removed whole, on one line. '' when it is not a
 * string. Every source reads such fields through this, so a name is cleaned as a title is.
 */
export function networkLine(value: unknown, markup: LineMarkup = 'guess'): string {
	if (typeof value !== 'string' || value === '') return '';
	const isHtml = markup === 'html' || (markup === 'guess' && holdsTitleMarkup(value));
	// Cleaned first, then the whitespace joined: an escape sequence goes whole before anything is moved.
	return cleanLine(isHtml ? plainTextOf(value) : value);
}

/** Inline elements a title may hold as markup, and the script and style a title's text leaves out. */
const hiddenInTitles = ['script', 'style', 'noscript'];
const titleElements = new Set([...hiddenInTitles, 'a', 'abbr', 'b', 'bdi', 'big', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr']);

/**
 * Whether a title (RSS, JSON Feed, Dublin Core) is HTML: every `<` in it opens or closes an element a
 * title may hold (`<em>Rust</em> tips`), and a script or style is closed. `Vec<T>` and `x<y` are text.
 */
function holdsTitleMarkup(text: string): boolean {
	if (!text.includes('<')) return false;
	const tag = /<\/?([a-zA-Z][a-zA-Z\d]*)(?:\s[^<>]*)?\/?>/y;
	for (let index = text.indexOf('<'); index !== -1; index = text.indexOf('<', index + 1)) {
		tag.lastIndex = index;
		const match = tag.exec(text);
		if (!match || !titleElements.has(match[1]!.toLowerCase())) return false;
	}
	// An unclosed script or style would hide the rest of the title.
	return hiddenInTitles.every(name => !new RegExp(`<${name}\\b`, 'i').test(text) || new RegExp(`</${name}\\s*>`, 'i').test(text));
}

/**
 * The text of a one-line HTML field. Most titles and names hold no markup at all: those skip the
 * layout, which a feed of 10,000 items would otherwise run tens of thousands of times.
 */
export function plainTextOf(html: string): string {
	if (html.includes('<')) return htmlToPlainText(html);
	// No markup: at most character references to decode, which the parser's text does.
	return (html.includes('&') ? htmlWords(html, html.length) : html).replaceAll(/\s+/g, ' ').trim();
}

/** A string field from the network, or undefined when it is not a string. */
export function networkString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** A time read from the network (`Date.parse`'s result) as ISO 8601 UTC, or undefined when it is no date: never a throw. */
export function isoFromTime(time: number): string | undefined {
	return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : undefined;
}

/**
 * What a source says of the items of an answer it left out, with why the first was: “blog.example sent
 * 2 posts blogterm cannot read (it has no ID): left out.” (a list page's `notes`; stderr in print mode).
 * `host` is cleaned here.
 */
function leftOutNote(host: string, count: number, what: 'posts' | 'comments', reason: string): string {
	return `${cleanLine(host)} sent ${count === 1 ? `1 of its ${what}` : `${formatCount(count)} ${what}`} blogterm cannot read (${reason}): left out.`;
}

/** The items of an answer a source leaves out as it reads them: how many, and why the first was. */
export class LeftOutItems {
	#count = 0;
	#firstReason = '';

	add(reason: string, count = 1): void {
		if (count <= 0) return;
		this.#count += count;
		this.#firstReason ||= reason;
	}

	/** What is said of them (leftOutNote): nothing when none was left out. */
	notes(host: string, what: 'posts' | 'comments'): string[] {
		return this.#count === 0 ? [] : [leftOutNote(host, this.#count, what, this.#firstReason)];
	}
}

/** At most `limit` of `items`, and how many were left out. */
export function boundedItems<T>(items: readonly T[], limit = maxItemsPerAnswer): {readonly items: readonly T[]; readonly ignored: number} {
	if (items.length <= limit) return {items, ignored: 0};
	return {items: items.slice(0, limit), ignored: items.length - limit};
}

/**
 * The text of a JSON array answer cut after its first `limit` items, so that parsing it builds no more
 * than that: 6 million empty objects (18 MB) would take gigabytes as values. One pass over the text,
 * tracking strings and nesting; text that is not an array (or is malformed) is returned as it is, for
 * JSON.parse to judge. `cut` says whether items were left out.
 */
export function firstItemsOfJsonArray(text: string, limit = maxItemsPerAnswer): {readonly text: string; readonly cut: boolean} {
	const start = text.search(/\S/);
	if (start === -1 || text.charCodeAt(start) !== 0x5B /* [ */) return {text, cut: false};
	let depth = 0;
	let items = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === 0x5C /* \ */) index++;
			else if (code === 0x22 /* " */) inString = false;
			continue;
		}
		if (code === 0x22) inString = true;
		else if (code === 0x5B || code === 0x7B /* { */) depth++;
		else if (code === 0x5D /* ] */ || code === 0x7D /* } */) {
			depth--;
			if (depth === 0) return {text, cut: false};
		} else if (code === 0x2C /* , */ && depth === 1 && ++items >= limit) {
			return {text: `${text.slice(0, index)}]`, cut: true};
		}
	}
	return {text, cut: false};
}
