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

let timeFormat: Intl.DateTimeFormat | undefined;
let utcTimeFormat: Intl.DateTimeFormat | undefined;

/**
 * "November 3, 2026 at 10:15 am", as WordPress shows a comment's date and time (its default
 * `F j, Y \a\t g:i a`); at the site's own offset when the date has one, as formatDate. Empty for a
 * missing or unreadable date.
 */
export function formatDateTime(iso: string | undefined): string {
	const date = formatDate(iso);
	if (date === '') return '';
	timeFormat ??= new Intl.DateTimeFormat('en-US', {hour: 'numeric', minute: '2-digit', hour12: true});
	utcTimeFormat ??= new Intl.DateTimeFormat('en-US', {hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'UTC'});
	// "10:15 AM" (with a narrow no-break space in newer ICU) → "10:15 am".
	const time = format(iso, timeFormat, utcTimeFormat).replace(/\s+/u, ' ').replace(/ (AM|PM)$/u, (_, half: string) => ` ${half.toLowerCase()}`);
	return time === '' ? date : `${date} at ${time}`;
}
