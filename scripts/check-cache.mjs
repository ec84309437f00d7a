// Where scripts/check.mjs remembers what it found for this checkout (node_modules may be shared by
// several checkouts, through a link, so each has a folder of its own), and whether it has anything there.
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {join} from 'node:path';

/** This checkout's folder for the check's memory. */
export function checkCacheDir(repoRoot) {
	const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
	return join(repoRoot, 'node_modules', '.cache', 'blogterm-check', checkout);
}

/** The check's lint results, kept from its last run (absent: it will check and lint every file). */
export function lintCacheFile(repoRoot) {
	return join(checkCacheDir(repoRoot), 'lint.json');
}

/** Whether the check starts from nothing: a fresh clone's first run, or after the cache was removed. */
export function checkStartsCold(repoRoot) {
	return !existsSync(lintCacheFile(repoRoot));
}
