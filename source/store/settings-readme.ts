/** The README's settings table sits between these two lines (written by `npm run docs:settings`). */
export const readmeSettingsStart = '<!-- settings table: made from source/store/settings-schema.ts by `npm run docs:settings` -->';
export const readmeSettingsEnd = '<!-- end of settings table -->';

/** The settings table as it stands in a README's text, or undefined without the markers. */
export function readmeSettingsTable(readme: string): string | undefined {
	const start = readme.indexOf(readmeSettingsStart);
	const end = readme.indexOf(readmeSettingsEnd);
	if (start === -1 || end < start) return undefined;
	return readme.slice(start + readmeSettingsStart.length, end).trim();
}
