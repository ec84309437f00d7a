import {randomBytes} from 'node:crypto';
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {makePrivateFolder, privateFileMode} from './settings-files.js';

/*
The sites whose REST API refused an anonymous comment (`rest_comment_login_required`: WordPress's own
setting, not the comment's fault), so the next comment goes straight to the form: one POST a comment, not
a refused one and then the form. Kept beside the HTTP cache (`cache/rest-comment-refusals.json`), keyed by
the REST comments URL, with when it was refused; after 30 days REST is tried once again (a plugin may have
opened it). A file that cannot be read or written remembers nothing: the comment then costs one refused
POST more, never a lost or doubled comment.
*/

/** What sendComment asks before trying the REST route without an account, and tells when it was refused. */
export type AnonymousRestMemory = {
	/** Whether this REST comments URL refused an anonymous comment lately. */
	refuses(restCommentsUrl: string): boolean;
	/** This REST comments URL refused an anonymous comment now. */
	remember(restCommentsUrl: string): void;
};

/** How long a refusal is believed. */
export const refusalLifetimeMs = 30 * 24 * 60 * 60 * 1000;

type Refusals = Record<string, string>;

function readRefusals(path: string): Refusals {
	try {
		const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
		return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && Number.isFinite(Date.parse(entry[1]))));
	} catch {
		return {};
	}
}

/** The memory in a file of `cacheFolder`'s parent (the cache folder, `cache/http`, is trimmed by size). */
export function restRefusalsBeside(cacheFolder: string, now: () => Date = () => new Date()): AnonymousRestMemory {
	const path = join(dirname(cacheFolder), 'rest-comment-refusals.json');
	return {
		refuses(restCommentsUrl) {
			const refusedAt = readRefusals(path)[restCommentsUrl];
			return refusedAt !== undefined && now().getTime() - Date.parse(refusedAt) < refusalLifetimeMs;
		},
		remember(restCommentsUrl) {
			const refusals = readRefusals(path);
			const fresh = Object.fromEntries(Object.entries(refusals).filter(([, at]) => now().getTime() - Date.parse(at) < refusalLifetimeMs));
			fresh[restCommentsUrl] = now().toISOString();
			const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
			try {
				makePrivateFolder(dirname(path));
				writeFileSync(temporary, `${JSON.stringify(fresh, undefined, '\t')}\n`, {mode: privateFileMode});
				renameSync(temporary, path);
			} catch {
				rmSync(temporary, {force: true});
			}
		},
	};
}
