import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Database} from 'better-sqlite3';

/**
 * The posts read before there was a database (config/read-state.json: `{sites: {key: [ids]}}`), kept as
 * read marks: each post is read when it is stored. A file that cannot be read is left for ReadState to
 * deal with (it moves it aside with a note); nothing is carried over from it.
 */
export function carryOverReadState(db: Database, configDir: string): number {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(join(configDir, 'read-state.json'), 'utf8'));
	} catch {
		return 0;
	}
	const sites = (parsed as {sites?: unknown} | null)?.sites;
	if (sites === null || typeof sites !== 'object' || Array.isArray(sites)) return 0;
	const insert = db.prepare('INSERT OR IGNORE INTO read_marks (site_key, post_id) VALUES (?, ?)');
	let count = 0;
	for (const [siteKey, ids] of Object.entries(sites as Record<string, unknown>)) {
		if (!Array.isArray(ids)) continue;
		for (const id of ids) {
			if (typeof id !== 'number' && typeof id !== 'string') continue;
			count += insert.run(siteKey, String(id)).changes;
		}
	}
	return count;
}
