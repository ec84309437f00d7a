import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {seededRandom} from '../helpers/seeded-random.js';

// Ink writes each row of a frame with ansi-tokenize's styledCharsToString, which the build (and the
// tests' bundle) patches to add no codes between characters of the same styles (ink-row-strings in
// scripts/build-plugins.mjs). The rows must be what the library as published writes, code for code:
// it is loaded here from node_modules as it is, outside the bundle.
type Tokenizer = {
	tokenize: typeof tokenize;
	styledCharsFromTokens: typeof styledCharsFromTokens;
	styledCharsToString: typeof styledCharsToString;
};
const published = (): Promise<Tokenizer> => {
	const entry = join(import.meta.dirname, '..', '..', 'node_modules', '@alcalzone', 'ansi-tokenize', 'build', 'index.js');
	return import(pathToFileURL(entry).href) as Promise<Tokenizer>;
};

/** Codes Ink's screens write (chalk's), resets, and a link, each starting or ending a run. */
const codes = [
	'\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[3m', '\u001B[23m', '\u001B[4m', '\u001B[24m', '\u001B[7m', '\u001B[27m',
	'\u001B[31m', '\u001B[36m', '\u001B[39m', '\u001B[44m', '\u001B[49m', '\u001B[38;5;201m', '\u001B[38;2;10;20;30m',
	'\u001B[0m', '\u001B]8;;https://blog.example/\u0007', '\u001B]8;;\u0007',
];
const pieces = ['a', 'word ', ' ', '日本', 'é', '▸', '…', 'e\u0301', '👍'];

function randomLine(random: () => number): string {
	let line = '';
	const length = 1 + Math.floor(random() * 12);
	for (let index = 0; index < length; index++) {
		line += random() < 0.45 ? codes[Math.floor(random() * codes.length)]! : pieces[Math.floor(random() * pieces.length)]!;
	}
	return line;
}

test('Ink\'s rows are written with the same codes as ansi-tokenize as published writes them, for 20,000 styled lines', async () => {
	const original = await published();
	assert.notEqual(original.styledCharsToString, styledCharsToString, 'the published library is loaded, not the bundle\'s');
	const random = seededRandom(14);
	let styled = 0;
	for (let count = 0; count < 20_000; count++) {
		const line = randomLine(random);
		const characters = original.styledCharsFromTokens(original.tokenize(line));
		if (characters.some(character => character.styles.length > 0)) styled++;
		assert.equal(styledCharsToString(characters), original.styledCharsToString(characters), JSON.stringify(line));
		// Ink's cells as the bundle makes them, and as Ink joins cells of different writes on one row.
		const bundled = styledCharsFromTokens(tokenize(line));
		const joined = [...bundled, ...characters.slice(1)];
		assert.equal(styledCharsToString(joined), original.styledCharsToString(joined), `${JSON.stringify(line)} joined`);
	}
	assert.ok(styled > 10_000, 'most lines have styles');
});

test('a row of blank cells that share one styles array, and a row without styles, are written as plain text', () => {
	const none: never[] = [];
	const blank = {type: 'char' as const, value: ' ', fullWidth: false, styles: none};
	assert.equal(styledCharsToString([blank, blank, {...blank, value: 'x'}]), '  x');
	assert.equal(styledCharsToString(styledCharsFromTokens(tokenize('\u001B[1mbold\u001B[22m plain'))), '\u001B[1mbold\u001B[22m plain');
});
