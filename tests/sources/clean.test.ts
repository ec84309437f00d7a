import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {firstItemsOfJsonArray, networkCount, networkId, networkUrl, wordPressId} from '../../source/sources/clean.js';

const ESC = '\u001B';
const BEL = '\u0007';

describe('networkUrl: what a link from the network may be', () => {
	test('http and https only, made absolute; javascript:, data:, file: and non-URLs are no links', () => {
		assert.equal(networkUrl('/post/1/', 'https://blog.example/feed/'), 'https://blog.example/post/1/');
		assert.equal(networkUrl('HTTP://Blog.Example/a'), 'http://blog.example/a');
		for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x', '', '   ', 42, null, undefined, ['https://a.example/']]) {
			assert.equal(networkUrl(href, 'https://blog.example/'), undefined, JSON.stringify(href));
		}
	});

	test('escape sequences in a URL are percent-encoded: none survives', () => {
		const url = networkUrl(`https://blog.example/p/?q=${ESC}]52;c;Y3VybA==${BEL}&t=${ESC}]2;x${ESC}\\\u009B31m\u202E`);
		assert.ok(url);
		assert.doesNotMatch(url, /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		assert.match(url, /%1B\]52/);
	});

	test('mailto only where it is allowed (an author’s link)', () => {
		assert.equal(networkUrl('mailto:ada@example.com'), undefined);
		assert.equal(networkUrl('mailto:ada@example.com', undefined, {allowMailto: true}), 'mailto:ada@example.com');
	});
});

describe('networkId, wordPressId and networkCount', () => {
	test('IDs: whole numbers, digits as numbers, other strings as one clean line; nothing else', () => {
		assert.equal(networkId(42), 42);
		assert.equal(networkId('42'), 42);
		assert.equal(networkId(`tag:x,2026:${ESC}]0;title${BEL}1`), 'tag:x,2026:1');
		for (const id of [-1, 1.5, Number.NaN, Infinity, '', '   ', `${ESC}[2J`, null, undefined, {}, [1], 'x'.repeat(3000)]) {
			assert.equal(networkId(id), undefined, JSON.stringify(id));
		}
	});

	test('WordPress IDs: whole numbers above 0, or their digits; "2abc", "-5", "1e300", 0 and the rest are none', () => {
		assert.equal(wordPressId(42), 42);
		assert.equal(wordPressId('42'), 42);
		assert.equal(wordPressId(' 7 '), 7);
		for (const id of ['2abc', '-5', -5, '1e300', 1e300, 0, '0', 1.5, '1.5', '', 'tag:x,2026:1', null, undefined, {}, [1], '9'.repeat(30)]) {
			assert.equal(wordPressId(id), undefined, JSON.stringify(id));
		}
		// A comment's parent: 0 is "none", a reference still.
		assert.equal(wordPressId(0, {allowZero: true}), 0);
		assert.equal(wordPressId('abc', {allowZero: true}), undefined);
	});

	test('counts: -5, 1e309, abc, 1.5 and missing are unknown', () => {
		assert.equal(networkCount('12'), 12);
		assert.equal(networkCount(0), 0);
		for (const count of ['-5', '1e309', 'abc', '1.5', '', undefined, -5, Infinity, Number.NaN, 2 ** 60]) assert.equal(networkCount(count), undefined, String(count));
	});
});

describe('firstItemsOfJsonArray', () => {
	test('cuts a long array after its first items, minding strings and nesting', () => {
		const text = JSON.stringify([{a: 'x,"],\\'}, [1, 2], 3, {b: [{c: ','}]}, 5]);
		for (const [limit, length, cut] of [[1, 1, true], [3, 3, true], [4, 4, true], [5, 5, false], [9, 5, false]] as const) {
			const result = firstItemsOfJsonArray(text, limit);
			assert.equal(result.cut, cut, `limit ${limit}`);
			assert.deepEqual(JSON.parse(result.text), (JSON.parse(text) as unknown[]).slice(0, length));
		}
	});

	test('leaves what is not an array to JSON.parse', () => {
		for (const text of ['null', '{"a":[1,2,3]}', '"[1,2]"', '', '[1', 'garbage']) assert.equal(firstItemsOfJsonArray(text, 1).text, text);
	});
});
