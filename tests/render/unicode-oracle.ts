import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import stringWidth from 'string-width';

/*
What string-width and ICU's grapheme segmenter say of every character up to U+FFFF, in the texts
text-width.test.ts and graphemes.test.ts check blogterm's measures and splitters in: the oracles those
exhaustive tests compare against. Asking them is most of what the two files cost (some 4 s of CPU in a
run of `npm test`: string-width segments each of some 320,000 texts, ICU 320,000 more), and their answers
only change with string-width's version or the Unicode data of Node's ICU. So the answers are recorded in
tests/fixtures/unicode/oracle.json (`npm run test:record-unicode` writes it again), with the versions
that gave them; a machine whose versions differ asks the oracles itself, as before. Either way the
tests check every character; unicode-oracle.test.ts checks the recording against the oracles on a
sample of the characters, in every text.
*/

/** Each character up to U+FFFF but the surrogates. */
export const codes: readonly number[] = Array.from({length: 0x10000}, (_, code) => code).filter(code => code < 0xD800 || code > 0xDFFF);

/** The texts each character's width is measured in (text-width.test.ts). */
export const widthTexts = {
	alone: (character: string) => character,
	inWord: (character: string) => `▾ a${character}b`,
	beforeEmojiPresentation: (character: string) => `${character}\uFE0F`,
	afterLetter: (character: string) => `a${character}`,
	beforeLetter: (character: string) => `${character}a`,
} as const;
export type WidthText = keyof typeof widthTexts;
const widthTextNames = Object.keys(widthTexts) as WidthText[];

/** The texts each character is split into graphemes in (graphemes.test.ts); Ink's test uses the first four. */
export const graphemeTexts: ReadonlyArray<(character: string) => string> = [
	character => `a${character}`,
	character => `${character}a`,
	character => `${character}${character}`,
	character => `\uAC00${character}`,
	character => `✗ ${character}…`,
];

export type UnicodeOracle = {
	/** string-width's columns for each code's text `name`, by the code's index in `codes`. */
	widths(name: WidthText): Int8Array;
	/** Where ICU ends each grapheme of each code's text `graphemeTexts[text]` (bit n: after n + 1 code units). */
	graphemeEnds(text: number): Uint8Array;
	/** Recorded (the versions here are the recording's), or asked of the oracles as each answer is wanted. */
	readonly source: 'recorded' | 'asked';
};

/** The version of the package `name` as `from` (a file) imports it, and where its main file is. */
function packageOf(name: string, from: string): {version: string; main: string} {
	const main = createRequire(from).resolve(name);
	let folder = dirname(main);
	// Their package.json is not exported: it is found beside their main file, or above it.
	while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
	return {version: (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {version: string}).version, main};
}

/** What the oracles' answers depend on: the recording is used only where every one is the same. */
export function oracleVersions(): Record<string, string> {
	const stringWidthPackage = packageOf('string-width', import.meta.filename);
	return {
		'string-width': stringWidthPackage.version,
		'get-east-asian-width': packageOf('get-east-asian-width', stringWidthPackage.main).version,
		// string-width's emoji regex is V8's (\p{RGI_Emoji}); the segmenter is ICU's.
		unicode: process.versions.unicode ?? '',
		icu: process.versions.icu ?? '',
	};
}

export const recordingFile = join(import.meta.dirname, '../fixtures/unicode/oracle.json');

type Recording = {versions: Record<string, string>; widths: Record<WidthText, string>; graphemeEnds: string[]};

/** Runs of equal values, `value*count` comma-separated (or `value` for one): the answers repeat for long ranges. */
export function encodeRuns(values: ArrayLike<number>): string {
	const runs: string[] = [];
	for (let start = 0; start < values.length;) {
		let end = start + 1;
		while (end < values.length && values[end] === values[start]) end++;
		runs.push(end - start === 1 ? String(values[start]) : `${values[start]}*${end - start}`);
		start = end;
	}
	return runs.join(',');
}

function decodeRuns<T extends Int8Array | Uint8Array>(text: string, into: T): T {
	let at = 0;
	for (const run of text.split(',')) {
		const [value, count = '1'] = run.split('*');
		into.fill(Number(value), at, at + Number(count));
		at += Number(count);
	}
	if (at !== into.length) throw new Error(`${recordingFile} holds ${at} answers where ${into.length} are wanted: record it again (npm run test:record-unicode)`);
	return into;
}

const sameVersions = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

/** The recording as written, whatever versions it was made with, and whether they are this machine's. */
export function readRecording(): {readonly oracle: UnicodeOracle; readonly versionsHere: boolean} {
	const recording = JSON.parse(readFileSync(recordingFile, 'utf8')) as Recording;
	const widths = new Map(widthTextNames.map(name => [name, decodeRuns(recording.widths[name], new Int8Array(codes.length))]));
	const graphemeEnds = graphemeTexts.map((_, text) => decodeRuns(recording.graphemeEnds[text] ?? '', new Uint8Array(codes.length)));
	return {oracle: {widths: name => widths.get(name)!, graphemeEnds: text => graphemeEnds[text]!, source: 'recorded'}, versionsHere: sameVersions(recording.versions, oracleVersions())};
}

/** string-width's columns for the `index`th code in the text `name` makes of it. */
export function askWidth(name: WidthText, index: number): number {
	return stringWidth(widthTexts[name](String.fromCharCode(codes[index]!)));
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
Where ICU ends each grapheme of the texts `graphemeTexts[text]` makes of the codes at `indexes`, kept in `into` at each code's index.
ICU is asked about the texts some dozens at a time, each after a NUL: a grapheme always ends before and
after a control character, whatever is beside it (Unicode's rules GB4 and GB5), so each text is cut as
it would be alone, and a grapheme that took in a NUL is an error. (ICU costs more for each grapheme of a
longer text, so the texts are not all asked at once.)
*/
export function askGraphemeEnds(text: number, indexes: readonly number[], into: Uint8Array): Uint8Array {
	const make = graphemeTexts[text]!;
	const batch = 64;
	for (let first = 0; first < indexes.length; first += batch) {
		const some = indexes.slice(first, first + batch);
		const texts = some.map(index => make(String.fromCharCode(codes[index]!)));
		let which = 0;
		let textStart = 0;
		for (const {index: start, segment} of segmenter.segment(texts.join('\0'))) {
			const asked = texts[which]!;
			const tookNul = () => new Error(`ICU took the NUL after ${JSON.stringify(asked)} into a grapheme`);
			if (start === textStart + asked.length) {
				// The NUL after the text: the next text starts after it.
				if (segment !== '\0') throw tookNul();
				which++;
				textStart = start + 1;
				continue;
			}
			const end = start + segment.length - textStart;
			if (end > asked.length) throw tookNul();
			into[some[which]!]! |= 1 << (end - 1);
		}
	}
	return into;
}

/** Every answer, asked of string-width and ICU as it is first wanted (a test asks only for its own texts). */
export function askOracles(): UnicodeOracle {
	const every = codes.map((_, index) => index);
	const widths = new Map<WidthText, Int8Array>();
	const graphemeEnds = new Map<number, Uint8Array>();
	return {
		widths(name) {
			let found = widths.get(name);
			if (!found) widths.set(name, found = Int8Array.from(every, index => askWidth(name, index)));
			return found;
		},
		graphemeEnds(text) {
			let found = graphemeEnds.get(text);
			if (!found) graphemeEnds.set(text, found = askGraphemeEnds(text, every, new Uint8Array(codes.length)));
			return found;
		},
		source: 'asked',
	};
}

/** The recording as written to the fixture. */
export function recordingOf(oracle: UnicodeOracle): string {
	const recording: Recording = {
		versions: oracleVersions(),
		widths: Object.fromEntries(widthTextNames.map(name => [name, encodeRuns(oracle.widths(name))])) as Record<WidthText, string>,
		graphemeEnds: graphemeTexts.map((_, text) => encodeRuns(oracle.graphemeEnds(text))),
	};
	return `${JSON.stringify(recording, undefined, '\t')}\n`;
}

let oracle: UnicodeOracle | undefined;
/** The oracles' answers: recorded where the versions here are the recording's, else asked now (once per process). */
export function unicodeOracle(): UnicodeOracle {
	if (!oracle) {
		const recording = readRecording();
		oracle = recording.versionsHere ? recording.oracle : askOracles();
	}
	return oracle;
}
