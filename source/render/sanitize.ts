/*
Everything a server sends is hostile: a post, a title or an author name could carry escape sequences
that retitle the window, write to the clipboard, hide text or move the cursor. These functions remove
them before anything reaches the terminal. One regex pass over the text (after folding carriage
returns), so a megabyte takes a few milliseconds.
*/

// Alternatives, in order:
//  ESC [ params final            CSI (an unterminated one swallows its parameters)
//  ESC ] … BEL | ESC \ | ST      OSC: window title, clipboard, hyperlinks (unterminated: to the end)
//  ESC P|X|^|_ … ESC \ | ST      DCS, SOS, PM, APC (unterminated: to the end)
//  ESC intermediates final       two-character (and nF) sequences; a bare ESC goes too
//  the 8-bit CSI U+009B with its parameters and final byte (a few characters at most)
//  any other C0 (but \t and \n), DEL, C1, and the bidirectional overrides and isolates
// The 8-bit string introducers (OSC U+009D, DCS U+0090, SOS U+0098, PM U+009E, APC U+009F) go alone, as any
// C1 character: without them what follows is plain text, and in real feeds such a character is nearly
// always one misdecoded byte (UTF-8 read as Latin-1), so swallowing to the end would cut the rest of a post.
const controls =
	/\u001B(?:\[[\u0020-\u003F]*[\u0040-\u007E]?|\][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[PX^_][\s\S]*?(?:\u001B\\|\u009C|$)|[\u0020-\u002F]*[\u0030-\u007E]?)|\u009B[\u0020-\u003F]*[\u0040-\u007E]?|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/*
Characters whose width blogterm (string-width says 0) and terminals (1 or 2) disagree on, or that
terminals draw differently: the soft hyphen, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and
the invisible direction marks (LRM, RLM, ALM). Left in, they hide words or push a line past the edge,
so the screen's lines are no longer the lines blogterm laid out: they go.
*/
const noAgreedWidth = /[\u00AD\u061C\u115F\u1160\u200E\u200F\u3164\uFFA0]/g;
// Line and paragraph separators: a new line to blogterm, one column or a line feed to a terminal.
const lineSeparators = /[\u2028\u2029]/g;
// A zero-width joiner belongs between two emoji (👩‍💻, 🏳️‍🌈); anywhere else a terminal may join or draw it.
const strayJoiners = /(?<!\p{Extended_Pictographic}(?:\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

// Most text has nothing to remove: one test is cheaper than several replacing passes.
const anyControl = /[\r\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u200D-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\u3164\uFFA0]/;
const carriageReturns = /\r\n?/g;
const whitespaceRuns = /\s+/g;

/**
Removes control characters, escape sequences, bidi overrides, and characters with no agreed width
(soft hyphens, Hangul fillers, direction marks, zero-width joiners outside emoji); keeps `\n` and `\t`.
A carriage return, a line separator or a paragraph separator becomes a newline.
*/
export function cleanText(text: string): string {
	if (!anyControl.test(text)) return text;
	let cleaned = text.replace(carriageReturns, '\n').replace(controls, '').replace(noAgreedWidth, '').replace(lineSeparators, '\n');
	if (cleaned.includes('\u200D')) cleaned = cleaned.replace(strayJoiners, '');
	return cleaned;
}

/** `cleanText`, then every run of whitespace (newlines and tabs too) becomes one space, trimmed. For titles, names and URLs. */
export function cleanLine(text: string): string {
	return cleanText(text).replace(whitespaceRuns, ' ').trim();
}
