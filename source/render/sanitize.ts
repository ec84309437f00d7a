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
//  the same with 8-bit C1 introducers: CSI U+009B, OSC U+009D, DCS U+0090, SOS U+0098, PM U+009E, APC U+009F
//  any other C0 (but \t and \n), DEL, C1, and the bidirectional overrides and isolates
const controls =
	/\u001B(?:\[[\u0020-\u003F]*[\u0040-\u007E]?|\][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[PX^_][\s\S]*?(?:\u001B\\|\u009C|$)|[\u0020-\u002F]*[\u0030-\u007E]?)|\u009B[\u0020-\u003F]*[\u0040-\u007E]?|\u009D[\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[\u0090\u0098\u009E\u009F][\s\S]*?(?:\u001B\\|\u009C|$)|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

// Most text has nothing to remove: one test is cheaper than two replacing passes.
const anyControl = /[\r\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const carriageReturns = /\r\n?/g;
const whitespaceRuns = /\s+/g;

/** Removes control characters, escape sequences and bidi overrides; keeps `\n` and `\t`. A carriage return becomes a newline. */
export function cleanText(text: string): string {
	if (!anyControl.test(text)) return text;
	return text.replace(carriageReturns, '\n').replace(controls, '');
}

/** `cleanText`, then every run of whitespace (newlines and tabs too) becomes one space, trimmed. For titles, names and URLs. */
export function cleanLine(text: string): string {
	return cleanText(text).replace(whitespaceRuns, ' ').trim();
}
