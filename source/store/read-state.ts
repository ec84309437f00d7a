import Conf from 'conf';
import {blogtermPaths} from './paths.js';

type ReadStateFile = {sites: Record<string, Array<number | string>>};

/** Keep at most this many read posts per site: the oldest are forgotten first. */
const maxReadPerSite = 5000;

/** Which posts the user has opened, per site, kept between runs. */
export class ReadState {
	readonly #conf: Conf<ReadStateFile>;

	constructor(configDir: string = blogtermPaths().config) {
		this.#conf = new Conf<ReadStateFile>({
			projectName: 'blogterm',
			cwd: configDir,
			configName: 'read-state',
			defaults: {sites: {}},
			clearInvalidConfig: true,
		});
	}

	readIds(siteKey: string): Set<string> {
		const ids = this.#conf.get('sites')[siteKey] ?? [];
		return new Set(ids.map(String));
	}

	markRead(siteKey: string, postId: number | string): void {
		const sites = this.#conf.get('sites');
		const ids = (sites[siteKey] ?? []).filter(id => String(id) !== String(postId));
		ids.push(postId);
		this.#conf.set('sites', {...sites, [siteKey]: ids.slice(-maxReadPerSite)});
	}
}
