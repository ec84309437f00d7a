import type {Json} from './context.js';
import {listParam} from './params.js';

/*
`_fields` and `_embed`, applied to an item as WordPress's REST server does before sending it.
*/

/** An item before `_fields` and `_embed`: its data, its `_links`, and what each embeddable link embeds. */
export type Shaped = {data: Json; links: Json; embedded?: Record<string, () => unknown[] | undefined>};

export const curies = [{name: 'wp', href: 'https://api.w.org/{rel}', templated: true}];

/** Keeps only the requested fields (`title`, `title.rendered`), as rest_filter_response_fields. */
function pickFields(data: Json, fields: readonly string[]): Json {
	const out: Json = {};
	for (const field of fields) {
		const parts = field.split('.');
		let source: unknown = data;
		let target: Json = out;
		for (const [index, part] of parts.entries()) {
			if (typeof source !== 'object' || source === null || !(part in source)) break;
			source = (source as Json)[part];
			if (index === parts.length - 1) {
				target[part] = source;
			} else {
				target[part] = typeof target[part] === 'object' && target[part] !== null ? target[part] : {};
				target = target[part] as Json;
			}
		}
	}
	return out;
}

function embedRequested(query: URLSearchParams, rel: string): boolean {
	if (!query.has('_embed')) return false;
	const value = query.getAll('_embed').join(',');
	if (value === '' || value === '1' || value === 'true') return true;
	return value.split(',').map(s => s.trim()).includes(rel);
}

/** The item as it is sent for this request. */
export function shape(item: Shaped, query: URLSearchParams = new URLSearchParams()): Json {
	const fields = listParam(query, '_fields');
	const data = fields ? pickFields(item.data, fields) : {...item.data};
	const wantsLinks = !fields || fields.includes('_links') || fields.includes('_embedded');
	if (!wantsLinks) return data;
	data['_links'] = item.links;
	if (item.embedded && (!fields || fields.includes('_embedded'))) {
		const embedded: Json = {};
		for (const [rel, load] of Object.entries(item.embedded)) {
			if (!embedRequested(query, rel)) continue;
			const value = load();
			if (value !== undefined) embedded[rel] = value;
		}
		if (Object.keys(embedded).length > 0) data['_embedded'] = embedded;
	}
	return data;
}
