import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {formatDate, formatDateTime, formatShortDate} from '../../source/render/format-date.js';
import {withEnvironment} from '../helpers/environment.js';

/** What ICU says (what these functions returned when they asked it), the date read as `utc` or in the reader's zone. */
function icu(time: number, options: Intl.DateTimeFormatOptions, utc: boolean): string {
	return new Intl.DateTimeFormat('en-US', {...options, ...(utc ? {timeZone: 'UTC'} : {})}).format(time);
}

const long = {year: 'numeric', month: 'long', day: 'numeric'} as const;
const short = {year: 'numeric', month: 'short', day: 'numeric'} as const;

describe('formatDate, formatShortDate and formatDateTime: the dates ICU wrote, without ICU', () => {
	// A zone with a half-hour offset and summer time, so that the reader's own zone is really used.
	withEnvironment({TZ: 'Australia/Adelaide'});

	it('writes every day of a year, each month by its English name, as ICU does', () => {
		for (let day = 0; day < 366; day++) {
			const time = Date.UTC(2028, 0, 1, 13, 7) + day * 86_400_000;
			const iso = new Date(time).toISOString();
			assert.equal(formatDate(iso), icu(time, long, false));
			assert.equal(formatShortDate(iso), icu(time, short, false));
		}
		assert.equal(formatDate('2026-09-03T12:00:00Z'), 'September 3, 2026');
		assert.equal(formatShortDate('2026-09-03T12:00:00Z'), 'Sep 3, 2026');
	});

	it('reads a date with a numeric offset at that offset, and one in UTC in the reader\'s zone', () => {
		// 20:00 UTC on December 31 is 06:30 on January 1 in Adelaide (summer), 01:30 in Kolkata.
		assert.equal(formatDate('2025-12-31T20:00:00Z'), 'January 1, 2026');
		assert.equal(formatDate('2026-01-01T01:30:00+05:30'), 'January 1, 2026');
		assert.equal(formatDate('2025-12-31T15:00:00-05:00'), 'December 31, 2025');
		assert.equal(formatDateTime('2025-12-31T20:00:00Z'), 'January 1, 2026 at 6:30 am');
		assert.equal(formatDateTime('2026-01-01T01:30:00+0530'), 'January 1, 2026 at 1:30 am');
	});

	it('writes the time of day as WordPress does: 12 at noon and midnight, am and pm in lower case', () => {
		for (let minutes = 0; minutes < 24 * 60; minutes += 17) {
			const time = Date.UTC(2026, 4, 9, 0, minutes);
			const iso = `${new Date(time).toISOString().slice(0, 19)}+00:00`;
			const expected = icu(time, {hour: 'numeric', minute: '2-digit', hour12: true}, true).replace(/\s+/u, ' ').replace(/ (AM|PM)$/u, (_, half: string) => ` ${half.toLowerCase()}`);
			assert.equal(formatDateTime(iso), `May 9, 2026 at ${expected}`);
		}
		assert.equal(formatDateTime('2026-05-09T00:05:00+00:00'), 'May 9, 2026 at 12:05 am');
		assert.equal(formatDateTime('2026-05-09T12:00:00+00:00'), 'May 9, 2026 at 12:00 pm');
	});

	it('leaves out a missing or unreadable date, and writes far years as ICU does', () => {
		for (const format of [formatDate, formatShortDate, formatDateTime]) {
			assert.equal(format(undefined), '');
			assert.equal(format(''), '');
			assert.equal(format('not a date'), '');
		}
		assert.equal(formatDate('+010000-01-01T00:00:00Z'), icu(Date.parse('+010000-01-01T00:00:00Z'), long, false));
		assert.equal(formatShortDate('0999-06-15T12:00:00Z'), 'Jun 15, 999');
	});
});
