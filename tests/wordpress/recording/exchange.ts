import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/*
Real WordPress's answers, recorded by `npm run test:wordpress -- --record` (./record.ts) into
tests/fixtures/wordpress/, one file per request and answer. Read back by the replay server
(./replay-server.ts) and by the checks of the demo blog against them.

The site's origin (http://127.0.0.1:PORT, a new port each run) is written as `recordedOrigin`; the
replay puts its own origin back. To keep the files small, only the headers that matter are kept,
HTML pages lose the insides of their <style> and <script> elements, and the REST index keeps of each
route only its namespace and methods (260 KB of argument schemas otherwise): blogterm reads none of it.
*/

export const fixturesDir = fileURLToPath(new URL('../../fixtures/wordpress/', import.meta.url));

/** Stands for the recorded site's origin in the files. */
export const recordedOrigin = 'http://wordpress.example';

/** The answer headers worth keeping: what blogterm and the checks read. */
export const keptHeaders = ['content-type', 'x-wp-total', 'x-wp-totalpages', 'link', 'location', 'allow', 'retry-after'] as const;

export type Exchange = {
	/** What was being done when the request was made ("wordpress source: the list", "probe: comments past the end"). */
	readonly scenario: string;
	readonly method: string;
	/** Path and query, from the site's origin. */
	readonly path: string;
	/** A form's fields, or a JSON body, as sent. */
	readonly requestBody?: Record<string, unknown>;
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	/** Parsed when the answer is JSON, else the text. */
	readonly body: unknown;
};

/** Replaces every spelling of `origin` (plain, JSON-escaped, URL-encoded) with `replacement`. */
export function replaceOrigin(text: string, origin: string, replacement: string): string {
	const spellings: Array<[string, string]> = [
		[origin, replacement],
		[origin.replaceAll('/', '\\/'), replacement.replaceAll('/', '\\/')],
		[encodeURIComponent(origin), encodeURIComponent(replacement)],
	];
	let result = text;
	for (const [from, to] of spellings) result = result.replaceAll(from, to);
	return result;
}

export function isJsonType(contentType: string | undefined): boolean {
	return /\bjson\b/i.test(contentType ?? '');
}

/** An HTML page without what is inside its <style> and <script> elements. */
export function withoutStylesAndScripts(html: string): string {
	return html.replaceAll(/(<(style|script)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
}

type RestIndex = {namespaces: unknown; routes: Record<string, {namespace?: unknown; methods?: unknown}>};

function isRestIndex(value: unknown): value is RestIndex {
	return typeof value === 'object' && value !== null && 'namespaces' in value && 'routes' in value && typeof value.routes === 'object' && value.routes !== null;
}

/** A Location as it is kept: WordPress's moderation-hash (a hash of the comment's time) made the same on every recording. */
export function recordedLocation(location: string): string {
	return location.replace(/([?&]moderation-hash=)[\da-f]{32}/, '$10123456789abcdef0123456789abcdef');
}

/** The body as it is kept in a file. */
export function recordedBody(text: string, contentType: string | undefined): unknown {
	if (isJsonType(contentType)) {
		let value: unknown;
		try {
			value = JSON.parse(text) as unknown;
		} catch {
			return text;
		}
		if (!isRestIndex(value)) return value;
		const routes = Object.fromEntries(Object.entries(value.routes).map(([route, {namespace, methods}]) => [route, {namespace, methods}]));
		return {...value, routes};
	}
	return /html/i.test(contentType ?? '') ? withoutStylesAndScripts(text) : text;
}

/** The body's text as the replay sends it. JSON goes out as PHP's json_encode writes it: "/" escaped. */
export function bodyText(exchange: Exchange, origin: string): string {
	const text = typeof exchange.body === 'string' ? exchange.body : JSON.stringify(exchange.body).replaceAll('/', '\\/');
	return replaceOrigin(text, recordedOrigin, origin);
}

/** A request, the same whatever the order of its query parameters or form fields. */
export function requestKey(method: string, path: string, body?: Record<string, unknown>): string {
	const url = new URL(path, recordedOrigin);
	const query = [...url.searchParams].map(([name, value]) => `${name}=${value}`).sort().join('&');
	const fields = body ? Object.entries(body).map(([name, value]) => `${name}=${JSON.stringify(value)}`).sort().join('&') : '';
	return `${method.toUpperCase()} ${url.pathname}?${query} ${fields}`;
}

function fileName(index: number, exchange: Exchange): string {
	const slug = `${exchange.scenario}`.toLowerCase().replaceAll(/[^a-z\d]+/g, '-').replaceAll(/^-|-$/g, '').slice(0, 60);
	return `${String(index).padStart(3, '0')}-${slug}.json`;
}

/**
 * Writes the recordings, replacing whatever was there. Within a scenario they are ordered by request
 * (blogterm asks some things at once, in no fixed order), so that recording again changes only what
 * WordPress answered differently.
 */
export function writeExchanges(exchanges: readonly Exchange[]): void {
	rmSync(fixturesDir, {recursive: true, force: true});
	mkdirSync(fixturesDir, {recursive: true});
	const scenarios = [...new Set(exchanges.map(exchange => exchange.scenario))];
	const key = (exchange: Exchange) => requestKey(exchange.method, exchange.path, exchange.requestBody);
	const ordered = scenarios.flatMap(scenario => exchanges.filter(exchange => exchange.scenario === scenario).sort((a, b) => key(a).localeCompare(key(b))));
	for (const [index, exchange] of ordered.entries()) {
		writeFileSync(join(fixturesDir, fileName(index + 1, exchange)), `${JSON.stringify(exchange, undefined, '\t')}\n`);
	}
}

/** Every recording, in the order it was made. */
export function readExchanges(): Exchange[] {
	return readdirSync(fixturesDir)
		.filter(name => /^\d{3}-.*\.json$/.test(name))
		.sort()
		.map(name => JSON.parse(readFileSync(join(fixturesDir, name), 'utf8')) as Exchange);
}

/** The recordings made in one scenario. */
export function exchangesOf(scenario: string, all: readonly Exchange[] = readExchanges()): Exchange[] {
	const found = all.filter(exchange => exchange.scenario === scenario);
	if (found.length === 0) throw new Error(`No recording of "${scenario}" in ${fixturesDir}: run \`npm run test:wordpress -- --record\``);
	return found;
}
