import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {DomUtils, parseDocument} from 'htmlparser2';
import {networkHtml} from '../../source/sources/clean-html.js';

const base = 'https://blog.example/2026/01/a-post/';

/** Every value of the attributes that hold addresses, as a browser's parser (htmlparser2 here) reads the result. */
function addressesIn(html: string): string[] {
	return DomUtils.findAll(() => true, parseDocument(html).children).flatMap(element => ['href', 'xlink:href', 'src', 'srcset', 'poster', 'action', 'formaction', 'data', 'srcdoc']
		.flatMap(name => (element.attribs[name] === undefined ? [] : [`${name}=${element.attribs[name]}`])));
}

describe('the addresses in a post\'s HTML, where it enters blogterm', () => {
	test('a relative link becomes absolute against the post\'s address; javascript: and data: links lose their address and keep their text', () => {
		const html = networkHtml('<p>Full <a href="/relative">rel</a> <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a></p>', base);
		assert.equal(html, '<p>Full <a href="https://blog.example/relative">rel</a> <a>js</a> <a>data</a></p>');
	});

	test('images and media: relative ones absolute, data: and javascript: ones gone, srcset candidate by candidate', () => {
		const html = networkHtml('<img src="photo.jpg" alt="a"><img src="data:image/png;base64,AAAA" alt="b"><video poster="javascript:x" src="//cdn.example/v.mp4"></video>'
			+ '<img srcset="small.jpg 1x, /large.jpg 2x, data:image/png;base64,AA,BB 3x, javascript:x 4x" alt="c">', base);
		assert.deepEqual(addressesIn(html), [
			'src=https://blog.example/2026/01/a-post/photo.jpg',
			'src=https://cdn.example/v.mp4',
			'srcset=https://blog.example/2026/01/a-post/small.jpg 1x, https://blog.example/large.jpg 2x',
		]);
		// What the elements say stays.
		assert.match(html, /alt="b"/);
	});

	test('a link may be mailto: or a place in the page (#fn1), which stays as it is for the reader\'s footnotes', () => {
		const html = networkHtml('<a href="mailto:ada@example.com">mail</a><a href="#fn1">1</a><a href="tel:+44">call</a>', base);
		assert.deepEqual(addressesIn(html), ['href=mailto:ada@example.com', 'href=#fn1']);
		// Not an image: a `mailto:` picture is no picture.
		assert.deepEqual(addressesIn(networkHtml('<img src="mailto:ada@example.com">', base)), []);
	});

	test('what a browser takes for javascript: is gone however it is written: entities, tabs, newlines, case, leading spaces and controls', () => {
		for (const href of ['jav&#x61;script:alert(1)', 'java\tscript:alert(1)', 'java&#10;script:alert(1)', ' JAVASCRIPT:alert(1)', '&#1;javascript:alert(1)', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
			const html = networkHtml(`<a href="${href}">x</a>`, base);
			assert.equal(html, '<a>x</a>', href);
		}
	});

	test('every attribute that holds an address is checked: forms, buttons, objects, SVG links; srcdoc goes', () => {
		const html = networkHtml('<form action="javascript:1"><button formaction="/go">b</button></form><object data="javascript:1"></object>'
			+ '<svg><a xlink:href="javascript:alert(1)"><text>s</text></a></svg><iframe srcdoc="<a href=javascript:alert(1)>x</a>" src="/embed"></iframe>', base);
		assert.deepEqual(addressesIn(html), ['formaction=https://blog.example/go', 'src=https://blog.example/embed']);
	});

	test('with no usable address for the post, a relative link has nothing to be relative to: it goes, absolute ones stay', () => {
		for (const noBase of [undefined, 'not a url']) {
			assert.equal(networkHtml('<a href="/x">x</a> <a href="https://other.example/">y</a>', noBase), '<a>x</a> <a href="https://other.example/">y</a>');
		}
	});

	test('markup a browser reads otherwise than the parser cannot carry a link past the check: comments and CDATA go, an SVG style is text', () => {
		const hidden = [
			'<!--><a href="javascript:alert(1)">x</a>-->',
			'<!-- --!><a href="javascript:alert(2)">x</a> -->',
			'<![CDATA[ --><a href="javascript:alert(3)">x</a> ]]>',
			'<svg><style><a href="javascript:alert(4)">x</a></style></svg>',
			'<svg><title><a href="javascript:alert(5)">x</a></title></svg>',
			'<script>x</script/><a href="javascript:alert(6)">y</a></script>',
		];
		for (const html of hidden) {
			const cleaned = networkHtml(html, base);
			assert.deepEqual(addressesIn(cleaned), [], `${html} → ${cleaned}`);
			assert.doesNotMatch(cleaned, /<a\s+href/i, `${html} → ${cleaned}`);
		}
	});

	test('text is written as it reads: escaped, but in script, style and textarea, whose text a browser reads raw too', () => {
		assert.equal(networkHtml('<p>Fish &amp; chips &lt;3 a&gt;b</p>', base), '<p>Fish &amp; chips &lt;3 a&gt;b</p>');
		const raw = '<script>if (a < b && c > d) go("</scr" + "ipt>")</script><style>p > a {}</style><textarea>&lt;b&gt;</textarea>';
		assert.equal(networkHtml(raw, base), raw);
	});

	test('HTML without a tag is returned as it is; the rest keeps its elements, closed as HTML implies', () => {
		assert.equal(networkHtml('Just words &amp; more', base), 'Just words &amp; more');
		assert.equal(networkHtml('', base), '');
		assert.equal(networkHtml('<ul><li>one<li>two</ul><p>a<br>b', base), '<ul><li>one</li><li>two</li></ul><p>a<br>b</p>');
	});

	test('HTML nested 10,000 deep is read in one pass: the deep link checked, the deep text kept', () => {
		const deep = `${'<div>'.repeat(10_000)}<a href="javascript:alert(1)">deep words</a>${'</div>'.repeat(10_000)}`;
		const html = networkHtml(deep, base);
		assert.doesNotMatch(html, /javascript/);
		assert.match(html, /deep words/);
	});
});
