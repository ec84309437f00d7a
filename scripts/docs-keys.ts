// Writes the README's keys table from the key map (npm run docs:keys). A test fails when they differ.
import {readFileSync, writeFileSync} from 'node:fs';
import {keysTable} from '../source/ui/keys/key-map.js';
import {readmeKeysStart, readmeKeysEnd} from '../source/ui/keys/readme-table.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(readmeKeysStart);
const end = readme.indexOf(readmeKeysEnd);
if (start === -1 || end < start) {
	console.error(`README.md has no ${readmeKeysStart} … ${readmeKeysEnd} block for the keys table.`);
	process.exit(1);
}
const updated = `${readme.slice(0, start + readmeKeysStart.length)}\n${keysTable()}\n${readme.slice(end)}`;
if (updated === readme) console.log('README.md: the keys table is up to date.');
else {
	writeFileSync(path, updated);
	console.log('README.md: the keys table is written from the key map.');
}
