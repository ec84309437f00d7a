import {useCallback, useMemo, useState} from 'react';
import {findMatches, firstMatchFrom, highlightLines, matchLine, noMatches, searchableText, type SearchableText, type TextMatches} from '../../render/find-matches.js';
import type {StyledLine} from '../../render/styled-line.js';
import type {KeyMap, KeyPress} from '../keys/key-map.js';

// Searching the text on screen, as `less` does: `/` opens a search line at the bottom, each key
// typed searches again (smartcase), every match is highlighted, the view goes to the first match at
// or after the line it started from; Enter keeps the search, n/N go to the next/previous match
// (wrapping, with a line saying so), Esc clears it. The post view and the comment thread both use it.

/** What a search remembers between keys. */
export type TextSearchState = {
	/** The search line is open: keys are typed into it. */
	readonly typing: boolean;
	/** What is searched for ('' when there is no search). */
	readonly query: string;
	/** The match n/N is on (index into the matches), -1 when none. */
	readonly current: number;
	/** The line the view was at when `/` was pressed: each key typed finds the first match from there. */
	readonly origin: number;
	/** "Search went past the end…": said once, under the text. */
	readonly note: string | undefined;
};

export const noSearch: TextSearchState = {typing: false, query: '', current: -1, origin: 0, note: undefined};

/** Where the view is when a key comes: the line at its top. */
export type SearchView = {readonly top: number};

/** What a key did: whether the search took it, and the line the view must show (a match's). */
export type SearchKeyResult = {readonly handled: boolean; readonly showLine?: number};

export const wrappedToFirst = 'Search wrapped to the top.';
export const wrappedToLast = 'Search wrapped to the bottom.';

/** `match 3 of 17`, `no match`, or nothing without a search. */
export function matchStatus(state: TextSearchState, matches: TextMatches): string | undefined {
	if (state.query === '') return undefined;
	if (matches.count === 0) return 'no match';
	return `match ${Math.max(0, state.current) + 1} of ${matches.count}`;
}

/** The search line as typed: `/protest▏`. */
export function searchPrompt(state: TextSearchState): string | undefined {
	return state.typing ? `/${state.query}▏` : undefined;
}

const printable = (input: string, key: KeyPress) => !key.ctrl && !key.meta && input !== '' && !/[\u0000-\u001F\u007F-\u009F]/.test(input);

export type TextSearch = {
	readonly state: TextSearchState;
	readonly matches: TextMatches;
	/** A search is on screen (typing, or kept with Enter): its keys come first. */
	readonly active: boolean;
	/**
	 * Gives a key to the search: `/` opens it; while typing, every key is the search's; after Enter,
	 * n/N move and Esc clears. `handled: false` leaves the key to the screen.
	 */
	handleKey(input: string, key: KeyPress, view: SearchView): SearchKeyResult;
	/** The lines on screen (`visible`, from line `top`) with the matches highlighted. */
	highlight(visible: readonly StyledLine[], top: number): StyledLine[];
	/** `match 3 of 17` (or `no match`) while there is a search. */
	readonly status: string | undefined;
	/** `/query▏` while typing. */
	readonly prompt: string | undefined;
	/** The line of the match n/N is on, while there is one: a new layout of the text keeps it on screen. */
	readonly currentLine: number | undefined;
};

/**
 * In-text search over `lines` (the whole document as laid out). The text is joined for searching
 * once per layout, when a search begins; each key typed is then one scan of it (narrowed to where
 * the shorter query matched, as a letter is added).
 */
export function useTextSearch(lines: readonly StyledLine[], keyMap: KeyMap): TextSearch {
	const [state, setState] = useState<TextSearchState>(noSearch);
	// The matches found by the last key, for the text they were found in (a new layout searches again).
	const [found, setFound] = useState<{readonly searchable: SearchableText; readonly matches: TextMatches} | undefined>(undefined);
	const active = state.typing || state.query !== '';
	const searchable = useMemo(() => (active ? searchableText(lines) : undefined), [active, lines]);
	const matches = useMemo(() => {
		if (!searchable || state.query === '') return noMatches;
		if (found?.searchable === searchable && found.matches.query === state.query) return found.matches;
		return findMatches(searchable, state.query);
	}, [searchable, state.query, found]);

	const handleKey = useCallback((input: string, key: KeyPress, view: SearchView): SearchKeyResult => {
		/** A new query: the first match from where the search started. */
		const retype = (query: string): SearchKeyResult => {
			const text = searchable ?? searchableText(lines);
			const now = query === '' ? noMatches : findMatches(text, query, matches.query !== '' ? matches : undefined);
			const current = firstMatchFrom(text, now, state.origin);
			setFound({searchable: text, matches: now});
			setState({...state, query, current, note: undefined});
			// Nothing found (any more): the view goes back to where the search started.
			return {handled: true, showLine: current === -1 ? state.origin : matchLine(text, now, current)};
		};
		if (state.typing) {
			if (key.escape) {
				setState(noSearch);
				return {handled: true};
			}
			if (key.return) {
				setState({...state, typing: false, note: undefined});
				return {handled: true};
			}
			if (key.backspace || key.delete) {
				if (state.query === '') {
					setState(noSearch);
					return {handled: true};
				}
				return retype([...state.query].slice(0, -1).join(''));
			}
			if (key.ctrl && input === 'u') return retype('');
			// A pasted line's end is no part of what is searched for.
			const typed = input.replace(/[\r\n]+/g, ' ');
			if (printable(typed, key)) return retype(state.query + typed);
			return {handled: true};
		}
		if (keyMap.matches('search-text', input, key)) {
			setState({...noSearch, typing: true, origin: view.top});
			return {handled: true};
		}
		if (state.query === '' || !searchable) return {handled: false};
		if (keyMap.matches('clear-search', input, key)) {
			setState(noSearch);
			return {handled: true};
		}
		const step = keyMap.matches('next-match', input, key) ? 1 : keyMap.matches('previous-match', input, key) ? -1 : 0;
		if (step === 0) {
			// Any other key: the note has been read.
			if (state.note !== undefined) setState({...state, note: undefined});
			return {handled: false};
		}
		if (matches.count === 0) {
			setState({...state, note: `No match for “${state.query}”.`});
			return {handled: true};
		}
		// On from the match n/N was last on; without one, from the line at the top.
		let current = state.current;
		let note: string | undefined;
		if (current === -1) {
			const from = firstMatchFrom(searchable, matches, view.top);
			current = step === 1 ? from : from - 1;
		} else current += step;
		if (current >= matches.count) {
			current = 0;
			note = wrappedToFirst;
		} else if (current < 0) {
			current = matches.count - 1;
			note = wrappedToLast;
		}
		setState({...state, current, note});
		return {handled: true, showLine: matchLine(searchable, matches, current)};
	}, [state, matches, keyMap, searchable, lines]);

	const {current} = state;
	const highlight = useCallback((visible: readonly StyledLine[], top: number) => (!searchable || matches.count === 0 ? [...visible] : highlightLines(visible, top, searchable, matches, current)), [matches, searchable, current]);

	const currentLine = searchable && current >= 0 && current < matches.count ? matchLine(searchable, matches, current) : undefined;
	return useMemo(() => ({
		state,
		matches,
		active,
		handleKey,
		highlight,
		status: matchStatus(state, matches),
		prompt: searchPrompt(state),
		currentLine,
	}), [state, matches, active, handleKey, highlight, currentLine]);
}
