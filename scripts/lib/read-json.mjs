import {readFileSync} from 'node:fs';

/** The JSON in a file; undefined when the file is missing or is not JSON (a cache the scripts remake). */
export function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}
