// Where scripts/check.mjs remembers what it found for this checkout, and whether it has anything there.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {checkoutCacheDir} from './lib/checkout-cache.mjs';

/** This checkout's folder for the check's memory. */
export function checkCacheDir(repoRoot) {
	return checkoutCacheDir(repoRoot, 'blogterm-check');
}

/** The check's lint results, kept from its last run (absent: it will check and lint every file). */
export function lintCacheFile(repoRoot) {
	return join(checkCacheDir(repoRoot), 'lint.json');
}

/** Whether the check starts from nothing: a fresh clone's first run, or after the cache was removed. */
export function checkStartsCold(repoRoot) {
	return !existsSync(lintCacheFile(repoRoot));
}
