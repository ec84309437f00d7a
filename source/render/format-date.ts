// Made on first use: building an Intl format starts ICU, which JSON output never needs.
let dateFormat: Intl.DateTimeFormat | undefined;
let shortDateFormat: Intl.DateTimeFormat | undefined;

/** "November 3, 2026", as WordPress shows dates; empty for a missing or unreadable date. */
export function formatDate(iso: string | undefined): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	dateFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'long', day: 'numeric'});
	return Number.isNaN(time) ? '' : dateFormat.format(time);
}

/** "Nov 3, 2026", for lists. */
export function formatShortDate(iso: string | undefined): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	shortDateFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'short', day: 'numeric'});
	return Number.isNaN(time) ? '' : shortDateFormat.format(time);
}
