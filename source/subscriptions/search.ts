import {cleanText} from '../render/sanitize.js';
import {snippetMarks, type StoreSearch} from '../store/posts-table.js';
import {splitCjk} from '../store/cjk-runs.js';
import type {RiverPost} from './types.js';

// Searching every stored post (issue 19): what the home screen's and the river's `/` and
// `--river --search` show. The store's full-text index finds and ranks them; this turns what the
// user typed into its query, and its excerpt into words to show, with the matched ones marked.

/** A stored post a search found. */
export type SearchHit = RiverPost & {
	/** Its title holds every word searched for: such posts come first. */
	readonly inTitle: boolean;
	/** A few words of its text around what matched (cleaned), and where the matched words are in it. */
	readonly excerptMatch: MatchedExcerpt;
};

/** A line of text with some runs marked (start inclusive, end exclusive, in code units). */
export type MatchedExcerpt = {readonly text: string; readonly marks: ReadonlyArray<readonly [number, number]>};

/** The words of what was typed, letters and digits only: what a user types is never FTS5 syntax. */
export function searchWords(text: string): string[] {
	return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * What the store is asked for the words: the FTS5 queries of those that are not CJK (in any column, and
 * in the title), and the runs of CJK characters, which the store finds by their one- and two-character
 * words (store/cjk-runs.ts). Undefined when there are no words.
 */
export function ftsQueries(text: string): StoreSearch | undefined {
	const {words, cjk} = splitCjk(searchWords(text));
	if (words.length === 0 && cjk.length === 0) return undefined;
	const match = words.length === 0 ? undefined : words.map(word => `"${word}"`).join(' ');
	return {match, titleMatch: match === undefined ? undefined : `title : (${match})`, cjk};
}

/** FTS5's snippet (the matched words between `snippetMarks`) as clean text and the runs to mark. */
export function readSnippet(snippet: string): MatchedExcerpt {
	let text = '';
	const marks: Array<[number, number]> = [];
	const pieces = snippet.split(snippetMarks.open);
	for (const [index, piece] of pieces.entries()) {
		const [inside, after] = index === 0 ? [undefined, piece] : splitOnce(piece, snippetMarks.close);
		if (inside !== undefined) {
			const word = oneLine(inside);
			marks.push([text.length, text.length + word.length]);
			text += word;
		}
		text += oneLine(after);
	}
	return {text, marks};
}

/** Cleaned of control characters, its white space runs one space (not trimmed: the pieces are joined). */
const oneLine = (text: string) => cleanText(text).replace(/\s+/g, ' ');

function splitOnce(text: string, separator: string): [string | undefined, string] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
