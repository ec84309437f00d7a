// test-runner: own process (XDG_CONFIG_HOME and BLOGTERM_HOME are changed for the test)
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import Conf from 'conf';
import {settingsPath} from '../../source/store/settings.js';

test('config.json is where conf puts a project "blogterm" with no suffix, under $XDG_CONFIG_HOME when it is set', () => {
	const saved = {xdg: process.env['XDG_CONFIG_HOME'], home: process.env['BLOGTERM_HOME']};
	const folder = mkdtempSync(join(tmpdir(), 'blogterm-xdg-'));
	try {
		process.env['XDG_CONFIG_HOME'] = folder;
		delete process.env['BLOGTERM_HOME'];
		const conf = new Conf({projectName: 'blogterm', projectSuffix: ''});
		assert.equal(conf.path, join(folder, 'blogterm', 'config.json'));
		assert.equal(settingsPath(), conf.path);
	} finally {
		if (saved.xdg === undefined) delete process.env['XDG_CONFIG_HOME'];
		else process.env['XDG_CONFIG_HOME'] = saved.xdg;
		if (saved.home !== undefined) process.env['BLOGTERM_HOME'] = saved.home;
		rmSync(folder, {recursive: true, force: true});
	}
});
