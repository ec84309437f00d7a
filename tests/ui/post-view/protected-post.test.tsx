import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {specialPosts} from '../../../source/demo/content/index.js';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {postPasswordsInMemory, type PostPasswordStore} from '../../../source/store/post-passwords.js';
import {frameText, keys, press, waitFor, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

function renderAtProtectedPost(postPasswords?: PostPasswordStore) {
	return render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={{kind: 'slug', slug: specialPosts.passwordProtected}} postPasswords={postPasswords} />);
}

describe('a password-protected post in the reader', () => {
	test('asks for the password in a masked field; a wrong one says so and asks again; the right one shows the post and its comments', async () => {
		const app = renderAtProtectedPost();
		try {
			await waitForText(app, 'This post is password protected. To read it, type its password and press Enter:');
			await press(app, 'o', 'p', 'e', 'n');
			const typed = await waitForText(app, 'Password: ••••▏');
			assert.doesNotMatch(typed, /Password: [^\n]*open/, 'the password is never shown');
			await press(app, keys.enter);
			await waitForText(app, 'That password is not right.');
			assert.match(frameText(app), /Password: ▏/, 'asked again, the field empty');
			await press(app, 's', 'e', 's', 'a', 'm', 'e');
			// The message goes once a new password is typed.
			await waitForFrame(app, frame => frame.includes('Password: ••••••▏') && !frame.includes('That password is not right.'));
			assert.doesNotMatch(frameText(app), /sesame/);
			await press(app, keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
			await press(app, 'G');
			await waitForText(app, /1 comment · C to read · c to leave a reply/);
			await press(app, 'C');
			await waitForText(app, 'The chair’s opinions are the secret ingredient.');
		} finally {
			app.unmount();
		}
	});

	test('once unlocked, a comment on it is sent with its password and published, as on the blog', async () => {
		const app = renderAtProtectedPost();
		try {
			await waitForText(app, 'Password: ▏');
			await press(app, ...'sesame', keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
			await press(app, 'c');
			await waitForText(app, 'Leave a Reply');
			const text = `Unlocked, then answered ${Date.now()}.`;
			await press(app, text, keys.tab, 'Robin Reader', keys.tab, 'reader@example.com');
			await press(app, '\u0013');
			await waitForText(app, 'Your comment was published.');
			const {body: posts} = await demo.rest<Array<{id: number}>>(`wp/v2/posts?slug=${specialPosts.passwordProtected}&_fields=id`);
			const {body: comments} = await demo.rest<Array<{content: {rendered: string}}>>(`wp/v2/comments?post=${posts[0]!.id}&password=sesame`);
			assert.equal(comments.filter(comment => comment.content.rendered.includes(text)).length, 1, 'the blog holds it once');
		} finally {
			app.unmount();
		}
	});

	test('a password given once in this run opens the post again without asking', async () => {
		const app = renderAtProtectedPost();
		try {
			await waitForText(app, 'Password: ▏');
			await press(app, ...'sesame', keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
			// Back to the list, then the post again: from the list, a new screen.
			await press(app, keys.escape);
			await waitForText(app, /Page \d+ of \d+|▸ /);
			await press(app, 'G');
			await waitForText(app, /▸ [● ] Protected: The Committee’s Compost Recipe/);
			await press(app, keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
		} finally {
			app.unmount();
		}
	});

	test('kept for the run only unless "Remember it on this computer" is ticked (Tab); then the next run opens it without asking', async () => {
		const memory = postPasswordsInMemory();
		const remembered: string[] = [];
		const store: PostPasswordStore = {
			get: (site, id) => memory.get(site, id),
			remember(site, id, password) {
				remembered.push(password);
				memory.remember(site, id, password);
			},
		};
		const first = renderAtProtectedPost(store);
		try {
			await waitForText(first, '[ ] Remember it on this computer (Tab)');
			await press(first, ...'sesame', keys.enter);
			await waitForText(first, 'Comfrey leaves for potash');
		} finally {
			first.unmount();
		}
		assert.deepEqual(remembered, [], 'not remembered without the box');
		const second = renderAtProtectedPost(store);
		try {
			await waitForText(second, 'Password: ▏');
			await press(second, keys.tab);
			await waitForText(second, '[x] Remember it on this computer (Tab)');
			await press(second, ...'sesame', keys.enter);
			await waitForText(second, 'Comfrey leaves for potash');
		} finally {
			second.unmount();
		}
		assert.deepEqual(remembered, ['sesame']);
		const third = renderAtProtectedPost(store);
		try {
			await waitForText(third, 'Comfrey leaves for potash');
			assert.doesNotMatch(frameText(third), /Password:/);
		} finally {
			third.unmount();
		}
	});

	test('Esc leaves the field and the post; the list marks the post Protected:, still unread; the right password marks it read', async () => {
		const marked: string[] = [];
		const marks: ReadMarks = {readIds: () => new Set(marked), markRead: (_site, id) => void marked.push(String(id))};
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={marks} initialPost={{kind: 'slug', slug: specialPosts.passwordProtected}} />);
		try {
			await waitForText(app, 'Password: ▏');
			await press(app, keys.escape);
			// Its text was never shown: the unread sign stays.
			const list = await waitForText(app, /▸ ● Protected: The Committee’s Compost Re/);
			assert.doesNotMatch(list, /Password:/);
			assert.deepEqual(marked, []);
			await press(app, keys.enter);
			await waitForText(app, 'Password: ▏');
			await press(app, ...'sesame', keys.enter);
			await waitForText(app, 'Comfrey leaves for potash');
			// Written after the frame.
			await waitFor(() => marked.length === 1, 'read once its text shows');
		} finally {
			app.unmount();
		}
	});
});
