/** `node_modules/.cache/<name>/<checkout>` of the checkout at `repoRoot` (checkout-cache.mjs). */
export function checkoutCacheDir(repoRoot: string, name: string): string;
