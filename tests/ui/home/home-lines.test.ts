import assert from 'node:assert/strict';
import {test} from 'node:test';
import {textWidth} from '../../../source/render/text-width.js';
import {statusLine} from '../../../source/ui/home/home-lines.js';
import {defaultKeyMap} from '../../../source/ui/keys/key-map.js';

const text = (line: ReturnType<typeof statusLine>) => line.map(span => span.text).join('');

test('the status line gives the keys the columns a wide notice leaves, whole, not cut by "…"', () => {
	// A notice naming a blog in Japanese: 14 characters, 28 columns.
	const notice = '日本語のブログを更新しました';
	for (const width of [60, 80, 120]) {
		const line = text(statusLine(notice, defaultKeyMap, 'home', width, false));
		assert.ok(line.startsWith(notice), line);
		assert.ok(textWidth(line) <= width, `${line} is wider than ${width}`);
		assert.ok(!line.endsWith('…'), `the keys are cut at ${width}: ${line}`);
		assert.match(line.slice(notice.length), /^ {2}\S/, 'the keys follow the notice');
	}
});
