// Dates as WordPress shows them, in English, made by hand: building an Intl.DateTimeFormat starts
// ICU and its date patterns (some 10 ms of a start), which printing one post or drawing a list does
// not need. Years ICU would show differently (before year 1 or past 9999) still go through it.

const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Wall = {readonly year: number; readonly month: number; readonly day: number; readonly hour: number; readonly minute: number; readonly time: number; readonly utc: boolean};

const numericOffset = /([+-])(\d{2}):?(\d{2})$/;

/**
 * The wall-clock time of `iso`: at its own offset when it has a numeric one (`…+05:30`, as a WordPress
 * source gives the site's own time), else (`…Z`, no zone) in the reader's time zone. Undefined for a
 * missing or unreadable date.
 */
function wallClock(iso: string | undefined): Wall | undefined {
	if (!iso) return undefined;
	const time = Date.parse(iso);
	if (Number.isNaN(time)) return undefined;
	const offset = /T/.test(iso) ? numericOffset.exec(iso) : null;
	if (!offset) {
		const date = new Date(time);
		return {year: date.getFullYear(), month: date.getMonth(), day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), time, utc: false};
	}
	// Shifted by the offset, then read as UTC.
	const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
	const shifted = new Date(time + minutes * 60_000);
	return {year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), day: shifted.getUTCDate(), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), time: shifted.getTime(), utc: true};
}

const plainYear = (wall: Wall) => wall.year >= 1 && wall.year <= 9999;

/** Through ICU, for the years it writes in its own way (6 BC is "6" there, as it always was here). */
function icuDate(wall: Wall, month: 'long' | 'short'): string {
	return new Intl.DateTimeFormat('en-US', {year: 'numeric', month, day: 'numeric', ...(wall.utc ? {timeZone: 'UTC'} : {})}).format(wall.time);
}

/** "November 3, 2026", as WordPress shows dates; empty for a missing or unreadable date. */
export function formatDate(iso: string | undefined): string {
	const wall = wallClock(iso);
	if (!wall) return '';
	return plainYear(wall) ? `${longMonths[wall.month]} ${wall.day}, ${wall.year}` : icuDate(wall, 'long');
}

/** "Nov 3, 2026", for lists. */
export function formatShortDate(iso: string | undefined): string {
	const wall = wallClock(iso);
	if (!wall) return '';
	return plainYear(wall) ? `${shortMonths[wall.month]} ${wall.day}, ${wall.year}` : icuDate(wall, 'short');
}

/**
 * "November 3, 2026 at 10:15 am", as WordPress shows a comment's date and time (its default
 * `F j, Y \a\t g:i a`); at the site's own offset when the date has one, as formatDate. Empty for a
 * missing or unreadable date.
 */
export function formatDateTime(iso: string | undefined): string {
	const wall = wallClock(iso);
	if (!wall) return '';
	const hour = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
	return `${formatDate(iso)} at ${hour}:${String(wall.minute).padStart(2, '0')} ${wall.hour < 12 ? 'am' : 'pm'}`;
}
