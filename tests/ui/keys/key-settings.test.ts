import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {setStoreNoticeSink} from '../../../source/store/settings-files.js';
import {loadSettings} from '../../../source/store/settings.js';
import {checkKeyChanges, keyMapFromSettings} from '../../../source/ui/keys/key-settings.js';

describe('keys remapped in config.json', () => {
	test('a key or a list of keys per action; the map takes them, in the handlers and the labels', async () => {
		const home = mkdtempSync(join(tmpdir(), 'blogterm-keys-'));
		const notes: string[] = [];
		const restore = setStoreNoticeSink(note => notes.push(note));
		try {
			mkdirSync(join(home, 'config'), {recursive: true});
			writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({keys: {'next-post': 'J', 'read-comments': ['x', 'ctrl+o']}}));
			await loadSettings({BLOGTERM_HOME: home});
			const keyMap = keyMapFromSettings({BLOGTERM_HOME: home});
			assert.deepEqual(notes, []);
			assert.deepEqual(keyMap.labels('next-post'), ['J']);
			assert.deepEqual(keyMap.labels('read-comments'), ['x', 'Ctrl-O']);
			const press = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false};
			assert.equal(keyMap.matches('next-post', 'J', {...press, shift: true}), true);
			assert.equal(keyMap.matches('next-post', 'n', press), false, 'n is no longer next post');
			assert.equal(keyMap.matches('read-comments', 'o', {...press, ctrl: true}), true);
			assert.equal(keyMap.matches('previous-post', 'p', press), true, 'the rest keep their keys');
		} finally {
			restore();
			rmSync(home, {recursive: true, force: true});
		}
	});

	test('an action that is none, a key that is none, and a key another action of the screen has are each said, and that action keeps its keys', () => {
		const {changes, problems} = checkKeyChanges({'next-post': 'J', 'jump-around': 'x', 'previous-post': 'F12', 'read-comments': 'c', 'leave-reply': 'q', top: []});
		assert.deepEqual(changes, {'next-post': ['J']});
		assert.deepEqual(problems, [
			'there is no action called "jump-around" (the README\'s keys table names them); it is left out.',
			'"F12" is not a key blogterm can read (for previous-post); it keeps p.',
			'"top" should be a key or a list of keys, such as "J" or ["J", "down"]; it keeps g Home.',
			'q for leave-reply is already back (back to where you came from, at the line you left); leave-reply keeps c.',
			'c for read-comments is already leave-reply (leave a reply); read-comments keeps C.',
		]);
	});

	test('keys that are no object are said once, and every default stands; no keys entry is no note', async () => {
		assert.deepEqual(checkKeyChanges(['J']).problems, ['"keys" should be an object of actions and their keys, such as {"next-post": "J"}; the default keys are used.']);
		const home = mkdtempSync(join(tmpdir(), 'blogterm-keys-'));
		const notes: string[] = [];
		const restore = setStoreNoticeSink(note => notes.push(note));
		try {
			mkdirSync(join(home, 'config'), {recursive: true});
			writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({theme: 'light'}));
			await loadSettings({BLOGTERM_HOME: home});
			assert.deepEqual(keyMapFromSettings({BLOGTERM_HOME: home}).labels('next-post'), ['n']);
			writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({keys: {'next-post': 'n', 'jump': 'x'}}));
			await loadSettings({BLOGTERM_HOME: home});
			assert.deepEqual(keyMapFromSettings({BLOGTERM_HOME: home}).labels('next-post'), ['n']);
			assert.deepEqual(notes, [`keys in ${join(home, 'config', 'config.json')}: there is no action called "jump" (the README's keys table names them); it is left out.`]);
		} finally {
			restore();
			rmSync(home, {recursive: true, force: true});
		}
	});
});
