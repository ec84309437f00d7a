// Writes the README's settings table from the settings schema (npm run docs:settings). A test fails when they differ.
import {readFileSync, writeFileSync} from 'node:fs';
import {settingsTable} from '../source/store/settings-schema.js';
import {readmeSettingsEnd, readmeSettingsStart} from '../source/store/settings-readme.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(readmeSettingsStart);
const end = readme.indexOf(readmeSettingsEnd);
if (start === -1 || end < start) {
	console.error(`README.md has no ${readmeSettingsStart} … ${readmeSettingsEnd} block for the settings table.`);
	process.exit(1);
}
const updated = `${readme.slice(0, start + readmeSettingsStart.length)}\n${settingsTable()}\n${readme.slice(end)}`;
if (updated === readme) console.log('README.md: the settings table is up to date.');
else {
	writeFileSync(path, updated);
	console.log('README.md: the settings table is written from the settings schema.');
}
