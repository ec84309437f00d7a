import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ElementType, parseDocument} from 'htmlparser2';
import {cleanLine, cleanText} from '../../source/render/sanitize.js';
import {seededRandom} from '../helpers/seeded-random.js';

const forbidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The text of a fragment as an HTML parser decodes it (character references included). */
function decodedByHtmlParser(html: string): string {
	const document = parseDocument(html);
	let text = '';
	for (const node of document.children) {
		if (node.type === ElementType.Text) text += node.data;
	}
	return text;
}

test('keeps ordinary text, newlines, tabs and wide characters', () => {
	const text = 'Hello, wörld!\n\tIndented 中文 😀 — “quotes”';
	assert.equal(cleanText(text), text);
});

test('removes CSI sequences such as colours and cursor movement', () => {
	assert.equal(cleanText('\u001B[31mred\u001B[0m plain \u001B[2J\u001B[1;1H\u001B[?25l'), 'red plain ');
});

test('removes OSC window titles ended by BEL or ST', () => {
	assert.equal(cleanText('a\u001B]0;pwned title\u0007b'), 'ab');
	assert.equal(cleanText('a\u001B]2;pwned title\u001B\\b'), 'ab');
});

test('removes OSC 52 clipboard writes', () => {
	assert.equal(cleanText('x\u001B]52;c;cm0gLXJmIH4=\u0007y'), 'xy');
});

test('removes OSC 8 hyperlinks but keeps their visible text', () => {
	assert.equal(cleanText('\u001B]8;;https://evil.example/\u001B\\click\u001B]8;;\u001B\\ here'), 'click here');
});

test('removes DCS, APC, PM and SOS strings up to ST', () => {
	assert.equal(cleanText('a\u001BPq#0;2;0;0;0\u001B\\b'), 'ab');
	assert.equal(cleanText('a\u001B_Gf=100;AAAA\u001B\\b'), 'ab');
	assert.equal(cleanText('a\u001B^private\u001B\\b'), 'ab');
	assert.equal(cleanText('a\u001BXstring\u001B\\b'), 'ab');
});

test('removes two-character escape sequences such as a full reset', () => {
	assert.equal(cleanText('a\u001Bcb\u001B7c\u001B8d\u001B(Be\u001B#8f'), 'abcdef');
});

test('an unterminated sequence swallows the rest of the text', () => {
	assert.equal(cleanText('safe\u001B]0;title without end and more'), 'safe');
	assert.equal(cleanText('safe\u001BP no end'), 'safe');
	assert.equal(cleanText('safe\u001B[12;3'), 'safe');
	assert.equal(cleanText('safe\u001B'), 'safe');
});

test('removes the 8-bit CSI with its parameters, and the 8-bit OSC, DCS and ST one character each, never the text after them', () => {
	assert.equal(cleanText('a\u009B31mb'), 'ab');
	assert.equal(cleanText('a\u009D0;title\u009Cb'), 'a0;titleb');
	assert.equal(cleanText('a\u009D0;title\u0007b'), 'a0;titleb');
	assert.equal(cleanText('a\u0090dcs\u009Cb'), 'adcsb');
	assert.equal(cleanText('a\u0085b\u009Cc'), 'abc');
	// UTF-8 “Caf\u00E9 \u2014 \u201D” read as windows-1252 leaves U+009D in the middle: the rest of the text stays.
	assert.equal(cleanText('Caf\u00C3\u00A9 \u00E2\u20AC\u009D and the rest'), 'Caf\u00C3\u00A9 \u00E2\u20AC and the rest');
});

test('removes C0 controls other than newline and tab, and DEL', () => {
	assert.equal(cleanText('a\u0000b\u0007c\u0008d\u000Be\u000Cf\u007Fg\u001Fh'), 'abcdefgh');
});

test('removes bidirectional overrides and isolates', () => {
	assert.equal(cleanText('file\u202Egnp.exe \u2066x\u2069 \u202Ay\u202C'), 'filegnp.exe x y');
});

test('a carriage return never overwrites a line', () => {
	assert.equal(cleanText('one\r\ntwo'), 'one\ntwo');
	assert.equal(cleanText('Safe text\rEvil'), 'Safe text\nEvil');
});

test('removes controls that an HTML parser decoded from character references', () => {
	const decoded = decodedByHtmlParser('a&#27;[31mred&#x1b;]0;title&#7;b &#x9b;2J &#x202e;x &#13;y');
	const cleaned = cleanText(decoded);
	assert.doesNotMatch(cleaned, forbidden);
	assert.ok(!cleaned.includes('\r'));
	assert.match(cleaned, /^ared/);
});

test('cleanLine makes one trimmed line of single spaces', () => {
	assert.equal(cleanLine('  A\ttitle\n\nacross\r\nlines \u001B[1m '), 'A title across lines');
});


test('no control character survives in 2000 random strings', () => {
	const random = seededRandom(20_240_501);
	const pieces = ['\u001B', '[', ']', 'P', '_', '^', 'X', '\\', ';', '0', '9', 'm', 'a', ' ', '\n', '\r', '\t', '\u0007', '\u009B', '\u009C', '\u009D', '\u0090', '\u202E', '\u2066', '中', '😀'];
	for (let index = 0; index < 2000; index++) {
		let text = '';
		const length = Math.floor(random() * 60);
		for (let position = 0; position < length; position++) {
			text += random() < 0.7
				? pieces[Math.floor(random() * pieces.length)]
				: String.fromCodePoint(Math.floor(random() * 0x2100));
		}
		const cleaned = cleanText(text);
		assert.doesNotMatch(cleaned, forbidden, JSON.stringify(text));
		assert.ok(!cleaned.includes('\r'), JSON.stringify(text));
		assert.doesNotMatch(cleanLine(text), /[\n\t\r]/, JSON.stringify(text));
	}
});
