import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, beforeEach, describe, test} from 'node:test';
import {draftKey, loadDraft, saveDraft} from '../../source/store/drafts.js';
import {loadIdentity, saveIdentity} from '../../source/store/identity.js';
import {ReadState} from '../../source/store/read-state.js';
import {HttpCache, cacheKey} from '../../source/store/cache.js';
import {setStoreNoticeSink} from '../../source/store/settings-files.js';

const root = mkdtempSync(join(tmpdir(), 'blogterm-corrupt-'));
after(() => rmSync(root, {recursive: true, force: true}));
let count = 0;

describe('corrupt files blogterm wrote', () => {
	let notes: string[] = [];
	let restoreSink: () => void = () => undefined;
	beforeEach(() => {
		notes = [];
		restoreSink = setStoreNoticeSink(message => notes.push(message));
	});
	afterEach(() => restoreSink());

	/** A config folder holding read state, a saved identity and a draft, all good. */
	function filledFolder(): {config: string; drafts: string; key: string} {
		const folder = join(root, `case-${++count}`);
		const config = join(folder, 'config');
		const drafts = join(folder, 'drafts');
		new ReadState(config).markRead('blog.example', 7);
		saveIdentity({name: 'Ada', email: 'ada@example.com', website: ''}, {directory: config});
		const key = draftKey('blog.example', 7);
		saveDraft(key, {comment: 'Half written', name: 'Ada', email: 'ada@example.com', website: '', saveIdentity: true, parent: 0}, {directory: drafts});
		return {config, drafts, key};
	}

	const corruptions: Array<[string, string]> = [
		['cut short', '{"sites":{"blog.example":[7,'],
		['empty', ''],
		['not JSON at all', '\u0000\u0000\u0000binary garbage'],
		['JSON of another shape', '{"sites":{"blog.example":"seven"}}'],
		['JSON that is not an object', '[1,2,3]'],
	];

	describe('a corrupt read-state.json', () => {
		for (const [what, content] of corruptions) {
			test(`${what}: moved aside with a note; the posts read start afresh; identity and drafts untouched`, () => {
				const {config, drafts, key} = filledFolder();
				writeFileSync(join(config, 'read-state.json'), content);
				const state = new ReadState(config);
				assert.deepEqual([...state.readIds('blog.example')], []);
				state.markRead('blog.example', 8);
				assert.deepEqual([...new ReadState(config).readIds('blog.example')], ['8'], 'read state works again');

				const moved = readdirSync(config).filter(name => name.startsWith('read-state.json.corrupt-'));
				assert.equal(moved.length, 1, 'moved aside, not deleted');
				assert.equal(readFileSync(join(config, moved[0]!), 'utf8'), content, 'kept as it was');
				assert.equal(notes.length, 1);
				assert.match(notes[0]!, /^The list of posts you have read \(read-state\.json\) could not be read \(.+\); moved it to .+read-state\.json\.corrupt-\d{4}-\d\d-\d\dT.+ and started afresh\.$/);
				assert.deepEqual(loadIdentity({directory: config}), {name: 'Ada', email: 'ada@example.com', website: ''});
				assert.equal(loadDraft(key, {directory: drafts})?.comment, 'Half written');
			});
		}

		test('spoiled while blogterm runs: the next read moves it aside instead of crashing', () => {
			const {config} = filledFolder();
			const state = new ReadState(config);
			assert.deepEqual([...state.readIds('blog.example')], ['7']);
			writeFileSync(join(config, 'read-state.json'), '{"sites":');
			assert.deepEqual([...state.readIds('blog.example')], []);
			state.markRead('blog.example', 9);
			assert.deepEqual([...state.readIds('blog.example')], ['9']);
			assert.equal(notes.length, 1);
		});

		test('a config folder that cannot be written: the marks are kept for this run, with one note', () => {
			const folder = join(root, `case-${++count}`);
			writeFileSync(folder, 'a file where the folder should be');
			const state = new ReadState(join(folder, 'config'));
			state.markRead('blog.example', 1);
			state.markRead('blog.example', 2);
			assert.deepEqual([...state.readIds('blog.example')], ['1', '2']);
			assert.equal(notes.length, 1);
			assert.match(notes[0]!, /cannot be remembered in .+; they are kept until you quit\.$/);
		});
	});

	describe('a corrupt identity.json', () => {
		for (const [what, content] of [corruptions[0]!, corruptions[1]!, ['JSON of another shape', '{"identity":"Ada"}'] as [string, string]]) {
			test(`${what}: moved aside with a note; nothing is filled in; read state and drafts untouched`, () => {
				const {config, drafts, key} = filledFolder();
				writeFileSync(join(config, 'identity.json'), content);
				assert.equal(loadIdentity({directory: config}), undefined);
				assert.equal(readdirSync(config).filter(name => name.startsWith('identity.json.corrupt-')).length, 1);
				assert.equal(notes.length, 1);
				assert.match(notes[0]!, /^Your saved name, email and website \(identity\.json\) could not be read/);
				saveIdentity({name: 'Grace', email: 'grace@example.com', website: ''}, {directory: config});
				assert.equal(loadIdentity({directory: config})?.name, 'Grace');
				assert.deepEqual([...new ReadState(config).readIds('blog.example')], ['7']);
				assert.equal(loadDraft(key, {directory: drafts})?.comment, 'Half written');
			});
		}
	});

	describe('a corrupt draft', () => {
		test('is moved aside with a note; the other drafts and the config stay', () => {
			const {config, drafts, key} = filledFolder();
			const otherKey = draftKey('blog.example', 8);
			saveDraft(otherKey, {comment: 'Another', name: '', email: '', website: '', saveIdentity: false, parent: 0}, {directory: drafts});
			const [first] = readdirSync(drafts).filter(name => loadDraftFileName(drafts, name, key));
			writeFileSync(join(drafts, first!), '{"version":1,"dra');
			assert.equal(loadDraft(key, {directory: drafts}), undefined);
			assert.equal(notes.length, 1);
			assert.match(notes[0]!, /^A saved comment draft \(.+\.json\) could not be read \(not valid JSON\); moved it to /);
			assert.equal(loadDraft(otherKey, {directory: drafts})?.comment, 'Another');
			assert.deepEqual([...new ReadState(config).readIds('blog.example')], ['7']);
		});
	});

	describe('a corrupt cache entry', () => {
		test('is moved aside with a note and counts as missing; the other entries stay', async () => {
			const directory = join(root, `cache-${++count}`);
			const cache = new HttpCache({directory});
			const answer = (text: string) => ({url: 'https://blog.example/', statusCode: 200, headers: {'content-type': 'text/html', etag: '"1"'}, bytes: Buffer.from(text)});
			await cache.put(cacheKey('https://blog.example/a', undefined), answer('Post A'));
			await cache.put(cacheKey('https://blog.example/b', undefined), answer('Post B'));
			const files = readdirSync(directory);
			assert.equal(files.length, 2);
			for (const file of files) {
				const text = readFileSync(join(directory, file), 'utf8');
				if (text.endsWith('Post A')) writeFileSync(join(directory, file), text.slice(0, -3));
			}
			assert.equal(await cache.get(cacheKey('https://blog.example/a', undefined)), undefined);
			assert.equal((await cache.get(cacheKey('https://blog.example/b', undefined)))?.bytes.toString(), 'Post B');
			assert.equal(notes.length, 1);
			assert.match(notes[0]!, /^A saved copy of a page \(.+\.entry\) could not be read \(it is cut short\)/);
			assert.equal(readdirSync(directory).filter(name => name.includes('.corrupt-')).length, 1);
		});
	});

	/** Whether a drafts-folder file holds the draft of `key`. */
	function loadDraftFileName(directory: string, name: string, key: string): boolean {
		try {
			return (JSON.parse(readFileSync(join(directory, name), 'utf8')) as {key?: string}).key === key;
		} catch {
			return false;
		}
	}
});
