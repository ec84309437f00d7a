import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseFeedDate} from '../../../source/sources/feed/feed-date.js';

/** Dates as real feeds write them (RSS, Atom, JSON Feed, and what blog software prints instead), each with the moment it names. */
const realWorldForms: ReadonlyArray<readonly [string, string]> = [
	['Mon, 02 Nov 2026 10:00:00 +0100', '2026-11-02T09:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 +01:00', '2026-11-02T09:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 -0500', '2026-11-02T15:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 GMT', '2026-11-02T10:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 UT', '2026-11-02T10:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 Z', '2026-11-02T10:00:00.000Z'],
	// RFC 822's military zones, their signs wrong in it: read as UTC, as RFC 1123 says.
	['Mon, 02 Nov 2026 10:00:00 A', '2026-11-02T10:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 Y', '2026-11-02T10:00:00.000Z'],
	['Mon, 2 Nov 2026 10:00:00 EST', '2026-11-02T15:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 EDT', '2026-11-02T14:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 PST', '2026-11-02T18:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 CEST', '2026-11-02T08:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 CET', '2026-11-02T09:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 IST', '2026-11-02T04:30:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 AEDT', '2026-11-01T23:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 JST', '2026-11-02T01:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 +0530', '2026-11-02T04:30:00.000Z'],
	['Mon, 02 Nov 26 10:00:00 +0000', '2026-11-02T10:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00 +0100', '2026-11-02T09:00:00.000Z'],
	['02 Nov 2026 10:00:00 +0100', '2026-11-02T09:00:00.000Z'],
	['Monday, 02 November 2026 10:00:00 +0100', '2026-11-02T09:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 +0100 (CET)', '2026-11-02T09:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00 +0100 CET', '2026-11-02T09:00:00.000Z'],
	['Mon, 02 Nov 2026 10:00:00.250 +0000 UTC', '2026-11-02T10:00:00.250Z'],
	['Mon Nov 02 2026 10:00:00 GMT+0100 (Central European Standard Time)', '2026-11-02T09:00:00.000Z'],
	['Mon Nov  2 10:00:00 UTC 2026', '2026-11-02T10:00:00.000Z'],
	['November 2, 2026 10:00 AM EST', '2026-11-02T15:00:00.000Z'],
	['November 2nd, 2026 at 3:30 pm', '2026-11-02T15:30:00.000Z'],
	['2 Nov 2026', '2026-11-02T00:00:00.000Z'],
	['2026-11-02T10:00:00Z', '2026-11-02T10:00:00.000Z'],
	['2026-11-02T10:00:00+01:00', '2026-11-02T09:00:00.000Z'],
	['2026-11-02T10:00:00.123456-05:00', '2026-11-02T15:00:00.123Z'],
	['2026-11-02t10:00:00z', '2026-11-02T10:00:00.000Z'],
	['2026-11-02 10:00:00', '2026-11-02T10:00:00.000Z'],
	['2026-11-02 10:00:00 +0100', '2026-11-02T09:00:00.000Z'],
	['2026-11-02T10:00+01', '2026-11-02T09:00:00.000Z'],
	['2026-11-02', '2026-11-02T00:00:00.000Z'],
	['20261102T100000Z', '2026-11-02T10:00:00.000Z'],
	['2026/11/02 10:00:00', '2026-11-02T10:00:00.000Z'],
	['  Mon,  02 Nov 2026 10:00:00 GMT  ', '2026-11-02T10:00:00.000Z'],
	['Tue, 31 Dec 2024 23:59:60 GMT', '2024-12-31T23:59:59.000Z'],
	['Thu, 29 Feb 2024 12:00:00 GMT', '2024-02-29T12:00:00.000Z'],
];

describe('parseFeedDate', () => {
	for (const [written, moment] of realWorldForms) {
		test(`reads “${written}” as ${moment}`, () => {
			const read = parseFeedDate(written);
			assert.equal(read && new Date(read).toISOString(), moment);
		});
	}

	test('an RFC 822 date with a +01:00 offset is one hour before UTC, not at it', () => {
		assert.equal(new Date(parseFeedDate('Mon, 02 Nov 2026 10:00:00 +01:00')!).toISOString(), '2026-11-02T09:00:00.000Z');
	});

	test('a numeric offset other than zero is kept as the feed wrote it: the wall-clock time, then the offset', () => {
		const kept: ReadonlyArray<readonly [string, string]> = [
			['Mon, 02 Nov 2026 10:00:00 +0100', '2026-11-02T10:00:00+01:00'],
			['Mon, 02 Nov 2026 10:00:00 +01:00', '2026-11-02T10:00:00+01:00'],
			['Mon, 02 Nov 2026 10:00:00 -0500', '2026-11-02T10:00:00-05:00'],
			['Mon, 02 Nov 2026 10:00:00 +0530', '2026-11-02T10:00:00+05:30'],
			['Mon, 02 Nov 2026 10:00:00 +0100 CET', '2026-11-02T10:00:00+01:00'],
			['Mon Nov 02 2026 10:00:00 GMT+0100 (Central European Standard Time)', '2026-11-02T10:00:00+01:00'],
			['2026-11-02T10:00:00+01:00', '2026-11-02T10:00:00+01:00'],
			['2026-11-02T10:00:00.123456-05:00', '2026-11-02T10:00:00.123-05:00'],
			['2026-11-02T10:00+01', '2026-11-02T10:00:00+01:00'],
			['Tue, 31 Dec 2024 23:59:60 +0100', '2024-12-31T23:59:59+01:00'],
			// Past midnight at its offset: the date is the feed's, the day after UTC's.
			['2026-11-02T00:30:00+13:00', '2026-11-02T00:30:00+13:00'],
		];
		for (const [written, iso] of kept) assert.equal(parseFeedDate(written), iso, written);
	});

	test('UTC (Z, GMT, +0000, -00:00), a zone\'s name or no zone at all keep their meaning: the moment, in UTC', () => {
		const inUtc: ReadonlyArray<readonly [string, string]> = [
			['Mon, 02 Nov 2026 10:00:00 GMT', '2026-11-02T10:00:00.000Z'],
			['Mon, 02 Nov 2026 10:00:00 +0000', '2026-11-02T10:00:00.000Z'],
			['2026-11-02T10:00:00-00:00', '2026-11-02T10:00:00.000Z'],
			['2026-11-02T10:00:00Z', '2026-11-02T10:00:00.000Z'],
			['Mon, 02 Nov 2026 10:00:00 EST', '2026-11-02T15:00:00.000Z'],
			['Mon, 02 Nov 2026 10:00:00 CEST', '2026-11-02T08:00:00.000Z'],
			['2026-11-02 10:00:00', '2026-11-02T10:00:00.000Z'],
		];
		for (const [written, iso] of inUtc) assert.equal(parseFeedDate(written), iso, written);
	});

	test('a day that does not exist is no date, never rolled over into the next month', () => {
		for (const impossible of ['Sat, 31 Feb 2026 10:00:00 GMT', '2026-02-31T10:00:00Z', '2026-04-31', 'Fri, 29 Feb 2026 10:00:00 GMT', 'Mon, 02 Nov 2026 25:00:00 GMT', '2026-13-01', '2026-11-02T10:61:00Z']) {
			assert.equal(parseFeedDate(impossible), undefined, impossible);
		}
	});

	test('what is not a date, or has a word that cannot be read, is no date', () => {
		for (const nonsense of [undefined, '', '   ', 'sometime last week', 'Mon, 02 Nov 2026 10:00:00 XYZT', 'yesterday', '12345', 'Mon, 02 Nov 2026 10:00:00 +9900', 'x'.repeat(500)]) {
			assert.equal(parseFeedDate(nonsense), undefined, String(nonsense));
		}
	});
});
