import Conf from 'conf';
import {checkSettingsText, settingsJsonSchema, type SettingName} from './settings-schema.js';
import {privateFileMode} from './settings-files.js';

// Apart from ./settings.ts: conf (and Ajv with it) loads only when there is a config.json to read.

/**
 * config.json read through conf, against the settings' JSON schema. conf refuses a whole file for one
 * value its schema does not allow: each entry is checked first (`checkSettings`, as conf parses the
 * file), and what cannot be used is left out with a line saying so, so that conf is given only what its
 * schema allows, and every other setting is used. conf never writes the file (no `defaults`, Ajv's
 * `useDefaults` off): blogterm only reads what the user wrote.
 */
export function readSettingsThroughConf(folder: string, where: string): {settings: Partial<Record<SettingName, unknown>>; problems: string[]} {
	let problems: string[] = [];
	const conf = new Conf<Partial<Record<SettingName, unknown>>>({
		projectName: 'blogterm',
		projectSuffix: '',
		cwd: folder,
		configName: 'config',
		schema: settingsJsonSchema(),
		// The schema is blogterm's own, checked against JSON Schema's meta-schema by a test: Ajv neither
		// adds the meta-schemas nor checks the schema against them at every start, which cost some 35 ms
		// of CPU (print mode with a config.json: 237 ms against 199 without the file; 202 like this).
		ajvOptions: {useDefaults: false, validateSchema: false, meta: false, code: {optimize: false}},
		accessPropertiesByDotNotation: false,
		clearInvalidConfig: false,
		configFileMode: privateFileMode,
		deserialize(text) {
			const checked = checkSettingsText(text, where);
			problems = checked.problems;
			return checked.settings;
		},
	});
	return {settings: conf.store, problems};
}
