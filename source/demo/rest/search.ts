import type {BlogPost} from '../blog.js';

/*
`search=` as WordPress answers it: the REST API cleans the text (sanitize_text_field: whitespace runs
become one space, ends trimmed), then WP_Query splits it into terms and matches them (parse_search,
parse_search_terms) and, for `orderby=relevance`, ranks the posts (parse_search_order), as
wp-includes/class-wp-query.php does in WordPress 6.1. Written from that PHP, not from blogterm's client.
*/

/** A term of a search: posts must have `text`, or (`-text`, WordPress's exclusion prefix) must not. */
type SearchTerm = {readonly text: string; readonly exclude: boolean};

export type WordPressSearch = {
	/** The whole search, as WP_Query's `s`. */
	readonly text: string;
	readonly terms: readonly SearchTerm[];
	/** How many pieces the text split into before short words and stopwords were dropped (`search_terms_count`). */
	readonly pieces: number;
};

// WordPress's English stopwords (get_search_stopwords): left out of the terms, unless nothing else is left.
const stopwords = new Set('about,an,are,as,at,be,by,com,for,from,how,in,is,it,of,on,or,that,the,this,to,was,what,when,where,who,will,with,www'.split(','));

/**
 * parse_search's split: a `"quoted phrase"` (a quote left open runs to the end of the text, as
 * `".*?("|$)` does), else a run of anything but tab, space, `"`, `,` and `+`.
 */
const piecePattern = /"[^]*?(?:"|$)|(?:(?<=[\t ",+])|^)[^\t ",+]+/g;

/** Lowercased, for WordPress's `LIKE '%term%'` (its collation ignores case). */
const lower = (text: string) => text.toLowerCase();

const trimChars = (text: string, chars: string) => {
	let start = 0;
	let end = text.length;
	while (start < end && chars.includes(text[start]!)) start++;
	while (end > start && chars.includes(text[end - 1]!)) end--;
	return text.slice(start, end);
};

/** parse_search_terms: quotes trimmed off, lone letters and dashes and stopwords dropped. */
function checkedTerms(pieces: readonly string[]): string[] {
	const checked: string[] = [];
	for (const piece of pieces) {
		// A whole "phrase" keeps its inner spaces; anything else loses quotes and spaces at its ends.
		const term = /^".+"$/.test(piece) ? trimChars(piece, '"\'') : trimChars(piece, '"\' ');
		if (term === '' || /^[a-z-]$/i.test(term)) continue;
		if (stopwords.has(lower(term))) continue;
		checked.push(term);
	}
	return checked;
}

/** The search `search=` asks for, or none for an empty one (WP_Query searches only a non-empty `s`). */
export function parseSearch(search: string): WordPressSearch | undefined {
	const text = search.replace(/[\r\n\t ]+/g, ' ').trim();
	if (text === '') return undefined;
	const pieces = text.match(piecePattern) ?? [];
	let terms = pieces.length > 0 ? checkedTerms(pieces) : [];
	// Only short words or stopwords, or ten terms or more: the whole text is the one term.
	if (terms.length === 0 || terms.length > 9) terms = [text];
	return {
		text,
		pieces: Math.max(1, pieces.length),
		terms: terms.map(term => term.startsWith('-') ? {text: lower(term.slice(1)), exclude: true} : {text: lower(term), exclude: false}),
	};
}

/**
 * Whether WordPress finds the post: each term in its title, excerpt or content (the HTML), each excluded
 * term in none; never a password-protected post, for a visitor (parse_search adds `post_password = ''`).
 */
export function matchesSearch(post: BlogPost, search: WordPressSearch): boolean {
	if (post.password !== undefined) return false;
	const fields = [post.title, post.excerptText, post.content].map(lower);
	return search.terms.every(term => fields.some(field => field.includes(term.text)) !== term.exclude);
}

/**
 * parse_search_order's rank for `orderby=relevance` (lower first; newest first among equals). Several
 * pieces: the whole text in the title, then every term in the title, then any, then the whole text in
 * the excerpt, then in the content; the whole text is not looked for when it has an excluded term.
 * One piece: the term in the title first.
 */
export function relevanceOf(post: BlogPost, search: WordPressSearch): number {
	const title = lower(post.title);
	const inTitle = search.terms.filter(term => !term.exclude).map(term => title.includes(term.text));
	if (search.pieces === 1) return inTitle[0] ? 1 : 2;
	const whole = /(?:\s|^)-/.test(search.text) ? undefined : lower(search.text);
	if (whole !== undefined && title.includes(whole)) return 1;
	if (inTitle.length > 0 && inTitle.length < 7) {
		if (inTitle.every(Boolean)) return 2;
		if (inTitle.length > 1 && inTitle.some(Boolean)) return 3;
	}
	if (whole !== undefined && lower(post.excerptText).includes(whole)) return 4;
	if (whole !== undefined && lower(post.content).includes(whole)) return 5;
	return 6;
}
