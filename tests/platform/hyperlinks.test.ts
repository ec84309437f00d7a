import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {hyperlinkModeFromSettings, hyperlinksOn, terminalSupportsHyperlinks} from '../../source/platform/hyperlinks.js';
import {loadSettings} from '../../source/store/settings.js';
import {withSettingsHome} from '../helpers/settings-home.js';

const tty = {isTTY: true};

describe('whether the terminal makes hyperlinks clickable', () => {
	test('known terminals say yes; a pipe, CI, a dumb or unknown terminal say no', () => {
		assert.equal(terminalSupportsHyperlinks(tty, {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.1'}), false);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '20240203-110809-5046fc22'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.90.0'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.60.0'}), false);
		assert.equal(terminalSupportsHyperlinks(tty, {VTE_VERSION: '7600'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {VTE_VERSION: '0.50.0'}), false);
		assert.equal(terminalSupportsHyperlinks(tty, {WT_SESSION: 'x'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM: 'xterm-kitty'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM: 'xterm-256color'}), false);
		assert.equal(terminalSupportsHyperlinks({isTTY: false}, {TERM: 'xterm-kitty'}), false);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM: 'xterm-kitty', CI: 'true'}), false);
		assert.equal(terminalSupportsHyperlinks(tty, {TERM: 'dumb', WT_SESSION: 'x'}), false);
	});

	test('FORCE_HYPERLINK decides first', () => {
		assert.equal(terminalSupportsHyperlinks({isTTY: false}, {FORCE_HYPERLINK: '1'}), true);
		assert.equal(terminalSupportsHyperlinks(tty, {FORCE_HYPERLINK: '0', TERM: 'xterm-kitty'}), false);
	});

	test('auto: on in the reader where supported, off in print mode; always and never as they say', () => {
		const kitty = {TERM: 'xterm-kitty'};
		assert.equal(hyperlinksOn('auto', {printMode: false, stream: tty, environment: kitty}), true);
		assert.equal(hyperlinksOn('auto', {printMode: true, stream: tty, environment: kitty}), false);
		assert.equal(hyperlinksOn('auto', {printMode: false, stream: tty, environment: {}}), false);
		assert.equal(hyperlinksOn('always', {printMode: true, stream: {isTTY: false}, environment: {}}), true);
		assert.equal(hyperlinksOn('never', {printMode: false, stream: tty, environment: kitty}), false);
	});
});

describe('the hyperlinks setting', () => {
	test('"hyperlinks" in config.json; absent is auto; a bad value is said and is auto', async () => {
		await withSettingsHome('hyperlinks', async ({environment, notes, writeConfig}) => {
			await loadSettings(environment);
			assert.equal(hyperlinkModeFromSettings(environment), 'auto');
			await writeConfig({hyperlinks: 'never'});
			assert.equal(hyperlinkModeFromSettings(environment), 'never');
			await writeConfig({hyperlinks: 'sometimes'});
			assert.equal(hyperlinkModeFromSettings(environment), 'auto');
			assert.equal(notes.length, 1);
			assert.match(notes[0]!, /^hyperlinks in .*config\.json is "sometimes": it should be "auto", "always" or "never"; it keeps its default, "auto"\.$/);
		});
	});
});
