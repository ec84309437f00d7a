import stringWidth from 'string-width';
import type {Segment, SegmentStyle} from './styled-line.js';

const printableAscii = /^[\u0020-\u007E]*$/;
let madeSegmenter: Intl.Segmenter | undefined;
/** Made at its first use: it loads ICU's data (some 7 ms a start), which all-ASCII text never needs. */
const graphemeSegmenter = () => (madeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'}));

/**
Columns of one code point when it is simple: one column on its own, or two for a CJK ideograph, kana,
Hangul syllable or fullwidth form, and never part of a cluster. -1 for anything else (marks, emoji,
zero-width and format characters), which string-width must measure.
*/
export function simpleWidth(code: number): number {
	if (code >= 0x20 && code <= 0x7E) return 1;
	if (code < 0xA0) return -1;
	// Latin-1, Latin Extended, IPA, Greek, Cyrillic (without the soft hyphen and combining marks).
	if (code <= 0x2FF) return code === 0xAD ? -1 : 1;
	if (code >= 0x370 && code <= 0x482) return 1;
	if (code >= 0x48A && code <= 0x52F) return 1;
	// General punctuation: dashes, quotes, ellipsis (not the zero-width, bidi and invisible ones).
	if ((code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205E)) return 1;
	// Currency, letterlike symbols, arrows, maths, box drawing (a following U+FE0F sends it all to string-width).
	if ((code >= 0x20A0 && code <= 0x20C0) || (code >= 0x2100 && code <= 0x214F) || (code >= 0x2190 && code <= 0x22FF)) return 1;
	if (code >= 0x2500 && code <= 0x259F) return 1;
	// Geometric shapes (list markers: ▸ ▾ ■) but U+25FD and U+25FE, which are emoji (two columns); braille (a spinner).
	if ((code >= 0x25A0 && code <= 0x25FC) || (code >= 0x2800 && code <= 0x28FF)) return 1;
	// Stars (★ ☆: a starred post), check marks and crosses (✓ ✔ ✕ ✖ ✗ ✘: a blog whose refresh failed).
	if (code === 0x2605 || code === 0x2606 || (code >= 0x2713 && code <= 0x2718)) return 1;
	if ((code >= 0x3000 && code <= 0x3029) || (code >= 0x3030 && code <= 0x303E)) return 2;
	if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x30A1 && code <= 0x30FA)) return 2;
	if (code >= 0x3400 && code <= 0x4DBF) return 2;
	if (code >= 0x4E00 && code <= 0x9FFF) return 2;
	if (code >= 0xAC00 && code <= 0xD7A3) return 2;
	if (code >= 0xF900 && code <= 0xFAFF) return 2;
	if (code >= 0xFF01 && code <= 0xFF60) return 2;
	return -1;
}

/** Whether text holds the start of an escape sequence (ESC, or the one-byte CSI): string-width strips them from the whole text before it measures. */
export function hasEscapes(text: string): boolean {
	return text.includes('\u001B') || text.includes('\u009B');
}

const widthCache = new Map<string, number>();
/** string-width's answers are remembered for texts up to this long (a grapheme, a title, a short line). */
export const rememberedWidthLength = 64;

/** Display columns of a string without newlines: CJK and emoji take 2. String-width is slow, so it only measures what needs it. */
export function textWidth(text: string): number {
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const columns = simpleWidth(text.charCodeAt(index));
		if (columns < 0) return measuredWidth(text);
		width += columns;
	}
	return width;
}

function measuredWidth(text: string): number {
	let width = widthCache.get(text);
	if (width === undefined) {
		if (text.length <= rememberedWidthLength) {
			width = stringWidth(text);
			if (widthCache.size >= 10_000) widthCache.clear();
			widthCache.set(text, width);
		} else {
			// string-width strips escape sequences from the whole text first: such text is measured whole.
			width = hasEscapes(text) ? stringWidth(text) : widthByPieces(text);
		}
	}
	return width;
}

/**
Columns of a long text as the sum of its pieces': it is cut between every two simple characters side
by side (each is a grapheme of its own: no grapheme spans the cut), a simple character alone counts
its own columns, and each piece with a character that is not simple is measured as any text is (short
ones are remembered). A long line or link with one emoji, accent or zero-width space is measured
around them, not whole by string-width at every frame.
*/
function widthByPieces(text: string): number {
	let width = 0;
	let start = 0;
	let simpleBefore = false;
	let pieceIsSimple = true;
	for (let index = 0; index < text.length; index++) {
		const columns = simpleWidth(text.charCodeAt(index));
		if (columns >= 0 && simpleBefore) {
			// The piece before is one simple character, or ends with one.
			width += pieceIsSimple ? simpleWidth(text.charCodeAt(start)) : measuredPiece(text.slice(start, index));
			start = index;
			pieceIsSimple = true;
		}
		if (columns < 0) pieceIsSimple = false;
		simpleBefore = columns >= 0;
	}
	return width + (pieceIsSimple ? simpleWidth(text.charCodeAt(start)) : measuredPiece(text.slice(start)));
}

/** A piece's columns: string-width's, remembered when short; a long one (a paragraph of Hebrew, Thai) whole. */
function measuredPiece(piece: string): number {
	return piece.length <= rememberedWidthLength ? measuredWidth(piece) : stringWidth(piece);
}

/** The user-perceived characters of a string, so an emoji or an accented letter is never cut in half. */
export function graphemes(text: string): string[] {
	if (printableAscii.test(text) || allSimple(text)) return [...text];
	return Array.from(graphemeSegmenter().segment(text), part => part.segment);
}

/** The graphemes of `text` one at a time, as `graphemes` finds them, without first making them all. */
export function* eachGrapheme(text: string): Generator<string, void, undefined> {
	if (allSimple(text)) {
		yield* text;
		return;
	}
	for (const {segment} of graphemeSegmenter().segment(text)) yield segment;
}

/** Whether every character of `text` is simple (simpleWidth): each is then a grapheme of its own, joined to no neighbour. */
function allSimple(text: string): boolean {
	for (let index = 0; index < text.length; index++) if (simpleWidth(text.charCodeAt(index)) < 0) return false;
	return true;
}

const roles = [undefined, 'heading', 'link', 'code', 'quote', 'image', 'muted', 'error', 'success'] as const;
const internedStyles: SegmentStyle[] = [];
/** Link numbers past this are not carried in styles (no hyperlink around their text): a hostile post's million links stay cheap. */
export const maxLinkedStyle = 10_000;
const linkedStyles: SegmentStyle[][] = [];

/**
The one shared object for a style, so that styles compare with `===`. Layout works on runs of
interned styles (one object shape, cheap to merge) and makes Segments only for finished lines.
*/
export function internStyle(style: SegmentStyle): SegmentStyle {
	const role = Math.max(0, roles.indexOf(style.role));
	const key = (style.bold ? 1 : 0) | (style.italic ? 2 : 0) | (style.underline ? 4 : 0) | (style.dim ? 8 : 0) | (role << 4);
	// A link's number is part of its style (so a link's text stays one run), kept apart from the plain styles.
	const link = style.link !== undefined && Number.isInteger(style.link) && style.link > 0 && style.link <= maxLinkedStyle ? style.link : undefined;
	const table = link === undefined ? internedStyles : (linkedStyles[link] ??= []);
	let interned = table[key];
	if (!interned) {
		const fresh: {-readonly [K in keyof SegmentStyle]: SegmentStyle[K]} = {};
		if (style.bold) fresh.bold = true;
		if (style.italic) fresh.italic = true;
		if (style.underline) fresh.underline = true;
		if (style.dim) fresh.dim = true;
		if (roles[role]) fresh.role = roles[role];
		if (link !== undefined) fresh.link = link;
		interned = Object.freeze(fresh);
		table[key] = interned;
	}
	return interned;
}

export const plainStyle = internStyle({});

/** Text in one interned style; mutable while a line is being built. */
export type Run = {
	text: string;
	readonly style: SegmentStyle;
};

/** Appends text to runs, extending the last run when the style is the same. */
export function pushRun(runs: Run[], text: string, style: SegmentStyle): void {
	if (text === '') return;
	const last = runs.at(-1);
	if (last && last.style === style) {
		last.text += text;
	} else {
		runs.push({text, style});
	}
}

/** The Segments of finished runs. */
export function toSegments(runs: readonly Run[]): Segment[] {
	const segments: Segment[] = [];
	for (const run of runs) {
		if (run.text !== '') segments.push({...run.style, text: run.text});
	}
	return segments;
}

/** Columns of some runs. */
export function runsWidth(runs: readonly Run[]): number {
	let width = 0;
	for (const run of runs) width += textWidth(run.text);
	return width;
}

/**
Cuts styled text into pieces of at most `width` columns, at grapheme boundaries. A grapheme wider than
the whole width (a CJK character at width 1) becomes `?` so that no piece is ever too wide.
*/
export function breakRuns(runs: readonly Run[], width: number): Run[][] {
	const pieces: Run[][] = [];
	let piece: Run[] = [];
	let pieceWidth = 0;
	for (const run of runs) {
		if (printableAscii.test(run.text)) {
			let offset = 0;
			while (offset < run.text.length) {
				const room = width - pieceWidth;
				if (room <= 0) {
					pieces.push(piece);
					piece = [];
					pieceWidth = 0;
					continue;
				}
				const text = run.text.slice(offset, offset + room);
				pushRun(piece, text, run.style);
				pieceWidth += text.length;
				offset += text.length;
			}
			continue;
		}
		// The segmenter's own iterator: a 10 MB word is not first made into an array of ten million strings.
		for (const {segment} of graphemeSegmenter().segment(run.text)) {
			let grapheme = segment;
			let columns = textWidth(grapheme);
			if (columns > width) {
				grapheme = '?';
				columns = 1;
			}
			if (pieceWidth + columns > width) {
				pieces.push(piece);
				piece = [];
				pieceWidth = 0;
			}
			pushRun(piece, grapheme, run.style);
			pieceWidth += columns;
		}
	}
	if (piece.length > 0) pieces.push(piece);
	return pieces;
}
