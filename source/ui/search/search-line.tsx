import {Text} from 'ink';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import type {KeyPress} from '../keys/key-map.js';
import {theme} from '../theme.js';

// The line `/` opens on a list (a blog's posts, the home screen, What is new) to search with: it takes
// the place of the status line, the list staying above it, and starts empty each time, as less and vim
// do; Enter searches for what was typed, Esc (or Enter with nothing typed) closes it.

/** What a key did to the search line: the text as now typed, or the line closed (searching, or not). */
export type SearchLineKey =
	| {readonly kind: 'typed'; readonly typed: string}
	| {readonly kind: 'search'; readonly text: string}
	| {readonly kind: 'cancel'};

/** Types `input` into the search line that holds `typed`: every key is the line's while it is open. */
export function typeIntoSearchLine(typed: string, input: string, key: KeyPress): SearchLineKey {
	if (key.escape) return {kind: 'cancel'};
	if (key.return) {
		const text = typed.trim();
		return text === '' ? {kind: 'cancel'} : {kind: 'search', text};
	}
	if (key.backspace || key.delete) return {kind: 'typed', typed: [...typed].slice(0, -1).join('')};
	if (key.ctrl && input === 'u') return {kind: 'typed', typed: ''};
	// Pasted text keeps its words; a line's end in it is a space.
	const text = cleanLine(input.replace(/[\r\n\t]+/g, ' '));
	return {kind: 'typed', typed: !key.ctrl && !key.meta && text !== '' ? typed + text : typed};
}

/** The search line: `Search blog.example: protest▏  Enter search · Esc cancel`, in one row of `width`. */
export function SearchLine({label, typed, width}: {readonly label: string; readonly typed: string; readonly width: number}) {
	return (
		<Text wrap="truncate-end">
			<Text bold>{fitToWidth(`${label}: ${typed}▏`, Math.max(0, width - 28))}</Text>
			<Text color={theme.muted}>{'  Enter search · Esc cancel'}</Text>
		</Text>
	);
}
