import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {setTheme, darkTheme} from '../../source/render/theme.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runInProcess} from './run-cli.js';

let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => demo.stop());

/** The SGR colour codes (30–37, 90–97) in what was printed. */
const colourCodes = (output: string) => new Set([...output.matchAll(/\u001B\[([\d;]*)m/g)].flatMap(match => match[1]!.split(';')).filter(code => /^(3[0-7]|9[0-7])$/.test(code)));

test('--theme light prints headings and links in blue, the dark theme in cyan, and no cyan or yellow at all', async t => {
	// A run in this process sets the theme it was given; the dark one, every other test's, is put back as
	// this test ends (at the file's end it would be the end of every file sharing the process).
	t.after(() => setTheme(darkTheme));
	// "A Field Guide to the Terminal Garden": headings, links and code.
	const light = await runInProcess([demo.url, '--post', '59', '--theme', 'light'], {env: {FORCE_COLOR: '1'}});
	assert.equal(light.code, 0, light.stderr);
	assert.ok(colourCodes(light.stdout).has('34'), 'blue is used');
	assert.ok(!colourCodes(light.stdout).has('36') && !colourCodes(light.stdout).has('33'), 'neither cyan nor yellow');
	const dark = await runInProcess([demo.url, '--post', '59'], {env: {FORCE_COLOR: '1'}});
	assert.ok(colourCodes(dark.stdout).has('36'), 'cyan is used');
	assert.equal(light.stdout.replace(/\u001B\[[\d;]*m/g, ''), dark.stdout.replace(/\u001B\[[\d;]*m/g, ''), 'the same text in both');
});

test('a theme that is none is a usage error that names the four', async () => {
	const run = await runInProcess([demo.url, '--post', '59', '--theme', 'sepia']);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /--theme is dark, light, high-contrast or 16-colour, not “sepia”/);
	assert.equal(run.stdout, '');
});
