import type Conf from 'conf';
import {blogtermPaths} from './paths.js';
import {openConfFile} from './conf-file.js';
import {checkJsonFile, isPlainObject, noteStoreProblem} from './settings-files.js';

type ReadStateFile = {sites: Record<string, Array<number | string>>};

/** Keep at most this many read posts per site: the oldest are forgotten first. */
const maxReadPerSite = 5000;

const what = 'The list of posts you have read';

function isReadStateFile(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	const sites = value['sites'];
	if (sites === undefined) return true;
	return isPlainObject(sites) && Object.values(sites).every(ids => Array.isArray(ids) && ids.every(id => typeof id === 'number' || typeof id === 'string'));
}

/**
 * Which posts the user has opened, per site, kept between runs. A file that cannot be read is moved
 * aside with a note (never a crash); one that cannot be written leaves the marks in memory for this run.
 */
export class ReadState {
	readonly #configDir: string;
	readonly #conf: Conf<ReadStateFile> | undefined;
	/** Used when the file cannot be opened or written. */
	#memory: ReadStateFile = {sites: {}};
	#toldUnwritable = false;

	constructor(configDir: string = blogtermPaths().config) {
		this.#configDir = configDir;
		try {
			this.#conf = openConfFile<ReadStateFile>({cwd: configDir, configName: 'read-state', what, isValid: isReadStateFile, defaults: {sites: {}}});
		} catch (error) {
			this.#conf = undefined;
			this.#tellUnwritable(error);
		}
	}

	readIds(siteKey: string): Set<string> {
		const ids = this.#sites()[siteKey] ?? [];
		return new Set(ids.map(String));
	}

	markRead(siteKey: string, postId: number | string): void {
		const sites = this.#sites();
		const ids = (sites[siteKey] ?? []).filter(id => String(id) !== String(postId));
		ids.push(postId);
		const next = {...sites, [siteKey]: ids.slice(-maxReadPerSite)};
		this.#memory = {sites: next};
		if (!this.#conf) return;
		try {
			this.#conf.set('sites', next);
		} catch (error) {
			this.#tellUnwritable(error);
		}
	}

	#sites(): ReadStateFile['sites'] {
		if (!this.#conf) return this.#memory.sites;
		try {
			const sites = this.#conf.get('sites');
			return isReadStateFile({sites}) ? sites ?? {} : this.#reset();
		} catch {
			// Spoiled since it was opened (conf reads the file each time): move it aside and go on.
			return this.#reset();
		}
	}

	#reset(): ReadStateFile['sites'] {
		checkJsonFile(this.#conf!.path, what, isReadStateFile);
		return this.#memory.sites;
	}

	#tellUnwritable(error: unknown): void {
		if (this.#toldUnwritable) return;
		this.#toldUnwritable = true;
		const code = (error as {code?: string})?.code;
		noteStoreProblem(`the posts you read cannot be remembered in ${this.#configDir}${code ? ` (${code})` : ''}; they are kept until you quit.`);
	}
}
