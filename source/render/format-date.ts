// Made on first use: building an Intl format starts ICU, which JSON output never needs.
let dateFormat: Intl.DateTimeFormat | undefined;
let shortDateFormat: Intl.DateTimeFormat | undefined;
let utcDateFormat: Intl.DateTimeFormat | undefined;
let utcShortDateFormat: Intl.DateTimeFormat | undefined;

/**
 * "November 3, 2026", as WordPress shows dates; empty for a missing or unreadable date. A date given with
 * a numeric offset (`…+05:30`, as a WordPress source gives the site's own time) shows as the site shows
 * it; one in UTC (`…Z`) or with no zone, in the reader's time zone.
 */
export function formatDate(iso: string | undefined): string {
	dateFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'long', day: 'numeric'});
	utcDateFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'});
	return format(iso, dateFormat, utcDateFormat);
}

/** "Nov 3, 2026", for lists. */
export function formatShortDate(iso: string | undefined): string {
	shortDateFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'short', day: 'numeric'});
	utcShortDateFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'});
	return format(iso, shortDateFormat, utcShortDateFormat);
}

const numericOffset = /([+-])(\d{2}):?(\d{2})$/;

function format(iso: string | undefined, local: Intl.DateTimeFormat, utc: Intl.DateTimeFormat): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	if (Number.isNaN(time)) return '';
	const offset = /T/.test(iso) ? numericOffset.exec(iso) : null;
	if (!offset) return local.format(time);
	// The wall-clock date at that offset: shift by it, then read the shifted time as UTC.
	const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
	return utc.format(time + minutes * 60_000);
}
