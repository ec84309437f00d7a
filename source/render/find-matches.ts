import type {Segment, StyledLine} from './styled-line.js';
import {lineText} from './styled-line.js';

// Searching the text as it is laid out (a post's lines, a thread's lines), as `less` does: the
// lines are joined once per layout into one string, so that a phrase wrapped over two lines is
// found; each keystroke is then one scan of that string, and only the lines on screen are
// highlighted. Plain TypeScript: the post view and the comment thread share it.

/** The laid-out lines joined into one string, and where each line starts in it. */
export type SearchableText = {
	/** Every line's text, each followed by a newline. */
	readonly text: string;
	/** `text` lowercased, when lowercasing keeps every offset (it nearly always does): case-insensitive search is then `indexOf`. */
	readonly lower: string | undefined;
	/** Offset of line N in `text`. */
	readonly lineStarts: Int32Array;
};

/** Every match of a query: its start and end offsets in the text, in order. */
export type TextMatches = {
	readonly query: string;
	readonly count: number;
	readonly starts: Int32Array;
	readonly ends: Int32Array;
};

/** One highlighted run of a line: columns as code units of the line's text. */
export type LineRange = {readonly start: number; readonly end: number; readonly current: boolean};

export const noMatches: TextMatches = {query: '', count: 0, starts: new Int32Array(0), ends: new Int32Array(0)};

/** Joins laid-out lines for searching: once per layout, not per keystroke. */
export function searchableText(lines: readonly StyledLine[]): SearchableText {
	const lineStarts = new Int32Array(lines.length);
	const parts: string[] = [];
	let offset = 0;
	for (const [index, line] of lines.entries()) {
		lineStarts[index] = offset;
		const text = lineText(line);
		parts.push(text);
		offset += text.length + 1;
	}
	const text = parts.length === 0 ? '' : `${parts.join('\n')}\n`;
	const lower = text.toLowerCase();
	return {text, lower: lower.length === text.length ? lower : undefined, lineStarts};
}

/** As `less` does: a query with a capital letter is matched as typed, one without ignores case. */
export function isCaseSensitive(query: string): boolean {
	return query !== query.toLowerCase();
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * Every match of `query` in the text. The query's spaces match any run of white space, a line's end
 * among them, so that words wrapped onto the next line are found; case as `isCaseSensitive` says.
 * `previous` (the matches of a shorter query this one starts with, as when a letter is typed) are
 * the only places a match can start: only they are checked.
 */
export function findMatches(searchable: SearchableText, query: string, previous?: TextMatches): TextMatches {
	if (query.trim() === '') return {...noMatches, query};
	const sensitive = isCaseSensitive(query);
	const haystack = sensitive ? searchable.text : searchable.lower;
	const needle = sensitive ? query : query.toLowerCase();
	const found = new MatchList();
	if (haystack !== undefined && !/\s/.test(needle) && needle.length === query.length) {
		const narrowed = previous && previous.count > 0 && query.startsWith(previous.query) && isCaseSensitive(previous.query) === sensitive && !/\s/.test(previous.query);
		if (narrowed) {
			for (let index = 0; index < previous.count; index++) {
				const start = previous.starts[index]!;
				if (haystack.startsWith(needle, start)) {
					found.push(start, start + needle.length);
				}
			}
		} else if (!(previous && previous.count === 0 && query.startsWith(previous.query) && previous.query.trim() !== '' && isCaseSensitive(previous.query) === sensitive)) {
			for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
				found.push(at, at + needle.length);
			}
		}
	} else {
		// White space on one line, or across one line's end (not a blank line: that is another paragraph).
		const space = '(?:[^\\S\\n]*\\n[^\\S\\n]*|[^\\S\\n]+)';
		const pattern = query.trim().split(/\s+/).map(escapeRegExp).join(space);
		const leading = /^\s/.test(query) ? '(?<=\\s|^)' : '';
		const trailing = /\s$/.test(query) ? '(?=\\s)' : '';
		const regex = new RegExp(`${leading}${pattern}${trailing}`, sensitive ? 'g' : 'gi');
		for (let match = regex.exec(searchable.text); match; match = regex.exec(searchable.text)) {
			if (match[0].length === 0) {
				regex.lastIndex++;
				continue;
			}
			found.push(match.index, match.index + match[0].length);
		}
	}
	return found.done(query);
}

/** Matches collected into typed arrays that grow as needed (a one-letter query in a long post finds 100,000). */
class MatchList {
	private starts = new Int32Array(256);
	private ends = new Int32Array(256);
	private count = 0;

	push(start: number, end: number): void {
		if (this.count === this.starts.length) {
			const starts = new Int32Array(this.count * 2);
			starts.set(this.starts);
			this.starts = starts;
			const ends = new Int32Array(this.count * 2);
			ends.set(this.ends);
			this.ends = ends;
		}
		this.starts[this.count] = start;
		this.ends[this.count] = end;
		this.count++;
	}

	done(query: string): TextMatches {
		return {query, count: this.count, starts: this.starts.subarray(0, this.count), ends: this.ends.subarray(0, this.count)};
	}
}

/** The line an offset of the text is on (binary search over the lines' starts). */
export function lineAt(searchable: SearchableText, offset: number): number {
	const starts = searchable.lineStarts;
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (starts[middle]! <= offset) low = middle;
		else high = middle - 1;
	}
	return low;
}

/** The line match N starts on. */
export function matchLine(searchable: SearchableText, matches: TextMatches, index: number): number {
	return lineAt(searchable, matches.starts[index] ?? 0);
}

/** The first match that starts at or after line `line`, else (wrapping) the first; -1 when there are none. */
export function firstMatchFrom(searchable: SearchableText, matches: TextMatches, line: number): number {
	if (matches.count === 0) return -1;
	const offset = searchable.lineStarts[Math.max(0, line)] ?? Number.MAX_SAFE_INTEGER;
	let low = 0;
	let high = matches.count;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (matches.starts[middle]! < offset) low = middle + 1;
		else high = middle;
	}
	return low < matches.count ? low : 0;
}

/**
 * The ranges to highlight on lines `from` to `from + count - 1`, by line: a match wrapped over two
 * lines is highlighted on both. `current` is the match n/N is on.
 */
export function rangesOnLines(searchable: SearchableText, matches: TextMatches, from: number, count: number, current: number): LineRange[][] {
	const result: LineRange[][] = Array.from({length: count}, () => []);
	if (matches.count === 0 || count <= 0) return result;
	const starts = searchable.lineStarts;
	const begin = starts[from] ?? searchable.text.length;
	const endLine = Math.min(starts.length, from + count);
	const end = endLine < starts.length ? starts[endLine]! : searchable.text.length;
	// The first match that ends after the first visible line's start.
	let low = 0;
	let high = matches.count;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (matches.ends[middle]! <= begin) low = middle + 1;
		else high = middle;
	}
	for (let index = low; index < matches.count && matches.starts[index]! < end; index++) {
		const matchStart = matches.starts[index]!;
		const matchEnd = matches.ends[index]!;
		for (let line = Math.max(from, lineAt(searchable, matchStart)); line < endLine; line++) {
			const lineStart = starts[line]!;
			if (lineStart >= matchEnd) break;
			const lineEnd = (line + 1 < starts.length ? starts[line + 1]! : searchable.text.length) - 1;
			const start = Math.max(matchStart, lineStart) - lineStart;
			const stop = Math.min(matchEnd, lineEnd) - lineStart;
			if (stop > start) result[line - from]!.push({start, end: stop, current: index === current});
		}
	}
	return result;
}

/** A line with its ranges marked (`mark: 'match'`, or `'current'` for the match n/N is on); the text is unchanged. */
export function highlightLine(line: StyledLine, ranges: readonly LineRange[]): StyledLine {
	if (ranges.length === 0) return line;
	const result: Segment[] = [];
	let offset = 0;
	for (const segment of line) {
		const segmentStart = offset;
		const segmentEnd = offset + segment.text.length;
		offset = segmentEnd;
		let at = segmentStart;
		for (const range of ranges) {
			if (range.end <= at || range.start >= segmentEnd) continue;
			const start = Math.max(range.start, at);
			const end = Math.min(range.end, segmentEnd);
			if (start > at) result.push({...segment, text: segment.text.slice(at - segmentStart, start - segmentStart)});
			result.push({...segment, text: segment.text.slice(start - segmentStart, end - segmentStart), mark: range.current ? 'current' : 'match'});
			at = end;
		}
		if (at < segmentEnd) result.push(at === segmentStart ? segment : {...segment, text: segment.text.slice(at - segmentStart)});
	}
	return result;
}

/** Lines `from`… (the ones on screen) with every match on them highlighted. */
export function highlightLines(lines: readonly StyledLine[], from: number, searchable: SearchableText, matches: TextMatches, current: number): StyledLine[] {
	if (matches.count === 0) return [...lines];
	const ranges = rangesOnLines(searchable, matches, from, lines.length, current);
	return lines.map((line, index) => highlightLine(line, ranges[index] ?? []));
}
