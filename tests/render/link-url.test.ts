import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {displayUrl, handedOnUrl, hyperlink} from '../../source/render/link-url.js';

describe('links as shown and as handed on', () => {
	test('a non-ASCII path is shown decoded; the URL handed on stays encoded', () => {
		const encoded = 'https://blog.example/2012/07/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%82%BF%E3%82%A4%E3%83%88%E3%83%AB/';
		assert.equal(displayUrl(encoded), 'https://blog.example/2012/07/日本語のタイトル/');
		assert.equal(handedOnUrl(encoded), encoded);
		// Typed decoded, it is handed on encoded.
		assert.equal(handedOnUrl('https://blog.example/2012/07/日本語のタイトル/'), encoded);
	});

	test('escapes of ASCII, of controls, of spaces and of bytes that are not UTF-8 stay as they are', () => {
		assert.equal(displayUrl('https://a.example/a%20b%2Fc'), 'https://a.example/a%20b%2Fc');
		assert.equal(displayUrl('https://a.example/%1B%5D52%07'), 'https://a.example/%1B%5D52%07');
		assert.equal(displayUrl('https://a.example/%C2%9B31m'), 'https://a.example/%C2%9B31m');
		assert.equal(displayUrl('https://a.example/%E2%80%AEevil'), 'https://a.example/%E2%80%AEevil');
		assert.equal(displayUrl('https://a.example/%C2%A0x'), 'https://a.example/%C2%A0x');
		assert.equal(displayUrl('https://a.example/%FF%FE'), 'https://a.example/%FF%FE');
		assert.equal(displayUrl('https://a.example/caf%C3%A9?q=%C3%BC#%C3%A9'), 'https://a.example/café?q=ü#é');
	});

	test('an internationalised host is shown in its own letters', () => {
		assert.equal(displayUrl('https://xn--bcher-kva.example/'), 'https://bücher.example/');
	});

	test('only http, https and mailto are handed on, as printable ASCII', () => {
		assert.equal(handedOnUrl('javascript:alert(1)'), undefined);
		assert.equal(handedOnUrl('file:///etc/passwd'), undefined);
		assert.equal(handedOnUrl('data:text/html,x'), undefined);
		assert.equal(handedOnUrl('not a url'), undefined);
		assert.equal(handedOnUrl('mailto:ada@example.com'), 'mailto:ada@example.com');
		assert.equal(handedOnUrl('https://a.example/\u001B]52;c;AAAA\u0007'), 'https://a.example/');
		assert.match(handedOnUrl('https://a.example/x\u0007y')!, /^[\u0021-\u007E]+$/);
	});

	test('a hyperlink is OSC 8 around the text, closed after it', () => {
		assert.equal(hyperlink('https://a.example/', 'A'), '\u001B]8;;https://a.example/\u0007A\u001B]8;;\u0007');
	});
});
