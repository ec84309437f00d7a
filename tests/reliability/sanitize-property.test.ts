import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {htmlToMarkdown} from '../../source/render/markdown.js';
import {htmlToPlainText} from '../../source/render/plain-text.js';
import {renderHtml, renderLinkList} from '../../source/render/render-html.js';
import {cleanLine, cleanText} from '../../source/render/sanitize.js';
import {lineText} from '../../source/render/styled-line.js';
import {textWidth} from '../../source/render/text-width.js';
import {wrapPlainText} from '../../source/render/wrap.js';
import {findSmuggled, hostileInputs} from './hostile-corpus.js';
import {seededRandom as random} from '../helpers/seeded-random.js';

/*
Random strings, from a seeded generator (the same every run; a failure names its seed and case), made
of the pieces escape sequences are built from, mixed with text, HTML and character references. Whatever
comes in, nothing a terminal acts on comes out, and no line is wider than asked.
*/


const controls = Array.from({length: 0x20}, (_, code) => String.fromCharCode(code));
const c1 = Array.from({length: 0x21}, (_, index) => String.fromCharCode(0x7F + index));
const textPieces = [
	'\u001B', '\u001B[', '\u001B]', '\u001BP', '\u001B_', '\u001B^', '\u001BX', '\u001B\\', '\u0007', '\u009B', '\u009C', '\u009D',
	'[', ']', ';', '0', '1', '31', '52', 'm', 'H', 'c', '?', '$', '8;;', 'http://x/', '\r', '\n', '\t', '\r\n',
	'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u00AD',
	'word', ' ', '  ', 'é', 'e\u0301', '漢字', '👩‍👩‍👧', '🇫🇷', 'ﷺ', '\uD800', '\uDC00',
	...hostileInputs.map(input => input.text),
];
const htmlPieces = [
	'<p>', '</p>', '<a href="', '">', '</a>', '<img alt="', '" src="x">', '<pre>', '</pre>', '<code>', '</code>', '<ul><li>', '</li></ul>',
	'<blockquote>', '</blockquote>', '<h2>', '</h2>', '<br>', '<table><tr><td>', '</td></tr></table>', '<!--', '-->', '<script>', '</script>',
	'&#27;', '&#x1b;', '&#x9b;', '&#x9d;', '&#144;', '&#8238;', '&#x2067;', '&#7;', '&#13;', '&#0;', '&amp;', '&lt;', '&', '<', '"',
];

function randomString(next: () => number, pieces: readonly string[], maxPieces: number): string {
	const count = Math.floor(next() * maxPieces);
	let text = '';
	for (let index = 0; index < count; index++) {
		const roll = next();
		const pool = roll < 0.15 ? controls : roll < 0.25 ? c1 : pieces;
		text += pool[Math.floor(next() * pool.length)];
	}
	return text;
}

const seed = 20_261_125;
const cases = 3000;

function assertClean(output: string, what: string, input: string, index: number): void {
	const found = findSmuggled(output);
	if (found) assert.fail(`${what}, seed ${seed}, case ${index}: ${found.character} at ${found.index} of ${found.context}, from ${JSON.stringify(input)}`);
}

describe(`property: ${cases} random strings, seed ${seed}`, () => {
	test('cleanText leaves nothing a terminal acts on; cleanLine leaves one line', () => {
		const next = random(seed);
		for (let index = 0; index < cases; index++) {
			const input = randomString(next, textPieces, 40);
			assertClean(cleanText(input), 'cleanText', input, index);
			const line = cleanLine(input);
			assertClean(line, 'cleanLine', input, index);
			assert.doesNotMatch(line, /[\n\t]|^\s|\s$/, `cleanLine, case ${index}: one trimmed line`);
		}
	});

	test('renderHtml, its link list, plain text, Markdown and wrapped text: clean, and never wider than the width', () => {
		const next = random(seed + 1);
		for (let index = 0; index < cases / 3; index++) {
			const html = randomString(next, [...htmlPieces, ...textPieces], 60);
			// From 8 columns: below that, the “Links:” heading alone is wider (reported, not a hostile-input problem).
			const width = 8 + Math.floor(next() * 113);
			const {lines, links} = renderHtml(html, {width, baseUrl: 'https://blog.example/post/'});
			for (const line of [...lines, ...renderLinkList(links, width), ...wrapPlainText(html, width)]) {
				const text = lineText(line);
				assertClean(text, `a line for width ${width}`, html, index);
				assert.ok(textWidth(text) <= width, `case ${index}: “${text}” is ${textWidth(text)} columns, more than ${width}`);
			}
			assertClean(htmlToPlainText(html), 'htmlToPlainText', html, index);
			assertClean(htmlToMarkdown(html, 'https://blog.example/'), 'htmlToMarkdown', html, index);
		}
	});
});
