import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {setStoreNoticeSink} from '../../../source/store/settings-files.js';
import {loadSettings} from '../../../source/store/settings.js';
import {screenReaderOn} from '../../../source/ui/run-interactive.js';

test('screen-reader mode: --screen-reader, else "screenReader" in config.json, else INK_SCREEN_READER=true (as Ink reads it)', async () => {
	const home = mkdtempSync(join(tmpdir(), 'blogterm-screen-reader-setting-'));
	const notes: string[] = [];
	const restore = setStoreNoticeSink(note => notes.push(note));
	try {
		const environment = {BLOGTERM_HOME: home};
		assert.equal(screenReaderOn(undefined, environment), false, 'off by default');
		assert.equal(screenReaderOn(true, environment), true, 'the flag');
		assert.equal(screenReaderOn(undefined, {...environment, INK_SCREEN_READER: 'true'}), true, 'the environment');
		mkdirSync(join(home, 'config'), {recursive: true});
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({screenReader: true}));
		await loadSettings(environment);
		assert.equal(screenReaderOn(undefined, environment), true, 'the setting');
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({screenReader: false}));
		await loadSettings(environment);
		assert.equal(screenReaderOn(undefined, {...environment, INK_SCREEN_READER: 'true'}), false, 'the setting, said, wins over the environment');
		assert.equal(screenReaderOn(true, environment), true, 'the flag wins over the setting');
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({screenReader: 'yes'}));
		await loadSettings(environment);
		assert.equal(screenReaderOn(undefined, environment), false);
		assert.match(notes.join('\n'), /screenReader in .*config\.json is "yes": it should be true or false/);
	} finally {
		restore();
		rmSync(home, {recursive: true, force: true});
	}
});
