import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {keys, press, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
const decode = (text: string) => text.replaceAll('&#8217;', '’').replaceAll('&#8216;', '‘').replaceAll('&amp;', '&');
const highlighted = (frame: string) => frame.split('\n').find(line => line.startsWith('▸'))?.slice(2).split(/\s{2,}/)[0];

describe('searching a blog from its list', () => {
	let demo: TestDemo;
	let found: Array<{id: number; title: {rendered: string}}>;
	let firstOfAll: string;
	before(async () => {
		demo = await startTestDemo();
		({body: found} = await demo.rest<Array<{id: number; title: {rendered: string}}>>('wp/v2/posts?search=compost&per_page=100&_fields=id,title'));
		const {body: newest} = await demo.rest<Array<{title: {rendered: string}}>>('wp/v2/posts?per_page=1&_fields=title');
		firstOfAll = decode(newest[0]!.title.rendered);
	});
	after(async () => demo.stop());

	const open = () => render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={5} readMarks={noMarks} />);

	test('/ then words then Enter lists the posts with them, headed with the count, paged; Enter opens one; Esc comes back to the results, then to the list', async () => {
		assert.ok(found.length > 5, 'more than a page of results');
		const app = open();
		try {
			await waitForText(app, 'Page 1 of');
			await press(app, '/');
			await waitForText(app, 'Search 127.0.0.1');
			await press(app, ...'compost', keys.enter);
			let frame = await waitForText(app, `Search: “compost” · ${found.length} posts`);
			assert.match(frame, new RegExp(`Page 1 of ${Math.ceil(found.length / 5)} · ${found.length} posts`));
			assert.equal(highlighted(frame), decode(found[0]!.title.rendered).slice(0, highlighted(frame)!.length));
			await press(app, keys.right);
			frame = await waitForText(app, `Page 2 of ${Math.ceil(found.length / 5)}`);
			await press(app, 'j');
			const second = decode(found[6]!.title.rendered);
			await waitForFrame(app, shown => highlighted(shown) === second || second.startsWith(highlighted(shown) ?? '\u0000'));
			await press(app, keys.enter);
			await waitForText(app, new RegExp(`^${second.replace(/[.*+?()[\]{}|\\^$]/g, '\\$&')}$`, 'm'));
			await press(app, keys.escape);
			frame = await waitForText(app, `Search: “compost” · ${found.length} posts`);
			assert.match(frame, /Page 2 of/, 'back on the page of results it was opened from');
			await press(app, keys.escape);
			frame = await waitForFrame(app, shown => shown.includes('Page 1 of') && !shown.includes('Search:'));
			assert.equal(highlighted(frame), firstOfAll.slice(0, highlighted(frame)!.length));
		} finally {
			app.unmount();
		}
	});

	test('a search nothing matches says so in words; Esc on the search line cancels it', async () => {
		const app = open();
		try {
			await waitForText(app, 'Page 1 of');
			await press(app, '/', ...'xylo', keys.escape);
			await waitForFrame(app, shown => !shown.includes('Search 127.0.0.1') && shown.includes('Page 1 of'));
			await press(app, '/', ...'xylophone', keys.enter);
			const frame = await waitForText(app, 'No posts match “xylophone”.');
			assert.match(frame, /Search: “xylophone” · 0 posts/);
		} finally {
			app.unmount();
		}
	});
});
