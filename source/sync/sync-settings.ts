/**
 * Which sync server blogterm keeps in step with: sync.json in the settings folder, readable by the
 * user alone (0600), written whole (a temporary file renamed over it). It holds the server, the user,
 * the session TT-RSS gave, and the password when it was typed at the prompt (not when it came from
 * BLOGTERM_TTRSS_PASSWORD). Nothing here is ever printed.
 */
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as v from 'valibot';
import {makePrivateFolder, noteStoreProblem, privateFileMode} from '../store/settings-files.js';
import type {BlogtermPaths} from '../store/paths.js';

export type SyncSettings = {
	readonly service: 'tt-rss';
	/** The server's address, normalised (ttrss-client's serverAddress). */
	readonly url: string;
	readonly user: string;
	readonly password?: string;
	readonly sessionId?: string;
};

const settingsSchema = v.object({
	service: v.literal('tt-rss'),
	url: v.pipe(v.string(), v.url()),
	user: v.pipe(v.string(), v.minLength(1)),
	password: v.optional(v.string()),
	sessionId: v.optional(v.string()),
});

/** The environment variable a password can come from instead of the file. */
export const passwordVariable = 'BLOGTERM_TTRSS_PASSWORD';

export function syncSettingsPath(paths: Pick<BlogtermPaths, 'config'>): string {
	return join(paths.config, 'sync.json');
}

/** The sync server set, or undefined (none, or a file that cannot be read: said once on stderr). */
export function readSyncSettings(paths: Pick<BlogtermPaths, 'config'>): SyncSettings | undefined {
	const path = syncSettingsPath(paths);
	if (!existsSync(path)) return undefined;
	try {
		const parsed = v.safeParse(settingsSchema, JSON.parse(readFileSync(path, 'utf8')));
		if (parsed.success) return parsed.output;
	} catch {
		// Said below.
	}
	noteStoreProblem(`${path} cannot be read: blogterm --sync tt-rss URL --user NAME sets the server again.`);
	return undefined;
}

export function writeSyncSettings(paths: Pick<BlogtermPaths, 'config'>, settings: SyncSettings): void {
	makePrivateFolder(paths.config);
	const path = syncSettingsPath(paths);
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, `${JSON.stringify(settings, null, '\t')}\n`, {mode: privateFileMode});
	renameSync(temporary, path);
}

export function removeSyncSettings(paths: Pick<BlogtermPaths, 'config'>): boolean {
	const path = syncSettingsPath(paths);
	if (!existsSync(path)) return false;
	rmSync(path, {force: true});
	return true;
}

/** The password to log in with: the environment's, else the one kept; undefined when neither. */
export function syncPassword(settings: SyncSettings, environment: NodeJS.ProcessEnv): string | undefined {
	return environment[passwordVariable] || settings.password;
}
