import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {renderHtml, renderLinkList} from '../../source/render/render-html.js';
import {noWrap} from '../../source/render/no-wrap.js';
import {wrapPlainText} from '../../source/render/wrap.js';
import {forbidden, render, segmentWith, texts, widths} from './render-helpers.js';
import {seededRandom} from '../helpers/seeded-random.js';

const lorem = 'The quick brown fox jumps over the lazy dog while the cat watches from a sunny window sill and the bird sings';

describe('paragraphs', () => {
	for (const width of widths) {
		test(`wraps a paragraph to ${width} columns keeping every word in order`, () => {
			const lines = render(`<p>${lorem}</p>`, width);
			assert.ok(lines.length > 1 || width === 80 && lorem.length <= 80);
			assert.equal(lines.join(' '), lorem);
			// Greedy: the next line's first word would not have fitted.
			for (let index = 0; index + 1 < lines.length; index++) {
				const nextWord = lines[index + 1]!.split(' ')[0]!;
				assert.ok(stringWidth(lines[index]!) + 1 + stringWidth(nextWord) > width);
			}
		});
	}

	test('separates paragraphs by one blank line', () => {
		assert.deepEqual(render('<p>One</p>\n\n<p>Two</p><p>Three</p>', 40), ['One', '', 'Two', '', 'Three']);
	});

	test('collapses whitespace like a browser', () => {
		assert.deepEqual(render('<p>\n  Hello \t\n  big    <b> world </b>  !\n</p>', 40), ['Hello big world !']);
	});

	test('breaks a line at <br>', () => {
		assert.deepEqual(render('<p>Roses are red<br>violets are blue<br/>sugar</p>', 40), ['Roses are red', 'violets are blue', 'sugar']);
	});

	test('keeps one empty line for <br><br> but never two blank lines in a row', () => {
		assert.deepEqual(render('<p>a<br><br>b</p><p></p><p>&nbsp;</p><br><br><br><p>c</p>', 40), ['a', '', 'b', '', 'c']);
	});

	test('has no blank line first or last', () => {
		assert.deepEqual(render('<br><p></p>\n<p>  Only  </p><br><hr style="display:none" hidden><p></p>', 40), ['Only']);
	});

	test('renders nothing for empty or whitespace-only HTML', () => {
		assert.deepEqual(render('', 40), []);
		assert.deepEqual(render('   \n<p> </p><div></div>', 40), []);
	});

	test('a no-break space keeps two words on one line and prints as a space', () => {
		assert.deepEqual(render('<p>aaaa bbbb&nbsp;cccc</p>', 10), ['aaaa', 'bbbb cccc']);
	});

	test('renders plain text without any element', () => {
		assert.deepEqual(render('just some text', 40), ['just some text']);
	});

	for (const width of widths) {
		test(`breaks a 20,000-character word into lines of exactly ${width} columns`, () => {
			const word = 'x'.repeat(20_000);
			const lines = render(`<p>Before ${word} after</p>`, width);
			assert.equal(lines[0], 'Before');
			assert.equal(lines.at(-1)!.endsWith(' after') || lines.at(-1) === 'after', true);
			const pieces = lines.slice(1).join('').replace(/ ?after$/, '');
			assert.equal(pieces, word);
			for (const line of lines.slice(1, -2)) assert.equal(line.length, width);
		});
	}

	for (const width of widths) {
		test(`wraps Chinese text and emoji by display columns at width ${width}`, () => {
			const chinese = '中文字符'.repeat(30);
			const emoji = '😀👍🏽👨‍👩‍👧'.repeat(20);
			const lines = render(`<p>${chinese}</p><p>Emoji ${emoji} end</p>`, width);
			const joined = lines.join('');
			assert.ok(joined.includes(chinese.slice(0, 10)));
			// Full lines of wide characters use the width, or one column less when a wide character did not fit.
			const first = lines[0]!;
			assert.ok(stringWidth(first) >= width - 1, `${first} is ${stringWidth(first)} columns`);
			// Emoji sequences are never cut apart.
			assert.equal(lines.join('').split('👨‍👩‍👧').length - 1, 20);
			assert.equal(lines.join('').split('👍🏽').length - 1, 20);
		});
	}

	test('never cuts an accented letter written with a combining mark', () => {
		const word = 'e\u0301'.repeat(50);
		const lines = render(`<p>${word}</p>`, 20);
		for (const line of lines) assert.ok(!line.startsWith('\u0301'));
		assert.equal(lines.join(''), word);
	});
});

describe('inline styles', () => {
	test('<strong> and <b> are bold, <em> and <i> italic, <code> has the code role', () => {
		const {lines} = renderHtml('<p><strong>strong</strong> <b>bee</b> <em>emph</em> <i>eye</i> <code>x = 1</code> plain</p>', {width: 80});
		assert.equal(segmentWith(lines, 'strong').bold, true);
		assert.equal(segmentWith(lines, 'bee').bold, true);
		assert.equal(segmentWith(lines, 'emph').italic, true);
		assert.equal(segmentWith(lines, 'eye').italic, true);
		assert.equal(segmentWith(lines, 'x = 1').role, 'code');
		const plain = segmentWith(lines, 'plain');
		assert.equal(plain.bold, undefined);
		assert.equal(plain.role, undefined);
	});

	test('a word can change style in the middle without a space', () => {
		assert.deepEqual(render('<p>foo<b>bar</b>baz qux</p>', 40), ['foobarbaz qux']);
	});

	test('nested styles combine', () => {
		const {lines} = renderHtml('<p><b>bold <i>both</i></b></p>', {width: 40});
		const both = segmentWith(lines, 'both');
		assert.equal(both.bold, true);
		assert.equal(both.italic, true);
	});
});

describe('headings', () => {
	for (const width of widths) {
		test(`headings are bold with the heading role and a blank line around, at width ${width}`, () => {
			const {lines} = renderHtml('<p>Intro</p><h1>Title</h1><p>Body</p><h3>Small</h3><p>End</p>', {width});
			assert.deepEqual(texts(lines), ['Intro', '', 'Title', '', 'Body', '', 'Small', '', 'End']);
			for (const heading of ['Title', 'Small']) {
				const segment = segmentWith(lines, heading);
				assert.equal(segment.bold, true);
				assert.equal(segment.role, 'heading');
			}
			assert.equal(segmentWith(lines, 'Title').underline, true);
		});
	}

	test('a long heading wraps', () => {
		const lines = render(`<h2>${lorem}</h2>`, 20);
		assert.ok(lines.length > 3);
		assert.equal(lines.join(' '), lorem);
	});
});

describe('lists', () => {
	for (const width of widths) {
		test(`bullets and hang-indented continuation lines at width ${width}`, () => {
			const lines = render(`<ul><li>Short</li><li>${lorem}</li></ul>`, width);
			assert.equal(lines[0], '• Short');
			assert.ok(lines[1]!.startsWith('• The quick'));
			for (const line of lines.slice(2)) assert.ok(line.startsWith('  ') && !line.startsWith('   '), JSON.stringify(line));
			assert.equal(lines.slice(1).map(line => line.slice(2)).join(' '), lorem);
		});
	}

	test('ordered lists count from 1 or from start, and honour value', () => {
		assert.deepEqual(render('<ol><li>a</li><li>b</li></ol>', 40), ['1. a', '2. b']);
		assert.deepEqual(render('<ol start="7"><li>a</li><li>b</li><li value="20">c</li><li>d</li></ol>', 40), ['7. a', '8. b', '20. c', '21. d']);
	});

	test('hang-indents under the text of a two-digit number', () => {
		const lines = render(`<ol start="10"><li>${lorem}</li></ol>`, 30);
		assert.ok(lines[0]!.startsWith('10. The'));
		for (const line of lines.slice(1)) assert.match(line, /^ {4}\S/);
	});

	test('nested lists are indented by 2 per level', () => {
		assert.deepEqual(
			render('<ul><li>one<ul><li>two<ul><li>three</li></ul></li></ul></li><li>back</li></ul>', 40),
			['• one', '  • two', '    • three', '• back'],
		);
	});

	test('a list straight inside a list is indented too', () => {
		assert.deepEqual(render('<ul><li>a</li><ul><li>b</li></ul></ul>', 40), ['• a', '  • b']);
	});

	test('a list is set off from paragraphs by blank lines', () => {
		assert.deepEqual(render('<p>Before</p><ul><li>a</li></ul><p>After</p>', 40), ['Before', '', '• a', '', 'After']);
	});

	test('paragraphs inside an item keep its indentation', () => {
		assert.deepEqual(render('<ul><li><p>first</p><p>second</p></li></ul>', 40), ['• first', '', '  second']);
	});
});

describe('blockquotes', () => {
	for (const width of widths) {
		test(`quoted lines start with a bar at width ${width}`, () => {
			const {lines} = renderHtml(`<blockquote><p>${lorem}</p></blockquote>`, {width});
			const text = texts(lines);
			for (const line of text) assert.ok(line.startsWith('│ '));
			assert.equal(text.map(line => line.slice(2)).join(' '), lorem);
			assert.equal(segmentWith(lines, '│').role, 'quote');
		});
	}

	test('nested quotes get another bar and paragraphs inside keep the bar on the blank line', () => {
		assert.deepEqual(
			render('<p>x</p><blockquote><p>one</p><p>two</p><blockquote>inner</blockquote></blockquote><p>y</p>', 40),
			['x', '', '│ one', '│', '│ two', '│', '│ │ inner', '', 'y'],
		);
	});
});

describe('preformatted text', () => {
	test('keeps whitespace and line breaks, and expands tabs to 4 columns', () => {
		const lines = render('<pre>\nfunction f() {\n\tif (x)  {\n\t\treturn;\n\t}\n}\nab\tc\n</pre>', 40);
		assert.deepEqual(lines, ['function f() {', '    if (x)  {', '        return;', '    }', '}', 'ab  c']);
	});

	test('has the code role', () => {
		const {lines} = renderHtml('<pre><code>let x = 1;</code></pre>', {width: 40});
		assert.equal(segmentWith(lines, 'let x').role, 'code');
	});

	for (const width of widths) {
		test(`wraps a line wider than ${width} columns, each line it goes on to marked ↪ (at 8 columns and more)`, () => {
			const long = 'a'.repeat(width * 2 + 5);
			const lines = render(`<pre>${long}\nshort</pre>`, width);
			if (width < 8) assert.deepEqual(lines, ['a'.repeat(width), 'a'.repeat(width), 'a'.repeat(5), 'short']);
			else assert.deepEqual(lines, ['a'.repeat(width), `↪ ${'a'.repeat(width - 2)}`, `↪ ${'a'.repeat(7)}`, 'short']);
			for (const line of lines) assert.ok(stringWidth(line) <= width, line);
		});
	}

	test('a code line too wide breaks after its last space in the second half of the width, so words stay whole', () => {
		const awk = '     END { for (v in grams) printf "%-12s %3d fruit %6.1f kg\\n", v, n[v], grams[v] / 1000 }\' harvest.txt | sort -k4 -rn';
		assert.deepEqual(render(`<pre>${awk}</pre>`, 76), [
			'     END { for (v in grams) printf "%-12s %3d fruit %6.1f kg\\n", v, n[v],',
			'↪ grams[v] / 1000 }\' harvest.txt | sort -k4 -rn',
		]);
		// The mark is the reader's, not the code's: the text and its styles are the code's alone.
		const {lines} = renderHtml(`<pre>${awk}</pre>`, {width: 76});
		assert.equal(segmentWith(lines, '↪').role, 'muted');
		assert.equal(segmentWith(lines, 'grams[v]').role, 'code');
	});

	test('is separated from paragraphs by blank lines', () => {
		assert.deepEqual(render('<p>a</p><pre>code</pre><p>b</p>', 40), ['a', '', 'code', '', 'b']);
	});

	test('keeps <br> inside as a line break', () => {
		assert.deepEqual(render('<pre>one<br>two</pre>', 40), ['one', 'two']);
	});
});

describe('links', () => {
	test('numbers links in order of first appearance, the same URL keeping its number', () => {
		const rendered = renderHtml(
			'<p><a href="https://a.example/">A</a> <a href="https://b.example/x">B</a> <a href="https://a.example/">again</a></p>',
			{width: 80},
		);
		assert.deepEqual(texts(rendered.lines), ['A[1] B[2] again[1]']);
		assert.deepEqual(rendered.links, ['https://a.example/', 'https://b.example/x']);
		assert.equal(segmentWith(rendered.lines, '[2]').role, 'link');
	});

	test('resolves relative links against the base URL', () => {
		const rendered = renderHtml('<a href="/about">About</a> <a href="next/">Next</a> <a href="//cdn.example/x">CDN</a>', {width: 80, baseUrl: 'https://blog.example/2024/post/'});
		assert.deepEqual(rendered.links, ['https://blog.example/about', 'https://blog.example/2024/post/next/', 'https://cdn.example/x']);
	});

	test('gives numbers only to http, https and mailto links', () => {
		const rendered = renderHtml(
			'<p><a href="javascript:alert(1)">js</a> <a href="mailto:me@example.com">mail</a> <a href="ftp://x.example/">ftp</a> <a href="data:text/html,x">data</a> <a href="#top">top</a> <a>none</a> <a href="relative">rel</a></p>',
			{width: 80},
		);
		assert.deepEqual(texts(rendered.lines), ['js mail[1] ftp data top none rel']);
		assert.deepEqual(rendered.links, ['mailto:me@example.com']);
	});

	test('an unusable base URL still lets absolute links through', () => {
		const rendered = renderHtml('<a href="https://a.example/">A</a> <a href="/rel">B</a>', {width: 80, baseUrl: 'not a url'});
		assert.deepEqual(rendered.links, ['https://a.example/']);
	});

	test('does not put the link list into the lines', () => {
		const rendered = renderHtml('<p><a href="https://a.example/">A</a></p>', {width: 80});
		assert.ok(!texts(rendered.lines).some(line => line.includes('https://')));
	});

	test('keeps the number with the link text even when a space ends the link', () => {
		assert.deepEqual(render('<p><a href="https://a.example/">click here </a>now</p>', 80), ['click here[1] now']);
	});

	for (const width of widths) {
		test(`renderLinkList lists "Links:" then numbered URLs no wider than ${width}, a long one from the first column, never indented`, () => {
			const long = `https://example.com/${'very-long-path/'.repeat(12)}end`;
			const lines = texts(renderLinkList(['https://a.example/', long], width));
			assert.equal(lines[0], 'Links:');
			for (const line of lines) assert.ok(stringWidth(line) <= width, line);
			const second = lines.indexOf('[2]');
			assert.equal(lines.slice(1, second).join(''), width >= 22 ? '[1] https://a.example/' : '[1]https://a.example/');
			// Under its number, cut at the width with no indent: selecting the lines gives the URL and nothing else.
			assert.equal(lines.slice(second + 1).join(''), long);
			for (const line of lines.slice(second + 1)) assert.ok(!line.startsWith(' '), line);
		});

		test(`renderLinkList with wholeUrls writes a long URL whole on its own line at ${width}`, () => {
			const long = `https://example.com/${'very-long-path/'.repeat(12)}end`;
			assert.deepEqual(texts(renderLinkList([long], width, {wholeUrls: true})), ['Links:', '[1]', long]);
		});

		test(`renderLinkList shows a non-ASCII URL decoded at ${width}; the link keeps it encoded`, () => {
			const encoded = 'https://blog.example/2012/07/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%82%BF%E3%82%A4%E3%83%88%E3%83%AB/';
			const lines = renderLinkList([encoded], width, {wholeUrls: true});
			assert.ok(texts(lines).join('').includes('https://blog.example/2012/07/日本語のタイトル/'), texts(lines).join('|'));
			const urlSegment = lines.flat().find(segment => segment.text.includes('日本語'));
			assert.equal(urlSegment?.link, 1);
		});
	}

	test('renderLinkList gives nothing for no links', () => {
		assert.deepEqual(renderLinkList([], 80), []);
	});
});

describe('images and figures', () => {
	test('shows an image as its alt text, or [image] without one', () => {
		const {lines} = renderHtml('<p>See <img src="a.png" alt="A  red\ncat"> and <img src="b.png"></p>', {width: 80});
		assert.deepEqual(texts(lines), ['See [image: A red cat] and [image]']);
		assert.equal(segmentWith(lines, 'red').role, 'image');
	});

	test('a figure is its own block with its caption below', () => {
		assert.deepEqual(
			render('<p>Before</p><figure><img src="a.png" alt="Chart"><figcaption>Figure 1: sales</figcaption></figure><p>After</p>', 40),
			['Before', '', '[image: Chart]', 'Figure 1: sales', '', 'After'],
		);
	});

	test('an image inside a link gets the link number', () => {
		assert.deepEqual(render('<a href="https://x.example/big.png"><img src="small.png" alt="photo"></a>', 40), ['[image: photo][1]']);
	});
});

describe('rules and tables', () => {
	for (const width of widths) {
		test(`<hr> is a line of ─ as wide as the terminal (${width})`, () => {
			assert.deepEqual(render('<p>a</p><hr><p>b</p>', width), ['a', '', '─'.repeat(width), '', 'b']);
		});
	}

	test('an <hr> inside a quote fits inside the bar', () => {
		assert.deepEqual(render('<blockquote><hr></blockquote>', 20), [`│ ${'─'.repeat(18)}`]);
	});

	test('a table that fits is one line per row, its columns aligned and parted by │, a rule under the header row', () => {
		assert.deepEqual(
			render('<table><thead><tr><th>Name</th><th>Age</th></tr></thead><tbody><tr><td>Alice</td><td>30</td></tr><tr><td><p>Bob</p><p>Jr</p></td><td>4</td></tr></tbody></table>', 40),
			['Name   │ Age', '───────┼────', 'Alice  │ 30', 'Bob Jr │ 4'],
		);
	});

	test('header cells are bold', () => {
		const {lines} = renderHtml('<table><tr><th>Name</th></tr></table>', {width: 40});
		assert.equal(segmentWith(lines, 'Name').bold, true);
	});

	test('a table too wide for the terminal is one block per row, its cells wrapped in order', () => {
		const cells = Array.from({length: 8}, (_, index) => `<td>cell${index}</td>`).join('');
		const lines = render(`<table><tr>${cells}</tr></table>`, 20);
		assert.ok(lines.length > 1);
		assert.equal(lines.join(' ').replaceAll(' · ', '|'), 'cell0|cell1|cell2|cell3|cell4|cell5|cell6|cell7');
	});
});

describe('every element together', () => {
	const html = `<h1>Heading</h1><p>Para with <b>bold</b>, <i>italic</i>, <code>code</code> and <a href="/l">a link</a>.</p>
		<ul><li>bullet<ol start="5"><li>number</li></ol></li></ul><blockquote><p>quoted</p></blockquote><pre>pre\tformatted</pre>
		<figure><img src="c.png" alt="cat"><figcaption>cap</figcaption></figure><hr><table><tr><th>h1</th><th>h2</th></tr><tr><td>d1</td><td>d2</td></tr></table>
		<script>hidden()</script><unknown-el>kept</unknown-el>`;
	for (const width of widths) {
		test(`shows each element's visible form at width ${width}`, () => {
			const lines = render(html, width, 'https://blog.example/');
			const text = lines.join('\n');
			for (const expected of ['Heading', 'bold', 'italic', 'code', 'link[1]', '• bullet', '  5. number', '│ quoted', 'pre formatted', '[image: cat]', 'cap', '─'.repeat(width), 'h1 │ h2', 'd1 │ d2', 'kept']) {
				assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in\n${text}`);
			}
			assert.ok(!text.includes('hidden'));
			assert.deepEqual(renderHtml(html, {width, baseUrl: 'https://blog.example/'}).links, ['https://blog.example/l', 'https://blog.example/c.png']);
		});
	}
});

describe('what is left out', () => {
	test('drops script, style, noscript and iframe contents', () => {
		assert.deepEqual(
			render('<p>a</p><script>alert("x")</script><style>p{color:red}</style><noscript>Enable JS</noscript><iframe src="x">frame text</iframe><p>b</p>', 40),
			['a', '', 'b'],
		);
	});

	test('renders the children of unknown elements', () => {
		assert.deepEqual(render('<p><custom-tag>inside <blink>this</blink></custom-tag> works</p>', 40), ['inside this works']);
	});

	test('drops comments and the doctype', () => {
		assert.deepEqual(render('<!DOCTYPE html><!-- secret --><p>shown</p>', 40), ['shown']);
	});

	test('renders only the body of a whole document', () => {
		assert.deepEqual(render('<html><head><title>Tab title</title><meta charset="utf-8"></head><body><p>Body</p></body></html>', 40), ['Body']);
	});
});

describe('hostile content', () => {
	const attacks = [
		'\u001B[31mred\u001B[0m',
		'&#27;[31mref&#27;[0m',
		'&#x1b;]0;pwned&#x7;',
		'\u001B]52;c;Y2xpcGJvYXJk\u0007',
		'\u001B]8;;https://evil.example/\u001B\\hyper\u001B]8;;\u001B\\',
		'&#x9b;2J &#155;',
		'\u009B2J\u009D0;t\u009C',
		'over\rwrite',
		'file\u202Egnp.exe &#x202e;',
		'&#8;&#127;&#0;',
		'\u001BPdcs\u001B\\ \u001B_apc\u001B\\',
	];

	for (const attack of attacks) {
		test(`no control character reaches the output from ${JSON.stringify(attack)}`, () => {
			const html = `<h1>${attack}</h1><p>${attack} <a href="https://x.example/${attack}">${attack}</a><img alt="${attack}" src="x"></p><pre>${attack}</pre><ul><li>${attack}</li></ul><table><tr><td>${attack}</td></tr></table>`;
			for (const width of widths) {
				const rendered = renderHtml(html, {width});
				for (const segment of rendered.lines.flat()) assert.doesNotMatch(segment.text, forbidden);
				for (const link of rendered.links) assert.doesNotMatch(link, forbidden);
				render(html, width);
			}
		});
	}

	test('a character reference to ESC starting an OSC sequence removes the whole sequence', () => {
		assert.deepEqual(render('<p>a&#27;]0;pwned title&#7;b</p>', 40), ['ab']);
	});

	test('control characters in an href never reach the link list', () => {
		const rendered = renderHtml('<a href="https://x.example/a&#27;[31m&#10;b">x</a>', {width: 40});
		assert.equal(rendered.links.length, 1);
		assert.doesNotMatch(rendered.links[0]!, forbidden);
		assert.ok(rendered.links[0]!.startsWith('https://x.example/a'));
	});
});

describe('deep nesting', () => {
	const depth = 10_000;
	for (const [open, close] of [['<div>', '</div>'], ['<blockquote>', '</blockquote>'], ['<ul><li>', '</li></ul>'], ['<b>', '</b>'], ['<span>', '</span>']] as const) {
		test(`10,000 levels of ${open} render without overflowing the stack`, () => {
			const html = `${open.repeat(depth)}deep text${close.repeat(depth)}`;
			const lines = render(html, 40);
			assert.equal(lines.length, 1);
			assert.ok(lines[0]!.endsWith('deep text'));
		});
	}

	for (const width of widths) {
		test(`deep quotes and lists stop indenting so text keeps room, at width ${width}`, () => {
			const html = `${'<blockquote><ul><li>'.repeat(200)}${lorem}${'</li></ul></blockquote>'.repeat(200)}`;
			const lines = render(html, width);
			const room = Math.min(20, Math.ceil(width / 2));
			const words = lorem.split(' ');
			for (const line of lines) {
				const text = line.replace(/^[│• ]*/, '');
				assert.ok(width - stringWidth(line) + stringWidth(text) >= room || words.includes(text), JSON.stringify(line));
			}
			assert.equal(lines.map(line => line.slice(width - room)).join(' ').replaceAll(/\s+/g, ' ').trim(), lorem);
		});
	}

	test('each of 10,000 nested quotes with its own text renders in bounded width', () => {
		const html = Array.from({length: depth}, (_, index) => `<blockquote>level ${index}`).join('') + '</blockquote>'.repeat(depth);
		const lines = render(html, 40);
		// Past maxHtmlDepth the quotes are flattened into the deepest one followed, each level's words still apart.
		assert.match(lines.slice(-3).map(line => line.replace(/^[│ ]*/, '')).join(' '), /level 9998 level 9999$/);
	});
});

describe('random HTML', () => {

	test('300 random documents keep every rule at every width', () => {
		const random = seededRandom(42);
		const pieces = [
			'<p>', '</p>', '<b>', '</b>', '<i>', '</i>', '<ul>', '<ol start="3">', '<li>', '</li>', '</ul>', '</ol>', '<blockquote>', '</blockquote>',
			'<pre>', '</pre>', '<br>', '<hr>', '<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<h2>', '</h2>', '<a href="/x">', '<a href="https://y.example/">', '</a>',
			'<img alt="pic">', '<code>', '</code>', '<div>', '</div>', ' ', '\n', '\t', 'word', 'longerword', '中文字', '😀', 'x'.repeat(90), '&nbsp;', '&#27;[1m', '\u001B]0;t\u0007', '\r', '&amp;',
		];
		for (let index = 0; index < 300; index++) {
			let html = '';
			const length = Math.floor(random() * 80);
			for (let position = 0; position < length; position++) html += pieces[Math.floor(random() * pieces.length)];
			for (const width of [1, 2, 5, ...widths]) {
				try {
					render(html, width);
				} catch (error) {
					assert.fail(`width ${width}, html ${JSON.stringify(html)}: ${String(error)}`);
				}
			}
		}
	});
});

describe('no wrapping (print mode\'s --width 0)', () => {
	test('each paragraph is one line, a rule is 40 columns, a quote and a list keep their marks', () => {
		const long = Array.from({length: 40}, () => lorem).join(' ');
		const lines = render(`<p>${long}</p><hr><blockquote><p>${long}</p></blockquote><ul><li>${long}</li></ul>`, noWrap);
		assert.deepEqual(lines, [long, '', '─'.repeat(40), '', `│ ${long}`, '', `• ${long}`]);
	});

	test('a plain string and a link list are not wrapped either', () => {
		const long = Array.from({length: 40}, () => lorem).join(' ');
		assert.deepEqual(texts(wrapPlainText(long, noWrap)), [long]);
		const url = `https://blog.example/${'a'.repeat(500)}`;
		assert.deepEqual(texts(renderLinkList([url], noWrap)), ['Links:', `[1] ${url}`]);
	});
});
