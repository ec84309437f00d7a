import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chooseReading} from '../../source/platform/reading-choice.js';
import {loadSettings} from '../../source/store/settings.js';
import {withSettingsHome} from '../helpers/settings-home.js';

test('"readingWidth" and "readingAlign" in config.json, else 100 columns at the left; an entry that cannot be used is said, and its default stands', async () => {
	await withSettingsHome('reading', async ({environment, notes, writeConfig}) => {
		await loadSettings(environment);
		assert.deepEqual(chooseReading(environment), {width: 100, align: 'left'});
		await writeConfig({readingWidth: 72, readingAlign: 'centre'});
		assert.deepEqual(chooseReading(environment), {width: 72, align: 'centre'});
		assert.deepEqual(notes, []);
		await writeConfig({readingWidth: 5, readingAlign: 'center'});
		assert.deepEqual(chooseReading(environment), {width: 100, align: 'left'});
		assert.equal(notes.length, 2);
		assert.match(notes[0]!, /^readingWidth in .*config\.json is 5: it should be a whole number from 20 to 1000; it keeps its default, 100\.$/);
		assert.match(notes[1]!, /^readingAlign in .*config\.json is "center": it should be "left" or "centre"; it keeps its default, "left"\.$/);
	});
});
