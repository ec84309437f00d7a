import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {renderHtml} from '../../source/render/render-html.js';
import {htmlToPlainText} from '../../source/render/plain-text.js';
import {htmlToMarkdown} from '../../source/render/markdown.js';
import type {Anchor} from '../../source/render/styled-line.js';
import {assertWellFormed, render, segmentWith, texts} from './render-helpers.js';

/** The lines as the reader lays them out: in-page links numbered, footnotes' back-links kept. */
function renderInReader(html: string, width: number): string[] {
	const rendered = renderHtml(html, {width, baseUrl: base, inPage: true});
	assertWellFormed(rendered, width);
	return texts(rendered.lines);
}

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

describe('embeds and media', () => {
	const youtubeBlock = '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\n'
		+ 'https://www.youtube.com/watch?v=abc\n</div><figcaption>My talk</figcaption></figure>';
	const vimeo = '<p><iframe title="Garden tour" src="https://player.vimeo.com/video/1">Your browser has no frames</iframe></p>';
	const widget = '<p><iframe src="https://example.org/widget"></iframe></p>';
	const podcast = '<p><audio controls><source src="/ep1.mp3" type="audio/mpeg">Your browser cannot play it</audio></p>';

	for (const width of columns) {
		test(`a WordPress embed block with a bare URL is [video: URL], a numbered link, at ${width} columns`, () => {
			const {links, lines} = renderHtml(youtubeBlock, {width, baseUrl: base});
			assert.deepEqual(links, ['https://www.youtube.com/watch?v=abc']);
			const text = render(youtubeBlock, width, base).join(' ');
			assert.ok(text.replaceAll(' ', '').includes('[video:https://www.youtube.com/watch?v=abc][1]'), text);
			assert.equal(segmentWith(lines, '[video:').link, 1);
			assert.ok(text.includes('My talk'));
		});

		test(`an iframe is [video: TITLE URL] or [embed: URL], numbered, its fallback text hidden, at ${width} columns`, () => {
			const html = vimeo + widget;
			assert.deepEqual(renderHtml(html, {width, baseUrl: base}).links, ['https://player.vimeo.com/video/1', 'https://example.org/widget']);
			const text = render(html, width, base).join(' ');
			assert.ok(text.includes('[video: Garden tour') && text.replaceAll(' ', '').includes('https://player.vimeo.com/video/1][1]'), text);
			assert.ok(text.replaceAll(' ', '').includes('[embed:https://example.org/widget][2]'), text);
			assert.ok(!text.includes('Your browser'));
		});

		test(`<audio> with a <source> is [audio: URL], numbered, at ${width} columns`, () => {
			assert.deepEqual(renderHtml(podcast, {width, baseUrl: base}).links, ['https://blog.example/ep1.mp3']);
			const text = render(podcast, width, base).join(' ');
			assert.ok(text.replaceAll(' ', '').includes('[audio:https://blog.example/ep1.mp3][1]'), text);
			assert.ok(!text.includes('cannot play'));
		});
	}

	test('a video titled, with its source, in every output', () => {
		const html = '<video title="Sowing beans" src="https://cdn.example/beans.mp4"></video>';
		assert.deepEqual(render(html, 120), ['[video: Sowing beans https://cdn.example/beans.mp4][1]']);
		assert.equal(htmlToPlainText(html), '[video: Sowing beans https://cdn.example/beans.mp4]');
		assert.equal(htmlToMarkdown(html), '[video: Sowing beans https://cdn.example/beans.mp4](https://cdn.example/beans.mp4)');
	});

	test('in text and Markdown output embeds and audio keep their URLs', () => {
		const html = youtubeBlock + vimeo + widget + podcast;
		assert.equal(htmlToPlainText(html, base), [
			'[video: https://www.youtube.com/watch?v=abc]', 'My talk', '',
			'[video: Garden tour https://player.vimeo.com/video/1]', '',
			'[embed: https://example.org/widget]', '',
			'[audio: https://blog.example/ep1.mp3]',
		].join('\n'));
		assert.equal(htmlToMarkdown(html, base), [
			'[video: https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)', 'My talk', '',
			'[video: Garden tour https://player.vimeo.com/video/1](https://player.vimeo.com/video/1)', '',
			'[embed: https://example.org/widget](https://example.org/widget)', '',
			'[audio: https://blog.example/ep1.mp3](https://blog.example/ep1.mp3)',
		].join('\n'));
	});

	test('a frame, a video or an image whose address is not http or https is never a link', () => {
		const html = '<p><iframe src="javascript:alert(1)"></iframe><video src="data:video/mp4;base64,AAAA" title="T"></video><img src="javascript:alert(2)" alt="x"></p>';
		const rendered = renderHtml(html, {width: 80, baseUrl: base});
		assert.deepEqual(rendered.links, []);
		assert.deepEqual(render(html, 80, base), ['[video: T] [image: x]']);
		assert.ok(!htmlToMarkdown(html, base).includes('javascript') && !htmlToMarkdown(html, base).includes('data:'));
	});

	test('a tweet embed shows the tweet with its links', () => {
		const html = '<figure class="wp-block-embed is-type-rich wp-block-embed-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet"><p>Hello <a href="https://twitter.com/x/status/1">tweet</a></p></blockquote></div></figure>';
		assert.deepEqual(render(html, 40), ['│ Hello tweet[1]']);
	});
});

describe('images', () => {
	const html = '<p>Look <img src="/wp-content/uploads/tomato%20red.jpg"> and <img src="/cat.png" alt="A cat"> <img class="wp-smiley" alt="🎉" src="https://s.w.org/x.svg"></p>';

	for (const width of columns) {
		test(`an image is a numbered link to its file, named by its alt text or its file name, at ${width} columns`, () => {
			const {links, lines} = renderHtml(html, {width, baseUrl: base});
			assert.deepEqual(links, ['https://blog.example/wp-content/uploads/tomato%20red.jpg', 'https://blog.example/cat.png']);
			const text = render(html, width, base).join(' ');
			assert.ok(text.includes('[image: tomato red.jpg][1]') && text.includes('[image: A cat][2]'), text);
			assert.equal(segmentWith(lines, 'A cat').link, 2);
		});
	}

	test('WordPress emoji images are their alt text in every output', () => {
		assert.deepEqual(render(html, 120, base), ['Look [image: tomato red.jpg][1] and [image: A cat][2] 🎉']);
		assert.equal(htmlToPlainText(html, base), 'Look [image: tomato red.jpg] and [image: A cat] 🎉');
		assert.equal(htmlToMarkdown(html, base), 'Look ![tomato red.jpg](https://blog.example/wp-content/uploads/tomato%20red.jpg) and ![A cat](https://blog.example/cat.png) 🎉');
	});
});

describe('the rest of the page', () => {
	const science = '<p>E=mc<sup>2</sup> and H<sub>2</sub>O, the 1<sup>st</sup> note<sup><a href="#fn1" id="r1">1</a></sup>.</p>';

	for (const width of columns) {
		test(`superscript and subscript stay readable at ${width} columns`, () => {
			assert.deepEqual(render(science, width), ['E=mc² and H₂O, the 1^st note¹.']);
		});
	}

	test('superscript and subscript in text and Markdown output', () => {
		assert.equal(htmlToPlainText(science), 'E=mc² and H₂O, the 1^st note¹.');
		assert.equal(htmlToMarkdown(science), 'E=mc² and H₂O, the 1^st note¹.');
		assert.equal(htmlToPlainText('<p>x<sub>max</sub></p>'), 'x_max');
	});

	const page = '<details><summary>More <b>info</b></summary><p>Hidden text</p></details>'
		+ '<figure class="wp-block-pullquote"><blockquote><p>Grow your own.</p><cite>Dana</cite></blockquote></figure>'
		+ '<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" href="/signup">Sign up</a></div></div>'
		+ '<div class="wp-block-columns"><div class="wp-block-column"><p>Left</p></div><div class="wp-block-column"><p>Right</p></div></div>'
		+ '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/a.jpg" alt="Beans"></figure><figure class="wp-block-image"><img src="/b.jpg"></figure></figure>';

	for (const width of columns) {
		test(`details, pullquotes, buttons, columns and galleries read naturally at ${width} columns`, () => {
			assert.deepEqual(render(page, width, base), [
				'More info', '', 'Hidden text', '', '│ Grow your own.', '│', '│ Dana', '', 'Sign up[1]', '', 'Left', '', 'Right', '', '[image: Beans][2]', '', '[image: b.jpg][3]',
			]);
			const {lines, links} = renderHtml(page, {width, baseUrl: base});
			assert.equal(segmentWith(lines, 'More').bold, true);
			assert.deepEqual(links, ['https://blog.example/signup', 'https://blog.example/a.jpg', 'https://blog.example/b.jpg']);
		});
	}

	test('a gallery is its images in text and Markdown output', () => {
		assert.ok(htmlToPlainText(page, base).endsWith('[image: Beans]\n\n[image: b.jpg]'));
		assert.ok(htmlToMarkdown(page, base).endsWith('![Beans](https://blog.example/a.jpg)\n\n![b.jpg](https://blog.example/b.jpg)'));
	});
});

describe('Markdown lists keep their meaning when pasted', () => {
	test('two adjacent lists stay two lists: the second takes the other mark', () => {
		assert.equal(htmlToMarkdown('<ul><li>a</li><li>b</li></ul><ul><li>c</li></ul><ol><li>x</li></ol><ol><li>y</li></ol>'), '- a\n- b\n\n* c\n\n1. x\n\n1) y');
	});

	test('lists apart keep the usual marks', () => {
		assert.equal(htmlToMarkdown('<ul><li>a</li></ul><p>t</p><ul><li>c</li></ul>'), '- a\n\nt\n\n- c');
	});

	test('<ol start="7"> keeps its numbers', () => {
		assert.equal(htmlToMarkdown('<ol start="7"><li>x</li><li>y</li></ol>'), '7. x\n8. y');
	});

	test('<ol reversed> counts down, each number where a Markdown reader shows it (a new list at each change of delimiter)', () => {
		assert.equal(htmlToMarkdown('<ol reversed><li>r1</li><li>r2</li><li>r3</li></ol>'), '3. r1\n2) r2\n1. r3');
		assert.equal(htmlToMarkdown('<ol reversed start="10"><li>p</li><li>q</li></ol>'), '10. p\n9) q');
	});

	test('an item with its own value starts its own list, so it keeps its number', () => {
		assert.equal(htmlToMarkdown('<ol><li>a</li><li value="5">b</li><li>c</li></ol>'), '1. a\n5) b\n6) c');
	});
});

describe('reversed lists count down in every output', () => {
	const html = '<ol reversed><li>a</li><li>b<ol><li>x</li></ol></li><li>c</li></ol>';
	for (const width of columns) {
		test(`<ol reversed> without a start counts down from its number of items at ${width} columns`, () => {
			assert.deepEqual(render(html, width), ['3. a', '2. b', '   1. x', '1. c']);
		});
	}

	test('in text and Markdown output', () => {
		assert.equal(htmlToPlainText(html), '3. a\n2. b\n   1. x\n1. c');
		assert.equal(htmlToMarkdown(html), '3. a\n2) b\n   1. x\n1. c');
	});
});

describe('footnotes', () => {
	// As WordPress's footnotes block, markdown-it/Hugo, Pandoc and kramdown write them.
	const notes = '<p>Soil is alive<sup><a href="#fn1" id="fnref1" class="footnote-ref">1</a></sup> and compost too<sup><a href="#uuid-2" id="uuid-2-link">2</a></sup>.</p>'
		+ '<section class="footnotes" role="doc-endnotes"><ol class="wp-block-footnotes">'
		+ '<li id="fn1">A gram holds a billion <a href="/bacteria">bacteria</a>. <a href="#fnref1" class="footnote-backref">↩︎</a></li>'
		+ '<li id="uuid-2">See the guide. <a href="#uuid-2-link" aria-label="Jump to footnote reference 2">↩︎</a></li>'
		+ '<li id="fn3"><p>Pandoc\'s. <a href="#fnref3" class="footnote-back" role="doc-backlink">↩</a></p></li>'
		+ '<li id="fn4">kramdown\'s. <a href="#r4" class="reversefootnote" role="doc-backlink">&#8617;</a></li>'
		+ '</ol></section>';

	for (const width of columns) {
		test(`in the reader a footnote mark is superscript and numbered, and its ↩ back-link is a numbered link, at ${width} columns`, () => {
			const firstNote = width === 40 ? ['1. A gram holds a billion bacteria[3].', '   ↩[4]'] : ['1. A gram holds a billion bacteria[3]. ↩[4]'];
			assert.deepEqual(renderInReader(notes, width), [
				'Soil is alive¹[1] and compost too²[2].', '', ...firstNote, '2. See the guide. ↩[5]', '', '3. Pandoc\'s. ↩[6]', '', '4. kramdown\'s. ↩[7]',
			]);
			assert.deepEqual(renderHtml(notes, {width, baseUrl: base, inPage: true}).links, [
				`${base}#fn1`, `${base}#uuid-2`, 'https://blog.example/bacteria', `${base}#fnref1`, `${base}#uuid-2-link`, `${base}#fnref3`, `${base}#r4`,
			]);
		});
	}

	test('in print mode\'s text a footnote reads as its text: no ↩, in-page links not numbered', () => {
		assert.deepEqual(render(notes, 80, base), [
			'Soil is alive¹ and compost too².', '', '1. A gram holds a billion bacteria[1].', '2. See the guide.', '', '3. Pandoc\'s.', '', '4. kramdown\'s.',
		]);
		assert.deepEqual(renderHtml(notes, {width: 80, baseUrl: base}).links, ['https://blog.example/bacteria']);
		assert.equal(renderHtml(notes, {width: 80, baseUrl: base}).anchors?.size ?? 0, 0, 'no anchors are recorded');
	});

	test('in text and Markdown output too', () => {
		const text = htmlToPlainText(notes, base);
		assert.doesNotMatch(text, /↩/);
		assert.match(text, /^1\. A gram holds a billion bacteria\.$/m);
		const markdown = htmlToMarkdown(notes, base);
		assert.doesNotMatch(markdown, /↩|fnref/);
		assert.match(markdown, /^1\. A gram holds a billion \[bacteria\]\(https:\/\/blog\.example\/bacteria\)\.$/m);
	});

	test('a link elsewhere that only looks like one stays a link: a back-link is within the page', () => {
		assert.deepEqual(renderHtml('<p>Back <a href="https://elsewhere.example/#fnref1" class="footnote-backref">there</a>.</p>', {width: 80}).links, ['https://elsewhere.example/#fnref1']);
	});
});

describe('in-page anchors', () => {
	const anchorsOf = (html: string, width = 40): ReadonlyMap<string, Anchor> => renderHtml(html, {width, baseUrl: base, inPage: true}).anchors ?? new Map<string, Anchor>();
	const lineOf = (html: string, id: string, width = 40) => {
		const {lines, anchors} = renderHtml(html, {width, baseUrl: base, inPage: true});
		const anchor = anchors?.get(id);
		return anchor === undefined ? undefined : lines[anchor.line]?.map(segment => segment.text).join('');
	};
	const notes = '<p>Soil is alive<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup>.</p><p>Filler paragraph one.</p><p>Filler two.</p>'
		+ '<ol class="wp-block-footnotes"><li id="a1">A gram holds a billion bacteria. <a href="#a1-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>';

	for (const width of columns) {
		test(`a WordPress footnote's id lands on its line, and its reference's on the line that cites it, at ${width} columns`, () => {
			assert.equal(lineOf(notes, 'a1', width), '1. A gram holds a billion bacteria. ↩[2]');
			assert.equal(lineOf(notes, 'a1-link', width), 'Soil is alive¹[1].');
			assert.deepEqual([anchorsOf(notes, width).get('a1')?.kind, anchorsOf(notes, width).get('a1-link')?.kind], ['footnote', 'reference']);
		});
	}

	test('a heading id and an <a name> are places to move to', () => {
		const html = '<p>Intro.</p><h2 id="how">How to sow</h2><p>Text.</p><p><a name="old-style"></a>Old anchors too.</p>';
		assert.equal(lineOf(html, 'how'), 'How to sow');
		assert.equal(lineOf(html, 'old-style'), 'Old anchors too.');
		assert.equal(anchorsOf(html).get('how')?.kind, 'place');
	});

	test('of two elements with the same id, the first wins', () => {
		const html = '<p id="twice">First.</p><p>Between.</p><p id="twice">Second.</p>';
		assert.equal(lineOf(html, 'twice'), 'First.');
		assert.equal(anchorsOf(html).size, 1);
	});

	test('hostile ids are only keys: cleaned of control characters, never too long, never the Map\'s own properties', () => {
		const html = '<p id="__proto__">Proto.</p><p id="constructor">Cons.</p><p id="bad\u001B[31mred">Escaped.</p>'
			+ `<p id="${'x'.repeat(5000)}">Long.</p><p id="  ">Blank.</p>`;
		const anchors = anchorsOf(html);
		assert.equal(lineOf(html, '__proto__'), 'Proto.');
		assert.equal(lineOf(html, 'constructor'), 'Cons.');
		assert.ok([...anchors.keys()].every(id => !/[\u0000-\u001F\u007F]/.test(id) && id.length <= 256 && id.trim() !== ''));
		assert.equal(anchors.size, 3);
		assert.equal(renderHtml(html, {width: 40, inPage: true}).lines.map(line => line.map(segment => segment.text).join('')).join('\n'), 'Proto.\n\nCons.\n\nEscaped.\n\nLong.\n\nBlank.', 'no id is shown');
	});

	test('in the reader an in-page link is numbered against the post\'s URL; without one it is text', () => {
		assert.deepEqual(renderHtml('<p><a href="#how">See how</a>.</p>', {width: 40, baseUrl: base, inPage: true}).links, [`${base}#how`]);
		assert.deepEqual(renderHtml('<p><a href="#how">See how</a>.</p>', {width: 40, inPage: true}).links, []);
	});
});
