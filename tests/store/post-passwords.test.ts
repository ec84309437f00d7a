import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {PostPasswords} from '../../source/store/post-passwords.js';

const folder = mkdtempSync(join(tmpdir(), 'blogterm-post-passwords-'));
after(() => rmSync(folder, {recursive: true, force: true}));

describe('remembered post passwords', () => {
	test('kept per site and post, in a file only the user can read', () => {
		const store = new PostPasswords({directory: folder});
		assert.equal(store.get('blog.example', 15), undefined);
		store.remember('blog.example', 15, 'open-sesame');
		store.remember('other.example', 15, 'else');
		const again = new PostPasswords({directory: folder});
		assert.equal(again.get('blog.example', 15), 'open-sesame');
		assert.equal(again.get('blog.example', '15'), 'open-sesame');
		assert.equal(again.get('other.example', 15), 'else');
		assert.equal(again.get('blog.example', 16), undefined);
		const path = join(folder, 'post-passwords.json');
		assert.equal(statSync(path).mode & 0o777, 0o600);
		assert.ok(readFileSync(path, 'utf8').includes('open-sesame'));
	});
});
