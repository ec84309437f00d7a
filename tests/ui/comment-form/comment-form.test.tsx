import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, beforeEach, describe, test} from 'node:test';
import type {Comment} from '../../../source/model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../../source/model/comment-draft.js';
import {draftKey, loadDraft} from '../../../source/store/drafts.js';
import {loadIdentity, saveIdentity} from '../../../source/store/identity.js';
import {CommentForm} from '../../../source/ui/comment-form/comment-form.js';
import {frameText, keys, press, pressTogether, renderWithKeys, waitFor, waitForFrame, waitForText} from '../helpers.js';
import {dana, fakeSource, post} from './fixtures.js';
import {withEnvironment} from '../../helpers/environment.js';
import {withColour} from '../../helpers/colour.js';
import stripAnsi from 'strip-ansi';

const ctrlS = '\u0013';
const ctrlX = '\u0018';
const backspace = '\u007F';
const home = '\u001B[H';

const root = mkdtempSync(join(tmpdir(), 'blogterm-form-'));
after(() => {
	rmSync(root, {recursive: true, force: true});
});
describe('the comment form, each test with a BLOGTERM_HOME of its own', () => {
	let count = 0;
	let cleanups: Array<() => void> = [];
	const environment = withEnvironment();
	beforeEach(() => {
		environment.set('BLOGTERM_HOME', join(root, `home-${++count}`));
	});
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});

	type Options = {
		replyTo?: Comment;
		submit?: (draft: CommentDraft) => Promise<CommentOutcome>;
		key?: string;
		width?: number;
		height?: number;
	};

	function renderForm(options: Options = {}) {
		const closed: Array<CommentOutcome | undefined> = [];
		const sentDrafts: Array<CommentDraft | undefined> = [];
		let cancelledReplies = 0;
		const source = fakeSource(options.submit ?? (() => Promise.resolve({kind: 'approved', id: 115, link: `${post.link}#comment-115`})));
		const key = options.key ?? draftKey(source.site.key, post.id, options.replyTo?.id ?? 0);
		const app = renderWithKeys(
			<CommentForm
				source={source}
				post={post}
				replyTo={options.replyTo}
				width={options.width ?? 80}
				height={options.height ?? 30}
				draftKey={key}
				onClose={(outcome, sent) => {
					closed.push(outcome);
					sentDrafts.push(sent);
				}}
				onCancelReply={() => cancelledReplies++}
			/>,
		);
		cleanups.push(() => app.unmount());
		return {app, source, key, closed, sentDrafts, cancelledReplies: () => cancelledReplies};
	}

	/** The line of the frame that starts with a label (after the focus mark). */
	function fieldLine(frame: string, label: string): string {
		return frame.split('\n').find(line => line.slice(2).startsWith(label)) ?? '';
	}

	/** The line right under a field's (first) line. */
	function lineUnder(frame: string, label: string): string {
		const lines = frame.split('\n');
		const index = lines.findIndex(line => line.slice(2).startsWith(label));
		return lines[index + 1] ?? '';
	}

	/** The line right above a field's line. */
	function lineAbove(frame: string, label: string): string {
		const lines = frame.split('\n');
		const index = lines.findIndex(line => line.slice(2).startsWith(label));
		return lines[index - 1] ?? '';
	}

	const focusedLabel = (frame: string) => frame.split('\n').find(line => line.startsWith('› '))?.slice(2).split('│')[0]?.trim();

	async function fillValid(app: ReturnType<typeof renderForm>['app']) {
		await press(app, 'Nice post.', keys.tab, 'Olive', keys.tab, 'olive@example.org', keys.tab, 'https://olive.example/');
	}

	describe('the comment form', () => {
		test('shows "Leave a Reply", the note, then the fields in order and the checkbox', async () => {
			const {app} = renderForm();
			const frame = await waitForText(app, 'Leave a Reply');
			const lines = frame.split('\n');
			assert.equal(lines[0], 'Leave a Reply');
			assert.equal(lines[1], 'Your email address will not be published. Required fields are marked *');
			const order = ['Comment *', 'Name *', 'Email *', 'Website', '[ ] Save my name, email, and website for the next time I comment.'].map(label => lines.findIndex(line => line.slice(2).startsWith(label)));
			assert.ok(order.every(index => index > 1), frame);
			assert.deepEqual([...order].sort((a, b) => a - b), order);
			assert.match(frame, /Ctrl-S/);
			assert.equal(focusedLabel(frame), 'Comment *');
		});

		test('a reply says to whom, and Ctrl-X cancels the reply', async () => {
			const form = renderForm({replyTo: dana});
			const frame = await waitForText(form.app, 'Leave a Reply to Dana');
			assert.match(frame.split('\n')[0]!, /Leave a Reply to Dana · Ctrl-X comment on the post instead/);
			await press(form.app, ctrlX);
			await waitFor(() => form.cancelledReplies() === 1, 'form.cancelledReplies() === 1');
		});

		test('Tab, Shift-Tab and Enter move between fields; Enter in Comment makes a new line', async () => {
			const {app} = renderForm();
			await press(app, 'First line', keys.enter, 'second line');
			const frame = await waitForText(app, 'second line');
			assert.match(fieldLine(frame, 'Comment *'), /│ First line$/);
			assert.match(lineUnder(frame, 'Comment *'), /│ second line/);
			await press(app, keys.tab);
			assert.equal(focusedLabel(await waitForFrame(app, frame => focusedLabel(frame) === 'Name *')), 'Name *');
			await press(app, keys.enter);
			await waitForFrame(app, frame => focusedLabel(frame) === 'Email *');
			await press(app, keys.shiftTab, keys.shiftTab);
			await waitForFrame(app, frame => focusedLabel(frame) === 'Comment *');
			await press(app, keys.tab, keys.tab, keys.tab, keys.tab);
			await waitForFrame(app, frame => frame.includes('› [ ] Save my name'));
			await press(app, ' ');
			await waitForText(app, '› [x] Save my name');
		});

		describe('inline messages', () => {
			test("'Fill out this field' appears under Comment when it is left empty, and goes away when typed in", async () => {
				const {app} = renderForm();
				await press(app, keys.tab);
				const frame = await waitForText(app, 'Fill out this field');
				// The comment field's rows end right above Name: its message is the last line before it.
				assert.equal(lineAbove(frame, 'Name *').trim(), 'Fill out this field');
				await press(app, keys.shiftTab, 'x');
				await waitForFrame(app, frame => fieldLine(frame, 'Comment *').includes('│ x'));
				await waitForFrame(app, frame => lineAbove(frame, 'Name *').trim() !== 'Fill out this field');
			});

			test("'Fill out this field' under Name, gone as soon as a letter is typed", async () => {
				const {app} = renderForm();
				await press(app, keys.tab, keys.tab);
				// Both Tabs were written at once: the message under Comment may show a frame before the one under Name.
				await waitForFrame(app, frame => lineUnder(frame, 'Name *').trim() === 'Fill out this field');
				await press(app, keys.shiftTab, 'D');
				await waitForFrame(app, frame => lineUnder(frame, 'Name *').trim() !== 'Fill out this field');
			});

			test("'Please enter a valid email address.' under Email, gone once the address is whole", async () => {
				const {app} = renderForm();
				await press(app, keys.tab, keys.tab, 'olive', keys.tab);
				let frame = await waitForText(app, 'Please enter a valid email address.');
				assert.equal(lineUnder(frame, 'Email *').trim(), 'Please enter a valid email address.');
				await press(app, keys.shiftTab, '@example');
				frame = await waitForText(app, 'olive@example');
				assert.equal(lineUnder(frame, 'Email *').trim(), 'Please enter a valid email address.');
				await press(app, '.org');
				frame = await waitForFrame(app, frame => !frame.includes('Please enter a valid email address.'));
				assert.match(fieldLine(frame, 'Email *'), /olive@example\.org/);
			});

			test('Name, Email and Website edit as a line: Home/Ctrl-A and End/Ctrl-E go to its ends, Ctrl-U erases before the cursor, Ctrl-K after it', async () => {
				const {app} = renderForm();
				await press(app, keys.tab, keys.tab, 'not-an-emailqa');
				await waitForText(app, 'not-an-emailqa');
				await press(app, keys.left, home, 'X', end, 'Y');
				await waitForFrame(app, frame => /│ Xnot-an-emailqaY\s*$/.test(fieldLine(frame, 'Email *')));
				await press(app, '\u0001', '\u000B', 'ada@example.com', '\u0001', keys.right, keys.right, keys.right, '\u0015', '\u0005', '.uk');
				const frame = await waitForFrame(app, current => /│ @example\.com\.uk\s*$/.test(fieldLine(current, 'Email *')));
				assert.match(fieldLine(frame, 'Name *'), /│\s*$/, 'the keys edited the Email field only');
			});

			test("'Fill out this field' under an empty Email", async () => {
				const {app} = renderForm();
				await press(app, keys.tab, keys.tab, keys.tab);
				await press(app, keys.tab);
				const frame = await waitForFrame(app, frame => lineUnder(frame, 'Email *').trim() === 'Fill out this field');
				assert.equal(lineUnder(frame, 'Email *').trim(), 'Fill out this field');
			});

			test("'Please enter a URL.' under Website, gone once it is an http(s) URL", async () => {
				const {app} = renderForm();
				await press(app, keys.tab, keys.tab, keys.tab, 'olive.example', keys.tab);
				const frame = await waitForText(app, 'Please enter a URL.');
				assert.equal(lineUnder(frame, 'Website').trim(), 'Please enter a URL.');
				// ink-text-input moves with ←/→ (it has no Home): thirteen of them, in one write.
				await press(app, keys.shiftTab, keys.left.repeat('olive.example'.length) + 'https://');
				await waitForFrame(app, frame => !frame.includes('Please enter a URL.') && frame.includes('https://olive.example'));
			});

			test('a name over 245 bytes says the limit (123 × "é" is 246 bytes), and the message goes when it fits', async () => {
				const {app} = renderForm();
				await press(app, keys.tab, 'é'.repeat(123), keys.tab);
				const frame = await waitForText(app, 'Name is too long');
				assert.equal(lineUnder(frame, 'Name *').trim(), 'Name is too long: at most 245 bytes (this is 246).');
				await press(app, keys.shiftTab, backspace);
				await waitForFrame(app, frame => !frame.includes('Name is too long'));
			});

			test('pasted control characters and escape sequences never get into a field', async () => {
				const {app} = renderForm();
				await press(app, keys.tab, 'Ol\u0007iv\u0000e\u009B2J');
				const frame = await waitForFrame(app, frame => fieldLine(frame, 'Name *').includes('Olive'));
				assert.match(fieldLine(frame, 'Name *'), /│ Olive\s*$/);
			});
		});

		test('submitting with errors sends nothing, shows every message and puts the focus on the first field in error', async () => {
			const form = renderForm();
			await press(form.app, 'Nice post.', keys.tab, 'Olive', keys.tab, keys.tab, 'not a url', keys.shiftTab, keys.shiftTab);
			await waitForFrame(form.app, frame => focusedLabel(frame) === 'Name *');
			await press(form.app, ctrlS);
			const frame = await waitForFrame(form.app, frame => focusedLabel(frame) === 'Email *');
			assert.equal(lineUnder(frame, 'Email *').trim(), 'Fill out this field');
			assert.equal(lineUnder(frame, 'Website').trim(), 'Please enter a URL.');
			assert.equal(form.source.sent.length, 0);
			assert.deepEqual(form.closed, []);
		});

		test('a successful submit shows a spinner, then calls onClose with the outcome and removes the draft', async () => {
			let answer!: (outcome: CommentOutcome) => void;
			const form = renderForm({submit: async () => new Promise(resolve => {
				answer = resolve;
			})});
			await fillValid(form.app);
			await waitForText(form.app, 'https://olive.example/');
			assert.ok(loadDraft(form.key), 'the draft is saved as it is typed');
			// Pressed twice in a hurry: the comment still goes once.
			await press(form.app, ctrlS, ctrlS, keys.enter);
			await waitForText(form.app, 'Sending your comment…');
			await waitFor(() => form.source.sent.length > 0, 'form.source.sent.length > 0');
			assert.deepEqual(form.source.sent, [{comment: 'Nice post.', name: 'Olive', email: 'olive@example.org', website: 'https://olive.example/', saveIdentity: false, parent: 0}]);
			assert.equal(form.source.sent.length, 1);
			const outcome: CommentOutcome = {kind: 'held', id: 116, link: undefined, message: 'Your comment is awaiting moderation.'};
			answer(outcome);
			await waitFor(() => form.closed.length === 1, 'form.closed.length === 1');
			assert.deepEqual(form.closed, [outcome]);
			assert.equal(form.sentDrafts[0]?.comment, 'Nice post.', 'the screen gets what was sent, to show it as the user\'s');
			assert.equal(loadDraft(form.key), undefined);
		});

		test('a reply is sent with its parent', async () => {
			const form = renderForm({replyTo: dana});
			await fillValid(form.app);
			await press(form.app, ctrlS);
			await waitFor(() => form.closed.length === 1, 'form.closed.length === 1');
			assert.equal(form.source.sent[0]!.parent, 2);
		});

		test('a refusal is shown on the form in the blog\'s words, and the comment is kept', async () => {
			const form = renderForm({submit: () => Promise.resolve({kind: 'refused', reason: 'too-fast', message: 'You are posting comments too quickly. Slow down.'})});
			await fillValid(form.app);
			await press(form.app, ctrlS);
			const frame = await waitForText(form.app, 'You are posting comments too quickly. Slow down.');
			assert.match(fieldLine(frame, 'Comment *'), /Nice post\./);
			assert.deepEqual(form.closed, []);
			assert.equal(loadDraft(form.key)?.comment, 'Nice post.');
		});

		test('no answer is shown as not known, and the comment is kept', async () => {
			const form = renderForm({submit: () => Promise.resolve({kind: 'unknown', message: 'blog.example took longer than 15 s to answer. It is not known whether your comment arrived. Look at the thread before sending it again.'})});
			await fillValid(form.app);
			await press(form.app, ctrlS);
			await waitForText(form.app, 'It is not known whether your');
			assert.equal(loadDraft(form.key)?.name, 'Olive');
		});

		test('Esc closes without an outcome; the draft is restored when the form opens again', async () => {
			const first = renderForm({key: 'draft-esc'});
			await press(first.app, 'Half a thought', keys.enter, 'and more', keys.tab, 'Olive');
			await waitForText(first.app, 'Olive');
			await press(first.app, keys.escape);
			await waitFor(() => first.closed.length === 1, 'first.closed.length === 1');
			assert.deepEqual(first.closed, [undefined]);
			first.app.unmount();

			const second = renderForm({key: 'draft-esc'});
			const frame = await waitForText(second.app, 'Half a thought');
			assert.match(lineUnder(frame, 'Comment *'), /and more/);
			assert.match(fieldLine(frame, 'Name *'), /Olive/);
		});

		test('ticked, the identity is saved and filled in next time; unticked, it is forgotten', async () => {
			const first = renderForm({key: 'identity-1'});
			await fillValid(first.app);
			await press(first.app, keys.tab, ' ');
			await waitForText(first.app, '[x] Save my name');
			await press(first.app, ctrlS);
			await waitFor(() => first.closed.length === 1, 'first.closed.length === 1');
			assert.deepEqual(loadIdentity(), {name: 'Olive', email: 'olive@example.org', website: 'https://olive.example/'});
			first.app.unmount();

			const second = renderForm({key: 'identity-2'});
			const frame = await waitForText(second.app, 'olive@example.org');
			assert.match(fieldLine(frame, 'Name *'), /│ Olive/);
			assert.match(fieldLine(frame, 'Website'), /│ https:\/\/olive\.example\//);
			assert.match(frame, /\[x\] Save my name/);
			await press(second.app, 'Another one.', keys.tab, keys.tab, keys.tab, keys.tab, ' ');
			await waitForText(second.app, '[ ] Save my name');
			await press(second.app, ctrlS);
			await waitFor(() => second.closed.length === 1, 'second.closed.length === 1');
			assert.equal(loadIdentity(), undefined);
		});

		test('a refused comment saves no name, email or website, ticked or not: only one the blog took does, as WordPress sets its cookies', async () => {
			saveIdentity({name: 'Olive Before', email: 'before@example.org', website: ''}, {site: 'blog.example'});
			let answer: CommentOutcome = {kind: 'refused', reason: 'duplicate', message: 'Duplicate comment detected; it looks as though you’ve already said that!'};
			const form = renderForm({submit: () => Promise.resolve(answer)});
			await waitForText(form.app, 'Olive Before');
			// Unticked and refused: what was saved stays.
			await press(form.app, 'Said twice.', keys.tab, keys.tab, keys.tab, keys.tab, ' ');
			await waitForText(form.app, '[ ] Save my name');
			await press(form.app, ctrlS);
			await waitForText(form.app, 'Duplicate comment detected');
			assert.deepEqual(loadIdentity({site: 'blog.example'}), {name: 'Olive Before', email: 'before@example.org', website: ''});
			// Ticked, with another name, and refused: nothing saved.
			await press(form.app, keys.shiftTab, keys.shiftTab, keys.shiftTab, backspace.repeat('Olive Before'.length), 'Alice', keys.tab, keys.tab, keys.tab, ' ');
			await waitForText(form.app, '[x] Save my name');
			await press(form.app, ctrlS);
			await waitFor(() => form.source.sent.length === 2, 'form.source.sent.length === 2');
			await waitForText(form.app, 'Duplicate comment detected');
			assert.deepEqual(loadIdentity({site: 'blog.example'}), {name: 'Olive Before', email: 'before@example.org', website: ''});
			// Taken: saved.
			answer = {kind: 'held', id: 117, link: undefined, message: 'Your comment is awaiting moderation.'};
			await press(form.app, ctrlS);
			await waitFor(() => form.closed.length === 1, 'form.closed.length === 1');
			assert.deepEqual(loadIdentity({site: 'blog.example'}), {name: 'Alice', email: 'before@example.org', website: ''});
		});

		test('the email is shown nowhere but in its own field', async () => {
			saveIdentity({name: 'Olive', email: 'olive@example.org', website: ''});
			const form = renderForm({submit: () => Promise.resolve({kind: 'refused', reason: 'duplicate', message: `Duplicate comment detected; it looks as though you’ve already said that!`})});
			await press(form.app, 'Hello');
			await press(form.app, ctrlS);
			const frame = await waitForText(form.app, 'Duplicate comment detected');
			assert.equal(frame.split('olive@example.org').length - 1, 1);
			assert.match(fieldLine(frame, 'Email *'), /olive@example\.org/);
		});

		test('the form fits in a small terminal', async () => {
			const {app} = renderForm({width: 50, height: 18});
			const frame = await waitForText(app, 'Leave a Reply');
			const lines = frame.split('\n');
			assert.ok(lines.length <= 18, frame);
			assert.ok(lines.every(line => line.length <= 50), frame);
			assert.ok(frame.includes('Website'));
		});

		test('frames keep the typed text exactly', async () => {
			const {app} = renderForm();
			await press(app, 'Ünïcödé 😀 works');
			const frame = await waitForText(app, 'Ünïcödé 😀 works');
			assert.match(frameText(app), /Ünïcödé 😀 works/);
			assert.ok(frame);
		});
	});

	/** The text of the Comment field's first row. */
	const commentText = (frame: string) => fieldLine(frame, 'Comment *').split('│')[1]?.trimEnd().slice(1) ?? '';
	const valueOf = (frame: string, label: string) => fieldLine(frame, label).split('│')[1]?.trim() ?? '';
	const backspaces = (count: number) => backspace.repeat(count);
	const left = (count: number) => keys.left.repeat(count);
	const deleteKey = '\u001B[3~';
	const ctrl = (letter: string) => String.fromCodePoint(letter.codePointAt(0)! - 96);
	const end = '\u001B[F';

	describe('a one-line field holding more than it shows', () => {
		// Colour on for Ink, to see ink-text-input's cursor (an inverse character) as a terminal does.
		withColour();
		const long = 'https://example.org/a/very/long/path/to/my/personal/website/page/about-me';
		/** The Website line as drawn (colour codes kept), and as read. */
		const websiteLine = (app: ReturnType<typeof renderForm>['app']) => {
			const drawn = (app.lastFrame() ?? '').split('\n').find(line => stripAnsi(line).slice(2).startsWith('Website')) ?? '';
			return {drawn, text: stripAnsi(drawn)};
		};
		/** The character the cursor is on in a drawn line (inverse video), or undefined when none is drawn. */
		const underCursor = (drawn: string) => /\u001B\[7m(.*?)\u001B\[27m/.exec(drawn)?.[1];

		test('at 80 columns the end of what is typed, and the cursor, stay in view as it scrolls', async () => {
			const {app} = renderForm({width: 80, height: 24});
			await waitForText(app, 'Leave a Reply');
			await press(app, keys.tab, keys.tab, keys.tab, long);
			let frame = await waitForFrame(app, current => fieldLine(current, 'Website').includes('about-me'));
			assert.match(fieldLine(frame, 'Website'), /│ …\S*\/page\/about-me $/);
			assert.ok(fieldLine(frame, 'Website').length <= 80);
			assert.equal(underCursor(websiteLine(app).drawn), ' ', 'the cursor after the last character');
			await press(app, '/more');
			frame = await waitForFrame(app, current => fieldLine(current, 'Website').includes('about-me/more'));
			assert.match(fieldLine(frame, 'Website'), /│ …\S*\/about-me\/more $/);
			// Back to after "personal": the cursor stays on screen, on its character, the rest cut with "…".
			await press(app, ...Array.from({length: '/website/page/about-me/more'.length}, () => keys.left));
			await waitForFrame(app, () => underCursor(websiteLine(app).drawn) === '/' && !websiteLine(app).text.includes('about-me/more'));
			assert.match(websiteLine(app).text, /│ https:\/\/example\.org\/\S*\/personal\/website\S*…$/);
			await press(app, 'X');
			await waitForFrame(app, () => websiteLine(app).text.includes('personalX'));
			assert.equal(underCursor(websiteLine(app).drawn), '/');
			assert.ok(websiteLine(app).text.length <= 80);
		});

		test('at 160 columns the same address fits whole; unfocused, a longer one is cut with "…"', async () => {
			const {app} = renderForm({width: 160, height: 48});
			await waitForText(app, 'Leave a Reply');
			await press(app, keys.tab, keys.tab, keys.tab, long);
			const frame = await waitForFrame(app, current => fieldLine(current, 'Website').includes('about-me'));
			assert.equal(fieldLine(frame, 'Website'), `› Website    │ ${long} `);
			await press(app, `/${'x'.repeat(100)}`, keys.tab);
			const left = await waitForFrame(app, current => !fieldLine(current, 'Website').startsWith('›') && fieldLine(current, 'Website').includes('…'));
			assert.match(fieldLine(left, 'Website'), /│ https:\/\/example\.org\/a\/very\/long\/path\/.*x…$/);
		});

		test('← past a field\'s start keeps the cursor on its first character, and → past its end after the last: what is typed goes there', async () => {
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			// One ← more than there are letters: the cursor stays on the first.
			await press(app, keys.tab, 'live', left(5));
			const nameLine = () => (app.lastFrame() ?? '').split('\n').find(line => stripAnsi(line).slice(2).startsWith('Name *')) ?? '';
			await waitForFrame(app, () => underCursor(nameLine()) === 'l');
			await press(app, 'O');
			let frame = await waitForFrame(app, current => valueOf(current, 'Name *') !== 'live');
			assert.equal(valueOf(frame, 'Name *'), 'Olive');
			await press(app, keys.right.repeat(9), '!');
			frame = await waitForFrame(app, current => valueOf(current, 'Name *') !== 'Olive');
			assert.equal(valueOf(frame, 'Name *'), 'Olive!');
		});
	});

	describe('keys in one read, in every field of the form', () => {
		test('three Backspaces in one read delete three characters, in the comment and in Name', async () => {
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			pressTogether(app, 'Nice post!!!', backspaces(3), '.', keys.tab, 'Olivexyz', backspaces(3));
			const frame = await waitForFrame(app, current => valueOf(current, 'Name *') === 'Olive');
			assert.equal(commentText(frame), 'Nice post.');
		});

		test('Ada and Tab in one read put Ada in Name and move on; the rest of the read fills Email, Website and the checkbox', async () => {
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			pressTogether(app, keys.tab, 'Ada', keys.tab, 'ada@example.org', keys.tab, 'https://ada.example/', keys.tab, ' ');
			const frame = await waitForFrame(app, current => current.includes('[x] Save my name'));
			assert.equal(valueOf(frame, 'Name *'), 'Ada');
			assert.equal(valueOf(frame, 'Email *'), 'ada@example.org');
			assert.equal(valueOf(frame, 'Website'), 'https://ada.example/');
			assert.equal(commentText(frame), '', 'Tab never arrives as a space');
		});

		test('text and Ctrl-S in one read insert the text, then send it', async () => {
			saveIdentity({name: 'Olive', email: 'olive@example.org', website: ''});
			const form = renderForm();
			await waitForText(form.app, 'Leave a Reply');
			pressTogether(form.app, 'Sent at once', ctrlS);
			await waitFor(() => form.closed.length === 1, 'form.closed.length === 1');
			assert.equal(form.source.sent.length, 1);
			assert.equal(form.source.sent[0]!.comment, 'Sent at once');
		});

		test('Shift-Tab and ←/→ in one read edit the field they land on', async () => {
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			pressTogether(app, keys.tab, keys.tab, 'olive.example', keys.shiftTab, 'Olive', keys.tab, left(13), 'me@');
			await waitForFrame(app, current => valueOf(current, 'Email *') === 'me@olive.example' && valueOf(current, 'Name *') === 'Olive');
		});

		test('a bracketed paste is one piece: its newlines stay in the comment and become spaces in Name', async () => {
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			pressTogether(app, '\u001B[200~first line\r\nsecond\tline\u001B[201~', keys.tab, '\u001B[200~Olive\nReader\u001B[201~');
			const frame = await waitForFrame(app, current => valueOf(current, 'Name *') === 'Olive Reader');
			assert.equal(commentText(frame), 'first line');
			assert.match(frame, /│ second line/);
		});
	});

	describe('the comment editor', () => {
		let drafts = 0;
		/** A fresh form (a draft of its own), and the pieces written to it in one read. */
		async function typed(...pieces: string[]): Promise<{app: ReturnType<typeof renderForm>['app']; key: string}> {
			const form = renderForm({key: `editor-${++drafts}`});
			await waitForText(form.app, 'Leave a Reply');
			pressTogether(form.app, ...pieces);
			return {app: form.app, key: form.key};
		}

		test('Ctrl-W deletes the word before the cursor, Ctrl-U to the line\'s start, Ctrl-K to its end', async () => {
			let {app} = await typed('one two three', ctrl('w'), 'four');
			await waitForFrame(app, current => commentText(current) === 'one two four');
			app.unmount();
			({app} = await typed('keep\nthis line', left(4), ctrl('u')));
			await waitForFrame(app, current => /│ line/.test(current) && commentText(current) === 'keep');
			app.unmount();
			({app} = await typed('abc def', left(4), ctrl('k'), '!'));
			await waitForFrame(app, current => commentText(current) === 'abc!');
		});

		test('Delete deletes forward, Backspace backward', async () => {
			const {app} = await typed('abcd', left(2), deleteKey, backspace);
			await waitForFrame(app, current => commentText(current) === 'ad');
		});

		test('Home and End (and Ctrl-A) move to the start and end of the row; Ctrl-E is the editor', async () => {
			let {app} = await typed('middle', home, '[', end, ']');
			await waitForFrame(app, current => commentText(current) === '[middle]');
			app.unmount();
			({app} = await typed('middle', ctrl('a'), '<', end, '>'));
			await waitForFrame(app, current => commentText(current) === '<middle>');
		});

		test('a wrapped row never starts with the space it was broken at', async () => {
			// Words that end right at the field's edge, with a space after them.
			const text = `${'x'.repeat(64)} ${'y'.repeat(65)} z`;
			const {app} = await typed(text);
			const frame = await waitForText(app, ' z');
			const rows = frame.split('\n').filter(line => line.includes('│ ')).map(line => line.split('│ ')[1]!);
			const shown = rows.filter(row => row.trim() !== '');
			assert.ok(shown.length >= 3, frame);
			for (const row of shown) assert.doesNotMatch(row, /^ /, `a row starts with a space:\n${frame}`);
			assert.equal(shown.join('').replaceAll(' ', ''), text.replaceAll(' ', ''), 'nothing lost');
		});

		test('the field says when there is more text above or below it', async () => {
			const lines = Array.from({length: 12}, (_, index) => `line ${index + 1}`).join('\n');
			const {app} = await typed(`\u001B[200~${lines}\u001B[201~`);
			let frame = await waitForText(app, 'line 12');
			assert.match(frame, /↑ more/);
			assert.doesNotMatch(frame, /↓ more/);
			pressTogether(app, keys.up.repeat(11));
			frame = await waitForFrame(app, current => current.includes('line 1\n') || commentText(current) === 'line 1');
			assert.match(frame, /↓ more/);
			assert.doesNotMatch(frame, /↑ more/);
		});
	});

	describe('what the form does with what was written', () => {
		test('a refusal message goes away once the text is edited', async () => {
			saveIdentity({name: 'Olive', email: 'olive@example.org', website: ''});
			const form = renderForm({submit: () => Promise.resolve({kind: 'refused', reason: 'duplicate', message: 'Duplicate comment detected; it looks as though you’ve already said that!'})});
			await waitForText(form.app, 'Leave a Reply');
			pressTogether(form.app, 'Hello', ctrlS);
			await waitForText(form.app, 'Duplicate comment detected');
			pressTogether(form.app, ' again');
			const frame = await waitForFrame(form.app, current => commentText(current) === 'Hello again');
			assert.doesNotMatch(frame, /Duplicate comment/);
		});

		test('Ctrl-X carries the reply\'s text and name, email and website over to the comment on the post', async () => {
			const reply = renderForm({replyTo: dana});
			await waitForText(reply.app, 'Leave a Reply to Dana');
			pressTogether(reply.app, 'Carried over', keys.tab, 'Olive', keys.tab, 'olive@example.org', ctrlX);
			await waitFor(() => reply.cancelledReplies() === 1, 'reply.cancelledReplies() === 1');
			reply.app.unmount();
			assert.equal(loadDraft(reply.key), undefined, 'the reply\'s draft has moved');
			const onPost = renderForm();
			const frame = await waitForText(onPost.app, 'Carried over');
			assert.doesNotMatch(frame, /Leave a Reply to/);
			assert.equal(valueOf(frame, 'Name *'), 'Olive');
			assert.equal(valueOf(frame, 'Email *'), 'olive@example.org');
		});

		test('Ctrl-X onto a comment on the post already drafted adds the reply\'s text after its own, and keeps its own name, email and website', async () => {
			const onPostFirst = renderForm();
			await waitForText(onPostFirst.app, 'Leave a Reply');
			pressTogether(onPostFirst.app, 'Written first', keys.tab, 'Test Person', keys.tab, 'test@example.org', keys.tab, 'https://test.example/');
			await waitFor(() => loadDraft(onPostFirst.key)?.website === 'https://test.example/', "loadDraft(onPostFirst.key)?.website === 'https://test.example/'");
			onPostFirst.app.unmount();

			const reply = renderForm({replyTo: dana});
			await waitForText(reply.app, 'Leave a Reply to Dana');
			pressTogether(reply.app, 'Carried over', keys.tab, 'Alice', keys.tab, 'alice@example.org', ctrlX);
			await waitFor(() => reply.cancelledReplies() === 1, 'reply.cancelledReplies() === 1');
			reply.app.unmount();
			const onPost = renderForm();
			const frame = await waitForText(onPost.app, 'Carried over');
			assert.equal(loadDraft(onPost.key)?.comment, 'Written first\n\nCarried over');
			assert.equal(valueOf(frame, 'Name *'), 'Test Person');
			assert.equal(valueOf(frame, 'Email *'), 'test@example.org');
			assert.equal(valueOf(frame, 'Website'), 'https://test.example/');
		});

		test(`Ctrl-Q asks once "Discard this draft? y/n": n keeps it, y throws it away and closes`, async () => {
			const form = renderForm();
			await waitForText(form.app, 'Leave a Reply');
			pressTogether(form.app, 'Second thoughts', ctrl('q'));
			await waitForText(form.app, 'Discard this draft? y/n');
			pressTogether(form.app, 'n');
			let frame = await waitForFrame(form.app, current => !current.includes('Discard this draft?'));
			assert.equal(commentText(frame), 'Second thoughts', 'n is an answer, not text');
			assert.equal(loadDraft(form.key)?.comment, 'Second thoughts');
			pressTogether(form.app, ctrl('q'), 'y');
			await waitFor(() => form.closed.length === 1, 'form.closed.length === 1');
			assert.deepEqual(form.closed, [undefined]);
			assert.equal(loadDraft(form.key), undefined);
			frame = frameText(form.app);
			assert.ok(frame);
		});

		test('the reply form shows the first lines of the comment replied to, above the fields', async () => {
			const long = {...dana, html: `<p>${'A long comment that goes on. '.repeat(12)}</p><p>Last words.</p>`};
			const {app} = renderForm({replyTo: long});
			const frame = await waitForText(app, 'Leave a Reply to Dana');
			const lines = frame.split('\n');
			const quoted = lines.filter(line => line.startsWith('  │ '));
			assert.equal(quoted.length, 3, frame);
			assert.match(quoted[0]!, /A long comment that goes on\./);
			assert.match(quoted[2]!, /…$/);
			assert.ok(lines.indexOf(quoted[0]!) < lines.findIndex(line => line.slice(2).startsWith('Comment *')));
		});

		test('name, email and website are offered per blog: the blog\'s own, else the last used', async () => {
			saveIdentity({name: 'Olive', email: 'olive@example.org', website: ''}, {site: 'elsewhere.example'});
			saveIdentity({name: 'Olive Here', email: 'here@example.org', website: ''}, {site: 'blog.example'});
			saveIdentity({name: 'Olive Last', email: 'last@example.org', website: ''}, {site: 'third.example'});
			const {app} = renderForm();
			const frame = await waitForText(app, 'Olive Here');
			assert.equal(valueOf(frame, 'Email *'), 'here@example.org');
		});
	});
});
