import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {ElementType, parseDocument} from 'htmlparser2';
import {openDemoBlog} from './helpers/demo-target.js';
import {request, wpDieMessage, type RawAnswer} from './helpers/rest.js';
import type {Target} from './helpers/target.js';
import type {Seeded} from './helpers/wordpress-target.js';
import {exchangesOf, fixturesDir, isJsonType, readExchanges, recordedBody, recordedOrigin, type Exchange} from './recording/exchange.js';
import {probes, type ProbeRoles} from './recording/probes.js';
import {rolesOf} from './recording/roles.js';

/*
The demo blog against real WordPress's recorded answers: the same requests (./recording/probes.ts)
about the same kinds of posts, answered in the same shape: the same status, the same headers, the
same keys with the same types, the same redirects, the same wp_die words, the same feed elements.
Where WordPress was asked for some fields (_fields, as blogterm asks), the demo gives exactly those;
elsewhere it may leave out what neither blogterm nor its tests use, but adds nothing WordPress lacks.
*/

const all = readExchanges();
const seed = JSON.parse(readFileSync(join(fixturesDir, 'seed.json'), 'utf8')) as Seeded;
const recordedRoles = JSON.parse(readFileSync(join(fixturesDir, 'probe-roles.json'), 'utf8')) as Record<string, unknown>;

// ---- shapes ---------------------------------------------------------------------------------------

type Shape = string | {readonly array: Shape | undefined} | {readonly object: Readonly<Record<string, Shape>>};

function shapeOf(value: unknown): Shape {
	if (value === null) return 'null';
	if (Array.isArray(value)) return {array: value.map(shapeOf).reduce<Shape | undefined>((merged, shape) => (merged === undefined ? shape : merge(merged, shape)), undefined)};
	if (typeof value === 'object') return {object: Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]))};
	return typeof value;
}

function merge(a: Shape, b: Shape): Shape {
	if (typeof a === 'object' && typeof b === 'object' && 'object' in a && 'object' in b) {
		const keys = new Set([...Object.keys(a.object), ...Object.keys(b.object)]);
		return {object: Object.fromEntries([...keys].map(key => [key, a.object[key] && b.object[key] ? merge(a.object[key], b.object[key]) : (a.object[key] ?? b.object[key])!]))};
	}
	if (typeof a === 'object' && typeof b === 'object' && 'array' in a && 'array' in b) {
		return {array: a.array && b.array ? merge(a.array, b.array) : a.array ?? b.array};
	}
	const names = new Set([...describe_(a).split('|'), ...describe_(b).split('|')]);
	return [...names].sort().join('|');
}

function describe_(shape: Shape): string {
	if (typeof shape === 'string') return shape;
	return 'array' in shape ? 'array' : 'object';
}

/** Where the demo's shape differs from WordPress's, one line each. */
function differences(wordpress: Shape, demo: Shape, exact: boolean, path = '$'): string[] {
	if (typeof wordpress === 'object' && typeof demo === 'object' && 'object' in wordpress && 'object' in demo) {
		const found: string[] = [];
		for (const key of Object.keys(demo.object)) {
			if (!(key in wordpress.object)) found.push(`${path}.${key}: the demo gives it, WordPress does not`);
			else found.push(...differences(wordpress.object[key]!, demo.object[key]!, exact, `${path}.${key}`));
		}
		if (exact) for (const key of Object.keys(wordpress.object)) if (!(key in demo.object)) found.push(`${path}.${key}: WordPress gives it, the demo does not`);
		return found;
	}
	if (typeof wordpress === 'object' && typeof demo === 'object' && 'array' in wordpress && 'array' in demo) {
		return wordpress.array && demo.array ? differences(wordpress.array, demo.array, exact, `${path}[]`) : [];
	}
	// A field that is sometimes null (a post without an excerpt) matches either way.
	const wordpressTypes = new Set(describe_(wordpress).split('|'));
	const demoTypes = describe_(demo).split('|');
	return demoTypes.every(type => wordpressTypes.has(type)) ? [] : [`${path}: WordPress gives ${describe_(wordpress)}, the demo ${describe_(demo)}`];
}

/** Every element path in an XML document ("rss/channel/item/title"), each once. */
function elementPaths(xml: string): string[] {
	const paths = new Set<string>();
	const walk = (nodes: ReturnType<typeof parseDocument>['children'], prefix: string) => {
		for (const node of nodes) {
			if (node.type !== ElementType.Tag) continue;
			const path = `${prefix}${node.name}`;
			paths.add(path);
			walk(node.children, `${path}/`);
		}
	};
	walk(parseDocument(xml, {xmlMode: true}).children, '');
	return [...paths].sort();
}

function linkRels(link: string | null | undefined): string[] {
	return [...(link ?? '').matchAll(/rel="?([^";,]+)"?/g)].map(match => match[1]!).sort();
}

// ---- comparing one answer -------------------------------------------------------------------------

type Seen = {readonly status: number; readonly header: (name: string) => string | undefined; readonly text: string; readonly body: unknown};

function seenOfRecording(exchange: Exchange): Seen {
	return {
		status: exchange.status,
		header: name => exchange.headers[name],
		text: typeof exchange.body === 'string' ? exchange.body : JSON.stringify(exchange.body),
		body: exchange.body,
	};
}

function seenOfDemo(answer: RawAnswer): Seen {
	const contentType = answer.headers.get('content-type') ?? undefined;
	return {
		status: answer.status,
		header: name => answer.headers.get(name) ?? undefined,
		text: answer.text,
		// Cut down as the recordings are (the REST index's routes), so that like is compared with like.
		body: isJsonType(contentType) ? recordedBody(answer.text, contentType) : answer.text,
	};
}

/** A redirect's Location with the blog's own parts taken out: `{post}#comment-N`. */
function locationShape(location: string | undefined, siteUrl: string, postLinks: readonly string[]): string | undefined {
	if (location === undefined) return undefined;
	let shape = location;
	for (const link of postLinks) shape = shape.replaceAll(link, '{post}');
	return shape.replaceAll(siteUrl, '{site}/').replaceAll(/\b[\da-f]{32}\b/g, 'HASH').replaceAll(/\d+/g, 'N');
}

function compare(name: string, wordpress: Seen, demo: Seen, exact: boolean, locations: {wordpress: (location?: string) => string | undefined; demo: (location?: string) => string | undefined}): string[] {
	const found: string[] = [];
	if (demo.status !== wordpress.status) found.push(`status: WordPress ${wordpress.status}, the demo ${demo.status}`);
	const type = (seen: Seen) => (seen.header('content-type') ?? '').toLowerCase().replaceAll(' ', '');
	if (type(demo) !== type(wordpress)) found.push(`content-type: WordPress "${type(wordpress)}", the demo "${type(demo)}"`);
	for (const header of ['x-wp-total', 'x-wp-totalpages', 'allow']) {
		const [w, d] = [wordpress.header(header), demo.header(header)];
		if ((w === undefined) !== (d === undefined)) found.push(`${header}: WordPress ${w ?? 'none'}, the demo ${d ?? 'none'}`);
		else if (w !== undefined && /^x-wp/.test(header) && !/^\d+$/.test(d!)) found.push(`${header}: the demo's "${d}" is not a number`);
		else if (header === 'allow' && w !== d) found.push(`allow: WordPress ${w}, the demo ${d}`);
	}
	const [wordpressRels, demoRels] = [linkRels(wordpress.header('link')), linkRels(demo.header('link'))];
	if (JSON.stringify(wordpressRels) !== JSON.stringify(demoRels)) found.push(`Link rels: WordPress ${wordpressRels.join(' ')}, the demo ${demoRels.join(' ')}`);
	const [wordpressLocation, demoLocation] = [locations.wordpress(wordpress.header('location')), locations.demo(demo.header('location'))];
	if (wordpressLocation !== demoLocation) found.push(`Location: WordPress ${wordpressLocation ?? 'none'}, the demo ${demoLocation ?? 'none'}`);

	if (typeof wordpress.body !== 'string') {
		if (typeof demo.body === 'string') found.push('body: WordPress sent JSON, the demo did not');
		else found.push(...differences(shapeOf(wordpress.body), shapeOf(demo.body), exact).map(line => `body ${line}`));
	} else if (wordpress.text === '') {
		if (demo.text !== '') found.push(`body: WordPress sent none, the demo ${demo.text.slice(0, 80)}`);
	} else if (/wp-die-message/.test(wordpress.text)) {
		const title = (text: string) => /<title>([^<]*)<\/title>/.exec(text)?.[1];
		if (wpDieMessage(demo.text) !== wpDieMessage(wordpress.text)) found.push(`wp_die: WordPress "${wpDieMessage(wordpress.text)}", the demo "${wpDieMessage(demo.text)}"`);
		if (title(demo.text) !== title(wordpress.text)) found.push(`wp_die title: WordPress "${title(wordpress.text)}", the demo "${title(demo.text)}"`);
	} else if (/xml/.test(wordpress.header('content-type') ?? '')) {
		const [w, d] = [elementPaths(wordpress.text), elementPaths(demo.text)];
		for (const path of d) if (!w.includes(path)) found.push(`feed: the demo has <${path}>, WordPress does not`);
		for (const path of w) if (!d.includes(path)) found.push(`feed: WordPress has <${path}>, the demo does not`);
	}
	return found.map(line => `${name}: ${line}`);
}

// ---- the checks -----------------------------------------------------------------------------------

describe('the demo blog answers as recorded WordPress does', () => {
	let target: Target;
	let roles: ProbeRoles;
	const answers = new Map<string, RawAnswer>();
	before(async () => {
		target = await openDemoBlog();
		const tag = randomUUID().slice(0, 8);
		roles = rolesOf(target.name, target.siteUrl, target.restRoot, target.truth, target.knownCommenter, {name: `Probe Stranger ${tag}`, email: `probe-${tag}@example.org`});
		for (const probe of probes) {
			if (probe.fresh) await target.forgetRecentComments();
			const asked = probe.request(roles);
			const body = asked.form ? new URLSearchParams(asked.form) : asked.json ? JSON.stringify(asked.json) : undefined;
			const headers: Record<string, string> = asked.json ? {'content-type': 'application/json'} : {};
			answers.set(probe.name, await request(asked.url, {method: asked.method, body, headers}));
		}
	});
	after(async () => target?.close());

	const wordpressPostLinks = () => ['commentable', 'threaded'].map(role => seed.posts.find(post => post.id === recordedRoles[role])!.link);

	for (const probe of probes) {
		it(`${probe.name}: the same shape of answer`, () => {
			const [recorded] = exchangesOf(`probe: ${probe.name}`, all);
			const exact = /[?&]_fields=/.test(recorded!.path);
			const found = compare(probe.name, seenOfRecording(recorded!), seenOfDemo(answers.get(probe.name)!), exact, {
				wordpress: location => locationShape(location, `${recordedOrigin}/`, wordpressPostLinks()),
				demo: location => locationShape(location, target.siteUrl, [roles.commentable.link, roles.threaded.link]),
			});
			assert.deepEqual(found, [], `the demo answers "${probe.name}" differently from WordPress:\n${found.join('\n')}`);
		});
	}
});
