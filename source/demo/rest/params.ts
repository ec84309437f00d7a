import {invalidParam} from './errors.js';

/*
The query parameters the demo's routes read, checked as WordPress's REST server checks them, with its
error codes and messages.
*/

export function integerParam(query: URLSearchParams, name: string, fallback: number, min: number, max?: number): number {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw.trim())) throw invalidParam(name, `${name} is not of type integer.`, 'rest_invalid_type');
	const value = Number(raw);
	if (max !== undefined && (value < min || value > max)) {
		throw invalidParam(name, `${name} must be between ${min} (inclusive) and ${max} (inclusive)`, 'rest_out_of_bounds');
	}
	if (value < min) throw invalidParam(name, `${name} must be greater than or equal to ${min}`, 'rest_out_of_bounds');
	return value;
}

/** WordPress's wp_parse_list over `name=1,2`, `name[]=1&name[]=2` and `name[0]=1`. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
	const values: string[] = [];
	let present = false;
	for (const [key, value] of query) {
		if (key === name || /^\[\d*\]$/.test(key.slice(name.length)) && key.startsWith(name)) {
			present = true;
			values.push(...value.split(/[\s,]+/).filter(Boolean));
		}
	}
	return present ? values : undefined;
}

export function integerListParam(query: URLSearchParams, name: string): number[] | undefined {
	const values = listParam(query, name);
	return values?.map((value, index) => {
		if (!/^\d+$/.test(value)) throw invalidParam(name, `${name}[${index}] is not of type integer.`, 'rest_invalid_type');
		return Number(value);
	});
}

export function enumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!(allowed as readonly string[]).includes(raw)) {
		const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')}, and ${allowed.at(-1)}` : allowed[0]!;
		throw invalidParam(name, `${name} is not one of ${allowed.length === 2 ? allowed.join(' and ') : list}.`, 'rest_not_in_enum');
	}
	return raw as T;
}

export function dateParam(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
	const time = match ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${match[8] ?? 'Z'}`) : Number.NaN;
	if (Number.isNaN(time)) throw invalidParam(name, 'Invalid date.', 'rest_invalid_date');
	return time;
}

/** A boolean as WordPress's REST server reads one: true, false, 1, 0 (anything else is refused). */
export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	if (['true', '1'].includes(raw.toLowerCase())) return true;
	if (['false', '0'].includes(raw.toLowerCase())) return false;
	throw invalidParam(name, `${name} is not of type boolean.`, 'rest_invalid_type');
}
