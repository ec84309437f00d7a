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

test('--screen-reader opens the reader in Ink\'s screen-reader mode; without it, the mode is left to Ink (INK_SCREEN_READER)', async () => {
	const io = () => ({
		stdout: Object.assign(new PassThrough(), {isTTY: true, columns: 80}),
		stderr: new PassThrough(),
		stdin: Object.assign(new PassThrough(), {isTTY: true}),
		environment: {...process.env, BLOGTERM_HOME: home},
	});
	const on = await runCommandLine([demo.url, '--screen-reader'], io());
	assert.ok(on.kind === 'reader' && on.flags.screenReader === true, JSON.stringify(on));
	const off = await runCommandLine([demo.url], io());
	assert.ok(off.kind === 'reader' && off.flags.screenReader !== true, JSON.stringify(off));
});
