import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {clipboardSequence, copyLink} from '../../source/platform/clipboard.js';

describe('the clipboard (OSC 52)', () => {
	test('the sequence holds the encoded URL in base64, and nothing else', () => {
		const sequence = clipboardSequence('https://blog.example/2012/07/日本語/')!;
		assert.match(sequence, /^\u001B\]52;c;[A-Za-z\d+/=]+\u0007$/);
		assert.equal(Buffer.from(sequence.slice(7, -1), 'base64').toString(), 'https://blog.example/2012/07/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
	});

	test('only http, https and mailto links are copied; anything else writes nothing and says why', () => {
		const written: string[] = [];
		assert.equal(copyLink('javascript:alert(1)', {write: text => written.push(text)}, 'x'), 'blogterm copies only http, https and mailto links.');
		assert.equal(written.length, 0);
		assert.equal(copyLink('mailto:ada@example.com', {write: text => written.push(text)}, 'mailto:ada@example.com'), 'Copied mailto:ada@example.com');
		assert.equal(written.length, 1);
	});
});
