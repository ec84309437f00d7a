import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {renderHtml} from '../../source/render/render-html.js';
import {htmlToPlainText} from '../../source/render/plain-text.js';
import {htmlToMarkdown} from '../../source/render/markdown.js';
import {render, segmentWith} from './render-helpers.js';

const base = 'https://blog.example/2026/11/garden/';
const columns = [40, 80, 120] as const;

describe('tables', () => {
	const crops = '<table><tr><th>Crop</th><th>Sown</th><th>Harvest</th></tr><tr><td>Tomato</td><td>March</td><td>August</td></tr>'
		+ '<tr><td>Runner beans</td><td>May</td><td>September to the <a href="/frost">first frosts</a> of October</td></tr></table>';

	for (const width of [80, 120]) {
		test(`a table that fits ${width} columns has aligned columns, as w3m shows it`, () => {
			assert.deepEqual(render(crops, width, base), [
				'Crop         │ Sown  │ Harvest',
				`─────────────┼───────┼${'─'.repeat(44)}`,
				'Tomato       │ March │ August',
				'Runner beans │ May   │ September to the first frosts[1] of October',
			]);
		});
	}

	test('a table too wide for 40 columns is one block per row, each cell after its header', () => {
		assert.deepEqual(render(crops, 40, base), [
			'Crop: Tomato · Sown: March · Harvest:',
			'August',
			'',
			'Crop: Runner beans · Sown: May ·',
			'Harvest: September to the first',
			'frosts[1] of October',
		]);
		const {lines} = renderHtml(crops, {width: 40, baseUrl: base});
		assert.equal(segmentWith(lines, 'Crop:').bold, true);
	});

	for (const width of columns) {
		test(`a table's links are numbered in order at ${width} columns`, () => {
			assert.deepEqual(renderHtml(crops, {width, baseUrl: base}).links, ['https://blog.example/frost']);
		});
	}

	test('without a header row, a row that does not fit is its cells parted by ·', () => {
		assert.deepEqual(render('<table><tr><td>A long first cell here</td><td>and a second one too</td></tr></table>', 40), ['A long first cell here · and a second', 'one too']);
	});

	test('in text output a table has aligned columns parted by |', () => {
		assert.equal(htmlToPlainText(crops, base), [
			'Crop         | Sown  | Harvest',
			`-------------+-------+${'-'.repeat(41)}`,
			'Tomato       | March | August',
			'Runner beans | May   | September to the first frosts of October',
		].join('\n'));
	});

	test('in Markdown a table is a GFM table with | escaped inside cells', () => {
		assert.equal(htmlToMarkdown('<table><tr><th>Crop</th><th>Note</th></tr><tr><td>Tomato</td><td>red | ripe</td></tr></table>'), [
			'| **Crop** | **Note** |',
			'| --- | --- |',
			'| Tomato | red \\| ripe |',
		].join('\n'));
	});
});
