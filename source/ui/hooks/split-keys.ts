import type {Key} from 'ink';
import {parseSgrMouse, type MouseEvent} from './mouse.js';

/*
What arrives from the terminal, split into keys the way a terminal emulator's parser splits it. Ink 6
already cuts each read at escape sequences (an arrow, Home, PgDn, Shift-Tab is one event) but hands a
run without one over whole: "j\r", "abc\u007F\u007F\u007F", "text\u0013", "Ada\t". Here such a run
becomes its printable text and each control character as a key of its own, in order; what a
bracketed paste puts between ESC[200~ and ESC[201~ is one piece of text, newlines included; and a
mouse report (ESC[<b;x;yM) is one mouse event, never text, whether the mouse is on or not (the old
ESC[M form, three bytes after it, is swallowed whole). ESC and one more key in one event is how a
terminal sends Alt with that key, and also what Esc then another key typed fast (`Esc j` in one go)
arrives as: it is Alt only where blogterm has an Alt binding for the key (Alt-Backspace), Esc then the
key otherwise, so that the Esc is not lost.
*/

/** One key, or a piece of text: typed (a run of printable characters) or pasted (whole, newlines kept). */
export type KeyPiece =
	| {readonly kind: 'key'; readonly sequence: string}
	| {readonly kind: 'text'; readonly text: string; readonly pasted: boolean};

/** What the terminal sends, split: keys and text, and the mouse's reports. */
export type InputPiece = KeyPiece | {readonly kind: 'mouse'; readonly event: MouseEvent};

const x10Mouse = '\u001B[M';

const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';
/** A paste whose end never comes is let go of at this size, as text. */
const maxPasteLength = 1_000_000;

// C0 controls and DEL are keys; C1 controls too (never text a person typed).
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/u;
/*
A run of text cut into what a terminal's parser would see: an 8-bit CSI (U+009B) with its parameter,
intermediate and final bytes as one sequence (`\u009B2J` is "erase the screen", not a C1 control
followed by the text "2J"); an 8-bit DCS, SOS, OSC, PM or APC string up to its terminator (ST, BEL) or
the end of the read; any other control character alone; and printable text.
*/
const piecesOfRun = /\u009B[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|[\u0090\u0098\u009D-\u009F][^\u0007\u009C]*[\u0007\u009C]?|[\u0000-\u001F\u007F-\u009F]|[^\u0000-\u001F\u007F-\u009F]+/gu;

/** Splits Ink's input events into keys. Keeps what it needs between events (a paste in progress). */
export class KeySplitter {
	#paste: string[] | undefined;
	#pasteLength = 0;
	/** Bytes still to come of an old-style (X10) mouse report. */
	#x10Left = 0;

	push(event: string): InputPiece[] {
		const pieces: InputPiece[] = [];
		if (this.#x10Left > 0 && !event.startsWith('\u001B')) {
			const bytes = [...event];
			const skipped = Math.min(this.#x10Left, bytes.length);
			this.#x10Left -= skipped;
			event = bytes.slice(skipped).join('');
			if (event === '') return pieces;
		}
		this.#x10Left = 0;
		if (this.#paste) {
			// The end marker is its own event (Ink cuts at escape sequences), but a chunk may hold text after it.
			const end = event.indexOf(pasteEnd);
			if (end === -1) {
				this.#paste.push(event);
				this.#pasteLength += event.length;
				if (this.#pasteLength > maxPasteLength) pieces.push(this.#endPaste());
				return pieces;
			}
			this.#paste.push(event.slice(0, end));
			pieces.push(this.#endPaste());
			event = event.slice(end + pasteEnd.length);
			if (event === '') return pieces;
		}
		if (event === pasteStart) {
			this.#paste = [];
			this.#pasteLength = 0;
			return pieces;
		}
		if (event.startsWith('\u001B[<')) {
			const mouse = parseSgrMouse(event);
			if (mouse) pieces.push({kind: 'mouse', event: mouse});
			else pieces.push({kind: 'key', sequence: event});
			return pieces;
		}
		if (event.startsWith(x10Mouse)) {
			// ESC[M then the button, the column and the row, one byte each (in this event, or the next).
			this.#x10Left = Math.max(0, 3 - [...event.slice(x10Mouse.length)].length);
			return pieces;
		}
		if (event.startsWith('\u001B')) {
			pieces.push(...escapeThenKey(event));
			return pieces;
		}
		for (const [piece] of event.matchAll(piecesOfRun)) {
			pieces.push(controlCharacter.test(piece) ? {kind: 'key', sequence: piece} : {kind: 'text', text: piece, pasted: false});
		}
		return pieces;
	}

	#endPaste(): KeyPiece {
		const text = (this.#paste ?? []).join('').replaceAll('\r\n', '\n').replaceAll('\r', '\n');
		this.#paste = undefined;
		this.#pasteLength = 0;
		return {kind: 'text', text, pasted: true};
	}
}

/** What follows ESC where blogterm reads it as Alt: Backspace (DEL or ^H), key-map.ts's `meta+backspace`, the one Alt key a binding can name. */
const altBound = new Set(['\u007F', '\b']);

/** An event that starts with ESC: a key (ESC alone, an escape sequence, Alt-Backspace), or Esc then the one key after it. */
function escapeThenKey(event: string): KeyPiece[] {
	const after = event.slice(1);
	// ESC[… and ESC O… are whole sequences (Ink cuts them); ESC ESC[A is Alt-↑.
	if ([...after].length !== 1 || altBound.has(after)) return [{kind: 'key', sequence: event}];
	const escape: KeyPiece = {kind: 'key', sequence: '\u001B'};
	return [escape, controlCharacter.test(after) ? {kind: 'key', sequence: after} : {kind: 'text', text: after, pasted: false}];
}

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

type Named = keyof Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageDown' | 'pageUp' | 'home' | 'end' | 'tab' | 'delete'>;

// The final byte of ESC[…X / ESC O X, and the number of ESC[N~.
const byFinal: Record<string, Named> = {A: 'upArrow', B: 'downArrow', C: 'rightArrow', D: 'leftArrow', H: 'home', F: 'end'};
const byNumber: Record<string, Named> = {1: 'home', 7: 'home', 4: 'end', 8: 'end', 3: 'delete', 5: 'pageUp', 6: 'pageDown'};

/** The modifiers of xterm's `ESC[1;<1 + bits>X`: 1 shift, 2 alt, 4 ctrl. */
function modifiers(parameter: string | undefined): Partial<Key> {
	const bits = Number(parameter ?? 1) - 1;
	if (!Number.isInteger(bits) || bits <= 0) return {};
	return {shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0};
}

function escapeSequenceKey(sequence: string): {input: string; key: Key} {
	if (sequence === '\u001B' || sequence === '\u001B\u001B') return {input: '', key: {...noKey, escape: true, meta: true}};
	if (sequence === '\u001B[Z') return {input: '', key: {...noKey, tab: true, shift: true}};
	const csi = /^\u001B\u001B?(?:\[|O)(?:(\d+)(?:;(\d+))?)?([A-Za-z~])$/u.exec(sequence);
	if (csi) {
		const [, number, modifier, final] = csi;
		const name = final === '~' ? byNumber[number ?? ''] : byFinal[final!];
		if (name) return {input: '', key: {...noKey, ...modifiers(modifier), [name]: true, ...(sequence.startsWith('\u001B\u001B') ? {meta: true} : {})}};
		return {input: '', key: noKey};
	}
	// Alt (Meta) with a character: ESC then the character.
	const rest = sequence.slice(1);
	if ([...rest].length === 1) {
		if (rest === '\u007F' || rest === '\b') return {input: '', key: {...noKey, backspace: true, meta: true}};
		if (!controlCharacter.test(rest)) return {input: rest, key: {...noKey, meta: true}};
	}
	return {input: '', key: noKey};
}

/**
 * A piece as the screens' handlers take it, in Ink's terms (`input`, `key`), with one difference from
 * Ink: Backspace (DEL or ^H) is `key.backspace` and only the Delete key (ESC[3~) is `key.delete`.
 */
export function keyOf(piece: KeyPiece): {input: string; key: Key} {
	if (piece.kind === 'text') {
		const shift = [...piece.text].length === 1 && piece.text !== piece.text.toLowerCase();
		return {input: piece.text, key: {...noKey, shift}};
	}
	const {sequence} = piece;
	if (sequence.startsWith('\u001B')) return escapeSequenceKey(sequence);
	switch (sequence) {
		case '\r':
		case '\n':
			return {input: '', key: {...noKey, return: true}};
		case '\t':
			return {input: '', key: {...noKey, tab: true}};
		case '\u007F':
		case '\b':
			return {input: '', key: {...noKey, backspace: true}};
		case '\u0000':
			return {input: ' ', key: {...noKey, ctrl: true}};
		default: {
			const code = sequence.codePointAt(0)!;
			// Ctrl-A … Ctrl-Z are 1 … 26.
			if (code >= 1 && code <= 26) return {input: String.fromCodePoint(code + 96), key: {...noKey, ctrl: true}};
			return {input: '', key: noKey};
		}
	}
}
