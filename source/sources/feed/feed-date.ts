/*
Reading the dates feeds write. RSS asks for RFC 822 and Atom and JSON Feed for RFC 3339, but real feeds
write what their software prints: `+01:00` offsets in RFC 822 dates, zone names (`CEST`, `IST`), full day
and month names, two-digit years, `Date.prototype.toString()`, ctime. `Date.parse` reads some of these
wrongly (`+01:00` after an RFC 822 date an hour off) and rolls impossible dates over (`31 Feb` → March 3),
so they are read here by hand, field by field, against a complete table of the zone names feeds use.
A date that cannot be read whole, or names a day that does not exist, is no date.
*/

/** Zone abbreviations feeds write, as minutes east of UTC. Where one is ambiguous, the meaning feeds use most. */
const zoneOffsets: ReadonlyMap<string, number> = new Map(Object.entries({
	UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, WEZ: 0, BST: 60, IST: 330, WEST: 60, WESZ: 60, CET: 60, MET: 60, MEZ: 60,
	CEST: 120, MEST: 120, MESZ: 120, EET: 120, OEZ: 120, EEST: 180, OESZ: 180, SAST: 120, CAT: 120, EAT: 180, WAT: 60,
	MSK: 180, MSD: 240, TRT: 180, IRST: 210, GST: 240, PKT: 300, NPT: 345, BDT: 360, ICT: 420, WIB: 420,
	HKT: 480, SGT: 480, MYT: 480, PHT: 480, AWST: 480, CST: -360, WITA: 480, JST: 540, KST: 540, WIT: 540, ACST: 570, ACDT: 630,
	AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, HST: -600, HDT: -540, AKST: -540, AKDT: -480, PST: -480, PDT: -420,
	MST: -420, MDT: -360, CDT: -300, EST: -300, EDT: -240, AST: -240, ADT: -180, NST: -210, NDT: -150, BRT: -180,
	BRST: -120, ART: -180, CLT: -240, CLST: -180, UYT: -180, COT: -300, PET: -300, VET: -240,
}));

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const fullMonthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const dayNames = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

/** `written`: the offset was written as a number (`+01:00`, `GMT+1`), not as UTC or a zone's name. */
type Fields = {year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; offset: number; written?: boolean};

/**
 * A date in RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) or a form feeds write instead, as ISO 8601; undefined
 * when missing or no real date. A date the feed wrote with a numeric offset other than zero keeps it, as the
 * feed wrote it (`Mon, 02 Nov 2026 10:00:00 +0100` → `2026-11-02T10:00:00+01:00`): that is the blog's own
 * time, and the date it shows on its page. One in UTC (`Z`, `GMT`, `+0000`), named by its zone (`EST`) or
 * with none is the same moment in UTC (`2026-11-02T10:00:00.000Z`). Compare them with Date.parse, never as text.
 */
export function parseFeedDate(raw: string | undefined): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim().replaceAll(/\s+/g, ' ');
	if (text === '' || text.length > 120) return undefined;
	const fields = isoFields(text) ?? wordFields(text);
	return fields ? toIso(fields) : undefined;
}

/** RFC 3339 and the ISO 8601 forms around it: `2026-11-02T10:00:00+01:00`, a space for the T, no zone (UTC), `20261102T100000Z`, `2026/11/02 10:00`. */
function isoFields(text: string): Fields | undefined {
	const match = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]| ?)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)? ?([Zz]|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?)?$/.exec(text)
		?? /^(\d{4})()(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(text);
	if (!match) return undefined;
	const [, year, , month, day, hour, minute, second, fraction, zone] = match;
	const offset = zone === undefined ? 0 : zoneOffset(zone);
	if (offset === undefined) return undefined;
	return {
		written: zone !== undefined && isNumericOffset(zone),
		year: Number(year), month: Number(month), day: Number(day),
		hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0),
		millisecond: fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
		offset,
	};
}

function isNumericOffset(zone: string): boolean {
	return /^(?:GMT|UTC|UT)?[+-]\d/i.test(zone);
}

/** An offset (`+01:00`, `+0100`, `-05`, `GMT+1`, `UTC-05:30`) or a zone name, as minutes east of UTC. */
function zoneOffset(zone: string): number | undefined {
	const numeric = /^(?:(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?)$/i.exec(zone);
	if (numeric) {
		const hours = Number(numeric[2]);
		const minutes = Number(numeric[3] ?? 0);
		if (hours > 14 || minutes > 59) return undefined;
		return (numeric[1] === '-' ? -1 : 1) * ((hours * 60) + minutes);
	}
	const name = zone.toUpperCase();
	const named = zoneOffsets.get(name);
	if (named !== undefined) return named;
	// RFC 822's military zones were defined with the wrong signs; RFC 1123 says to read them as UTC.
	if (/^[A-IK-Y]$/.test(name)) return 0;
	return undefined;
}

/**
 * The forms written in words, in any order a feed writes them: `Mon, 02 Nov 2026 10:00:00 +0100`,
 * `Monday, November 2, 2026 10:00 AM EST`, `Mon Nov 02 2026 10:00:00 GMT+0100 (Central European Time)`,
 * `Mon Nov  2 10:00:00 UTC 2026`, `2 November 2026`. Every word must be read, or it is no date.
 */
function wordFields(text: string): Fields | undefined {
	// A zone's long name in brackets after the offset (`(CET)`, `(Central European Time)`) says nothing more.
	const tokens = text.replace(/ ?\([^()]*\)$/, '').split(/[ ,]+/).filter(Boolean);
	let year: number | undefined;
	let month: number | undefined;
	let day: number | undefined;
	let time: {hour: number; minute: number; second: number; millisecond: number} | undefined;
	let offset: number | undefined;
	let written = false;
	for (const token of tokens) {
		const lower = token.toLowerCase().replace(/\.$/, '');
		if (dayNames.test(token) || lower === 'at' || lower === 'the' || lower === 'of') continue;
		const monthIndex = Math.max(monthNames.indexOf(lower as typeof monthNames[number]), fullMonthNames.indexOf(lower as typeof fullMonthNames[number]), lower === 'sept' ? 8 : -1);
		if (monthIndex !== -1 && month === undefined) {
			month = monthIndex + 1;
			continue;
		}
		const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/.exec(token);
		if (clock && time === undefined) {
			time = {hour: Number(clock[1]), minute: Number(clock[2]), second: Number(clock[3] ?? 0), millisecond: clock[4] === undefined ? 0 : Math.floor(Number(`0.${clock[4]}`) * 1000)};
			continue;
		}
		if ((lower === 'am' || lower === 'pm' || lower === 'a.m' || lower === 'p.m') && time !== undefined) {
			if (time.hour < 1 || time.hour > 12) return undefined;
			time.hour = (time.hour % 12) + (lower.startsWith('p') ? 12 : 0);
			continue;
		}
		if (/^\d{4}$/.test(token) && year === undefined) {
			year = Number(token);
			continue;
		}
		const ordinal = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(token);
		if (ordinal && day === undefined) {
			day = Number(ordinal[1]);
			continue;
		}
		if (/^\d{2}$/.test(token) && year === undefined && day !== undefined) {
			// RFC 822's two-digit years.
			year = Number(token) + (Number(token) < 50 ? 2000 : 1900);
			continue;
		}
		if (time !== undefined) {
			const zone = zoneOffset(token);
			// A zone's name after its offset (`+0100 CET`) says it again: the offset counts.
			if (zone !== undefined) {
				if (offset === undefined) written = isNumericOffset(token);
				offset ??= zone;
				continue;
			}
		}
		return undefined;
	}
	if (year === undefined || month === undefined || day === undefined) return undefined;
	return {year, month, day, ...(time ?? {hour: 0, minute: 0, second: 0, millisecond: 0}), offset: offset ?? 0, written};
}

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The fields as ISO 8601 (at their written offset, else UTC), or undefined when they name no real moment (`31 Feb`, `25:00`). */
function toIso(fields: Fields): string | undefined {
	const {year, month, day, hour, minute, offset, millisecond} = fields;
	// A leap second is the last second of its minute.
	const second = fields.second === 60 ? 59 : fields.second;
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const utc = new Date(0);
	utc.setUTCFullYear(year, month - 1, day);
	utc.setUTCHours(hour, minute, second, millisecond);
	if (fields.written && offset !== 0) {
		// The wall-clock time as written (leap second aside), then its offset: `2026-11-02T10:00:00+01:00`.
		const wallClock = utc.toISOString().slice(0, millisecond === 0 ? 19 : 23);
		const size = Math.abs(offset);
		return `${wallClock}${offset < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
	}
	return new Date(utc.getTime() - (offset * 60_000)).toISOString();
}
