import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {PassThrough} from 'node:stream';
import {after, before, test} from 'node:test';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {runCommandLine} from '../../source/script/run-argv.js';
import {temporaryHome} from './run-cli.js';

let demo: TestDemo;
let home: string;
before(async () => {
	demo = await startTestDemo();
	home = temporaryHome();
});
after(async () => {
	await demo.stop();
	rmSync(home, {recursive: true, force: true});
});

/** A terminal's streams, so that the command line opens the reader. */
const io = () => ({
	stdout: Object.assign(new PassThrough(), {isTTY: true, columns: 80}),
	stderr: new PassThrough(),
	stdin: Object.assign(new PassThrough(), {isTTY: true}),
	environment: {...process.env, BLOGTERM_HOME: home},
});

test('--screen-reader opens the reader in Ink\'s screen-reader mode; without it, the mode is left to Ink (INK_SCREEN_READER)', async () => {
	const on = await runCommandLine([demo.url, '--screen-reader'], io());
	assert.ok(on.kind === 'reader' && on.flags.screenReader === true, JSON.stringify(on));
	const off = await runCommandLine([demo.url], io());
	assert.ok(off.kind === 'reader' && off.flags.screenReader !== true, JSON.stringify(off));
});

test('--mouse and --no-mouse reach the reader as typed, the last one winning; neither leaves the "mouse" setting to decide', async () => {
	const mouseOf = async (...flags: string[]) => {
		const line = await runCommandLine([demo.url, ...flags], io());
		assert.equal(line.kind, 'reader');
		return line.kind === 'reader' ? line.flags.mouse : 'not the reader';
	};
	assert.equal(await mouseOf('--mouse'), true);
	assert.equal(await mouseOf('--no-mouse'), false);
	assert.equal(await mouseOf('--mouse', '--no-mouse'), false);
	// meow makes a boolean flag that was not typed false, which would have kept "mouse": true in config.json from ever counting.
	assert.equal(await mouseOf(), undefined);
});
