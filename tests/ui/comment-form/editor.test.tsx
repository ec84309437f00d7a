import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, beforeEach, describe, test} from 'node:test';
import {editText, editorFromEnvironment, editorInvocation} from '../../../source/comments/external-editor.js';
import {draftKey, loadDraft} from '../../../source/store/drafts.js';
import {enterReaderScreen, leaveReaderScreen} from '../../../source/ui/comment-form/terminal-hand-over.js';
import {CommentForm} from '../../../source/ui/comment-form/comment-form.js';
import {fakeSource, post} from './fixtures.js';
import {press, renderWithKeys, waitForFrame, waitForText} from '../helpers.js';
import {withEnvironment} from '../../helpers/environment.js';

const ctrlE = '\u0005';
const root = mkdtempSync(join(tmpdir(), 'blogterm-editor-'));
after(() => {
	rmSync(root, {recursive: true, force: true});
});
describe('the comment form and your editor', () => {
	let count = 0;
	let cleanups: Array<() => void> = [];
	let log: string;

	/** A fake editor: a shell script that logs its arguments and what the file held, then does `body` to the file ($1, or the last argument). */
	function fakeEditor(name: string, body: string): string {
		const path = join(root, `${name}-${++count}.sh`);
		writeFileSync(path, [
			'#!/bin/sh',
			'for file; do :; done',
			`printf '%s\\n' "$#" "$@" > '${log}'`,
			`cat "$file" >> '${log}'`,
			body,
			'',
		].join('\n'));
		chmodSync(path, 0o755);
		return path;
	}

	// VISUAL, EDITOR and BLOGTERM_HOME, changed by each test, are put back when the suite ends.
	const environment = withEnvironment();
	beforeEach(() => {
		environment.set('BLOGTERM_HOME', join(root, `home-${++count}`));
		log = join(root, `log-${count}.txt`);
		environment.set('EDITOR', undefined);
	});
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});

	/** The form, on a terminal whose raw mode and output are watched. */
	function renderForm() {
		const source = fakeSource(() => Promise.resolve({kind: 'approved', id: 1, link: undefined}));
		const app = renderWithKeys(<CommentForm source={source} post={post} width={80} height={30} draftKey={draftKey(source.site.key, post.id, 0)} onClose={() => {}} />);
		cleanups.push(() => app.unmount());
		// What the terminal went through, in order; the editor's log says when it ran.
		const events: string[] = [];
		let raw = true;
		const stdin = app.stdin as unknown as {isRaw: boolean; setRawMode: (on: boolean) => void};
		Object.defineProperty(stdin, 'isRaw', {get: () => raw, configurable: true});
		stdin.setRawMode = (on: boolean) => {
			raw = on;
			events.push(`raw ${on ? 'on' : 'off'}${existsSync(log) ? ' (editor done)' : ''}`);
		};
		const stdout = app.stdout as unknown as {write: (data: string) => void};
		const write = stdout.write.bind(stdout);
		stdout.write = (data: string) => {
			if (data === leaveReaderScreen) events.push(`screen left${existsSync(log) ? ' (editor done)' : ''}`);
			else if (data === enterReaderScreen) events.push(`screen back${existsSync(log) ? ' (editor done)' : ''}`);
			write(data);
		};
		return {app, events, source};
	}

	describe('writing the comment in your editor (Ctrl-E)', () => {
		test('what the editor saves becomes the comment; it was started with the comment\'s file as its one argument', async () => {
			environment.set('VISUAL', fakeEditor('saves', 'printf \'Written in my editor.\\n\\nA second paragraph.\\n\' > "$file"'));
			const {app, source} = renderForm();
			await waitForText(app, 'Leave a Reply');
			await press(app, 'D', 'r', 'a', 'f', 't');
			await waitForText(app, 'Draft');
			await press(app, ctrlE);
			const frame = await waitForText(app, 'A second paragraph.');
			assert.match(frame, /Written in my editor\./);
			const [argumentCount, file, ...text] = readFileSync(log, 'utf8').split('\n');
			assert.equal(argumentCount, '1');
			assert.match(file!, /comment\.txt$/);
			assert.equal(text[0], 'Draft', 'the editor opened on the comment as it was');
			assert.ok(!existsSync(file!), 'the file is removed after');
			assert.equal(loadDraft(draftKey(source.site.key, post.id, 0))?.comment, 'Written in my editor.\n\nA second paragraph.', 'kept as the draft');
		});

		test('the terminal is handed over (raw mode off, the screen left) before the editor runs, and taken back after', async () => {
			environment.set('VISUAL', fakeEditor('saves', 'printf \'Hello\\n\' > "$file"'));
			const {app, events} = renderForm();
			await waitForText(app, 'Leave a Reply');
			await press(app, ctrlE);
			await waitForFrame(app, frame => frame.includes('Hello') && frame.includes('Leave a Reply'));
			assert.deepEqual(events, ['raw off', 'screen left', 'screen back (editor done)', 'raw on (editor done)']);
			// The reader is drawn again whole after: the last thing written is its frame.
			assert.match(app.lastFrame() ?? '', /Leave a Reply/);
			// Keys work as before.
			await press(app, '!');
			await waitForText(app, 'Hello!');
		});

		test('an editor that leaves the file empty changes nothing, and says so', async () => {
			environment.set('VISUAL', fakeEditor('empties', ': > "$file"'));
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			await press(app, 'K', 'e', 'e', 'p');
			await waitForText(app, 'Keep');
			await press(app, ctrlE);
			const frame = await waitForText(app, 'The editor left the comment empty: your comment is as it was.');
			assert.match(frame, /Keep/);
		});

		test('an editor that fails changes nothing, and says so; one that does not exist too', async () => {
			environment.set('VISUAL', fakeEditor('fails', 'printf \'Half written\\n\' > "$file"; exit 3'));
			const {app} = renderForm();
			await waitForText(app, 'Leave a Reply');
			await press(app, 'K', 'e', 'e', 'p');
			await waitForText(app, 'Keep');
			await press(app, ctrlE);
			let frame = await waitForText(app, /exited with status 3: your comment is as it was\./);
			assert.match(frame, /Keep/);
			assert.doesNotMatch(frame, /Half written/);
			environment.set('VISUAL', join(root, 'no-such-editor'));
			await press(app, ctrlE);
			frame = await waitForText(app, /could not be started \(there is no such program\)/);
			assert.match(frame, /Keep/);
		});

		test('$VISUAL with arguments of its own is run by the shell, the file still one argument ("$1")', () => {
			const script = fakeEditor('args', 'printf \'ok\\n\' > "$file"');
			const outcome = editText('x', {environment: {VISUAL: `${script} --wait`}});
			assert.deepEqual(outcome, {kind: 'saved', text: 'ok'});
			const [argumentCount, flag] = readFileSync(log, 'utf8').split('\n');
			assert.equal(argumentCount, '2');
			assert.equal(flag, '--wait');
		});

		test('the editor: $VISUAL, else $EDITOR, else vi; a program name is run without a shell', () => {
			assert.equal(editorFromEnvironment({VISUAL: 'nano', EDITOR: 'ed'}), 'nano');
			assert.equal(editorFromEnvironment({VISUAL: ' ', EDITOR: 'ed'}), 'ed');
			assert.equal(editorFromEnvironment({}), 'vi');
			assert.deepEqual(editorInvocation('vim', '/tmp/a b;rm -rf ~'), {command: 'vim', args: ['/tmp/a b;rm -rf ~']});
			assert.deepEqual(editorInvocation('code --wait', '/tmp/$(x)'), {command: '/bin/sh', args: ['-c', 'code --wait "$@"', 'code --wait', '/tmp/$(x)']});
		});
	});

	describe('the preview (Ctrl-P): the comment as the blog will show it', () => {
		test('paragraphs, the HTML WordPress allows a commenter, a bare URL as a link; any key goes back, Ctrl-S sends', async () => {
			const {app, source} = renderForm();
			await waitForText(app, 'Leave a Reply');
			for (const text of ['Hello <b>bold</b> <img src=x onerror=alert(1)>world.', '\r', '\r', 'See https://docs.example/cron and <a href="https://x.example/">this</a>.']) {
				app.stdin.write(text);
				await waitForFrame(app, frame => frame.includes('Leave a Reply'));
			}
			await waitForText(app, 'this</a>.');
			await press(app, '\u0010');
			let frame = await waitForText(app, 'preview, as the blog will show it');
			assert.match(frame, /^ {2}Anonymous · /m);
			assert.match(frame, /^ {2}Hello bold world\.$/m, 'the image tag is dropped, as WordPress drops it');
			assert.match(frame, /^ {2}See https:\/\/docs\.example\/cron\[1\] and this\[2\]\.$/m);
			assert.match(frame, /^ {2}\[2\] https:\/\/x\.example\/$/m);
			assert.doesNotMatch(frame, /\[1\] https:\/\/docs/, 'the bare URL is shown once');
			await press(app, 'x');
			frame = await waitForText(app, 'Comment *');
			assert.doesNotMatch(frame, /this<\/a>\.x/, 'the key that leaves the preview is not typed');
			await press(app, '\u0010');
			frame = await waitForText(app, 'preview, as the blog will show it');
			// What the form would refuse is said under the preview, before Ctrl-S.
			assert.match(frame, /Name: Fill out this field\. Ctrl-S goes to it · any other key: back to the form/);
			// Ctrl-S sends from the preview: here the form says what is missing first, and sends nothing.
			await press(app, '\u0013');
			frame = await waitForText(app, 'Fill out this field');
			assert.match(frame, /Comment \*/);
			assert.equal(source.sent.length, 0);
		});
	});

	describe('the notify checkbox, where the blog\'s form has one', () => {
		test('shown under "Save my name…", ticked with Space, and sent with the comment', async () => {
			const source = fakeSource(() => Promise.resolve({kind: 'approved', id: 1, link: undefined}));
			source.findNotifyCheckbox = async () => Promise.resolve({field: 'subscribe_comments', value: 'subscribe', label: 'Notify me of follow-up comments by email.', checked: false});
			const app = renderWithKeys(<CommentForm source={source} post={post} width={80} height={30} draftKey={draftKey(source.site.key, post.id, 0)} onClose={() => {}} />);
			cleanups.push(() => app.unmount());
			await waitForText(app, '[ ] Notify me of follow-up comments by email.');
			for (const text of ['Answer me, please.', '\t', 'Ada', '\t', 'ada@example.org', '\t', '\t', '\t']) {
				app.stdin.write(text);
				await waitForFrame(app, frame => frame.includes('Leave a Reply'));
			}
			await waitForText(app, /› \[ \] Notify me/);
			await press(app, ' ');
			await waitForText(app, '[x] Notify me of follow-up comments by email.');
			await press(app, '\u0013');
			await waitForFrame(app, () => source.sent.length === 1);
			assert.deepEqual(source.sent[0]!.notify, {field: 'subscribe_comments', value: 'subscribe'});
		});

		test('a blog without one: no checkbox, and Tab goes from "Save my name…" to Post Comment', async () => {
			const {app, source} = renderForm();
			await waitForText(app, 'Leave a Reply');
			await press(app, '\t', '\t', '\t', '\t', '\t');
			const frame = await waitForText(app, /› \[ Post Comment \]/);
			assert.doesNotMatch(frame, /Notify me/);
			assert.equal(source.sent.length, 0);
		});
	});
});
