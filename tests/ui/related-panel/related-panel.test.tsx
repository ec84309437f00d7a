import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {specialPosts} from '../../../source/demo/content/index.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {keys, press, resize, waitForFrame, waitForText} from '../helpers.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

function renderAt(demo: TestDemo, slug: string, columns: number, rows: number) {
	const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'slug', slug}} />);
	resize(app.stdout, columns, rows);
	return app;
}

/** The post with related posts at 160×48, its blog's related posts held until `gate` resolves. */
function renderWithRelatedAfter(demo: TestDemo, gate: Promise<void>) {
	const held = (source: BlogSource): BlogSource => new Proxy(source, {
		get(target, name) {
			if (name === 'fetchRelated') return async (...args: Parameters<BlogSource['fetchRelated']>) => gate.then(async () => target.fetchRelated(...args));
			const value: unknown = Reflect.get(target, name, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
	const app = render(<App site={demo.url} openSource={async (url, signal) => held(await openBlog(http, url, {signal}))} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'slug', slug: specialPosts.withoutJetpack}} />);
	resize(app.stdout, 160, 48);
	return app;
}

/** The column a line's "Related Posts" title starts at, or -1. */
const panelColumn = (frame: string) => frame.split('\n').find(line => line.includes('Related Posts'))?.indexOf('Related Posts') ?? -1;

describe('the Related Posts panel', () => {
	let demo: TestDemo;
	let firstRelatedTitle: string;
	before(async () => {
		demo = await startTestDemo();
		const source = await openBlog(http, demo.url);
		const post = await source.fetchPost({kind: 'slug', slug: specialPosts.withoutJetpack});
		firstRelatedTitle = (await source.fetchRelated(post, 5))[0]!.title;
	});
	after(async () => demo.stop());

	it('sits beside the post at 160 columns', async () => {
		const app = renderAt(demo, specialPosts.withoutJetpack, 160, 48);
		const frame = await waitForText(app, firstRelatedTitle.slice(0, 20));
		assert.ok(panelColumn(frame) > 100, `the panel is on the right (column ${panelColumn(frame)})`);
		assert.ok(frame.split('\n')[0]!.includes('Related Posts') || frame.split('\n')[1]!.includes('Related Posts'), 'at the top, beside the title');
		app.unmount();
	});

	it('sits under the post at 80 columns, and moves beside it when the terminal widens', async () => {
		const app = renderAt(demo, specialPosts.withoutJetpack, 80, 24);
		await waitForText(app, /lines 1–/);
		// At the end once the related posts are there (before, the post alone may fit on the screen).
		await waitForFrame(app, frame => frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'G');
		const narrow = await waitForText(app, firstRelatedTitle.slice(0, 20));
		assert.ok(panelColumn(narrow) >= 0 && panelColumn(narrow) < 4, 'under the body, at the left');
		const lines = narrow.split('\n');
		assert.ok(lines.findIndex(line => line.includes('Related Posts')) < lines.findIndex(line => /comments? · C to read|Comments · C to read/.test(line)), 'before the comments');
		resize(app.stdout, 160, 24);
		await waitForFrame(app, frame => panelColumn(frame) > 100);
		app.unmount();
	});

	it('says "No results found." when nothing is related, in a box as tall as that', async () => {
		const app = renderAt(demo, specialPosts.noRelated, 160, 48);
		const frame = await waitForText(app, 'No results found.');
		const lines = frame.split('\n');
		const top = lines.findIndex(line => line.includes('╭'));
		const bottom = lines.findIndex(line => line.includes('╰'));
		assert.deepEqual([lines[top + 1]!.includes('Related Posts'), bottom - top], [true, 3], 'the title, "No results found.", and the borders');
		app.unmount();
	});

	it('takes the keys with Tab and opens the chosen post with Enter', async () => {
		const app = renderAt(demo, specialPosts.withoutJetpack, 160, 48);
		await waitForText(app, firstRelatedTitle.slice(0, 20));
		await press(app, keys.tab);
		await waitForText(app, 'Enter open');
		await press(app, keys.enter);
		await waitForFrame(app, frame => frame.split('\n')[0]!.startsWith(firstRelatedTitle.slice(0, 20)));
		app.unmount();
	});

	it('Tab while the related posts load waits for them, then takes the keys (never "still loading")', async () => {
		let release = () => {};
		const gate = new Promise<void>(resolve => {
			release = resolve;
		});
		const app = renderWithRelatedAfter(demo, gate);
		try {
			await waitForText(app, /lines 1–/);
			await press(app, keys.tab);
			release();
			const frame = await waitForText(app, 'Enter open');
			assert.doesNotMatch(frame, /still loading/);
			await press(app, keys.enter);
			await waitForFrame(app, shown => shown.split('\n')[0]!.startsWith(firstRelatedTitle.slice(0, 20)));
		} finally {
			app.unmount();
		}
	});

	it('Esc after a Tab held for the related posts goes back to the list at once', async () => {
		const app = renderWithRelatedAfter(demo, new Promise<void>(() => {}));
		try {
			await waitForText(app, /lines 1–/);
			await press(app, keys.tab);
			await press(app, keys.escape);
			await waitForText(app, /Page \d+ of \d+ · \d+ posts/);
		} finally {
			app.unmount();
		}
	});

	it('hides and shows with h', async () => {
		const app = renderAt(demo, specialPosts.withoutJetpack, 160, 48);
		await waitForText(app, 'Related Posts');
		await press(app, 'h');
		await waitForFrame(app, frame => !frame.includes('Related Posts'));
		await press(app, 'h');
		await waitForText(app, 'Related Posts');
		app.unmount();
	});
});
