import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {blogtermPaths} from './paths.js';
import {noteStoreProblem} from './settings-files.js';

/** The settings file: `settings.json` in blogterm's config folder, written by the user. */
export function settingsPath(environment: NodeJS.ProcessEnv = process.env): string {
	return join(blogtermPaths(environment).config, 'settings.json');
}

/**
 * One entry of the settings file, read by `parse` (undefined: it cannot be used). Undefined when the
 * file or the entry is absent; when either cannot be read, the note says so in words (`expected`: what it
 * should be, and what blogterm does instead) and the answer is undefined, so the default stands.
 */
export function readSetting<T>(name: string, parse: (value: unknown) => T | undefined, expected: string, environment: NodeJS.ProcessEnv = process.env): T | undefined {
	const path = settingsPath(environment);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
	let value: unknown;
	try {
		const settings = JSON.parse(text) as unknown;
		value = settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>)[name] : null;
	} catch {
		value = null;
	}
	if (value === undefined) return undefined;
	const parsed = value === null ? undefined : parse(value);
	if (parsed === undefined) noteStoreProblem(`${name} in ${path} could not be read (${expected}).`);
	return parsed;
}
