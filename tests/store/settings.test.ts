import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {Ajv2020} from 'ajv/dist/2020.js';
import {credentialSitesFromSettings} from '../../source/comments/send-comment.js';
import {hyperlinkModeFromSettings} from '../../source/platform/hyperlinks.js';
import {chooseReading} from '../../source/platform/reading-choice.js';
import {chooseTheme} from '../../source/platform/theme-choice.js';
import {themeNames} from '../../source/render/theme.js';
import {loadSettings, setting, settingsPath} from '../../source/store/settings.js';
import {readSettingsThroughConf} from '../../source/store/settings-conf.js';
import {setStoreNoticeSink} from '../../source/store/settings-files.js';
import {readmeSettingsTable} from '../../source/store/settings-readme.js';
import {settingAllows, settingNames, settingsJsonSchema, settingsTable} from '../../source/store/settings-schema.js';
import {keyMapFromSettings} from '../../source/ui/keys/key-settings.js';
import {refreshMinutes} from '../../source/ui/run-interactive.js';

const homes: string[] = [];
after(() => {
	for (const home of homes) rmSync(home, {recursive: true, force: true});
});

/** A fresh BLOGTERM_HOME, its config folder made, with `files` in it. */
function homeWith(files: Record<string, string> = {}): {environment: NodeJS.ProcessEnv; config: string} {
	const home = mkdtempSync(join(tmpdir(), 'blogterm-settings-'));
	homes.push(home);
	const config = join(home, 'config');
	mkdirSync(config, {recursive: true});
	for (const [name, text] of Object.entries(files)) writeFileSync(join(config, name), text);
	return {environment: {BLOGTERM_HOME: home}, config};
}

/** What `run` says about blogterm's files, line by line. */
async function notesOf(run: () => Promise<void> | void): Promise<string[]> {
	const notes: string[] = [];
	const restore = setStoreNoticeSink(note => notes.push(note));
	try {
		await run();
	} finally {
		restore();
	}
	return notes;
}

describe('config.json, read through conf against its schema', () => {
	test('without the file every setting has its default, nothing is said, and no file is made (blogterm only reads it)', async () => {
		const {environment, config} = homeWith();
		assert.deepEqual(await notesOf(async () => loadSettings(environment)), []);
		// The defaults the README states (the schema's) are the ones the code falls back on.
		const schema = settingsJsonSchema();
		assert.equal(chooseTheme(undefined, environment).name, schema.theme.default);
		assert.deepEqual(chooseReading(environment), {width: schema.readingWidth.default, align: schema.readingAlign.default});
		assert.equal(hyperlinkModeFromSettings(environment), schema.hyperlinks.default);
		assert.equal(refreshMinutes(environment), schema.refreshInterval.default);
		assert.deepEqual(credentialSitesFromSettings(environment), schema.wordpressAccountSites.default);
		assert.equal(setting('listRows', environment), undefined);
		assert.equal(existsSync(join(config, 'config.json')), false, 'a file of defaults would keep old defaults when a new version changes them');
	});

	test('each value is used as written', async () => {
		const {environment} = homeWith({'config.json': JSON.stringify({theme: 'light', readingWidth: 72, readingAlign: 'centre', listRows: 40, refreshInterval: 5, browser: 'firefox --new-window', mouse: true, screenReader: true, hyperlinks: 'never'})});
		assert.deepEqual(await notesOf(async () => loadSettings(environment)), []);
		assert.equal(chooseTheme(undefined, environment).name, 'light');
		assert.equal(chooseTheme('high-contrast', environment).name, 'high-contrast', '--theme wins');
		assert.deepEqual(chooseReading(environment), {width: 72, align: 'centre'});
		assert.equal(setting('listRows', environment), 40);
		assert.equal(setting('refreshInterval', environment), 5);
		assert.equal(setting('browser', environment), 'firefox --new-window');
		assert.equal(setting('mouse', environment), true);
		assert.equal(setting('screenReader', environment), true);
		assert.equal(setting('hyperlinks', environment), 'never');
	});

	test('a value its schema does not allow is said in one line (the setting, the value, what is allowed) and keeps its default; the other settings are used', async () => {
		const {environment, config} = homeWith({'config.json': JSON.stringify({theme: 'purple', readingWidth: 72, mouse: 'yes', listRows: 0, refreshInterval: -1, browser: '', keys: ['J']})});
		const path = join(config, 'config.json');
		const before = readFileSync(path, 'utf8');
		const notes = await notesOf(async () => loadSettings(environment));
		assert.deepEqual(notes, [
			`theme in ${path} is "purple": it should be "dark", "light", "high-contrast" or "16-colour"; it keeps its default, "dark".`,
			`mouse in ${path} is "yes": it should be true or false; it keeps its default, false.`,
			`listRows in ${path} is 0: it should be a whole number from 1 to 100; it keeps its default, as many as the terminal's height shows (at least 10).`,
			`refreshInterval in ${path} is -1: it should be a number, 0 or more; it keeps its default, 30.`,
			`browser in ${path} is "": it should be a command, such as "firefox" or "firefox --private-window"; it keeps its default, \`$BROWSER\`, else the system's opener (xdg-open, open, explorer.exe).`,
			`keys in ${path} is ["J"]: it should be an object of actions and their keys, such as {"next-post": "J"}; it keeps its default, blogterm's keys.`,
		]);
		assert.equal(chooseTheme(undefined, environment).name, 'dark');
		assert.equal(setting('mouse', environment), undefined);
		assert.equal(setting('readingWidth', environment), 72, 'one bad value does not cost the others');
		assert.deepEqual(keyMapFromSettings(environment).labels('next-post'), ['n']);
		assert.equal(readFileSync(path, 'utf8'), before, 'the file is the user\'s: left as it is');
		assert.deepEqual(await notesOf(async () => loadSettings(environment)), [], 'said once, not again while the file is the same');
	});

	test('an entry that is no setting is said and left out; the settings beside it are used', async () => {
		const {environment, config} = homeWith({'config.json': JSON.stringify({colour: 'light', readingWidth: 80, '\u001B[2J': 1})});
		const notes = await notesOf(async () => loadSettings(environment));
		const path = join(config, 'config.json');
		assert.deepEqual(notes, [
			`"colour" in ${path} is not a setting blogterm knows (the README's settings table lists them); it is left out.`,
			`"\\u001b[2J" in ${path} is not a setting blogterm knows (the README's settings table lists them); it is left out.`,
		]);
		assert.equal(setting('readingWidth', environment), 80);
	});

	test('a file that is not JSON is said, and every setting has its default', async () => {
		const {environment, config} = homeWith({'config.json': '{"theme": "light",'});
		const notes = await notesOf(async () => loadSettings(environment));
		assert.equal(notes.length, 1);
		assert.match(notes[0]!, new RegExp(`^${join(config, 'config.json').replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(.+\\); every setting has its default\\.$`));
		assert.equal(chooseTheme(undefined, environment).name, 'dark');
	});

	test('read again when the file changes, and not before', async () => {
		const {environment, config} = homeWith({'config.json': JSON.stringify({theme: 'light'})});
		await loadSettings(environment);
		writeFileSync(join(config, 'config.json'), JSON.stringify({theme: 'high-contrast'}));
		assert.equal(chooseTheme(undefined, environment).name, 'light', 'a run keeps what it read at start');
		await loadSettings(environment);
		assert.equal(chooseTheme(undefined, environment).name, 'high-contrast');
	});

	test('conf reads the file against the schema and never writes it', () => {
		const {config} = homeWith({'config.json': JSON.stringify({theme: 'light', readingWidth: 5000, nonsense: true})});
		const path = join(config, 'config.json');
		const before = {text: readFileSync(path, 'utf8'), modified: statSync(path).mtimeMs};
		const read = readSettingsThroughConf(config, path);
		assert.deepEqual({...read.settings}, {theme: 'light'});
		assert.equal(read.problems.length, 2);
		assert.deepEqual({text: readFileSync(path, 'utf8'), modified: statSync(path).mtimeMs}, before);
	});
});

describe('settings.json of earlier versions', () => {
	test('is carried over to config.json once, said in a line, and kept as settings.json.migrated; refreshMinutes becomes refreshInterval', async () => {
		const old = `${JSON.stringify({theme: 'light', refreshMinutes: 12, keys: {'next-post': 'J'}, wordpressAccountSites: ['notes.example']}, null, 2)}\n`;
		const {environment, config} = homeWith({'settings.json': old});
		const notes = await notesOf(async () => loadSettings(environment));
		assert.deepEqual(notes, [`your settings were carried over from ${join(config, 'settings.json')} to ${join(config, 'config.json')}; the old file is kept as settings.json.migrated.`]);
		assert.deepEqual(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8')), {theme: 'light', refreshInterval: 12, keys: {'next-post': 'J'}, wordpressAccountSites: ['notes.example']});
		assert.equal(statSync(join(config, 'config.json')).mode & 0o777, 0o600);
		assert.equal(readFileSync(join(config, 'settings.json.migrated'), 'utf8'), old, 'the old file, untouched but for its name');
		assert.equal(existsSync(join(config, 'settings.json')), false);
		assert.equal(chooseTheme(undefined, environment).name, 'light');
		assert.equal(setting('refreshInterval', environment), 12);
		assert.deepEqual(keyMapFromSettings(environment).labels('next-post'), ['J'], 'remapped keys still work');

		// An older blogterm run since writes settings.json again: config.json is what is read, and is left alone.
		writeFileSync(join(config, 'settings.json'), JSON.stringify({theme: 'high-contrast'}));
		writeFileSync(join(config, 'config.json'), JSON.stringify({theme: 'light', readingWidth: 60}));
		assert.deepEqual(await notesOf(async () => loadSettings(environment)), []);
		assert.equal(chooseTheme(undefined, environment).name, 'light');
		assert.deepEqual(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8')), {theme: 'light', readingWidth: 60});
		assert.equal(existsSync(join(config, 'settings.json')), true);
	});

	test('one that is not JSON is carried over as it is, to be mended in config.json, which says so', async () => {
		const {environment, config} = homeWith({'settings.json': '{"theme": "light"'});
		const notes = await notesOf(async () => loadSettings(environment));
		assert.equal(notes.length, 2);
		assert.match(notes[0]!, /carried over/);
		assert.match(notes[1]!, /config\.json is not valid JSON/);
		assert.equal(readFileSync(join(config, 'config.json'), 'utf8'), '{"theme": "light"');
	});

	test('is read the same way by code run without the command line', () => {
		const {environment, config} = homeWith({'settings.json': JSON.stringify({readingWidth: 64})});
		assert.deepEqual(chooseReading(environment), {width: 64, align: 'left'});
		assert.equal(existsSync(join(config, 'config.json')), true);
	});
});

describe('the schema', () => {
	test('is valid JSON Schema (conf compiles it without checking, to start faster), and its themes are the themes', () => {
		const ajv = new Ajv2020({allErrors: true});
		assert.equal(ajv.validateSchema({type: 'object', properties: settingsJsonSchema()}), true, JSON.stringify(ajv.errors));
		assert.deepEqual(settingsJsonSchema().theme.enum, themeNames);
	});

	test('each setting is judged as Ajv judges it, so that conf is never given what it refuses', () => {
		const ajv = new Ajv2020({allErrors: true});
		const samples: unknown[] = [true, false, 0, -1, 1, 19, 20, 30, 72.5, 100, 101, 1000, 1001, '', 'x', 'dark', 'light', 'purple', 'auto', 'never', 'left', 'centre', 'center', 'firefox', null, [], ['a'], [1], {}, {'next-post': 'J'}];
		for (const name of settingNames) {
			const validate = ajv.compile(settingsJsonSchema()[name]);
			for (const value of samples) assert.equal(settingAllows(name, value), validate(value), `${name}: ${JSON.stringify(value)}`);
		}
	});

	test('the README\'s settings table is the one made from the schema (npm run docs:settings writes it)', async () => {
		const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
		assert.equal(readmeSettingsTable(readme), settingsTable(), 'README.md differs from the settings schema: run npm run docs:settings');
	});

	test('the file is config.json in blogterm\'s config folder', () => {
		assert.equal(settingsPath({BLOGTERM_HOME: '/somewhere'}), join('/somewhere', 'config', 'config.json'));
	});
});
