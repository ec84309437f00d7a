import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chooseTheme} from '../../source/platform/theme-choice.js';
import {loadSettings} from '../../source/store/settings.js';
import {withSettingsHome} from '../helpers/settings-home.js';

test('NO_COLOR turns colour off whatever the theme; FORCE_COLOR turns it back on; an empty NO_COLOR is no NO_COLOR', () => {
	assert.equal(chooseTheme(undefined, {NO_COLOR: '1'}).name, 'no-colour');
	assert.equal(chooseTheme('light', {NO_COLOR: '1'}).name, 'no-colour');
	assert.equal(chooseTheme('light', {NO_COLOR: '1', FORCE_COLOR: '1'}).name, 'light');
	assert.equal(chooseTheme(undefined, {NO_COLOR: '1', FORCE_COLOR: '0'}).name, 'no-colour');
	assert.equal(chooseTheme(undefined, {NO_COLOR: ''}).name, 'dark');
});

test('--color always is the theme whatever NO_COLOR says; --color never is none whatever FORCE_COLOR says', () => {
	assert.equal(chooseTheme('light', {NO_COLOR: '1'}, 'always').name, 'light');
	assert.equal(chooseTheme(undefined, {NO_COLOR: '1', FORCE_COLOR: '0'}, 'always').name, 'dark');
	assert.equal(chooseTheme('light', {FORCE_COLOR: '1'}, 'never').name, 'no-colour');
	assert.equal(chooseTheme('light', {NO_COLOR: '1'}, 'auto').name, 'no-colour');
});

test('--theme, else "theme" in config.json, else dark; a setting that names no theme is said, and dark stands', async () => {
	await withSettingsHome('theme', async ({environment, notes, writeConfig}) => {
		await loadSettings(environment);
		assert.equal(chooseTheme(undefined, environment).name, 'dark');
		assert.equal(chooseTheme('16-colour', environment).name, '16-colour');
		await writeConfig({theme: 'high-contrast'});
		assert.equal(chooseTheme(undefined, environment).name, 'high-contrast');
		assert.equal(chooseTheme('light', environment).name, 'light', 'the flag wins over the setting');
		assert.deepEqual(notes, []);
		await writeConfig({theme: 'sepia'});
		assert.equal(chooseTheme(undefined, environment).name, 'dark');
		assert.equal(notes.length, 1);
		assert.match(notes[0]!, /^theme in .*config\.json is "sepia": it should be "dark", "light", "high-contrast" or "16-colour"; it keeps its default, "dark"\.$/);
	});
});
