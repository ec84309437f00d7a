import {join} from 'node:path';
import Conf from 'conf';
import {checkJsonFile, keepPrivate, makePrivateFolder, privateFileMode} from './settings-files.js';

// Apart from ./settings-files.ts, so that what only needs moving files aside (the cache, on every
// request) does not load conf.

export type ConfFileOptions<T extends Record<string, unknown>> = {
	/** The folder. */
	readonly cwd: string;
	/** The file name without `.json`. */
	readonly configName: string;
	/** What the file holds, for the note: "Your read posts". */
	readonly what: string;
	/** Whether a parsed file has the shape blogterm writes. */
	readonly isValid: (value: unknown) => boolean;
	readonly defaults?: T;
	/** Default 0600: the user's alone. */
	readonly configFileMode?: number;
};

/**
 * A conf store whose file, when corrupt, is moved aside with a note rather than silently emptied
 * (conf's `clearInvalidConfig` deletes what it cannot read).
 */
export function openConfFile<T extends Record<string, unknown>>(options: ConfFileOptions<T>): Conf<T> {
	const path = join(options.cwd, `${options.configName}.json`);
	const open = () => new Conf<T>({
		projectName: 'blogterm',
		cwd: options.cwd,
		configName: options.configName,
		defaults: options.defaults,
		configFileMode: options.configFileMode ?? privateFileMode,
		clearInvalidConfig: false,
	});
	// conf would create the folder as the umask says (world-readable): made private first.
	makePrivateFolder(options.cwd);
	keepPrivate(path, options.configFileMode ?? privateFileMode);
	checkJsonFile(path, options.what, options.isValid);
	try {
		return open();
	} catch (error) {
		// Spoiled between the check and the open (another blogterm writing): once more.
		if (!(error instanceof SyntaxError) || checkJsonFile(path, options.what, options.isValid)) throw error;
		return open();
	}
}

