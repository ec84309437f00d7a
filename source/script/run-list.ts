import {mkdir, writeFile} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import type {PostPage} from '../model/page.js';
import type {Post, PostSummary} from '../model/post.js';
import {cleanLine} from '../render/sanitize.js';
import type {BlogSource} from '../sources/blog-source.js';
import {exitCodes} from './exit-codes.js';
import {isoSeconds, plainTextOf, postPageToJson, postToJson, stringifyJson, stringifyJsonLine, textOrNull, type ListEntryField, type PostJsonField} from './format-json.js';
import {formatListText} from './format-list-text.js';
import {formatPostMarkdown} from './format-post-markdown.js';
import {formatPostText} from './format-post-text.js';
import {ScriptFailure} from './script-errors.js';
import {writeAll, type OutputStream} from './terminal-output.js';
import {formatCount} from '../render/format-count.js';

/** What --list prints and how: one page, or (--all, --limit, -o) page after page. */
export type ListJob = {
	readonly page: number;
	readonly perPage: number;
	readonly format: 'text' | 'json' | 'ndjson';
	/** Text as `ID<TAB>DATE<TAB>TITLE<TAB>URL` lines (piped), rather than the wrapped list. */
	readonly lines: boolean;
	/** --ids: one ID a line. */
	readonly ids: boolean;
	readonly width: number;
	readonly hyperlinks?: boolean;
	readonly colour: boolean;
	/** --fields: an entry's keys (`text` and `html` among them with --with-content). */
	readonly fields?: readonly ListEntryField[];
	/** --all: every page from `page` on. */
	readonly all: boolean;
	/** --limit: at most this many posts, across pages. */
	readonly limit?: number;
	readonly withContent: boolean;
	/** ISO 8601 times: posts from `since` (inclusive) until `until` (exclusive). */
	readonly since?: string;
	readonly until?: string;
	/** -o: one file per post, named from this template. */
	readonly output?: OutputFiles;
	/** The blog's host, for a message that names it (`blog.example sent page 3 again`). */
	readonly blogName?: string;
};

export type OutputFiles = {
	readonly template: string;
	readonly format: 'text' | 'markdown' | 'json';
	readonly force: boolean;
	readonly frontMatter: boolean;
	readonly bodyOnly: boolean;
	/** --fields: the keys of each JSON file. */
	readonly fields?: readonly PostJsonField[];
};

type Io = {readonly stdout: OutputStream; readonly stderr: NodeJS.WritableStream};

/**
 * A whole-blog read (--all, --limit, -o) reads at most this many posts, unless --limit asks for more: a
 * blog that claims endless pages (a huge `X-WP-TotalPages`) is not read for ever, nor held whole in
 * memory (-f json, -o). 100 requests of 100 posts.
 */
export const maxWholeBlogPosts = 10_000;

/**
 * Prints the list: a page as the text list or one JSON document; or, with --all, --limit or -o, page
 * after page, each page's posts written as soon as it arrives (ndjson, --ids, tab-separated lines,
 * files), newest first, until the end, the limit, or a post older than --since.
 */
export async function printList(fetchPage: BlogSource['fetchPostPage'], job: ListJob, io: Io): Promise<void> {
	const paging = job.all || job.limit !== undefined;
	const sinceTime = job.since === undefined ? undefined : Date.parse(job.since);
	const untilTime = job.until === undefined ? undefined : Date.parse(job.until);
	const inRange = (post: PostSummary) => {
		if (sinceTime === undefined && untilTime === undefined) return true;
		const time = post.date === undefined ? Number.NaN : Date.parse(post.date);
		// A post without a date cannot be said to be in the range.
		if (Number.isNaN(time)) return false;
		return (sinceTime === undefined || time >= sinceTime) && (untilTime === undefined || time < untilTime);
	};
	// One page is the list as the blog's home page shows it (sticky posts first on page 1); an archive lists each post once.
	const options = {withContent: job.withContent || job.output !== undefined, since: job.since, until: job.until, stickyFirst: !paging && !job.output};
	const collected: Array<PostSummary | Post> = [];
	/** The JSON entries of --all --format json, gathered as pages arrive. */
	const entries: unknown[] = [];
	let first: PostPage | undefined;
	let last: PostPage | undefined;
	let printed = 0;
	let saidOffline = false;
	/** Every post read so far (by ID): each is listed once, and a page that brings none new ends the read. */
	const seen = new Set<string>();
	const readCap = Math.max(maxWholeBlogPosts, job.limit ?? 0);
	/** Why a whole-blog read stopped before the blog's posts ended, when it did. */
	let cutShort: string | undefined;
	for (let number = job.page; ; number++) {
		const found = await fetchPage(number, job.perPage, options);
		first ??= found;
		last = found;
		// What the blog sent that could not be read (posts without an ID…): said on stderr, the list stays as it is.
		for (const note of found.notes ?? []) await writeAll(io.stderr, `blogterm: ${note}\n`);
		// One page that ends where blogterm stopped reading (a feed cut at its limit) says so, as a whole-blog read fails with it (below).
		if (!paging && found.endsEarly !== undefined) await writeAll(io.stderr, `blogterm: ${found.endsEarly}\n`);
		// Text printed from a kept copy says so first (JSON says it in `offline`).
		if (!saidOffline && found.offlineSavedAt !== undefined && job.format === 'text' && !job.output && (paging || job.lines || job.ids)) {
			saidOffline = true;
			await writeAll(io.stdout, offlineLine(found.offlineSavedAt));
		}
		// Page after page, a post already listed (a post published meanwhile moves the rest down a place) is not listed again.
		const fresh = paging ? found.posts.filter(post => !seen.has(String(post.id))) : found.posts;
		if (paging) for (const post of fresh) seen.add(String(post.id));
		let posts = fresh.filter(post => inRange(post));
		if (job.limit !== undefined) posts = posts.slice(0, Math.max(0, job.limit - printed));
		printed += posts.length;
		// -o: every file's name is known, and checked against the others, before any file is written.
		if (job.output) for (const post of posts) collected.push(post);
		else if (paging || job.format === 'ndjson' || job.ids || job.lines) await emit(posts, found, job, io, entries);
		else for (const post of posts) collected.push(post);
		if (!paging) break;
		if (job.limit !== undefined && printed >= job.limit) break;
		if (found.posts.length === 0) {
			// The source stopped reading though the blog had more (a feed's pages past blogterm's limit).
			cutShort = found.endsEarly;
			break;
		}
		if (found.totalIsExact !== false && number >= found.totalPages) break;
		// Newest first: past --since, every later page is older still.
		if (sinceTime !== undefined && found.posts.some(post => post.date !== undefined && Date.parse(post.date) < sinceTime)) break;
		// A server that ignores `page` sends the same posts again and again: never read for ever.
		if (fresh.length === 0) {
			cutShort = `${job.blogName ?? 'The blog'} sent page ${number} with no post that earlier pages had not (does it ignore the page asked for?): stopped there, after ${formatCount(seen.size)} posts.`;
			break;
		}
		if (seen.size >= readCap) {
			const pages = `${formatCount(found.totalPages)}${found.totalIsExact === false ? '+' : ''}`;
			cutShort = `Stopped after ${formatCount(seen.size)} posts (page ${formatCount(number)} of ${pages}): ${job.limit === undefined ? `--all reads at most ${formatCount(maxWholeBlogPosts)} posts; --limit N reads up to N.` : `--limit ${formatCount(job.limit)} reads no further.`}`;
			break;
		}
	}
	if (job.output) {
		await writePostFiles(collected, job.output, io);
		failIfCutShort(cutShort, printed, 'written');
		return;
	}
	// A page past the end prints no line: said on stderr, so that a script's empty output is not taken for an empty blog (the wrapped text says it in the list, JSON in page and totalPages).
	const printedAsLines = job.ids || (job.format === 'text' && (paging || job.lines));
	if (printedAsLines && first.posts.length === 0 && first.total > 0) {
		await writeAll(io.stderr, `blogterm: Page ${formatCount(first.page)} of ${formatCount(first.totalPages)}${first.totalIsExact === false ? '+' : ''}: no posts.\n`);
	}
	if (paging || job.format === 'ndjson' || job.ids || job.lines) {
		if (job.format === 'json' && !job.ids) {
			// --all as one document: the list's keys, every post in `posts`.
			await writeAll(io.stdout, stringifyJson(listDocument(first, last, entries, job)));
		}
		failIfCutShort(cutShort, printed, 'printed');
		return;
	}
	const page = {...first, posts: collected};
	await writeAll(io.stdout, job.format === 'json'
		? stringifyJson(withContentJson(postPageToJson(page, job.fields), page.posts, job))
		: offlineLine(page.offlineSavedAt) + formatListText(page, {width: job.width, colour: job.colour, hyperlinks: job.hyperlinks, stickyMarked: true}));
}

/**
 * A whole-blog read that stopped before the blog's posts ended fails (exit 1) once what was read is
 * printed, so that a script does not take part of a blog for all of it.
 */
function failIfCutShort(cutShort: string | undefined, printed: number, done: 'printed' | 'written'): void {
	if (cutShort === undefined) return;
	const what = printed === 1 ? `The 1 post found is ${done}` : `The ${formatCount(printed)} posts found are ${done}`;
	throw new ScriptFailure(exitCodes.unreadable, `${cutShort} ${what}.`, 'cut_short');
}

/**
 * The first line of text or Markdown printed from the copy kept on disk (`--cache fallback`, `--offline`):
 * old data is never passed off as fresh. JSON says it in `offline`.
 */
export function offlineLine(savedAt: string | undefined, after = ''): string {
	return savedAt === undefined ? '' : `Offline copy, saved at ${isoSeconds(savedAt)}: not read from the blog now.\n${after}`;
}

/** --all --format json as one document: the list's keys (the totals as last said), every post in `posts`. */
function listDocument(first: PostPage, last: PostPage, posts: unknown[], job: ListJob): unknown {
	const document = postPageToJson({...first, totalPages: last.totalPages, total: last.total, totalIsExact: last.totalIsExact, posts: []}, job.fields);
	return {...document, posts};
}

/** Writes one page's posts the way the job says: IDs, tab-separated lines, ndjson, or (JSON --all) gathered. */
async function emit(posts: ReadonlyArray<PostSummary | Post>, page: PostPage, job: ListJob, io: Io, gathered: unknown[]): Promise<void> {
	if (job.ids) {
		await writeAll(io.stdout, posts.map(post => `${cleanLine(String(post.id))}\n`).join(''));
		return;
	}
	if (job.format === 'text') {
		await writeAll(io.stdout, posts.map(post => `${listLine(post)}\n`).join(''));
		return;
	}
	const entries = entriesOf(posts, page, job);
	if (job.format === 'ndjson') {
		await writeAll(io.stdout, entries.map(entry => stringifyJsonLine(entry)).join(''));
		return;
	}
	for (const entry of entries) gathered.push(entry);
}

/** `ID<TAB>DATE<TAB>TITLE<TAB>URL`: one post a line, for `cut`, `sort` and `while read`. */
export function listLine(post: PostSummary): string {
	const field = (text: string) => cleanLine(text).replaceAll('\t', ' ');
	return [field(String(post.id)), field(post.date ?? ''), field(post.title), field(post.link)].join('\t');
}

/** A list's JSON entries for these posts, with `text` and `html` (--with-content) and `offline` (ndjson). */
function entriesOf(posts: ReadonlyArray<PostSummary | Post>, page: PostPage, job: ListJob): unknown[] {
	const json = withContentJson(postPageToJson({...page, posts}, job.fields), posts, job);
	const offline = page.offlineSavedAt === undefined ? null : {savedAt: isoSeconds(page.offlineSavedAt)};
	return job.format === 'ndjson' && !job.fields ? json.posts.map(entry => ({...entry, offline})) : json.posts;
}

/** --with-content: each entry gets its `text` and `html` (with --fields, those it names). */
function withContentJson<Json extends {posts: Array<Record<string, unknown>>}>(json: Json, posts: ReadonlyArray<PostSummary | Post>, job: ListJob): Json {
	if (!job.withContent) return json;
	const wants = (field: 'text' | 'html') => !job.fields || job.fields.includes(field);
	json.posts = json.posts.map((entry, index) => {
		const post = posts[index]!;
		const html = 'html' in post ? post.html : undefined;
		return {...entry, ...(wants('text') ? {text: plainTextOf(html, post.link)} : {}), ...(wants('html') ? {html: textOrNull(html)} : {})};
	});
	return json;
}

/** The placeholders a file name template takes. */
const placeholders = ['id', 'slug', 'date', 'title'] as const;

/**
 * Checks an -o template: its placeholders are known ones (the message says which are), and there is one
 * when more than one post may be written (`posts`: --limit N, or undefined for --all), or every post
 * would get the same name.
 */
export function checkTemplate(template: string, posts?: number): string | undefined {
	const named = [...template.matchAll(/\{([^{}]*)\}/g)].map(match => match[1]!);
	const unknown = named.filter(name => !placeholders.includes(name as (typeof placeholders)[number]));
	if (template.trim() === '') return '-o needs a file name template, such as \'{slug}.md\'.';
	if (unknown.length > 0) return `-o: unknown placeholder ${unknown.map(name => `{${cleanLine(name)}}`).join(', ')}; the placeholders are {id} {slug} {date} {title}.`;
	if (named.length === 0 && posts !== 1) return `-o ${cleanLine(template)} has no placeholder: every post would be written to that one file. Put {id}, {slug}, {date} or {title} in it (or give --limit 1).`;
	return undefined;
}

/** A value made safe for a file name: no path separators, control characters or characters Windows refuses; never empty. */
function safeName(value: string, fallback: string): string {
	const safe = cleanLine(value)
		.replaceAll(/[/\\:*?"<>|\u0000-\u001F\u007F]/g, '-')
		.replaceAll(/\s+/g, ' ')
		.replace(/^[\s.-]+/, '')
		.trim()
		.slice(0, 120)
		.trim();
	return safe === '' ? fallback : safe;
}

/** The file a post goes to: the template with its placeholders filled, each value made safe. */
export function fileNameFor(template: string, post: PostSummary): string {
	const id = safeName(String(post.id), 'post');
	const values: Record<(typeof placeholders)[number], string> = {
		id,
		slug: safeName(post.slug ?? '', id),
		// The day as the blog dated it (its own offset), not the reader's.
		date: post.date && /^\d{4}-\d\d-\d\d/.test(post.date) ? post.date.slice(0, 10) : 'undated',
		title: safeName(post.untitled ? '' : post.title, id),
	};
	return template.replaceAll(/\{(id|slug|date|title)\}/g, (_match, name: (typeof placeholders)[number]) => values[name]);
}

/**
 * Two posts whose names are one file: how file systems compare names (macOS's and Windows' ignore letter
 * case), so that an archive copied there loses no post either.
 */
function sameFileKey(path: string): string {
	return resolve(path).normalize('NFC').toLowerCase();
}

/**
 * -o: one file per post. The names are checked first: two posts given one name (`{date}` on a day with two
 * posts, a title used twice) fail the run with exit 2 before any file is written, rather than one post
 * overwriting the other or being skipped as "exists".
 */
async function writePostFiles(posts: ReadonlyArray<PostSummary | Post>, output: OutputFiles, io: Io): Promise<void> {
	const named = posts.map(post => ({post, path: fileNameFor(output.template, post)}));
	const firstWith = new Map<string, PostSummary>();
	const clashes: Array<{readonly path: string; readonly first: PostSummary; readonly second: PostSummary}> = [];
	for (const {post, path} of named) {
		const key = sameFileKey(path);
		const first = firstWith.get(key);
		if (first) clashes.push({path, first, second: post});
		else firstWith.set(key, post);
	}
	const clash = clashes[0];
	if (clash) {
		const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more post${clashes.length > 2 ? 's' : ''} share a name)` : '';
		throw new ScriptFailure(exitCodes.usage, `-o ${cleanLine(output.template)} gives posts ${cleanLine(String(clash.first.id))} and ${cleanLine(String(clash.second.id))} the same file, ${cleanLine(clash.path)}${more}; nothing was written. Put {id} in the template: each post's is its own.`, 'usage');
	}
	for (const {post, path} of named) await writePostFile(post, path, output, io);
}

/** Writes one post's file, never over an existing one unless --force; the path written goes to stdout, one a line. */
async function writePostFile(post: PostSummary | Post, path: string, output: OutputFiles, io: Io): Promise<void> {
	const full: Post = 'html' in post ? post : {...post, html: '', isSummaryOnly: true, commentsOpen: false};
	const view = {post: full, neighbours: undefined, related: undefined, comments: undefined};
	const text = output.format === 'json'
		? stringifyJson(postToJson(view, output.fields))
		: output.format === 'markdown'
			? formatPostMarkdown(view, {frontMatter: output.frontMatter, bodyOnly: output.bodyOnly})
			: formatPostText(view, {width: 80, colour: false, bodyOnly: output.bodyOnly});
	try {
		await mkdir(dirname(path), {recursive: true});
		// 'wx' fails if the file exists: never overwritten unless --force, even by a file made meanwhile.
		await writeFile(path, text, {flag: output.force ? 'w' : 'wx'});
	} catch (error) {
		const code = (error as {code?: string}).code;
		if (code === 'EEXIST') {
			await writeAll(io.stderr, `blogterm: ${cleanLine(path)} exists: not overwritten (--force overwrites).\n`);
			return;
		}
		throw new ScriptFailure(exitCodes.unreadable, `could not write ${cleanLine(path)}: ${cleanLine((error as Error).message)}`, 'write_failed');
	}
	await writeAll(io.stdout, `${path}\n`);
}
