import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {ReadState} from '../../source/store/read-state.js';

describe('posts already read', () => {
	let dir: string;
	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'blogterm-read-'));
	});
	after(async () => rm(dir, {recursive: true, force: true}));

	it('are remembered per site between runs', () => {
		const first = new ReadState(dir);
		first.markRead('blog.example', 42);
		first.markRead('blog.example', 'https://blog.example/feed-item');
		first.markRead('other.example', 7);
		const next = new ReadState(dir);
		assert.deepEqual([...next.readIds('blog.example')].sort(), ['42', 'https://blog.example/feed-item']);
		assert.deepEqual([...next.readIds('other.example')], ['7']);
		assert.deepEqual([...next.readIds('new.example')], []);
	});

	it('count a post read twice once', () => {
		const state = new ReadState(dir);
		state.markRead('twice.example', 1);
		state.markRead('twice.example', 1);
		assert.equal(new ReadState(dir).readIds('twice.example').size, 1);
	});
});
