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

test('--color always is the theme\'s colours over NO_COLOR, in a post and a list alike; --color never is none over FORCE_COLOR', async t => {
	t.after(() => setTheme(darkTheme));
	const forced = await runInProcess([demo.url, '--post', '59', '--no-related'], {env: {FORCE_COLOR: '1'}});
	for (const args of [['--post', '59', '--no-related'], ['--list', '--width', '60']]) {
		const always = await runInProcess([demo.url, ...args, '--color', 'always'], {env: {NO_COLOR: '1'}});
		assert.equal(always.code, 0, always.stderr);
		assert.ok(colourCodes(always.stdout).has('36'), `${args.join(' ')}: the dark theme's cyan, not bold alone`);
		assert.ok(colourCodes(always.stdout).has('90'), `${args.join(' ')}: its grey`);
		if (args[0] === '--post') assert.equal(always.stdout, forced.stdout, 'as FORCE_COLOR colours it');
		const never = await runInProcess([demo.url, ...args, '--color', 'never'], {env: {FORCE_COLOR: '1'}});
		assert.doesNotMatch(never.stdout, /\u001B/, `${args.join(' ')}: no escape at all`);
	}
});
