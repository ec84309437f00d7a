// Print mode for search and browse (issue 19): `--list --search TEXT`, `--list --category SLUG|NAME`,
// `--list --tag SLUG|NAME`, `--list --author NAME` on a blog, and `--river --search TEXT` over every
// stored post. Kept apart from run-script.ts: loaded only when one of these flags is given.
import {existsSync} from 'node:fs';
import {hostOf} from '../http/client.js';
import {httpClientFor, resolveSite, type ResolvedSite} from '../resolve-site.js';
import {cleanLine} from '../render/sanitize.js';
import type {BlogSource} from '../sources/blog-source.js';
import {openBlog} from '../sources/open-blog.js';
import {normaliseSiteUrl} from '../sources/site-url.js';
import {filterHeading, findTerm, noPostsMessage, unknownTermMessage, type PostFilter, type StoredPostsOfSite} from '../sources/post-filter.js';
import {blogtermPaths} from '../store/paths.js';
import type {SearchHit} from '../subscriptions/search.js';
import {exitCodes} from './exit-codes.js';
import {lineOrNull, postPageToJson, schemaVersion, stringifyJson, textOrNull, titleOf} from './format-json.js';
import {formatListText} from './format-list-text.js';
import {postCount, riverPostLines, type WrapLine} from './format-river-text.js';
import {linesToText} from './styled-text.js';
import {wrapPlainText} from '../render/wrap.js';
import {noWrap} from '../render/no-wrap.js';
import type {ScriptIo} from './run-script.js';
import {reportFailure, ScriptFailure, wantsJsonErrors} from './script-errors.js';
import {parseScriptRequest, type ScriptFlags} from './script-request.js';
import {UsageError} from './usage-error.js';
import {shouldColour, tolerateClosedReader, writeAll} from './terminal-output.js';
import {formatCount} from '../render/format-count.js';

export type SearchFlags = ScriptFlags & {
	readonly search?: string;
	readonly category?: string;
	readonly tag?: string;
	readonly author?: string;
	readonly river?: boolean;
};

/** The one filter the flags name; a UsageError for none, two, or an empty one. */
function filterFlag(flags: SearchFlags): {readonly kind: 'search' | 'category' | 'tag' | 'author'; readonly value: string} {
	const given = (['search', 'category', 'tag', 'author'] as const).filter(kind => flags[kind] !== undefined);
	if (given.length > 1) throw new UsageError(`${given.map(kind => `--${kind}`).join(' and ')} cannot be used together: one at a time.`);
	const kind = given[0]!;
	const value = flags[kind]!.trim();
	if (value === '') throw new UsageError(`--${kind} needs ${kind === 'search' ? 'words to search for' : kind === 'author' ? 'an author’s name' : `a ${kind}’s slug or name`}.`);
	return {kind, value};
}

/** Runs a search or a term's list and resolves with the exit code. Never throws: a failure is one line on stderr (with JSON asked for, one JSON object). */
export async function runSearchCommand(site: string | undefined, flags: SearchFlags, io: ScriptIo): Promise<number> {
	const stopTolerating = tolerateClosedReader(io.stdout);
	let resolved: ResolvedSite | undefined;
	let closeStore: (() => void) | undefined;
	try {
		const wanted = filterFlag(flags);
		if (flags.post !== undefined) throw new UsageError(`--${wanted.kind} lists posts; it does not go with --post.`);
		if (flags.comment !== undefined) throw new UsageError(`--${wanted.kind} does not go with --comment.`);
		const request = parseScriptRequest({...flags, list: true}, io.stdout);
		if (request.kind !== 'list' || request.format === 'ndjson') throw new UsageError('--format is text or json for a search or a list of a term\'s posts.');
		refuseWholeBlogFlags(wanted.kind, flags, request);
		if (flags.river) {
			// The river's entries have keys of their own (blog, read, inTitle): --fields does not choose among them.
			if (flags.fields !== undefined) throw new UsageError('--fields does not apply to --river --search: its JSON is printed whole.');
			if (wanted.kind !== 'search') throw new UsageError(`--river takes --search; --${wanted.kind} goes with a SITE's --list.`);
			// An ID is a blog's own: alone on a line it names no post across blogs.
			if (flags.ids) throw new UsageError('--ids does not apply to --river --search: a post\'s ID is its blog\'s (--format json gives each post\'s blog and link).');
			await writeAll(io.stdout, await searchStore(wanted.value, {...request, format: request.format}, io));
			return exitCodes.ok;
		}
		if (site !== undefined && !flags.demo && !flags.demoFeed) normaliseSiteUrl(site);
		resolved = await resolveSite(site, flags);
		// A feed blog's search covers the posts the store keeps of it (a followed blog), not only its feed now.
		const stored = wanted.kind === 'search' ? await storedPostsLookup(io) : undefined;
		closeStore = stored?.close;
		const source = await openBlog(httpClientFor(resolved, io.environment), resolved.url, stored ? {storedPosts: stored.storedPosts} : {});
		const filter = await filterFor(source, wanted);
		const page = await source.fetchPostPage(request.page, request.perPage, {filter});
		for (const note of page.notes ?? []) await writeAll(io.stderr, `blogterm: ${note}\n`);
		// --ids: one ID a line (parseScriptRequest refused --format and --fields beside it).
		if (flags.ids) {
			await writeAll(io.stdout, page.posts.map(post => `${cleanLine(String(post.id))}\n`).join(''));
			return exitCodes.ok;
		}
		if (request.format === 'json') {
			// schemaVersion first, then what was asked for (search, category…), then the list's keys.
			const {schemaVersion: version, ...list} = postPageToJson(page, request.fields);
			await writeAll(io.stdout, stringifyJson({schemaVersion: version, ...filterJson(filter), ...list}));
			return exitCodes.ok;
		}
		const colour = shouldColour(io.stdout, io.environment);
		const heading = `${cleanLine(filterHeading(filter))} · ${page.total === 1 ? '1 post' : `${formatCount(page.total)} posts`}\n`;
		await writeAll(io.stdout, page.total === 0 ? `${cleanLine(noPostsMessage(filter))}\n` : `${heading}${formatListText(page, {width: request.width, colour})}`);
		return exitCodes.ok;
	} catch (error) {
		return await reportFailure(error, wantsJsonErrors(flags.format), io);
	} finally {
		stopTolerating();
		closeStore?.();
		await resolved?.close().catch(() => undefined);
	}
}

/**
 * A search or a term's list is one page: the flags of a whole-blog read, and the content of each entry
 * (--with-content, or `text` and `html` in --fields), are refused rather than ignored. (--ids prints the
 * page's IDs, as --list --ids does.)
 */
function refuseWholeBlogFlags(kind: string, flags: SearchFlags, request: {readonly withContent: boolean}): void {
	const given = [
		flags.all ? '--all' : '',
		flags.limit === undefined ? '' : '--limit',
		flags.since === undefined ? '' : '--since',
		flags.until === undefined ? '' : '--until',
		flags.output === undefined ? '' : '-o',
		flags.withContent ? '--with-content' : request.withContent ? '--fields text or html' : '',
	].filter(Boolean);
	if (given.length > 0) throw new UsageError(`${given.join(' and ')} ${given.length > 1 ? 'do' : 'does'} not apply to --${kind}: it prints one page of posts (--page, --per-page).`);
}

/** The store's posts of a site, when there is a store (none is made for a search): SQLite is loaded only then. */
async function storedPostsLookup(io: ScriptIo): Promise<{storedPosts: StoredPostsOfSite; close: () => void} | undefined> {
	const paths = blogtermPaths(io.environment);
	const {databasePath} = await import('../store/db-path.js');
	if (!existsSync(databasePath(paths))) return undefined;
	try {
		const {openSubscriptions} = await import('../subscriptions/subscriptions.js');
		const subscriptions = openSubscriptions(paths, {environment: io.environment});
		return {storedPosts: siteKey => subscriptions.storedPostsOf(siteKey), close: () => subscriptions.close()};
	} catch {
		// A store that cannot be opened: the search covers the feed, as without one (--blogs says what is wrong).
		return undefined;
	}
}

/** The filter a flag names: a search as it is; a category, tag or author looked up on the blog (unknown: exit 3, in words). */
async function filterFor(source: BlogSource, wanted: ReturnType<typeof filterFlag>): Promise<PostFilter> {
	const host = hostOf(source.site.url);
	if (wanted.kind === 'search') return {kind: 'search', text: wanted.value};
	if (wanted.kind === 'author') {
		const author = await source.findAuthor?.(wanted.value);
		if (!author) throw new ScriptFailure(exitCodes.notFound, cleanLine(unknownTermMessage('author', wanted.value, host)));
		return author;
	}
	const terms = (await source.fetchTerms?.(wanted.kind)) ?? [];
	const term = findTerm(terms, wanted.value);
	if (!term) throw new ScriptFailure(exitCodes.notFound, cleanLine(unknownTermMessage(wanted.kind, wanted.value, host)));
	return {kind: wanted.kind, term};
}

function filterJson(filter: PostFilter) {
	switch (filter.kind) {
		case 'search':
			return {search: cleanLine(filter.text)};
		case 'category':
		case 'tag':
			return {[filter.kind]: {id: typeof filter.term.id === 'number' ? filter.term.id : cleanLine(filter.term.id), name: cleanLine(filter.term.name)}};
		case 'author':
			return {author: {id: filter.id === undefined ? null : typeof filter.id === 'number' ? filter.id : cleanLine(filter.id), name: cleanLine(filter.name)}};
	}
}

/** `--river --search TEXT`: every stored post with the words, best first (see subscriptions/search.ts). */
async function searchStore(text: string, request: {readonly page: number; readonly perPage: number; readonly width: number; readonly format: 'text' | 'json'}, io: ScriptIo): Promise<string> {
	// Loaded only now, as for the other many-blogs commands: the native addon.
	const {openSubscriptions} = await import('../subscriptions/subscriptions.js');
	const subscriptions = openSubscriptions(blogtermPaths(io.environment), {environment: io.environment});
	try {
		return renderStoreSearch(text, request, subscriptions.search(text, {limit: Math.min(1000, request.page * request.perPage)}), subscriptions.searchCount(text));
	} finally {
		subscriptions.close();
	}
}

function renderStoreSearch(text: string, request: {readonly page: number; readonly perPage: number; readonly width: number; readonly format: 'text' | 'json'}, all: readonly SearchHit[], total: number): string {
	const hits = all.slice((request.page - 1) * request.perPage, request.page * request.perPage);
	if (request.format === 'json') {
		return stringifyJson({
			schemaVersion,
			search: cleanLine(text),
			page: request.page,
			totalPages: Math.ceil(total / request.perPage),
			total,
			posts: hits.map(hit => ({
				id: typeof hit.id === 'number' ? hit.id : cleanLine(hit.id),
				title: titleOf(hit),
				link: lineOrNull(hit.link),
				date: lineOrNull(hit.date),
				author: lineOrNull(hit.author),
				blog: {url: cleanLine(hit.blog.url), title: lineOrNull(hit.blog.title)},
				read: hit.read,
				inTitle: hit.inTitle,
				excerpt: textOrNull(hit.excerptMatch.text),
			})),
		});
	}
	// Wrapped to --width (80 when piped), as the other text outputs are; a link is written whole, on its own line.
	const wrap: WrapLine = (line, indent) => {
		const lines = linesToText(wrapPlainText(line, request.width === noWrap ? noWrap : Math.max(1, request.width - indent.length)), false).split('\n').slice(0, -1);
		return lines.map(wrapped => `${indent}${wrapped}`);
	};
	if (total === 0) return `${wrap(`No posts match “${cleanLine(text)}”.`, '').join('\n')}\n`;
	if (hits.length === 0) return `There is no page ${formatCount(request.page)} of this search: the last is ${formatCount(Math.ceil(total / request.perPage))}.\n`;
	const lines = wrap(`Search: “${cleanLine(text)}” · ${postCount(total)}`, '');
	if (total > request.perPage) lines.push(`Page ${formatCount(request.page)} of ${formatCount(Math.ceil(total / request.perPage))}`);
	for (const hit of hits) lines.push('', ...riverPostLines(hit, wrap, hit.excerptMatch.text));
	return `${lines.join('\n')}\n`;
}
