import assert from 'node:assert/strict';
import {test} from 'node:test';
import {askGraphemeEnds, askWidth, codes, encodeRuns, graphemeTexts, readRecording, unicodeOracle, widthTexts, type WidthText} from './unicode-oracle.js';

// text-width.test.ts and graphemes.test.ts check every character up to U+FFFF against string-width's and
// ICU's answers, recorded in tests/fixtures/unicode/oracle.json. Here the recording is checked against
// the oracles themselves, on every 37th character (and those around the places their answers change
// most: Hangul, marks, emoji), in every text.
const sample = codes.flatMap((code, index) => (index % 37 === 0 || (code >= 0x0300 && code <= 0x036F) || (code >= 0x1100 && code <= 0x11FF) || (code >= 0x2600 && code <= 0x27BF) || (code >= 0xFE00 && code <= 0xFE0F) ? [index] : []));
const recording = readRecording();

test('the recording is used where this machine has its string-width and ICU, and the oracles are asked where not', () => {
	assert.equal(unicodeOracle().source, recording.versionsHere ? 'recorded' : 'asked');
	// Where the versions differ, the recording can differ from the oracles here: only its own versions' answers are checked.
	if (!recording.versionsHere) assert.notEqual(unicodeOracle(), recording.oracle);
});

test('the recorded widths are string-width\'s, for a sample of the characters in every text (where the versions are the recording\'s)', () => {
	const widthsOf = recording.versionsHere ? recording.oracle : unicodeOracle();
	for (const name of Object.keys(widthTexts) as WidthText[]) {
		const widths = widthsOf.widths(name);
		for (const index of sample) assert.equal(widths[index], askWidth(name, index), `${name}: U+${codes[index]!.toString(16).toUpperCase()}`);
	}
});

test('where ICU ends each grapheme is recorded as ICU says, for a sample of the characters in every text (where the versions are the recording\'s)', () => {
	const endsOf = recording.versionsHere ? recording.oracle : unicodeOracle();
	for (const text of graphemeTexts.keys()) {
		const ends = endsOf.graphemeEnds(text);
		const asked = askGraphemeEnds(text, sample, new Uint8Array(codes.length));
		for (const index of sample) assert.equal(ends[index], asked[index], `${JSON.stringify(graphemeTexts[text]!(String.fromCharCode(codes[index]!)))}`);
	}
});

test('runs of equal answers are written as value*count', () => {
	assert.equal(encodeRuns([0, 0, 0, 1, 2, 2]), '0*3,1,2*2');
	assert.equal(encodeRuns([]), '');
});
