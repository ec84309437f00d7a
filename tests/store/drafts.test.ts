import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {deleteDraft, draftKey, loadDraft, saveDraft} from '../../source/store/drafts.js';
import {compiledChild} from '../helpers/child-script.js';

const root = mkdtempSync(join(tmpdir(), 'blogterm-drafts-'));
after(() => rmSync(root, {recursive: true, force: true}));
let count = 0;
const freshDirectory = () => join(root, `case-${++count}`);

const draft: CommentDraft = {comment: 'Half a thought…', name: 'Dana', email: 'dana@example.com', website: '', saveIdentity: true, parent: 0};
const repository = fileURLToPath(new URL('../..', import.meta.url));

describe('comment drafts', () => {
	test('a saved draft is found again under its key, and only there', () => {
		const directory = freshDirectory();
		const onPost = draftKey('blog.example', 42);
		const asReply = draftKey('blog.example', 42, 7);
		saveDraft(onPost, draft, {directory});
		saveDraft(asReply, {...draft, comment: 'A reply', parent: 7}, {directory});
		assert.deepEqual(loadDraft(onPost, {directory}), draft);
		assert.equal(loadDraft(asReply, {directory})?.comment, 'A reply');
		assert.equal(loadDraft(draftKey('other.example', 42), {directory}), undefined);
		assert.equal(loadDraft(draftKey('blog.example', 43), {directory}), undefined);
	});

	test('saving again replaces the draft; deleting removes it', () => {
		const directory = freshDirectory();
		const key = draftKey('blog.example', 1);
		saveDraft(key, draft, {directory});
		saveDraft(key, {...draft, comment: 'Whole thought.'}, {directory});
		assert.equal(loadDraft(key, {directory})?.comment, 'Whole thought.');
		deleteDraft(key, {directory});
		assert.equal(loadDraft(key, {directory}), undefined);
		deleteDraft(key, {directory});
		assert.deepEqual(readdirSync(directory), []);
	});

	test('a draft file is readable by its owner only (it holds an email address)', () => {
		const directory = freshDirectory();
		saveDraft(draftKey('blog.example', 1), draft, {directory});
		const [file] = readdirSync(directory);
		assert.equal(statSync(join(directory, file!)).mode & 0o777, 0o600);
	});

	test('a corrupt draft file is moved aside, never a crash', () => {
		const directory = freshDirectory();
		const key = draftKey('blog.example', 1);
		saveDraft(key, draft, {directory});
		const [file] = readdirSync(directory);
		writeFileSync(join(directory, file!), '{"version":1,"draft":{"comm');
		assert.equal(loadDraft(key, {directory}), undefined);
		const files = readdirSync(directory);
		assert.equal(files.length, 1);
		assert.match(files[0]!, /\.json\.corrupt-\d{4}-\d\d-\d\dT/);
		saveDraft(key, draft, {directory});
		assert.deepEqual(loadDraft(key, {directory}), draft);
	});

	test('a draft survives the program being killed (SIGKILL) while it is being typed', async t => {
		const directory = freshDirectory();
		const key = draftKey('blog.example', 99, 3);
		const text = 'Typed one key at a time, saved at every key.';
		const script = join(root, 'typist.ts');
		writeFileSync(script, `
import {saveDraft} from ${JSON.stringify(join(repository, 'source/store/drafts.ts'))};
const text = ${JSON.stringify(text)};
let typed = 0;
const timer = setInterval(() => {
	typed = Math.min(typed + 1, text.length);
	saveDraft(${JSON.stringify(key)}, {comment: text.slice(0, typed), name: 'Dana', email: 'dana@example.com', website: '', saveIdentity: false, parent: 3}, {directory: ${JSON.stringify(directory)}});
	process.stdout.write('saved ' + typed + '\\n');
}, 2);
timer.ref();
`);
		const compiled = await compiledChild(script);
		t.after(() => rmSync(dirname(compiled), {recursive: true, force: true}));
		const child = spawn(process.execPath, [compiled], {cwd: repository, stdio: ['ignore', 'pipe', 'inherit']});
		const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, signal) => resolve(signal)));
		let seen = 0;
		await new Promise<void>((resolve, reject) => {
			child.on('error', reject);
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
				const numbers = [...chunk.matchAll(/saved (\d+)/g)].map(match => Number(match[1]));
				seen = Math.max(seen, ...numbers);
				if (seen >= 10) resolve();
			});
			child.on('exit', () => reject(new Error('the child stopped before it was killed')));
		});
		child.kill('SIGKILL');
		assert.equal(await exited, 'SIGKILL');

		const restored = loadDraft(key, {directory});
		assert.ok(restored, 'the draft is there after the kill');
		assert.ok(text.startsWith(restored.comment), `a whole draft, not a torn one: ${restored.comment}`);
		assert.ok(restored.comment.length >= 10, 'at least what the child said it had saved');
		assert.equal(restored.parent, 3);
	});
});
