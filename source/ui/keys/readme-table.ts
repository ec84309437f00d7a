/** The README's keys table sits between these two lines (written by `npm run docs:keys`). */
export const readmeKeysStart = '<!-- keys table: made from source/ui/keys/key-map.ts by `npm run docs:keys` -->';
export const readmeKeysEnd = '<!-- end of keys table -->';

/** The keys table as it stands in a README's text, or undefined without the markers. */
export function readmeKeysTable(readme: string): string | undefined {
	const start = readme.indexOf(readmeKeysStart);
	const end = readme.indexOf(readmeKeysEnd);
	if (start === -1 || end < start) return undefined;
	return readme.slice(start + readmeKeysStart.length, end).trim();
}
