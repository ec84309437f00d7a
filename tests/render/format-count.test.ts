import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatCount} from '../../source/render/format-count.js';

test('a count is written as English writes it, with thousands commas: 7,412', () => {
	assert.equal(formatCount(7), '7');
	assert.equal(formatCount(1000), '1,000');
	assert.equal(formatCount(7412), '7,412');
	assert.equal(formatCount(1_234_567), '1,234,567');
});
