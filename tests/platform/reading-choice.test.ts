import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {chooseReading} from '../../source/platform/reading-choice.js';
import {setStoreNoticeSink} from '../../source/store/settings-files.js';
import {loadSettings} from '../../source/store/settings.js';

test('"readingWidth" and "readingAlign" in config.json, else 100 columns at the left; an entry that cannot be used is said, and its default stands', async () => {
	const home = mkdtempSync(join(tmpdir(), 'blogterm-reading-'));
	const notes: string[] = [];
	const restore = setStoreNoticeSink(note => notes.push(note));
	try {
		const environment = {BLOGTERM_HOME: home};
		await loadSettings(environment);
		assert.deepEqual(chooseReading(environment), {width: 100, align: 'left'});
		mkdirSync(join(home, 'config'), {recursive: true});
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({readingWidth: 72, readingAlign: 'centre'}));
		await loadSettings(environment);
		assert.deepEqual(chooseReading(environment), {width: 72, align: 'centre'});
		assert.deepEqual(notes, []);
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({readingWidth: 5, readingAlign: 'center'}));
		await loadSettings(environment);
		assert.deepEqual(chooseReading(environment), {width: 100, align: 'left'});
		assert.equal(notes.length, 2);
		assert.match(notes[0]!, /^readingWidth in .*config\.json is 5: it should be a whole number from 20 to 1000; it keeps its default, 100\.$/);
		assert.match(notes[1]!, /^readingAlign in .*config\.json is "center": it should be "left" or "centre"; it keeps its default, "left"\.$/);
	} finally {
		restore();
		rmSync(home, {recursive: true, force: true});
	}
});
