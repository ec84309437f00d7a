import {parsePostRef, type PostRef} from '../model/post.js';
import {cleanLine} from '../render/sanitize.js';
import {noWrap} from '../render/no-wrap.js';
import {parseHyperlinkMode, type HyperlinkMode} from '../platform/hyperlinks.js';
import type {PostParts} from './fetch-post-view.js';
import {listEntryFields, postJsonFields, type ListEntryField, type PostFieldChoice, type PostJsonField} from './format-json.js';
import {checkTemplate, type ListJob, type OutputFiles} from './run-list.js';
import {parseProxyUrl} from '../http/proxy.js';
import type {HttpRunOptions} from '../resolve-site.js';
import {maxWidth, parseColorMode, UsageError} from './usage-error.js';

/** The flags print mode reads (a subset of the CLI's, which are assignable to this). */
export type ScriptFlags = {
	readonly post?: string;
	readonly print?: boolean;
	readonly list?: boolean;
	readonly page?: number;
	readonly perPage?: number;
	readonly format?: string;
	readonly comments?: boolean;
	readonly width?: number;
	readonly comment?: string;
	readonly name?: string;
	readonly email?: string;
	readonly website?: string;
	readonly replyTo?: string;
	readonly demo?: boolean;
	readonly demoFeed?: boolean;
	readonly hyperlinks?: string;
	readonly password?: string;
	readonly cache?: string;
	readonly offline?: boolean;
	/** False for --no-related. */
	readonly related?: boolean;
	/** False for --no-neighbours. */
	readonly neighbours?: boolean;
	readonly strict?: boolean;
	readonly fields?: string;
	readonly bodyOnly?: boolean;
	readonly frontMatter?: boolean;
	readonly all?: boolean;
	readonly limit?: number;
	readonly ids?: boolean;
	readonly withContent?: boolean;
	readonly since?: string;
	readonly until?: string;
	readonly output?: string;
	readonly force?: boolean;
	readonly proxy?: string;
	readonly timeout?: number;
	readonly retries?: number;
	readonly color?: string;
	/** `--full-text` (with --post): the article from the post's page in place of a summary. */
	readonly fullText?: boolean;
};

export {parseColorMode, type ColorMode} from './usage-error.js';

/**
 * What print mode does with the copies kept on disk: `fresh` (the default) fails when the blog cannot
 * be reached, saying a copy can be printed with --cache fallback; `never` neither keeps nor reads one;
 * `fallback` prints the kept copy, marked as such; `only` (--offline) asks nothing of the network.
 */
export type PrintCacheMode = 'fresh' | 'never' | 'fallback' | 'only';

export type OutputFormat = 'text' | 'markdown' | 'json' | 'ndjson';

/** What a script asked for, checked: one of three jobs. */
export type ScriptRequest =
	| {
		readonly kind: 'post';
		readonly ref: PostRef;
		readonly format: OutputFormat;
		/** What is fetched besides the post: only what the output shows. */
		readonly parts: PostParts;
		readonly width: number;
		readonly hyperlinks?: HyperlinkMode;
		readonly password?: string;
		/** --strict: a part that did not arrive fails the run (exit 1) instead of being named on stderr. */
		readonly strict: boolean;
		/** --fields: the JSON keys wanted (`fullText` only with --full-text). */
		readonly fields?: readonly PostFieldChoice[];
		readonly bodyOnly: boolean;
		readonly frontMatter: boolean;
		/** --full-text: the article from the post's page in place of a summary. */
		readonly fullText?: boolean;
	}
	| ({readonly kind: 'list'; readonly hyperlinks?: HyperlinkMode} & Omit<ListJob, 'colour' | 'hyperlinks'>)
	| {
		readonly kind: 'comment';
		readonly hyperlinks?: HyperlinkMode;
		/** The post's password (`--password`), or `-` to read it from stdin. */
		readonly password?: string;
		readonly ref: PostRef;
		readonly format: 'text' | 'json';
		/** The comment's text, or `-` to read it from stdin. */
		readonly text: string;
		readonly name: string;
		readonly email: string;
		readonly website: string;
		/** The comment replied to, or 0. */
		readonly parent: number;
	};

/** The posts a list page holds unless --per-page says otherwise, as on WordPress. */
export const defaultPerPage = 10;

const formats: readonly OutputFormat[] = ['text', 'markdown', 'json', 'ndjson'];

/** Reads the flags into a request, or throws a UsageError saying what is wrong with them. */
export function parseScriptRequest(flags: ScriptFlags, terminal: {readonly isTTY?: boolean; readonly columns?: number}): ScriptRequest {
	parseColorMode(flags.color);
	const cache = parseCacheMode(flags);
	if (flags.comment !== undefined && cache === 'only') throw new UsageError(`${flags.offline ? '--offline' : '--cache only'} cannot send a comment: a comment needs the blog.`);
	const format = parseFormat(flags.format);
	if (flags.width !== undefined && (format === 'json' || format === 'ndjson')) throw new UsageError(`--width is for text; --format ${format} is not wrapped.`);
	const width = parseWidth(flags.width, terminal);
	// The command line (run-argv.ts) has already refused any other value.
	const hyperlinks = flags.hyperlinks === undefined ? undefined : parseHyperlinkMode(flags.hyperlinks);
	const {password} = flags;
	if (flags.comment !== undefined) {
		if (flags.post === undefined) throw new UsageError('--comment needs --post: the post to comment on (its ID, slug or URL).');
		if (flags.list) throw new UsageError('--comment and --list cannot be used together.');
		if (format === 'markdown') throw new UsageError('--format markdown is for printing posts; the outcome of --comment is text or json.');
		if (format === 'ndjson') throw new UsageError('--format ndjson is for lists; the outcome of --comment is text or json.');
		refuseWith('--comment', flags, ['comments', 'page', 'perPage', 'width', 'related', 'neighbours', 'strict', 'bodyOnly', 'frontMatter', 'fields', 'all', 'limit', 'ids', 'withContent', 'since', 'until', 'output', 'force']);
		return {
			kind: 'comment',
			ref: parseRef(flags.post),
			format,
			text: flags.comment,
			name: flags.name ?? '',
			email: flags.email ?? '',
			website: flags.website ?? '',
			parent: parseReplyTo(flags.replyTo),
			hyperlinks,
			password,
		};
	}
	for (const [name, value] of [['--reply-to', flags.replyTo], ['--name', flags.name], ['--email', flags.email], ['--website', flags.website]] as const) {
		if (value !== undefined) throw new UsageError(`${name} goes with --comment.`);
	}
	if (flags.fullText && flags.post === undefined) throw new UsageError('--full-text goes with --post: the post whose page is read.');
	if (flags.list && flags.post !== undefined) throw new UsageError('--list and --post cannot be used together: --list prints a page of posts, --post one post.');
	if (flags.post !== undefined) {
		refuseWith('--post', flags, ['page', 'perPage']);
		return postRequestOf({...flags, post: flags.post}, format, width, hyperlinks);
	}
	return listRequestOf(flags, format, width, hyperlinks, terminal);
}

/** --cache, --proxy, --timeout and --retries, checked: how this run speaks HTTP. */
export function parseHttpOptions(flags: ScriptFlags): HttpRunOptions {
	if (flags.timeout !== undefined && (!Number.isFinite(flags.timeout) || flags.timeout <= 0 || flags.timeout > 3600)) throw new UsageError('--timeout takes a number of seconds, more than 0 and at most 3600.');
	if (flags.retries !== undefined && (!Number.isInteger(flags.retries) || flags.retries < 0 || flags.retries > 10)) throw new UsageError('--retries takes a whole number from 0 to 10.');
	if (flags.proxy !== undefined) {
		try {
			parseProxyUrl(flags.proxy, '--proxy');
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
	}
	return {cacheMode: parseCacheMode(flags), proxy: flags.proxy, timeoutSeconds: flags.timeout, retries: flags.retries};
}

const cacheModes = ['never', 'fallback', 'only'] as const;

/** `--cache never|fallback|only`, `--offline` (= only), or `fresh` when neither is given. */
export function parseCacheMode(flags: Pick<ScriptFlags, 'cache' | 'offline'>): PrintCacheMode {
	if (flags.cache === undefined) return flags.offline ? 'only' : 'fresh';
	const wanted = flags.cache.trim().toLowerCase();
	const found = cacheModes.find(mode => mode === wanted);
	if (!found) throw new UsageError(`--cache is never, fallback or only, not “${cleanLine(flags.cache)}”.`);
	if (flags.offline && found !== 'only') throw new UsageError(`--offline and --cache ${found} cannot be used together: --offline is --cache only.`);
	return found;
}

/** The posts a page holds with --all (WordPress's most): fewer requests for a whole blog. */
const allPerPage = 100;

function listRequestOf(flags: ScriptFlags, format: OutputFormat, width: number, hyperlinks: HyperlinkMode | undefined, terminal: {readonly isTTY?: boolean}): ScriptRequest {
	const job = listJobOf(flags);
	refuseWith(job, flags, ['comments', 'related', 'neighbours', 'strict']);
	if (flags.limit !== undefined && (!Number.isInteger(flags.limit) || flags.limit < 1)) throw new UsageError('--limit takes a whole number of at least 1.');
	const output = flags.output === undefined ? undefined : outputOf(flags, format);
	if (!output) refuseWith(`${job} without -o`, flags, ['bodyOnly', 'frontMatter', 'force']);
	if (format === 'markdown' && !output) throw new UsageError('--format markdown is for posts only (and -o files); a list is printed as text, json or ndjson.');
	if (flags.ids && (flags.format !== undefined || output || flags.fields !== undefined || flags.withContent)) throw new UsageError('--ids prints one ID a line: it takes no --format, --fields, --with-content or -o.');
	const listFormat = output || format === 'markdown' ? 'text' : format;
	// A list entry's keys, and `text` and `html` (--with-content's): naming either reads them; --with-content with --fields adds both, as `--fields …,text,html` does.
	const chosen = flags.fields === undefined || output ? undefined : parseFields<ListEntryField>(flags.fields, format === 'ndjson' ? 'json' : format, listEntryFields);
	const fields = chosen && flags.withContent ? [...chosen, ...(['text', 'html'] as const).filter(field => !chosen.includes(field))] : chosen;
	if (flags.all && flags.page !== undefined) throw new UsageError('--all and --page cannot be used together: --all reads every page.');
	const since = flags.since === undefined ? undefined : parseTime('--since', flags.since, 'start');
	const until = flags.until === undefined ? undefined : parseTime('--until', flags.until, 'end');
	if (since !== undefined && until !== undefined && Date.parse(since) >= Date.parse(until)) throw new UsageError('--since must be before --until.');
	const all = Boolean(flags.all);
	if (output && !all && flags.limit === undefined) throw new UsageError('-o writes one file per post of --all (or --limit N).');
	return {
		kind: 'list',
		page: flags.page ?? 1,
		perPage: flags.perPage ?? (all || flags.limit !== undefined ? allPerPage : defaultPerPage),
		format: listFormat,
		// Piped, the text list is one post a line; --width or --hyperlinks always ask for the wrapped list.
		lines: listFormat === 'text' && !terminal.isTTY && flags.width === undefined && flags.hyperlinks !== 'always',
		ids: Boolean(flags.ids),
		width,
		hyperlinks,
		fields,
		all,
		limit: flags.limit,
		withContent: Boolean(flags.withContent) || (fields?.some(field => field === 'text' || field === 'html') ?? false),
		since,
		until,
		output,
	};
}

/**
 * The list job as it was asked for, for a refusal to name: its flags (`--all -o`), or, with none (a pipe
 * without --post prints the list), "the list".
 */
function listJobOf(flags: ScriptFlags): string {
	const given = [flags.list ? '--list' : '', flags.all ? '--all' : '', flags.limit === undefined ? '' : '--limit', flags.page === undefined ? '' : '--page', flags.ids ? '--ids' : '', flags.output === undefined ? '' : '-o'].filter(Boolean);
	return given.length > 0 ? given.join(' ') : 'the list (printed when no --post is given)';
}

/** `-o TEMPLATE`: the files' format from --format, --front-matter (Markdown) or the template's extension. */
function outputOf(flags: ScriptFlags, format: OutputFormat): OutputFiles {
	const template = flags.output ?? '';
	// --limit N writes at most N files; --all as many as the blog has.
	const problem = checkTemplate(template, flags.limit);
	if (problem) throw new UsageError(problem);
	if (format === 'ndjson') throw new UsageError('-o writes one file per post: text, markdown or json, not ndjson.');
	const byExtension = /\.(?:md|markdown)$/i.test(template) ? 'markdown' : /\.json$/i.test(template) ? 'json' : /\.txt$/i.test(template) ? 'text' : undefined;
	const fileFormat = flags.format !== undefined ? format : byExtension ?? (flags.frontMatter ? 'markdown' : 'text');
	if (flags.frontMatter && fileFormat !== 'markdown') throw new UsageError('--front-matter goes with --format markdown.');
	if (flags.bodyOnly && fileFormat === 'json') throw new UsageError('--body-only is for text and Markdown files.');
	// Each file is a post's document: --fields chooses its keys, as for --post.
	const fields = flags.fields === undefined ? undefined : parseFields(flags.fields, fileFormat, postJsonFields);
	return {template, format: fileFormat, force: Boolean(flags.force), frontMatter: Boolean(flags.frontMatter), bodyOnly: Boolean(flags.bodyOnly), fields};
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `--since 2026-01-01`, `--until 2026-01-31T12:00:00+01:00`: an ISO 8601 date or time, as a UTC time. A date
 * alone is a whole day (UTC): --since from its start, --until to its end (the next day's start).
 */
function parseTime(flag: string, text: string, edge: 'start' | 'end'): string {
	const trimmed = text.trim();
	const dateOnly = /^\d{4}-\d\d-\d\d$/.test(trimmed);
	const time = dateOnly ? Date.parse(`${trimmed}T00:00:00Z`) : /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
	const notADate = `${flag} takes an ISO 8601 date or time (2026-01-31, 2026-01-31T12:00:00Z), not “${cleanLine(text)}”`;
	if (Number.isNaN(time)) throw new UsageError(`${notADate}.`);
	// Date.parse takes any day up to 31 and moves on into the next month (2025-02-30 is March 2nd): a day the month has not is refused.
	const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number) as [number, number, number];
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day > days) throw new UsageError(`${notADate}: ${monthNames[month - 1]!} ${year} has ${days} days.`);
	return new Date(dateOnly && edge === 'end' ? time + 86_400_000 : time).toISOString();
}

function postRequestOf(flags: ScriptFlags & {readonly post: string}, format: OutputFormat, width: number, hyperlinks: HyperlinkMode | undefined): ScriptRequest {
	const bodyOnly = Boolean(flags.bodyOnly);
	const frontMatter = Boolean(flags.frontMatter);
	if (bodyOnly && format === 'json') throw new UsageError('--body-only is for text and Markdown; with --format json, --fields chooses what is printed.');
	if (bodyOnly && flags.comments) throw new UsageError('--body-only and --comments cannot be used together: --body-only prints the body alone.');
	if (frontMatter && format !== 'markdown') throw new UsageError('--front-matter goes with --format markdown.');
	if (format === 'ndjson') throw new UsageError('--format ndjson is for lists (one post a line); a post is printed as text, markdown or json.');
	refuseWith('--post', flags, ['all', 'limit', 'ids', 'withContent', 'since', 'until', 'output', 'force']);
	// `fullText` is a key of the document only with --full-text.
	const chosen = flags.fields === undefined ? undefined : parseFields<PostFieldChoice>(flags.fields, format, flags.fullText ? [...postJsonFields, 'fullText'] : postJsonFields, {fullText: '--fields fullText goes with --full-text.'});
	// --comments asks for the thread, and JSON has a key for it: with --fields it is one more key, not fetched and left out.
	const fields = chosen && flags.comments && !chosen.includes('comments') ? [...chosen, 'comments' as const] : chosen;
	if (bodyOnly) refuseWith('--body-only', flags, ['related', 'neighbours']);
	const wants = (field: PostJsonField, flag: boolean | undefined, name: string): boolean => {
		if (!fields) return flag !== false && !bodyOnly;
		if (flag === false && fields.includes(field)) throw new UsageError(`--fields ${field} and --no-${name} cannot be used together.`);
		return fields.includes(field);
	};
	const parts: PostParts = {
		neighbours: fields ? wants('previous', flags.neighbours, 'neighbours') || wants('next', flags.neighbours, 'neighbours') : wants('previous', flags.neighbours, 'neighbours'),
		related: wants('related', flags.related, 'related'),
		comments: Boolean(flags.comments) || (fields?.includes('comments') ?? false),
		// JSON's commentCount; text and Markdown show it in the byline, which --body-only leaves out (front matter has no count).
		commentCount: fields ? fields.includes('commentCount') : !bodyOnly,
	};
	return {kind: 'post', ref: parseRef(flags.post), format, parts, width, hyperlinks, password: flags.password, strict: Boolean(flags.strict), fields, bodyOnly, frontMatter, ...(flags.fullText ? {fullText: true} : {})};
}

/**
 * `--fields id,title,text`: a comma list of JSON keys, as `gh --json` takes them; each one known. `needs`
 * says what a key known only with another flag asks for (`fullText`: --full-text).
 */
function parseFields<Field extends string>(text: string, format: OutputFormat, known: readonly Field[], needs: Readonly<Record<string, string>> = {}): Field[] {
	if (format !== 'json') throw new UsageError('--fields goes with --format json.');
	const wanted = text.split(',').map(field => field.trim()).filter(field => field !== '');
	if (wanted.length === 0) throw new UsageError(`--fields needs a comma list of fields: ${known.join(', ')}.`);
	const needing = wanted.find(field => !known.includes(field as Field) && Object.hasOwn(needs, field));
	if (needing !== undefined) throw new UsageError(needs[needing]);
	const unknown = wanted.filter(field => !known.includes(field as Field));
	if (unknown.length > 0) throw new UsageError(`--fields: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(field => `“${cleanLine(field)}”`).join(', ')}; the fields are ${known.join(', ')}.`);
	return wanted as Field[];
}

/** The CLI spelling of each flag a job can refuse. */
const flagNames = {
	comments: '--comments',
	page: '--page',
	perPage: '--per-page',
	width: '--width',
	related: '--no-related',
	neighbours: '--no-neighbours',
	strict: '--strict',
	bodyOnly: '--body-only',
	frontMatter: '--front-matter',
	fields: '--fields',
	all: '--all',
	limit: '--limit',
	ids: '--ids',
	withContent: '--with-content',
	since: '--since',
	until: '--until',
	output: '-o',
	force: '--force',
} as const;

/** A flag that does not apply to the job is refused, not ignored: `--post 25 --page 3` is a mistake to say. */
function refuseWith(job: string, flags: ScriptFlags, names: ReadonlyArray<keyof typeof flagNames>): void {
	// --no-related and --no-neighbours are given as false; every other flag as a value or true.
	const given = names.filter(name => (name === 'related' || name === 'neighbours' ? flags[name] === false : flags[name] !== undefined && flags[name] !== false)).map(name => flagNames[name]);
	if (given.length > 0) throw new UsageError(`${given.join(' and ')} ${given.length > 1 ? 'do' : 'does'} not apply to ${job}.`);
}

function parseWidth(width: number | undefined, terminal: {readonly isTTY?: boolean; readonly columns?: number}): number {
	if (width === undefined) {
		const columns = terminal.isTTY ? terminal.columns : undefined;
		return columns !== undefined && Number.isInteger(columns) && columns > 0 ? Math.min(columns, maxWidth) : 80;
	}
	// The command line (run-argv.ts) has already refused a width that is not 0 to maxWidth. 0: no wrapping.
	return width === 0 ? noWrap : width;
}

function parseFormat(format: string | undefined): OutputFormat {
	if (format === undefined) return 'text';
	const wanted = format.trim().toLowerCase();
	const found = formats.find(known => known === wanted);
	if (!found) throw new UsageError(`--format is text, markdown, json or ndjson, not “${cleanLine(format)}”.`);
	return found;
}

function parseRef(text: string): ReturnType<typeof parsePostRef> {
	if (text.trim() === '') throw new UsageError('--post needs a post: its ID, slug or URL.');
	const ref = parsePostRef(text);
	if (ref.kind === 'url') {
		const url = URL.canParse(ref.url) ? new URL(ref.url) : undefined;
		if (!url || !/^https?:$/.test(url.protocol) || url.hostname === '') {
			throw new UsageError(`--post: “${cleanLine(text)}” is not a web address.`);
		}
	}
	return ref;
}

function parseReplyTo(replyTo: string | undefined): number {
	if (replyTo === undefined) return 0;
	const trimmed = replyTo.trim();
	if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) throw new UsageError(`--reply-to takes a comment's ID (a whole number), not “${cleanLine(replyTo)}”.`);
	return Number(trimmed);
}
