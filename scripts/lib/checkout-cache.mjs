// A checkout's own folder in node_modules/.cache: node_modules may be shared between checkouts (a
// link to another's), and what the build, the check and the tests remember belongs to one checkout.
import {createHash} from 'node:crypto';
import {join} from 'node:path';

/** `node_modules/.cache/<name>/<checkout>` of the checkout at `repoRoot`. */
export function checkoutCacheDir(repoRoot, name) {
	const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
	return join(repoRoot, 'node_modules', '.cache', name, checkout);
}
