import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../source/ui/app.js';
import {fullTextReader, fullTextsInMemory, type FullTextReader, type FullTextStore} from '../../source/full-text/full-text-store.js';
import type {PostRef} from '../../source/model/post.js';
import type {TestServer} from '../helpers/http-server.js';
import {frameText, keys, press, waitForFrame, waitForText} from '../ui/helpers.js';
import {startSummaryBlog, summaryPosts} from './summary-blog.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
const summaryNote = 'The feed gives only a summary of this post';

let blog: TestServer;
let feed: string;
before(async () => {
	blog = await startSummaryBlog();
	feed = `${blog.url}feed/`;
});
after(async () => blog.close());

const postRef = (index: number): PostRef => ({kind: 'url', url: `${blog.url}${summaryPosts[index]!.slug}`});

/** A reader of pages that counts its calls. */
function countingReader(read: FullTextReader = fullTextReader(http)): FullTextReader & {calls: number} {
	const reader = Object.assign(async (url: string, options?: Parameters<FullTextReader>[1]) => {
		reader.calls++;
		return read(url, options);
	}, {calls: 0});
	return reader;
}

function renderReader(options: {post?: PostRef; read: FullTextReader; store: FullTextStore; initialFullText?: boolean}) {
	return render(<App site={feed} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={options.post} readFullText={options.read} fullTexts={options.store} initialFullText={options.initialFullText} />);
}

describe('F on a summary-only post', () => {
	test('shows the article in place of the summary, under "Full text from the post\'s page", and keeps it for next time', async () => {
		const store = fullTextsInMemory();
		const read = countingReader();
		const reader = renderReader({post: postRef(0), read, store});
		try {
			await waitForText(reader, summaryNote);
			await press(reader, 'F');
			const frame = await waitForText(reader, 'Full text from the post\'s page');
			assert.match(frame, /Every autumn the allotment asks the same question/);
			assert.doesNotMatch(frame, new RegExp(summaryNote));
			// Laid out as every post: headings, the list, the quote, the image, numbered links.
			await press(reader, 'G');
			const end = await waitForText(reader, 'leave the ground covered');
			assert.match(end, /Originally posted at/);
			await press(reader, 'g');
			for (let page = 0; page < 3; page++) await press(reader, ' ');
			assert.doesNotMatch(frameText(reader), /Recent Posts|Commenter 1|Proudly powered/);
			assert.equal(read.calls, 1);
		} finally {
			reader.unmount();
		}
		// Opened again: the kept article at once, without reading the page (offline too).
		const offline = countingReader(async () => Promise.reject(new Error('no network')));
		const again = renderReader({post: postRef(0), read: offline, store});
		try {
			const frame = await waitForText(again, 'Full text from the post\'s page');
			assert.match(frame, /Every autumn the allotment/);
			assert.equal(offline.calls, 0);
		} finally {
			again.unmount();
		}
	});

	test('a page that is no article (a cookie wall) keeps the summary and says why', async () => {
		const reader = renderReader({post: postRef(2), read: fullTextReader(http), store: fullTextsInMemory()});
		try {
			await waitForText(reader, summaryNote);
			await press(reader, 'F');
			// Said whole above the summary (the status line may cut it).
			const frame = await waitForFrame(reader, shown => shown.replace(/\s+/g, ' ').includes('The post\'s page asks to accept cookies first (a consent page): it holds no article. The summary stays.'));
			assert.match(frame, /The text of this post is behind a consent page/);
			assert.match(frame, new RegExp(summaryNote));
			assert.doesNotMatch(frame, /Full text from the post's page/);
		} finally {
			reader.unmount();
		}
	});

	test('a page that cannot be read (a redirect to file:) says so in words; the summary stays', async () => {
		const reader = renderReader({post: postRef(5), read: fullTextReader(http), store: fullTextsInMemory()});
		try {
			await waitForText(reader, summaryNote);
			await press(reader, 'F');
			await waitForText(reader, 'Could not read 127.0.0.1');
			assert.match(frameText(reader), new RegExp(summaryNote));
		} finally {
			reader.unmount();
		}
	});
});

test('F on the list: every summary-only post of the blog shown whole, until F again', async () => {
	const store = fullTextsInMemory();
	const read = countingReader();
	const reader = renderReader({read, store});
	try {
		await waitForText(reader, 'What to leave in the ground over winter');
		await press(reader, 'F');
		await waitForText(reader, 'Full text on');
		await press(reader, keys.enter);
		const frame = await waitForText(reader, 'Full text from the post\'s page');
		assert.match(frame, /Every autumn the allotment asks/);
		assert.equal(read.calls, 1);
		await press(reader, keys.escape);
		await waitForText(reader, 'Page 1 of 1');
		await press(reader, 'F');
		await waitForText(reader, 'Full text off');
		await press(reader, 'j', keys.enter);
		await waitForText(reader, summaryNote);
		assert.equal(read.calls, 1, 'nothing read with the setting off');
	} finally {
		reader.unmount();
	}
});

test('a N Enter: a linked page that is no post of the blog read here as an article; Esc back to the post where it was', async () => {
	const reader = renderReader({post: postRef(0), read: fullTextReader(http), store: fullTextsInMemory()});
	try {
		await waitForText(reader, summaryNote);
		await press(reader, 'F');
		await waitForText(reader, 'Full text from the post\'s page');
		await press(reader, ' ');
		const place = await waitForText(reader, /lines 2\d–/);
		const line = /lines (\d+)–/.exec(place)![1];
		// [1] is the image, [2] the page about leaf mould, [3] another site.
		await press(reader, 'a', '2');
		await waitForText(reader, 'Read link (1–3): 2');
		await press(reader, keys.enter);
		const article = await waitForText(reader, 'Reading the sky before a long ride');
		assert.match(article, /A forecast is an average over a few square kilometres/);
		assert.doesNotMatch(article, /Every autumn the allotment/);
		await press(reader, 'G');
		await waitForFrame(reader, frame => frame.replace(/\s+/g, ' ').includes(`Read from ${blog.url}2026/09/leaf-mould/ · o opens it in the browser · Esc back to the post`));
		await press(reader, keys.escape);
		const back = await waitForText(reader, new RegExp(`lines ${line}–`));
		assert.doesNotMatch(back, /A forecast is an average/);
		// A page with no article says so; the post stays.
		await press(reader, 'a', '1', keys.enter);
		await waitForText(reader, 'The page is not there any more (404).');
		assert.match(frameText(reader), new RegExp(`lines ${line}–`));
	} finally {
		reader.unmount();
	}
});

test('--post REF --full-text in a terminal: the post opens whole at once; the next post as its blog is set', async () => {
	const read = countingReader();
	const reader = renderReader({post: postRef(1), read, store: fullTextsInMemory(), initialFullText: true});
	try {
		const frame = await waitForText(reader, 'Full text from the post\'s page');
		assert.match(frame, /A forecast is an average over a few square kilometres/);
		await press(reader, 'p');
		await waitForText(reader, summaryNote);
		assert.equal(read.calls, 1);
	} finally {
		reader.unmount();
	}
});
