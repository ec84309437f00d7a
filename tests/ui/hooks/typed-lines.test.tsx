import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {specialPosts} from '../../../source/demo/content/index.js';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {repliesInMemory} from '../../../source/store/replies.js';
import {App, type AppProps, type ReadMarks} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {keys, press, pressTogether, resize, waitForFrame, waitForText} from '../helpers.js';

// A line typed into (a blog's search line, the search in a post or its comments, a protected post's
// password, a link's number) takes every key typed: a letter that is a command elsewhere (R Replies to
// you, ? the help, q back, n next post…) goes into the line, never to the screens around it.

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
/** Every command letter of the reader's screens, and the help's `?`. */
const commandLetters = 'RFCqgGnNpPjkhH?/o';
const backspace = '\u007F';
const statusLine = (frame: string) => frame.split('\n').filter(line => line.trim() !== '').at(-1) ?? '';
const helpTitle = 'blogterm keys';

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

/** The demo blog in the reader, 100×30; opened from the home screen (`onExit`), with Replies to you (`R`). */
function open(props: Partial<AppProps> = {}) {
	let exits = 0;
	const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} replies={repliesInMemory()} onExit={() => exits++} {...props} />);
	resize(app.stdout, 100, 30);
	return {app, exits: () => exits};
}

describe('keys typed into a line go into it, never to a screen', () => {
	test('the blog\'s search line takes R, ?, q and every other command letter; Enter searches for them', async () => {
		const {app, exits} = open();
		try {
			await waitForText(app, 'Page 1 of');
			await press(app, '/', ...commandLetters);
			let frame = await waitForText(app, `: ${commandLetters}▏`);
			assert.doesNotMatch(frame, /Replies to you|blogterm keys/);
			// Typed in one read, too.
			pressTogether(app, 'R?q');
			frame = await waitForText(app, `: ${commandLetters}R?q▏`);
			assert.doesNotMatch(frame, /Replies to you|blogterm keys/);
			await press(app, keys.enter);
			await waitForText(app, `Search: “${commandLetters}R?q”`);
			assert.equal(exits(), 0, 'q and Esc in the line never left the blog');
		} finally {
			app.unmount();
		}
	});

	test('Esc closes the blog\'s search line, and only it: R then opens Replies to you', async () => {
		const {app, exits} = open();
		try {
			await waitForText(app, 'Page 1 of');
			await press(app, '/', 'q', 'R');
			await waitForText(app, ': qR▏');
			await press(app, keys.escape);
			await waitForFrame(app, frame => frame.includes('Page 1 of') && !frame.includes('qR'));
			assert.equal(exits(), 0, 'the Esc that closed the line did not leave the blog');
			await press(app, 'R');
			await waitForText(app, 'Replies to you');
		} finally {
			app.unmount();
		}
	});

	test('the search in a post takes every command letter; after Esc, ? opens the help', async () => {
		const {app} = open({initialPost: {kind: 'slug', slug: specialPosts.long}});
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, '/', ...commandLetters);
			const frame = await waitForFrame(app, shown => statusLine(shown).includes(`/${commandLetters}▏`));
			assert.ok(!frame.includes(helpTitle), frame);
			await press(app, keys.escape);
			await waitForFrame(app, shown => !statusLine(shown).includes('▏'));
			await press(app, '?');
			await waitForText(app, helpTitle);
		} finally {
			app.unmount();
		}
	});

	test('the search in a post\'s comments takes every command letter', async () => {
		const {app} = open({initialPost: {kind: 'slug', slug: specialPosts.withJetpack}});
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, 'C');
			await waitForText(app, /comment 1 of \d+/);
			await press(app, '/', ...commandLetters);
			const frame = await waitForFrame(app, shown => statusLine(shown).includes(`/${commandLetters}▏`));
			assert.ok(!frame.includes(helpTitle), frame);
		} finally {
			app.unmount();
		}
	});

	test('a protected post\'s password takes `?` and every command letter: typed, erased with Backspace, the right one opens the post', async () => {
		const {app} = open({initialPost: {kind: 'slug', slug: specialPosts.passwordProtected}});
		try {
			await waitForText(app, 'Password: ▏');
			await press(app, ...'ses?');
			let frame = await waitForText(app, 'Password: ••••▏');
			assert.ok(!frame.includes(helpTitle), frame);
			await press(app, ...commandLetters);
			frame = await waitForText(app, `Password: ${'•'.repeat(4 + commandLetters.length)}▏`);
			assert.ok(!frame.includes(helpTitle), frame);
			await press(app, ...Array.from({length: commandLetters.length + 1}, () => backspace), ...'ame', keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
		} finally {
			app.unmount();
		}
	});

	test('keys typed ahead of a post that turns out protected are not typed into its password (nor sent)', async () => {
		const {app} = open({initialPost: {kind: 'slug', slug: specialPosts.passwordProtected}});
		try {
			// Typed while the post loads, for the post: moving down. In the password, they would make it 'jjsesame'.
			pressTogether(app, 'jj');
			await waitForText(app, 'Password: ');
			await press(app, ...'sesame', keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
		} finally {
			app.unmount();
		}
	});

	test('a link\'s number takes the digits and nothing else: letters and `?` typed there are no commands', async () => {
		const {app} = open({initialPost: {kind: 'slug', slug: specialPosts.long}});
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, 'f');
			await waitForFrame(app, shown => statusLine(shown).includes('Follow link (1–'));
			await press(app, ...commandLetters, '1');
			const frame = await waitForFrame(app, shown => /Follow link \(1–\d+\): 1▏/.test(statusLine(shown)));
			assert.ok(!frame.includes(helpTitle), frame);
			assert.match(frame, /lines 1–\d+ of/, 'the post did not move: j, G, n, p were not commands');
		} finally {
			app.unmount();
		}
	});
});

