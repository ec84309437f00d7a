import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {createHttpClient} from '../../source/http/client.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {keys, press, resize, waitForFrame, waitForText} from './helpers.js';

// Keeps nothing on disk.
const http = createHttpClient();

describe('the reader uses every row of the terminal, the last one too', () => {
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo();
	});
	after(async () => demo.stop());

	for (const [columns, rows] of [[80, 24], [40, 12], [200, 60]] as const) {
		it(`at ${columns}×${rows}: the list and a post are ${rows} rows, the status line on the last, the title on the first`, async () => {
			const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} />);
			resize(app.stdout, columns, rows);
			const list = await waitForText(app, 'Page 1 of');
			const listLines = list.split('\n');
			assert.equal(listLines.length, rows, list);
			assert.match(listLines[0]!, /^The Terminal Gardener/, 'the blog\'s name on the first row');
			assert.match(listLines.at(-1)!, /^Page 1 of/, 'the page count on the last row');
			await press(app, keys.enter);
			const post = await waitForFrame(app, frame => / lines 1–\d+ of/.test(frame));
			const postLines = post.split('\n');
			assert.equal(postLines.length, rows, post);
			assert.match(postLines.at(-1)!, /^ lines 1–/, 'the post\'s status line on the last row');
			// As many lines of the post as there are rows above the status line (or the whole post).
			const [, shown, total] = / lines 1–(\d+) of (\d+)/.exec(post)!.map(Number) as [number, number, number];
			assert.equal(shown, Math.min(total, rows - 1));
			app.unmount();
		});
	}
});
