// A block of the README made from the code (the keys table, the settings table): between two marker
// lines, read by a test that compares it with what the code makes, and written by `npm run docs:*`.

/** The text between `start` and `end` in a README, trimmed; undefined without both markers in order. */
export function readmeBlock(readme: string, start: string, end: string): string | undefined {
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to < from) return undefined;
	return readme.slice(from + start.length, to).trim();
}

/** The README with `block` between `start` and `end`; undefined without both markers in order. */
export function withReadmeBlock(readme: string, start: string, end: string, block: string): string | undefined {
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to < from) return undefined;
	return `${readme.slice(0, from + start.length)}\n${block}\n${readme.slice(to)}`;
}
