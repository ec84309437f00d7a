import {test} from 'node:test';
import assert from 'node:assert/strict';
import {htmlToMarkdown} from '../../source/render/markdown.js';
import {forbidden} from './render-helpers.js';

const base = 'https://blog.example/2024/post/';

test('headings become # lines', () => {
	assert.equal(htmlToMarkdown('<h1>Title</h1><h3>Sub <em>part</em></h3><p>Body</p>'), '# Title\n\n### Sub *part*\n\nBody');
});

test('bold and italic become ** and *, closing before the space', () => {
	assert.equal(htmlToMarkdown('<p>Some <strong>bold </strong>and <em> italic</em> and <b><i>both</i></b>.</p>'), 'Some **bold** and *italic* and ***both***.');
});

test('empty emphasis leaves no stray markers', () => {
	assert.equal(htmlToMarkdown('<p>a<b></b> <i> </i>b</p>'), 'a b');
});

test('links are inline with absolute URLs', () => {
	assert.equal(
		htmlToMarkdown('<p>See <a href="/about">about me</a> and <a href="https://x.example/a(b)">this</a>.</p>', base),
		'See [about me](https://blog.example/about) and [this](https://x.example/a%28b%29).',
	);
});

test('links that are not web or mail links keep only their text', () => {
	assert.equal(htmlToMarkdown('<p><a href="javascript:alert(1)">click</a></p>', base), 'click');
});

test('lists use - and numbers, nested ones indented', () => {
	assert.equal(
		htmlToMarkdown('<ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><ol start="4"><li>four</li><li>five</li></ol>'),
		'- one\n- two\n  - deep\n\n4. four\n5. five',
	);
});

test('quotes get > on every line, nested ones >>', () => {
	assert.equal(htmlToMarkdown('<blockquote><p>one</p><p>two</p><blockquote>inner</blockquote></blockquote>'), '> one\n>\n> two\n>\n> > inner');
});

test('preformatted text becomes a fenced code block with its language', () => {
	assert.equal(
		htmlToMarkdown('<p>Code:</p><pre><code class="language-js">if (a) {\n\treturn `x`;\n}\n</code></pre><p>after</p>'),
		'Code:\n\n```js\nif (a) {\n\treturn `x`;\n}\n```\n\nafter',
	);
});

test('a code block holding ``` gets a longer fence', () => {
	assert.equal(htmlToMarkdown('<pre>```\nx\n```</pre>'), '````\n```\nx\n```\n````');
});

test('inline code keeps its text unescaped', () => {
	assert.equal(htmlToMarkdown('<p>Run <code>a_b * c</code> or <code>x`y</code></p>'), 'Run `a_b * c` or ``x`y``');
});

test('images become ![alt](src) with an absolute source', () => {
	assert.equal(htmlToMarkdown('<p><img src="cat.png" alt="A [cat]"></p>', base), '![A \\[cat\\]](https://blog.example/2024/post/cat.png)');
});

test('a linked image keeps both', () => {
	assert.equal(htmlToMarkdown('<a href="/big.png"><img src="/small.png" alt="pic"></a>', base), '[![pic](https://blog.example/small.png)](https://blog.example/big.png)');
});

test('escapes text that Markdown would read as syntax', () => {
	assert.equal(htmlToMarkdown('<p># not a heading</p><p>1. not a list</p><p>*stars* _under_ [x] &lt;b&gt; &amp;amp;</p>'), '\\# not a heading\n\n1\\. not a list\n\n\\*stars\\* \\_under\\_ \\[x\\] \\<b\\> \\&amp;');
});

test('line breaks become backslash breaks, rules ---', () => {
	assert.equal(htmlToMarkdown('<p>a<br>b</p><hr><p>c</p>'), 'a\\\nb\n\n---\n\nc');
});

test('tables become pipe tables', () => {
	assert.equal(
		htmlToMarkdown('<table><tr><th>Name</th><th>Note</th></tr><tr><td>Al</td><td>a | b</td></tr></table>'),
		'| **Name** | **Note** |\n| --- | --- |\n| Al | a \\| b |',
	);
});

test('drops scripts and removes control characters, also from character references', () => {
	const markdown = htmlToMarkdown('<script>x</script><p>a&#27;]0;title&#7;b \u001B[31mred <a href="/x&#27;[1m">l&#x9b;</a></p>', base);
	assert.doesNotMatch(markdown, forbidden);
	assert.ok(markdown.startsWith('ab red [l'));
});

test('survives 10,000 nested elements', () => {
	assert.ok(htmlToMarkdown(`${'<blockquote><b>'.repeat(10_000)}deep${'</b></blockquote>'.repeat(10_000)}`).includes('deep'));
});
