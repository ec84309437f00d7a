// Writes a block of the README from the code (npm run docs:keys, docs:settings). A test fails when they differ.
import {readFileSync, writeFileSync} from 'node:fs';
import {withReadmeBlock} from '../../source/readme-block.js';

export function writeReadmeBlock(what: string, start: string, end: string, block: string): void {
	const path = new URL('../../README.md', import.meta.url);
	const readme = readFileSync(path, 'utf8');
	const updated = withReadmeBlock(readme, start, end, block);
	if (updated === undefined) {
		console.error(`README.md has no ${start} … ${end} block for ${what}.`);
		process.exit(1);
	}
	if (updated === readme) console.log(`README.md: ${what} is up to date.`);
	else {
		writeFileSync(path, updated);
		console.log(`README.md: ${what} is written from the code.`);
	}
}
