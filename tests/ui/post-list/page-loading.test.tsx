import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo} from '../../helpers/demo.js';
import {keys, press, waitForFrame, waitForText} from '../helpers.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {withColour} from '../../helpers/colour.js';

describe('changing page', () => {
	// Colour on for Ink: dim is seen as the terminal sees it.
	withColour();

	let demo: Awaited<ReturnType<typeof startTestDemo>>;
	let titles: string[];
	before(async () => {
		demo = await startTestDemo();
		const {body} = await demo.rest<Array<{title: {rendered: string}}>>('wp/v2/posts?per_page=8&_fields=title');
		titles = body.map(post => post.title.rendered);
	});
	after(async () => demo.stop());

	/** The demo blog, with page 2 of the list held back until `release` is called. */
	function heldSecondPage(source: BlogSource, held: Promise<void>): BlogSource {
		return new Proxy(source, {
			get(target, property, receiver) {
				if (property === 'fetchPostPage') {
					return async (...args: Parameters<BlogSource['fetchPostPage']>) => {
						if (args[0] === 2) await held;
						return target.fetchPostPage(...args);
					};
				}
				const value: unknown = Reflect.get(target, property, receiver);
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		});
	}

	test('changing page keeps the page before on screen, dimmed, with a spinner, until the new page arrives', async () => {
		const http = createHttpClient();
		let release!: () => void;
		const held = new Promise<void>(resolve => {
			release = resolve;
		});
		const app = render(<App site={demo.url} openSource={async (url, signal) => heldSecondPage(await openBlog(http, url, {signal}), held)} perPage={4} readMarks={{readIds: () => new Set(), markRead() {}}} />);
		try {
			const strip = (frame: string) => frame.replaceAll(/\u001B\[[\d;]*m/g, '');
			await waitForText(app, 'Page 1 of');
			await press(app, keys.right);
			const waiting = await waitForFrame(app, frame => frame.includes('Loading page 2 of posts'));
			const raw = app.lastFrame() ?? '';
			for (const title of titles.slice(0, 4)) assert.ok(waiting.includes(title.slice(0, 20)), `"${title}" of page 1 stays on screen:\n${waiting}`);
			assert.ok(!waiting.includes('▸'), 'no post is chosen meanwhile');
			const rowLine = raw.split('\n').find(line => strip(line).includes(titles[0]!.slice(0, 20)))!;
			assert.match(rowLine, /\u001B\[2m/, 'the rows are dimmed');
			release();
			const arrived = await waitForText(app, 'Page 2 of');
			assert.ok(arrived.includes(titles[4]!.slice(0, 20)) && !arrived.includes(titles[0]!.slice(0, 20)), `page 2's posts replace page 1's:\n${arrived}`);
			assert.ok(!arrived.includes('Loading page'), 'and the spinner goes');
		} finally {
			release();
			app.unmount();
		}
	});
});
