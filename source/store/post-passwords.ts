import type Conf from 'conf';
import {openConfFile} from './conf-file.js';
import {blogtermPaths} from './paths.js';
import {isPlainObject, noteStoreProblem} from './settings-files.js';

/*
Passwords of password-protected posts the user asked blogterm to remember (the password field's
"Remember it on this computer"). Any other password is kept for the run only, in memory. The file is
the user's alone (0600, in a 0700 folder), like every file of blogterm's.
*/

/** Where remembered post passwords are looked up and kept. */
export type PostPasswordStore = {
	/** The password remembered for the post, if any. */
	get(siteKey: string, postId: number | string): string | undefined;
	/** Remembers the password for the post. A file that cannot be written is noted, not thrown. */
	remember(siteKey: string, postId: number | string, password: string): void;
};

type PasswordsFile = {sites?: Record<string, Record<string, string>>};

function isPasswordsFile(value: unknown): boolean {
	return isPlainObject(value) && (value['sites'] === undefined || isPlainObject(value['sites']));
}

/** The remembered passwords, in `post-passwords.json` in blogterm's config folder. */
export class PostPasswords implements PostPasswordStore {
	readonly #directory: string;

	constructor(options: {readonly directory?: string} = {}) {
		this.#directory = options.directory ?? blogtermPaths().config;
	}

	get(siteKey: string, postId: number | string): string | undefined {
		try {
			const site = this.#sites(this.#open())[siteKey];
			const password = isPlainObject(site) && Object.hasOwn(site, String(postId)) ? site[String(postId)] : undefined;
			return typeof password === 'string' ? password : undefined;
		} catch {
			return undefined;
		}
	}

	remember(siteKey: string, postId: number | string, password: string): void {
		try {
			const conf = this.#open();
			const sites = this.#sites(conf);
			const site = isPlainObject(sites[siteKey]) ? {...sites[siteKey]} : {};
			// Site keys hold dots: set as one object, never by a dotted path.
			conf.set('sites', {...sites, [siteKey]: {...site, [String(postId)]: password}});
		} catch (error) {
			const code = (error as {code?: string})?.code;
			noteStoreProblem(`the post's password could not be remembered${code ? ` (${code})` : ''}; it is kept until blogterm quits.`);
		}
	}

	#open(): Conf<PasswordsFile> {
		return openConfFile<PasswordsFile>({cwd: this.#directory, configName: 'post-passwords', what: 'The post passwords you asked blogterm to remember', isValid: isPasswordsFile});
	}

	#sites(conf: Conf<PasswordsFile>): Record<string, Record<string, string>> {
		const sites = conf.get('sites');
		return isPlainObject(sites) ? {...sites} : {};
	}
}

/** A store that remembers in memory only (tests, and the reader when none is given). */
export function postPasswordsInMemory(): PostPasswordStore {
	const kept = new Map<string, string>();
	return {
		get: (siteKey, postId) => kept.get(`${siteKey}\n${postId}`),
		remember: (siteKey, postId, password) => void kept.set(`${siteKey}\n${postId}`, password),
	};
}
