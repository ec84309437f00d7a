import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {maxHtmlDepth, visitHtml} from '../../source/render/html-events.js';
import {maxLayoutLines} from '../../source/render/layout.js';
import {htmlToMarkdown} from '../../source/render/markdown.js';
import {renderHtml} from '../../source/render/render-html.js';
import {lineText} from '../../source/render/styled-line.js';

/*
Slow attacks on the renderer (issue 12): 20 MB of HTML in every shape that once took quadratic time
or memory (deep nesting, a table row of 400,000 cells above 100,000 rows, unclosed lists), laid out
for the terminal and as Markdown. Each is bounded by the test's timeout and a heap limit, and says
what it sent and what came back. Run with:

  node --import tsx --test --test-concurrency=1 tests/attack/*.attack.ts

(not part of `npm test`: together they take minutes). --expose-gc makes the heap figures exact.
*/

const size = 20 * 1024 * 1024;
// Generous: linear work on 20 MB takes seconds; the quadratic versions took hours or ran out of memory.
const timeout = 300_000;
// What the heap may grow by for one 20 MB document, its output included.
const heapLimit = 2 * 1024 * 1024 * 1024;

/** `unit` repeated to 20 MB. */
function fill(unit: string, before = '', after = ''): string {
	return before + unit.repeat(Math.floor((size - before.length - after.length) / unit.length)) + after;
}

const shapes: Record<string, () => string> = {
	'nested <div>': () => fill('<div>x'),
	'nested lists, never closed': () => fill('<ul><li>x'),
	'nested <b><i>': () => fill('<b><i>x'),
	'nested <blockquote>': () => fill('<blockquote>x'),
	'nested numbered lists with start': () => fill('<ol start=5><li>x'),
	'nested tables': () => fill('<table><tr><td>x'),
	'closing tags that match nothing, 200 levels down': () => fill('</x>', '<div>'.repeat(200)),
	'a row of cells, then rows of one cell': () => `<table><tr>${'<td>x'.repeat(size / 10)}</tr>${'<tr><td>y'.repeat(size / 20)}</table>`,
	'one paragraph of words': () => fill('word '),
	'one word': () => fill('w'),
	'paragraphs': () => fill('<p>x'),
	'line breaks': () => fill('<br>'),
	'a code block of short lines with tabs': () => fill('\tx\n', '<pre>', '</pre>'),
	'escape sequences as character references': () => fill('&#27;]0;x&#7;'),
	'one element with a million attributes': () => fill(' a=1', '<p', '>x'),
	'an unterminated comment': () => fill('x', '<!--'),
};

function heapUsed(): number {
	globalThis.gc?.();
	return process.memoryUsage().heapUsed;
}

describe('20 MB of HTML in shapes that were quadratic', () => {
	for (const [name, make] of Object.entries(shapes)) {
		test(name, {timeout}, t => {
			const html = make();
			const before = heapUsed();
			let started = Date.now();
			const lines = renderHtml(html, {width: 80}).lines;
			const terminalTime = Date.now() - started;
			const widest = lines.reduce((widest, line) => Math.max(widest, lineText(line).length), 0);
			started = Date.now();
			const markdown = htmlToMarkdown(html);
			const markdownTime = Date.now() - started;
			const grown = heapUsed() - before;
			t.diagnostic(`sent: ${name}, ${html.length} characters starting ${JSON.stringify(html.slice(0, 60))}`);
			t.diagnostic(`came back: ${lines.length} terminal lines (widest ${widest}) in ${terminalTime} ms; ${markdown.length} characters of Markdown in ${markdownTime} ms; heap grew ${Math.round(grown / 1e6)} MB`);
			assert.ok(widest <= 80);
			assert.ok(grown < heapLimit, `the heap grew by ${grown} bytes`);
			// Past a million lines the rest is counted, not kept, and a note says so.
			assert.ok(lines.length <= maxLayoutLines + 2, `${lines.length} lines`);
			if (lines.length > maxLayoutLines) assert.match(lineText(lines.at(-1)!), /more lines are not shown: the post is too long/);
		});
	}

	test('the parser never holds more than maxHtmlDepth open elements, at any size', {timeout}, t => {
		const html = fill('<div>x');
		let depth = 0;
		let deepest = 0;
		visitHtml(html, {
			enter() {
				deepest = Math.max(deepest, ++depth);
				return () => {
					depth--;
				};
			},
			text() {},
		});
		t.diagnostic(`sent: <div>x × ${html.length / 6}; came back: ${deepest} levels followed`);
		assert.ok(deepest <= maxHtmlDepth);
	});
});
