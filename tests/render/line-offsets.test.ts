import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {countText, joinLineOffsets, lineOfPlace, placeOfLine, plainLineOffsets, shownText, topAfterRelayout, uncountedLineOffsets} from '../../source/render/line-offsets.js';
import {layoutPostBodyWithLinks} from '../../source/render/post-layout.js';
import {renderHtml} from '../../source/render/render-html.js';
import {lineText} from '../../source/render/styled-line.js';
import {wrapPlainText} from '../../source/render/wrap.js';

const words = (count: number, from = 1) => Array.from({length: count}, (_, index) => `word${from + index}`).join(' ');

const preText = 'code line one is long enough to be cut at a narrow width, kept as it is';
// Every kind of block whose lines wrap, or whose look depends on the width.
const html = [
	`<p>${words(40)}</p>`,
	'<h2>A heading after a paragraph</h2>',
	`<blockquote><p>${words(30, 100)}</p></blockquote>`,
	`<ul><li>${words(25, 200)}</li><li>second item ${words(10, 300)}</li></ul>`,
	'<hr>',
	'<h3>After the rule</h3>',
	`<pre>${preText}\nline two</pre>`,
	'<table><tr><th>Crop</th><th>Sown</th><th>Notes</th></tr><tr><td>Tomato</td><td>March</td><td>under glass on the windowsill</td></tr><tr><td>Bean</td><td>May</td><td>outside once the frosts are past</td></tr></table>',
	`<p>Last paragraph: ${words(30, 400)} <a href="https://blog.example/x">a link</a>.</p>`,
].join('\n');

const isTable = (line: string) => /[│·─]|Crop|Tomato|Bean|Notes|windowsill|frosts/u.test(line);
/** The text of a line without what is drawn before it (quote bars, bullets, indents). */
const textOf = (line: string) => line.replace(/^[\s│•]+/u, '');

describe('where each laid-out line starts in the text', () => {
	it('counts every character but white space (a no-break space is white space: it prints as a space)', () => {
		assert.equal(countText('two words'), 8);
		assert.equal(countText(' a\u00A0b\tc\n'), 3);
		assert.equal(countText('日本語'), 3);
	});

	it('gives plain lines their running count, a blank line the count of the line after it', () => {
		const offsets = plainLineOffsets([[{text: 'ab cd'}], [], [{text: 'efg'}]]);
		assert.deepEqual(offsets, {starts: [0, 4, 4], end: 7});
		assert.deepEqual(joinLineOffsets([offsets, uncountedLineOffsets(2), plainLineOffsets([[{text: 'hi'}]])]), {starts: [0, 4, 4, 7, 7, 7], end: 9});
	});

	it('counts the same text at any width', () => {
		const wide = renderHtml(html, {width: 90}).offsets!;
		const narrow = renderHtml(html, {width: 28}).offsets!;
		assert.equal(narrow.end, wide.end);
		assert.ok(narrow.starts.length > wide.starts.length);
	});

	it('finds every line again at the same width (its place is its own)', () => {
		const {starts} = renderHtml(html, {width: 40}).offsets!;
		for (let line = 0; line < starts.length; line++) assert.equal(lineOfPlace(starts, placeOfLine(starts, line)), line);
	});

	it('finds, at another width, the line holding the first word of a line of text, blank lines and headings as they were', () => {
		for (const [from, to] of [[90, 28], [28, 90], [61, 43]] as const) {
			const before = renderHtml(html, {width: from});
			const after = renderHtml(html, {width: to});
			const beforeLines = before.lines.map(line => lineText(line));
			const afterLines = after.lines.map(line => lineText(line));
			for (const [index, line] of beforeLines.entries()) {
				const found = afterLines[lineOfPlace(after.offsets!.starts, placeOfLine(before.offsets!.starts, index))]!;
				// (Laid out one block per row, a table has blank lines between its rows, which aligned it has not.)
				if (textOf(line) === '' && !isTable(beforeLines[index + 1] ?? '')) {
					assert.equal(textOf(found), '', `a blank line (${from} → ${to}, line ${index}) stays a blank line: “${found}”`);
					continue;
				}
				// A table is laid out otherwise at another width, and code cut otherwise: their lines are checked below.
				// (A code line's continuation is marked ↪, which is no text of it.)
				if (textOf(line) === '' || isTable(line) || preText.includes(textOf(line).trim().replace(/^↪ /, ''))) continue;
				const first = textOf(line).split(' ')[0]!;
				assert.ok(textOf(found).split(' ').includes(first), `“${first}” (${from} → ${to}, line ${index}) is on “${found}”`);
			}
			for (const heading of ['A heading after a paragraph', 'After the rule']) {
				const index = beforeLines.indexOf(heading);
				assert.equal(afterLines[lineOfPlace(after.offsets!.starts, placeOfLine(before.offsets!.starts, index))], heading, `${from} → ${to}`);
			}
		}
	});

	it('finds a table’s row whether its columns are aligned (wide) or it is one block per row (narrow)', () => {
		const wide = renderHtml(html, {width: 90});
		const narrow = renderHtml(html, {width: 28});
		const wideLines = wide.lines.map(line => lineText(line));
		const narrowLines = narrow.lines.map(line => lineText(line));
		const tomato = wideLines.findIndex(line => line.startsWith('Tomato'));
		const found = lineOfPlace(narrow.offsets!.starts, placeOfLine(wide.offsets!.starts, tomato));
		assert.match(narrowLines[found]!, /^Crop: Tomato/);
		const back = lineOfPlace(wide.offsets!.starts, placeOfLine(narrow.offsets!.starts, narrowLines.findIndex(line => line.startsWith('Crop: Bean'))));
		assert.match(wideLines[back]!, /^Bean/);
	});

	it('counts a post’s whole-article note as none of its text: the article’s words are where the summary’s were', () => {
		const post = {id: 1, title: 'T', link: 'https://blog.example/t/', date: undefined, author: '', commentCount: 0, excerpt: '', categories: [], tags: [], html: `<p>${words(30)}</p>`, isSummaryOnly: false, commentsOpen: true};
		const summary = layoutPostBodyWithLinks(post, 40);
		const whole = layoutPostBodyWithLinks({...post, fullTextFrom: 'https://blog.example/t/'}, 40);
		const line = summary.lines.findIndex(found => lineText(found).includes('word10'));
		const found = lineOfPlace(whole.offsets.starts, placeOfLine(summary.offsets.starts, line));
		assert.equal(lineText(whole.lines[found]!), lineText(summary.lines[line]!));
	});
});

describe('the first line after a new layout', () => {
	const text = Array.from({length: 30}, (_, index) => `Line${index + 1} is about the garden shed.`).join(' ');
	const layOut = (width: number) => {
		const lines = wrapPlainText(text, width);
		return {lines: lines.map(line => lineText(line)), starts: plainLineOffsets(lines).starts};
	};
	const wide = layOut(60);
	const narrow = layOut(20);

	it('is the line holding the first character that was on screen', () => {
		const shown = shownText(wide.starts, 4, 6);
		const top = topAfterRelayout(narrow.starts, shown, 6);
		const first = wide.lines[4]!.split(' ')[0]!;
		assert.ok(narrow.lines[top]!.split(' ').includes(first));
		assert.equal(topAfterRelayout(wide.starts, shown, 6), 4, 'the same layout: the same line');
	});

	it('moves as little as it must to keep a line that was on screen (the current match) on it', () => {
		const shown = shownText(wide.starts, 4, 6);
		const top = topAfterRelayout(narrow.starts, shown, 6);
		// The last line shown at 60 columns (line 9): its last numbered word, laid out at 20.
		const lineWith = (word: string) => narrow.lines.findIndex(line => line.split(' ').includes(word));
		const last = wide.lines[9]!.split(' ').findLast(word => /^Line\d+$/.test(word))!;
		const keep = lineWith(last);
		assert.ok(keep >= top + 6);
		assert.equal(topAfterRelayout(narrow.starts, shown, 6, {keep}), keep - 5);
		// Text that was under the screen does not move the view.
		const under = lineWith(wide.lines[11]!.split(' ').find(word => /^Line\d+$/.test(word))!);
		assert.equal(topAfterRelayout(narrow.starts, shown, 6, {keep: under}), top);
		// Nor does a line above the text that was on screen.
		assert.equal(topAfterRelayout(narrow.starts, shown, 6, {keep: 0}), top);
		// The same layout on a shorter screen: the top stays, unless the line kept would leave it.
		assert.equal(topAfterRelayout(wide.starts, shown, 3, {top: 4, keep: 5}), 4);
		assert.equal(topAfterRelayout(wide.starts, shown, 3, {top: 4, keep: 9}), 7);
	});
});
