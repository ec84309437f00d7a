import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {HttpCache} from '../../source/store/cache.js';
import {draftKey, saveDraft} from '../../source/store/drafts.js';
import {saveIdentity} from '../../source/store/identity.js';
import {blogtermPaths} from '../../source/store/paths.js';
import {ReadState} from '../../source/store/read-state.js';
import {withUmask} from '../helpers/environment.js';

/*
What you read, what you wrote and who you are is yours alone: every file blogterm writes is created
0600 and every folder 0700, whatever the umask would allow (the usual 022 makes files world-readable).
*/

let home: string;
before(() => {
	home = mkdtempSync(join(tmpdir(), 'blogterm-modes-'));
});
after(() => {
	rmSync(home, {recursive: true, force: true});
});

/** Every file and folder under `root` (itself excluded), with its permission bits. */
function modesUnder(root: string): Array<{path: string; kind: 'file' | 'folder'; mode: number}> {
	return readdirSync(root, {recursive: true}).map(name => {
		const path = join(root, String(name));
		const stats = statSync(path);
		return {path: relative(root, path), kind: stats.isDirectory() ? 'folder' : 'file', mode: stats.mode & 0o777};
	});
}

describe('the files blogterm writes', () => {
	withUmask(0o022);

	test('read state, identity, drafts and the cache are 0600, in folders that are 0700', async t => {
		const paths = blogtermPaths({BLOGTERM_HOME: join(home, 'fresh')});
		new ReadState(paths.config).markRead('blog.example', 42);
		saveIdentity({name: 'Ada', email: 'ada@example.com', website: ''}, {directory: paths.config});
		saveDraft(draftKey('blog.example', 42), {comment: 'Unsent', name: 'Ada', email: 'ada@example.com', website: '', saveIdentity: false, parent: 0}, {directory: join(paths.data, 'drafts')});
		await new HttpCache({directory: join(paths.cache, 'http')}).put('key', {url: 'https://blog.example/', statusCode: 200, headers: {}, bytes: Buffer.from('<p>Hi</p>')});

		const found = modesUnder(join(home, 'fresh'));
		for (const entry of found) t.diagnostic(`${entry.kind} ${entry.path}: ${entry.mode.toString(8)}`);
		const files = found.filter(entry => entry.kind === 'file').map(entry => entry.path).sort();
		assert.deepEqual(files.map(path => path.replace(/[\da-f]{32,}/, 'HASH')), ['cache/http/HASH.entry', 'config/identity.json', 'config/read-state.json', 'data/drafts/HASH.json']);
		for (const entry of found) {
			assert.equal(entry.mode, entry.kind === 'file' ? 0o600 : 0o700, `${entry.kind} ${entry.path} is ${entry.mode.toString(8)}`);
		}
	});

	test('a read-state.json and config folder left world-readable by an earlier blogterm are made private when next written', t => {
		const config = join(home, 'earlier', 'config');
		mkdirSync(config, {recursive: true, mode: 0o755});
		chmodSync(config, 0o755);
		writeFileSync(join(config, 'read-state.json'), JSON.stringify({sites: {'blog.example': [1]}}), {mode: 0o644});
		new ReadState(config).markRead('blog.example', 2);
		const fileMode = statSync(join(config, 'read-state.json')).mode & 0o777;
		const folderMode = statSync(config).mode & 0o777;
		t.diagnostic(`read-state.json: ${fileMode.toString(8)}, config: ${folderMode.toString(8)}`);
		assert.equal(fileMode, 0o600);
		assert.equal(folderMode, 0o700);
		assert.deepEqual([...new ReadState(config).readIds('blog.example')], ['1', '2'], 'nothing read is lost');
	});
});
