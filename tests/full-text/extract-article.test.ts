import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {extractArticle, maxPageChars, maxPageDepth} from '../../source/full-text/extract-article.js';
import type {FullTextResult} from '../../source/full-text/article.js';
import {htmlToPlainText} from '../../source/render/plain-text.js';
import {fixturePage, wordpressSummary} from './pages.js';

const postUrl = 'https://plot.example/2026/11/leave-in-the-ground/';

function articleOf(result: FullTextResult) {
	assert.equal(result.kind, 'article', result.kind === 'not-an-article' ? result.message : '');
	return result.kind === 'article' ? result.article : assert.fail('no article');
}

describe('a WordPress theme’s post page (navigation, sidebar, comments, comment form, footer)', () => {
	const article = articleOf(extractArticle(fixturePage('wordpress-post'), postUrl, {summary: wordpressSummary}));
	const text = htmlToPlainText(article.html, article.url);

	test('the article is found whole: first and last paragraphs, headings, list, quote, code, image', () => {
		assert.match(text, /^Every autumn the allotment asks the same question/m);
		assert.match(text, /leave the ground covered, and leave it alone\.$/m);
		for (const heading of ['Roots that stay put', 'What comes up', 'Looking after the soil']) assert.ok(text.includes(heading), heading);
		assert.match(article.html, /<li>Cavolo nero, which shrugs off anything above minus eight<\/li>/);
		assert.match(article.html, /<blockquote><p>The best time to lift a root/);
		assert.match(article.html, /<pre><code>date,depth_cm,temp_c\n2026-10-01,10,11.5/);
		assert.match(article.html, /<img src="https:\/\/plot\.example\/wp-content\/uploads\/2026\/10\/straw-row\.jpg" alt="A row of parsnips under straw">/);
		assert.equal(article.title, 'What to leave in the ground over winter');
	});

	test('the rest of the page is left out: navigation, sidebar, comments, the comment form, the footer', () => {
		for (const left of ['Skip to content', 'About the plot', 'Recent Posts', 'Recent post number', 'Archives', 'Commenter 1', 'Comment text', 'Leave a comment', 'Post Comment', 'Proudly powered', 'Previous post', 'Saving seed from tomatoes']) {
			assert.ok(!text.includes(left), `“${left}” is not in the article`);
		}
	});

	test('relative links and images are made absolute against the page', () => {
		assert.match(article.html, /href="https:\/\/plot\.example\/2026\/09\/leaf-mould\/"/);
		assert.match(article.html, /href="https:\/\/rhs\.example\/soil"/);
	});

	test('hostile content is cleaned: no script, style, handler, javascript: link, escape sequence or bidi override', () => {
		assert.doesNotMatch(article.html, /<script|<style|injected by script|onclick|onerror|javascript:|steal\(|alert\(/i);
		assert.doesNotMatch(article.html, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		assert.match(text, /Hostile text stays text: this line tried to write the clipboard, this one to clear the screen, and this one reverses: esrever\./);
		// The link that was javascript: is its text.
		assert.match(text, /or click here for nothing at all\./);
		assert.doesNotMatch(article.html, /class=|style=/);
	});
});

test('a short post on a WordPress block theme: its five comments and the comment form are left out', () => {
	const summary = 'This is post number 20 of the blogterm end-to-end suite. Fish & chips, then a walk by the sea. Read the notes too. Post 20 keeps a list: first item of post 20 second item of post 20';
	const article = articleOf(extractArticle(fixturePage('wordpress-block-short-post'), 'http://127.0.0.1:3000/2024/02/08/a-thread-with-replies/', {summary}));
	const text = htmlToPlainText(article.html, article.url);
	assert.match(text, /^This is post number 20 of the blogterm end-to-end suite\. Fish & chips, then a walk by the sea\. Read the notes too\.$/m);
	assert.match(article.html, /<li>second item of post 20<\/li>/);
	for (const left of ['Commenter', 'A reply number', 'responses to', 'Leave a Reply', 'Post Comment', 'Soup for a cold evening', 'Sample Page', 'Designed with']) assert.ok(!text.includes(left), left);
});

describe('a Ghost post page (Casper: header, subscribe box, more posts, footer; a <base href>)', () => {
	const article = articleOf(extractArticle(fixturePage('ghost-post'), 'https://ghost.example/blog/reading-the-sky/'));
	const text = htmlToPlainText(article.html, article.url);

	test('the article is found whole, and the rest left out', () => {
		assert.match(text, /^A forecast is an average over a few square kilometres/m);
		assert.match(text, /riders who trust one alone\.$/m);
		assert.ok(text.includes('The three clouds that matter') && text.includes('A rule of thumb'));
		assert.match(article.html, /<ol><li>Growing cumulus/);
		for (const left of ['Sign up for more like this', 'My winter gear list', 'Hill repeats', 'Powered by Ghost', 'Enter your email']) assert.ok(!text.includes(left), left);
	});

	test('relative addresses are resolved against the page’s <base href>', () => {
		assert.match(article.html, /href="https:\/\/ghost\.example\/blog\/notes\/clouds\/"/);
		assert.match(article.html, /src="https:\/\/ghost\.example\/blog\/content\/images\/2026\/10\/altostratus\.jpg"/);
	});
});

describe('pages that are not articles say so in words', () => {
	test('a cookie wall', () => {
		assert.deepEqual(extractArticle(fixturePage('cookie-wall'), postUrl, {what: 'The post\'s page'}), {kind: 'not-an-article', message: 'The post\'s page asks to accept cookies first (a consent page): it holds no article.'});
	});

	test('a login wall', () => {
		assert.deepEqual(extractArticle(fixturePage('login-wall'), postUrl), {kind: 'not-an-article', message: 'The page asks to sign in first (a login page): it holds no article.'});
	});

	test('an archive page (a list of links)', () => {
		assert.deepEqual(extractArticle(fixturePage('archive-index'), postUrl), {kind: 'not-an-article', message: 'The page holds no article blogterm could find.'});
	});

	test('a page with an article that is not the post’s (another post, the home page)', () => {
		const result = extractArticle(fixturePage('ghost-post'), postUrl, {summary: wordpressSummary, what: 'The post\'s page'});
		assert.deepEqual(result, {kind: 'not-an-article', message: 'The post\'s page does not hold this post\'s text (a login or consent page?).'});
	});

	test('a short post is its page\'s article when the page holds its summary; a short page without one is not', () => {
		const page = `<html><body><nav><a href="/">Home</a></nav><article><h1>Fish and chips</h1><div class="entry-content"><p>This is post number 20 of the suite. Fish and chips, then a walk by the sea. Read the notes too.</p><ul><li>first item of post 20</li><li>second item of post 20</li></ul></div></article><footer>Proudly powered by WordPress</footer></body></html>`;
		const summary = 'This is post number 20 of the suite. Fish and chips, then a walk by the sea. Read the notes too. first item of post 20 second item of post 20';
		const article = articleOf(extractArticle(page, postUrl, {summary}));
		assert.match(article.html, /<li>first item of post 20<\/li>/);
		assert.equal(extractArticle(page, postUrl).kind, 'not-an-article');
	});

	test('a page larger than the limit is not parsed', () => {
		const result = extractArticle(`<p>${'x'.repeat(maxPageChars)}</p>`, postUrl);
		assert.equal(result.kind, 'not-an-article');
		assert.match(result.kind === 'not-an-article' ? result.message : '', /^The page is too large to read as an article \(5\.0 MB; blogterm reads pages up to 5 MB\)\.$/);
	});

	test('empty and broken HTML', () => {
		for (const html of ['', '<<<>>>', '<html><body></body></html>', '\u0000\u001B[2J']) assert.equal(extractArticle(html, postUrl).kind, 'not-an-article');
	});
});

test('a page nested deeper than blogterm reads says so, at once (Readability would take seconds)', () => {
	const paragraphs = Array.from({length: 20}, (_, index) => `<p>Paragraph ${index} of a deep page, with enough words in it, and commas, to count as the article's text.</p>`).join('');
	const html = `<html><body><article>${paragraphs}${'<div>'.repeat(100_000)}<p>deep</p></article></body></html>`;
	assert.deepEqual(extractArticle(html, postUrl), {kind: 'not-an-article', message: `The page is nested too deeply to read as an article (more than ${maxPageDepth} levels).`});
});

test('a page of more elements than blogterm reads says so', () => {
	const html = `<html><body><article>${'<p>x</p><br>'.repeat(30_000)}</article></body></html>`;
	assert.deepEqual(extractArticle(html, postUrl), {kind: 'not-an-article', message: 'The page has too many elements to read as an article (more than 50,000).'});
});

test('an article nested 100 deep, with escape sequences inside, is read and cleaned', () => {
	const paragraphs = Array.from({length: 20}, (_, index) => `<p>Paragraph ${index} of a deep page, with enough words in it, and commas, to count as the article's text.</p>`).join('');
	const html = `<html><body><article>${paragraphs}${'<div>'.repeat(100)}<p>deep \u001B[31mred\u009B2J</p>${'</div>'.repeat(100)}</article></body></html>`;
	const article = articleOf(extractArticle(html, postUrl));
	assert.match(article.html, /deep red/);
	assert.doesNotMatch(article.html, /[\u001B\u009B]/);
});
