import {test} from 'node:test';
import assert from 'node:assert/strict';
import {maxHtmlDepth} from '../../source/render/html-events.js';
import {htmlToPlainText, htmlWords} from '../../source/render/plain-text.js';
import {forbidden} from './render-helpers.js';

const long = 'This paragraph is long enough that a terminal would wrap it, but plain text keeps it on one line for the caller.';

test('keeps paragraphs unwrapped, separated by one blank line', () => {
	assert.equal(htmlToPlainText(`<p>${long}</p>\n<p>Second   paragraph</p><p></p><p>Third</p>`), `${long}\n\nSecond paragraph\n\nThird`);
});

test('keeps list bullets and numbers', () => {
	assert.equal(htmlToPlainText('<ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><ol start="3"><li>three</li></ol>'), '• one\n• two\n  • deep\n\n3. three');
});

test('gives links as their text only', () => {
	assert.equal(htmlToPlainText('<p>Read <a href="https://example.com/">the docs</a> now.</p>', 'https://example.com/'), 'Read the docs now.');
});

test('keeps headings, quotes, code and line breaks readable', () => {
	assert.equal(
		htmlToPlainText('<h2>Title</h2><blockquote><p>Quoted</p></blockquote><pre>  indented\n\tcode</pre><p>a<br>b</p><hr><p>end</p>'),
		'Title\n\n> Quoted\n\n  indented\n    code\n\na\nb\n\nend',
	);
});

test('gives an image its alt text and leaves out images without one', () => {
	assert.equal(htmlToPlainText('<p>A <img src="a.png" alt="cat"> and <img src="b.png"> here</p>'), 'A [image: cat] and here');
});

test('drops scripts and styles', () => {
	assert.equal(htmlToPlainText('<p>a</p><script>x()</script><style>p{}</style>'), 'a');
});

test('decodes character references and removes control characters', () => {
	const text = htmlToPlainText('<p>Fish &amp; chips &lt;3 &#27;[31mred&#27;[0m \u001B]0;title\u0007 &#x202e;x\rz</p>');
	assert.doesNotMatch(text, forbidden);
	assert.equal(text, 'Fish & chips <3 red x z');
});

test('survives 10,000 nested elements', () => {
	assert.equal(htmlToPlainText(`${'<div><blockquote>'.repeat(10_000)}deep${'</blockquote></div>'.repeat(10_000)}`).trim().endsWith('deep'), true);
});

test('words on either side of a block nested deeper than blogterm follows stay apart; a script there stays hidden', () => {
	const deep = '<div>'.repeat(maxHtmlDepth + 50);
	const html = `${deep}<p>alpha</p><p>beta</p><div>gamma</div>delta <script>hidden()</script><b>eps</b>ilon`;
	assert.equal(htmlToPlainText(html), 'alpha beta gamma delta epsilon');
	assert.equal(htmlWords(html, 100), 'alpha beta gamma delta epsilon');
	// 10,000 flattened blocks part words with one space, not 10,000 characters that fill an excerpt.
	assert.equal(htmlWords(`Before.${'<div>'.repeat(10_000)}deep text${'</div>'.repeat(10_000)}After.`, 100), 'Before. deep text After.');
});

test('htmlWords: the words at the start, up to maxChars, on one line; scripts left out, images by their alt text', () => {
	const html = '<h1>One</h1><p>two <script>x()</script><style>p{}</style><img alt=" a cat "> three<br>four</p><p>five</p>';
	assert.equal(htmlWords(html, 100), 'One two three four five');
	assert.equal(htmlWords(html, 100, {images: true}), 'One two [image: a cat] three four five');
	assert.equal(htmlWords(html, 9), 'One two t');
	assert.equal(htmlWords('Fish &amp; chips', 100), 'Fish & chips');
});

test('gives an empty string for empty HTML', () => {
	assert.equal(htmlToPlainText(''), '');
});
