// The text formatting WordPress applies on the way out (wptexturize, wpautop, kses, dates),
// reduced to what the demo blog needs so that its output looks like a real WordPress's.

import {createHmac} from 'node:crypto';

export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\'', '&#039;');
}

/** Escapes `&` that does not start an entity, as WordPress's esc_html does (it never double-encodes). */
export function escapeText(text: string): string {
	return text
		.replaceAll(/&(?!(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);)/gi, '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;');
}

const namedEntities: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00A0', hellip: '…', mdash: '—', ndash: '–',
	laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', deg: '°',
};

/** Decodes the entities WordPress produces (numeric and the common named ones). */
export function decodeEntities(text: string): string {
	return text.replaceAll(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (match, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
		return namedEntities[name.toLowerCase()] ?? match;
	});
}

const noTexturizeTags = new Set(['pre', 'code', 'kbd', 'style', 'script', 'tt']);
const blockTags = new Set(['p', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'br', 'div', 'figure', 'figcaption', 'cite', 'title', 'td', 'th']);

/** Curly quotes, dashes and ellipses in text (not in tags, code or pre), as WordPress's wptexturize. */
export function texturize(html: string): string {
	let inert = 0;
	let previous = ' ';
	return html.split(/(<[^>]*>)/).map(part => {
		if (part.startsWith('<')) {
			const tag = /^<(\/?)([a-z\d]+)/i.exec(part);
			const name = tag?.[2]?.toLowerCase() ?? '';
			if (noTexturizeTags.has(name)) inert += tag?.[1] ? -1 : 1;
			if (blockTags.has(name)) previous = ' ';
			return part;
		}
		if (inert > 0 || part === '') return part;
		let out = '';
		const text = part
			.replaceAll('---', '&#8212;')
			.replaceAll(' -- ', ' &#8212; ')
			.replaceAll('--', '&#8211;')
			.replaceAll(' - ', ' &#8211; ')
			.replaceAll('...', '&#8230;');
		for (const char of text) {
			if (char === '\'') {
				out += /[\s([{"\u00A0-]/.test(previous) && !/\d/.test(previous) ? '&#8216;' : '&#8217;';
			} else if (char === '"') {
				out += /[\s([{\u00A0-]/.test(previous) ? '&#8220;' : '&#8221;';
			} else {
				out += char;
			}
			previous = char;
		}
		return out;
	}).join('');
}

/** Paragraphs from plain text: blank lines split paragraphs, single newlines become `<br />` (wpautop). */
export function autop(text: string): string {
	const normalized = text.replaceAll(/\r\n?/g, '\n').trim();
	if (normalized === '') return '';
	return normalized
		.split(/\n\s*\n/)
		.map(paragraph => `<p>${paragraph.trim().replaceAll('\n', '<br />\n')}</p>`)
		.join('\n') + '\n';
}

/** Text without tags, whitespace collapsed (wp_strip_all_tags). */
export function stripTags(html: string): string {
	return html
		.replaceAll(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
		// Block boundaries keep words apart; inline tags vanish without a trace.
		.replaceAll(/<\/?(?:p|li|ul|ol|h[1-6]|pre|blockquote|figure|figcaption|div|br|tr|td|th)\b[^>]*>/gi, ' ')
		.replaceAll(/<[^>]*>/g, '')
		.replaceAll(/\s+/g, ' ')
		.trim();
}

/** The first `count` words, with `more` appended when text was cut (wp_trim_words). */
export function trimWords(text: string, count: number, more: string): string {
	const words = text.split(/\s+/).filter(Boolean);
	if (words.length <= count) return words.join(' ');
	return words.slice(0, count).join(' ') + more;
}

// Only what an anonymous commenter may use, as WordPress's $allowedtags.
const allowedCommentTags: Record<string, readonly string[]> = {
	a: ['href', 'title'], abbr: ['title'], acronym: ['title'], b: [], blockquote: ['cite'], cite: [], code: [],
	del: ['datetime'], em: [], i: [], q: ['cite'], s: [], strike: [], strong: [],
};

function allowedUrl(value: string): boolean {
	return /^(?:https?:|mailto:|\/|#)/i.test(value.trim());
}

/** Removes every tag and attribute a commenter may not use (wp_filter_kses), escaping stray `<` and `&`. */
export function filterCommentHtml(text: string): string {
	return text.split(/(<\/?[a-z][a-z\d]*\b[^<>]*>)/i).map(part => {
		const tag = /^<(\/?)([a-z][a-z\d]*)\b([^<>]*)>$/i.exec(part);
		if (!tag) return escapeText(part);
		const name = tag[2]!.toLowerCase();
		const allowed = allowedCommentTags[name];
		if (!allowed) return '';
		if (tag[1]) return `</${name}>`;
		const attributes: string[] = [];
		for (const match of tag[3]!.matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
			const attribute = match[1]!.toLowerCase();
			const value = match[2] ?? match[3] ?? match[4] ?? '';
			if (!allowed.includes(attribute)) continue;
			if ((attribute === 'href' || attribute === 'cite') && !allowedUrl(value)) continue;
			attributes.push(`${attribute}="${escapeHtml(decodeEntities(value))}"`);
		}
		// WordPress marks links in comments as user-generated content.
		if (name === 'a') attributes.push('rel="nofollow ugc"');
		return `<${name}${attributes.length > 0 ? ' ' + attributes.join(' ') : ''}>`;
	}).join('');
}

/** A comment's body as WordPress renders it, from the stored (already filtered) text. */
export function renderCommentContent(stored: string): string {
	return autop(texturize(stored));
}

/** Parses the content's 'YYYY-MM-DD HH:MM[:SS]' (UTC; the demo blog's timezone is UTC+0, WordPress's default). */
export function parseUtc(date: string): Date {
	return new Date(`${date.replace(' ', 'T')}${date.length === 16 ? ':00' : ''}Z`);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** '2024-09-05T08:30:00', the REST API's `date` and `date_gmt`. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 19);
}

/** '2024-09-05 08:30:00', as WordPress stores dates. */
export function mysqlDate(date: Date): string {
	return isoDate(date).replace('T', ' ');
}

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'Thu, 05 Sep 2024 08:30:00 +0000', for RSS. */
export function rfc822Date(date: Date): string {
	return `${dayNames[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${monthNames[date.getUTCMonth()]!.slice(0, 3)} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** 'September 5, 2024', WordPress's default date format. */
export function longDate(date: Date): string {
	return `${monthNames[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** '8:30 am', WordPress's default time format. */
export function shortTime(date: Date): string {
	const hours = date.getUTCHours();
	return `${hours % 12 === 0 ? 12 : hours % 12}:${pad(date.getUTCMinutes())} ${hours < 12 ? 'am' : 'pm'}`;
}

/** '/2024/09/05/', the date part of a pretty permalink. */
export function datePath(date: Date): string {
	return `/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/`;
}

/** WordPress's wp_hash(): a keyed hash, used for the `moderation-hash` of a held comment. */
export function wpHash(data: string, salt: string): string {
	return createHmac('md5', salt).update(data).digest('hex');
}

/** Byte length, as WordPress measures comment fields (mb_strlen with '8bit'). */
export function byteLength(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** PHP's trim() with a list of characters. */
function trimmedBy(text: string, characters: string): boolean {
	return text.length > 0 && (characters.includes(text[0]!) || characters.includes(text.at(-1)!));
}

/**
 * WordPress's is_email(), rule for rule, as PHP runs it: the length in bytes, and a `$` that also
 * matches before a final newline (PCRE's default). Checked against WordPress's own answers in
 * tests/fixtures/wordpress/is-email.json.
 */
export function isEmail(email: string): boolean {
	if (byteLength(email) < 6) return false;
	if (email.indexOf('@', 1) === -1) return false;
	const at = email.indexOf('@');
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (!/^[a-zA-Z\d!#$%&'*+/=?^_`{|}~.-]+\n?$/.test(local)) return false;
	if (/\.{2,}/.test(domain)) return false;
	if (trimmedBy(domain, ' \t\n\r\0\v.')) return false;
	const subs = domain.split('.');
	if (subs.length < 2) return false;
	return subs.every(sub => !trimmedBy(sub, ' \t\n\r\0\v-') && /^[a-z\d-]+$/i.test(sub));
}
