const dateFormat = new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'long', day: 'numeric'});
const shortDateFormat = new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'short', day: 'numeric'});

/** "November 3, 2026", as WordPress shows dates; empty for a missing or unreadable date. */
export function formatDate(iso: string | undefined): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	return Number.isNaN(time) ? '' : dateFormat.format(time);
}

/** "Nov 3, 2026", for lists. */
export function formatShortDate(iso: string | undefined): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	return Number.isNaN(time) ? '' : shortDateFormat.format(time);
}
