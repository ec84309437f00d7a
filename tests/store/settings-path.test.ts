import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import Conf from 'conf';
import {settingsPath} from '../../source/store/settings.js';
import {withEnvironment} from '../helpers/environment.js';

describe('where the settings are', () => {
	// XDG_CONFIG_HOME and BLOGTERM_HOME are changed for the test, put back when the suite ends.
	const environment = withEnvironment();

	test('config.json is where conf puts a project "blogterm" with no suffix, under $XDG_CONFIG_HOME when it is set', () => {
		const folder = mkdtempSync(join(tmpdir(), 'blogterm-xdg-'));
		try {
			environment.set('XDG_CONFIG_HOME', folder);
			environment.set('BLOGTERM_HOME', undefined);
			const conf = new Conf({projectName: 'blogterm', projectSuffix: ''});
			assert.equal(conf.path, join(folder, 'blogterm', 'config.json'));
			assert.equal(settingsPath(), conf.path);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});
