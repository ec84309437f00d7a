import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {findMatches, firstMatchFrom, highlightLine, highlightLines, isCaseSensitive, matchLine, rangesOnLines, searchableText} from '../../source/render/find-matches.js';
import {lineText, type StyledLine} from '../../source/render/styled-line.js';

const plain = (...texts: string[]): StyledLine[] => texts.map(text => (text === '' ? [] : [{text}]));
/** The marked runs of a line: `[match]`, `{current}`. */
const marked = (line: StyledLine) => line.map(segment => (segment.mark === 'current' ? `{${segment.text}}` : segment.mark === 'match' ? `[${segment.text}]` : segment.text)).join('');

describe('finding a word in laid-out lines', () => {
	test('ignores case unless the query has a capital, as less does', () => {
		const text = searchableText(plain('Protest at noon', 'the protest went on', 'PROTEST'));
		assert.equal(isCaseSensitive('protest'), false);
		assert.equal(isCaseSensitive('Protest'), true);
		assert.equal(findMatches(text, 'protest').count, 3);
		assert.equal(findMatches(text, 'Protest').count, 1);
		assert.equal(findMatches(text, 'PROTEST').count, 1);
		assert.equal(findMatches(text, 'protests').count, 0);
	});

	test('finds a phrase wrapped over two lines, and marks its part on each', () => {
		const lines = plain('we walked to the quiet', 'meadow at dawn', '', 'another quiet', '', 'meadow');
		const text = searchableText(lines);
		const found = findMatches(text, 'quiet meadow');
		assert.equal(found.count, 1, 'a blank line between two paragraphs is not a wrapped line');
		assert.equal(matchLine(text, found, 0), 0);
		const shown = highlightLines(lines.slice(0, 2), 0, text, found, 0).map(marked);
		assert.deepEqual(shown, ['we walked to the {quiet}', '{meadow} at dawn']);
	});

	test('a phrase typed with two spaces finds the words with one, and a line indented under a list item', () => {
		const text = searchableText(plain('• water the', '  tomatoes daily'));
		assert.equal(findMatches(text, 'the  tomatoes').count, 1);
	});

	test('what is typed is text, never a pattern', () => {
		const text = searchableText(plain('a.b axb (c) [d] \\e'));
		assert.equal(findMatches(text, 'a.b').count, 1);
		assert.equal(findMatches(text, '(c)').count, 1);
		assert.equal(findMatches(text, '[d] \\e').count, 1);
		assert.equal(findMatches(text, '.*').count, 0);
	});

	test('a letter added searches only where the shorter query matched, with the same answer as a search from scratch', () => {
		const text = searchableText(plain('garden gate', 'Garden gnome', 'gardening'));
		let previous = findMatches(text, 'g');
		for (const query of ['ga', 'gar', 'gard', 'garde', 'garden', 'gardeni', 'gardenix', 'gardenixy']) {
			const narrowed = findMatches(text, query, previous);
			const fresh = findMatches(text, query);
			assert.deepEqual([...narrowed.starts], [...fresh.starts], query);
			previous = narrowed;
		}
		assert.equal(findMatches(text, 'garden').count, 3);
	});

	test('the first match from a line wraps to the first of all past the last', () => {
		const text = searchableText(plain('tea', 'x', 'tea', 'x', 'x'));
		const found = findMatches(text, 'tea');
		assert.equal(firstMatchFrom(text, found, 0), 0);
		assert.equal(firstMatchFrom(text, found, 1), 1);
		assert.equal(firstMatchFrom(text, found, 3), 0);
		assert.equal(firstMatchFrom(text, findMatches(text, 'coffee'), 0), -1);
	});

	test('highlighting keeps each segment’s style and the text exactly as it was', () => {
		const line: StyledLine = [{text: 'Read the '}, {text: 'garden log', role: 'link', link: 2}, {text: ' daily.'}];
		const text = searchableText([line]);
		const found = findMatches(text, 'the garden');
		const [ranges] = rangesOnLines(text, found, 0, 1, -1);
		const shown = highlightLine(line, ranges!);
		assert.equal(lineText(shown), lineText(line));
		assert.equal(marked(shown), 'Read [the ][garden] log daily.');
		const inLink = shown.find(segment => segment.text === 'garden')!;
		assert.equal(inLink.role, 'link');
		assert.equal(inLink.link, 2);
		assert.equal(inLink.mark, 'match');
	});

	test('only the lines asked for are highlighted, every match on them', () => {
		const lines = plain(...Array.from({length: 100}, (_, index) => `line ${index} has a leaf and a leaf`));
		const text = searchableText(lines);
		const found = findMatches(text, 'leaf');
		assert.equal(found.count, 200);
		const shown = highlightLines(lines.slice(50, 52), 50, text, found, 100);
		assert.deepEqual(shown.map(marked), ['line 50 has a {leaf} and a [leaf]', 'line 51 has a [leaf] and a [leaf]']);
	});

	test('a query of spaces finds nothing', () => {
		assert.equal(findMatches(searchableText(plain('a b')), '  ').count, 0);
	});
});
