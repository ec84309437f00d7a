import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {htmlToPlainText} from '../../../source/render/plain-text.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {openDatabase, writeTransaction} from '../../../source/store/db.js';
import {insertBlog} from '../../../source/store/blogs-table.js';
import {upsertPosts} from '../../../source/store/posts-table.js';
import type {Subscriptions} from '../../../source/subscriptions/subscriptions.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {storeHomeData} from '../../../source/ui/home/store-home-data.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {makeTestStore, type TestStore} from '../../subscriptions/store-helper.js';
import {frameText, keys, press, resize, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();
type RestPost = {id: number; date_gmt: string; title: {rendered: string}; content: {rendered: string}};
const decode = (text: string) => text.replaceAll('&#8217;', '’').replaceAll('&#8216;', '‘').replaceAll('&amp;', '&').replaceAll('&#8220;', '“').replaceAll('&#8221;', '”');

describe('searching every followed blog from the home screen', () => {
	let demo: TestDemo;
	let store: TestStore;
	let subscriptions: Subscriptions;
	let posts: RestPost[];
	before(async () => {
		demo = await startTestDemo();
		({body: posts} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,date_gmt,title,content'));
		const source = await openBlog(http, demo.url);
		store = makeTestStore();
		const db = openDatabase(store.paths);
		writeTransaction(db, () => {
			const blog = insertBlog(db, {url: demo.url, siteKey: source.site.key, title: 'The Demo Blog', kind: 'wordpress', feedUrl: '', apiUrl: `${demo.url}wp-json/`, htmlUrl: demo.url, folder: '', addedAt: '2024-01-01T00:00:00Z'});
			upsertPosts(db, {id: blog, siteKey: source.site.key}, posts.map(post => ({
				id: post.id, title: decode(post.title.rendered), link: `${demo.url}?p=${post.id}`, date: `${post.date_gmt}Z`, author: 'Maren', commentCount: 0, excerpt: '', categories: [], tags: [],
				plainText: htmlToPlainText(post.content.rendered),
			})), '2026-01-01T00:00:00Z');
		});
		db.close();
		subscriptions = store.open();
	});
	after(async () => {
		store.remove();
		await demo.stop();
	});

	const titled = (word: string) => posts.filter(post => post.title.rendered.toLowerCase().includes(word));
	const withWord = (word: string) => posts.filter(post => `${post.title.rendered} ${htmlToPlainText(post.content.rendered)}`.toLowerCase().includes(word));

	it('/ then words then Enter: posts with the word in the title first, each with its blog and the matched words; Enter reads one, Esc comes back to the results, Esc again to the river', async () => {
		const inTitle = titled('compost');
		assert.ok(inTitle.length >= 1 && withWord('compost').length > inTitle.length);
		const app = render(<HomeApp data={storeHomeData(subscriptions)} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} refreshOnStart={false} startView="river" />);
		resize(app.stdout, 80, 24);
		try {
			await waitForText(app, 'What is new');
			await press(app, '/');
			await waitForText(app, 'Search every blog: ▏');
			await press(app, ...'compost', keys.enter);
			const frame = await waitForText(app, 'Search: “compost” · ');
			assert.match(frame, new RegExp(`Search: “compost” · ${withWord('compost').length} posts`));
			const first = frame.split('\n').find(line => line.startsWith('▸'))!;
			assert.match(first, /compost/i, 'a title with the word comes first');
			assert.match(first, /The Demo Blog/);
			await press(app, keys.enter);
			const title = decode(inTitle.sort((a, b) => b.date_gmt.localeCompare(a.date_gmt))[0]!.title.rendered);
			await waitForText(app, /lines 1–\d+ of/);
			assert.match(app.lastFrame() ?? '', new RegExp(title.slice(0, 20).replace(/[.*+?()[\]{}|\\^$]/g, '\\$&')));
			await press(app, keys.escape);
			await waitForText(app, 'Search: “compost” · ');
			await press(app, keys.escape);
			await waitForFrame(app, shown => !shown.includes('Search:') && shown.includes('What is new'));
		} finally {
			app.unmount();
		}
	});

	it('/ opens an empty search line in the status line’s place, the list staying above it, as on a blog’s list; / on the results starts empty again, Esc keeps them', async () => {
		const app = render(<HomeApp data={storeHomeData(subscriptions)} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} refreshOnStart={false} startView="river" />);
		resize(app.stdout, 80, 24);
		try {
			const river = await waitForFrame(app, shown => shown.split('\n').some(line => line.startsWith('▸')));
			// The highlighted post's title (the first frame may be at the test terminal's own width, before the resize).
			const highlighted = /^▸ [● ] (.+?) {2}/.exec(river.split('\n').find(line => line.startsWith('▸'))!)![1]!;
			await press(app, '/');
			let frame = await waitForText(app, 'Search every blog: ▏');
			assert.ok(frame.includes(highlighted), `the list stays while typing:\n${frame}`);
			assert.equal(frame.split('\n').at(-1)!.trimEnd(), 'Search every blog: ▏  Enter search · Esc cancel', 'on the last line');
			await press(app, ...'compost');
			frame = await waitForText(app, 'Search every blog: compost▏');
			assert.ok(frame.includes(highlighted), 'still there as the words are typed');
			// j and k are typed, not moves.
			await press(app, keys.enter);
			await waitForText(app, 'Search: “compost” · ');
			await press(app, '/');
			frame = await waitForText(app, 'Search every blog: ▏');
			assert.match(frame, /Search: “compost” · /, 'the results stay while a new search is typed');
			await press(app, ...'xylophone', keys.enter);
			await waitForText(app, 'No posts match “xylophone”.');
			assert.doesNotMatch(frameText(app), /compostxylophone/, 'the new words replaced the old');
			// Esc on the search line closes it, the results kept.
			await press(app, '/', ...'kiwi', keys.escape);
			frame = await waitForFrame(app, shown => !shown.includes('Search every blog:'));
			assert.match(frame, /Search: “xylophone” · 0 posts/);
		} finally {
			app.unmount();
		}
	});

	it('a search nothing matches says so', async () => {
		const app = render(<HomeApp data={storeHomeData(subscriptions)} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} refreshOnStart={false} />);
		resize(app.stdout, 80, 24);
		try {
			await waitForText(app, 'Followed blogs');
			await press(app, '/', ...'xylophone', keys.enter);
			await waitForText(app, 'No posts match “xylophone”.');
		} finally {
			app.unmount();
		}
	});

	it('the search line takes `?` and every command letter of the home screen (R, S, q…): typed, never the help, Replies to you or quitting', async () => {
		const app = render(<HomeApp data={storeHomeData(subscriptions)} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} refreshOnStart={false} />);
		resize(app.stdout, 80, 24);
		try {
			await waitForText(app, 'Followed blogs');
			const typed = 'RSaAdCwFjkq?/';
			await press(app, '/', ...typed);
			const frame = await waitForText(app, `Search every blog: ${typed}▏`);
			assert.doesNotMatch(frame, /blogterm keys|Replies to you/);
			await press(app, keys.enter);
			await waitForText(app, `No posts match “${typed}”.`);
		} finally {
			app.unmount();
		}
	});
});
