import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {startFakeWordPress} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';
import {fakeBrowser, keys, press, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

// WordPress's footnotes block as it renders one: the mark cites `#ID`, the note links back to `#ID-link`.
const filler = Array.from({length: 40}, (_, index) => `<p>Filler paragraph number ${index + 1} about beds and mulch.</p>`).join('');
const html = '<p>Soil is alive<sup data-fn="0b1c" class="fn"><a href="#0b1c" id="0b1c-link">1</a></sup>, and <a href="#nowhere">see below</a>.</p>'
	+ filler
	+ '<ol class="wp-block-footnotes"><li id="0b1c">A gram holds a billion bacteria. <a href="#0b1c-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>';

let blog: TestServer;
before(async () => {
	blog = await startFakeWordPress({id: 7, slug: 'alive', title: 'Living soil', html, date: '2026-01-02T03:04:05'});
});
after(async () => blog.close());

function renderPost() {
	return render(<App site={blog.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={{kind: 'id', id: 7}} />);
}

/** f N Enter, once the prompt shows. */
async function follow(app: ReturnType<typeof renderPost>, number: number) {
	await press(app, 'f');
	await waitForText(app, 'Follow link (1–3):');
	await press(app, String(number), keys.enter);
}

describe('links within the post', () => {
	const browser = fakeBrowser();

	test('f on the footnote mark scrolls to the footnote, f on its ↩ scrolls back to the mark; nothing is opened', async () => {
		const app = renderPost();
		try {
			const first = await waitForText(app, 'Soil is alive¹[1]');
			assert.doesNotMatch(first, /A gram holds/);
			await follow(app, 1);
			const atNote = await waitForText(app, 'Moved to the footnote');
			assert.match(atNote, /^1\. A gram holds a billion bacteria\. ↩\[3\]$/m);
			assert.doesNotMatch(atNote, /Soil is alive/);
			await follow(app, 3);
			const back = await waitForText(app, 'Moved back to the reference');
			assert.match(back, /Soil is alive¹\[1\]/);
			assert.doesNotMatch(back, /A gram holds/);
			assert.deepEqual(browser.calls(), [], 'the browser was not asked');
		} finally {
			app.unmount();
		}
	});

	test('Esc after moving to a footnote goes back to where you were, and the next Esc leaves the post', async () => {
		const app = renderPost();
		try {
			await waitForText(app, 'Soil is alive¹[1]');
			await follow(app, 1);
			await waitForText(app, 'Moved to the footnote');
			await press(app, keys.escape);
			const back = await waitForText(app, 'Back where you were');
			assert.match(back, /Soil is alive¹\[1\]/);
			assert.doesNotMatch(back, /A gram holds/);
			await press(app, keys.escape);
			await waitForFrame(app, text => !text.includes('Soil is alive'));
		} finally {
			app.unmount();
		}
	});

	test('a link to a place the post does not have says so in words and opens nothing', async () => {
		const app = renderPost();
		try {
			await waitForText(app, 'Soil is alive¹[1]');
			await follow(app, 2);
			const frame = await waitForFrame(app, text => text.includes('This post has no #nowhere to move to.'));
			assert.match(frame, /Soil is alive/);
			assert.deepEqual(browser.calls(), [], 'the browser was not asked');
		} finally {
			app.unmount();
		}
	});
});
