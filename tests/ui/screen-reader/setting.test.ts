import assert from 'node:assert/strict';
import {test} from 'node:test';
import {screenReaderOn} from '../../../source/ui/run-interactive.js';
import {withSettingsHome} from '../../helpers/settings-home.js';

test('screen-reader mode: --screen-reader, else "screenReader" in config.json, else INK_SCREEN_READER=true (as Ink reads it)', async () => {
	await withSettingsHome('screen-reader-setting', async ({environment, notes, writeConfig}) => {
		assert.equal(screenReaderOn(undefined, environment), false, 'off by default');
		assert.equal(screenReaderOn(true, environment), true, 'the flag');
		assert.equal(screenReaderOn(undefined, {...environment, INK_SCREEN_READER: 'true'}), true, 'the environment');
		await writeConfig({screenReader: true});
		assert.equal(screenReaderOn(undefined, environment), true, 'the setting');
		await writeConfig({screenReader: false});
		assert.equal(screenReaderOn(undefined, {...environment, INK_SCREEN_READER: 'true'}), false, 'the setting, said, wins over the environment');
		assert.equal(screenReaderOn(true, environment), true, 'the flag wins over the setting');
		await writeConfig({screenReader: 'yes'});
		assert.equal(screenReaderOn(undefined, environment), false);
		assert.match(notes.join('\n'), /screenReader in .*config\.json is "yes": it should be true or false/);
	});
});
