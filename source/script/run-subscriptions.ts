import {readFile} from 'node:fs/promises';
import {formatDate} from '../render/format-date.js';
import {cleanLine} from '../render/sanitize.js';
import {blogtermPaths} from '../store/paths.js';
import type {FollowedBlog, RefreshResult, RiverPage, Subscriptions} from '../subscriptions/subscriptions.js';
import {exitCodes} from './exit-codes.js';
import {postCount, riverPostLines, unwrapped} from './format-river-text.js';
import {lineOrNull, schemaVersion, stringifyJson, textOrNull, titleOf} from './format-json.js';
import {readAllStdin} from './read-stdin.js';
import type {ScriptIo} from './run-script.js';
import {reportFailure, ScriptFailure, wantsJsonErrors} from './script-errors.js';
import {UsageError} from './usage-error.js';
import {tolerateClosedReader, writeAll} from './terminal-output.js';
import {formatCount} from '../render/format-count.js';

/** The flags of the many-blogs commands (a subset of the CLI's). */
export type SubscriptionFlags = {
	readonly follow?: string;
	readonly unfollow?: string;
	readonly import?: string;
	readonly export?: boolean;
	readonly refresh?: boolean;
	readonly blogs?: boolean;
	readonly river?: boolean;
	readonly unread?: boolean;
	readonly folder?: string;
	readonly page?: number;
	readonly perPage?: number;
	readonly format?: string;
};

export type SubscriptionCommand = 'follow' | 'unfollow' | 'import' | 'export' | 'refresh' | 'blogs' | 'river';

const commands: readonly SubscriptionCommand[] = ['follow', 'unfollow', 'import', 'export', 'refresh', 'blogs', 'river'];

/** Which many-blogs command the flags ask for, if any; a UsageError when they ask for two, or mix one with a SITE. */
export function subscriptionCommandOf(flags: SubscriptionFlags, site: string | undefined): SubscriptionCommand | undefined {
	const given = commands.filter(command => flags[command] !== undefined && flags[command] !== false);
	if (given.length > 1) throw new UsageError(`--${given[0]} and --${given[1]} cannot be used together.`);
	const command = given[0];
	if (command === undefined) {
		if (flags.unread) throw new UsageError('--unread goes with --river.');
		if (flags.folder !== undefined) throw new UsageError('--folder goes with --follow, --river or --blogs.');
		return undefined;
	}
	if (site !== undefined) throw new UsageError(`--${command} takes no SITE (it works on the blogs you follow); got ${cleanLine(site)}.`);
	if (flags.unread && command !== 'river') throw new UsageError('--unread goes with --river.');
	if (flags.folder !== undefined && !['follow', 'river', 'blogs'].includes(command)) throw new UsageError('--folder goes with --follow, --river or --blogs.');
	if ((flags.page !== undefined || flags.perPage !== undefined) && command !== 'river') throw new UsageError(`--page and --per-page go with --river or a SITE's --list, not --${command}.`);
	for (const name of ['follow', 'unfollow', 'import'] as const) {
		if (command === name && (flags[name] ?? '').trim() === '') throw new UsageError(`--${name} needs ${name === 'import' ? 'a FILE (or - for stdin)' : 'a blog\'s address'}.`);
	}
	return command;
}

function formatOf(flags: SubscriptionFlags, command: SubscriptionCommand): 'text' | 'json' {
	const format = flags.format?.trim().toLowerCase();
	// Refused, not ignored: `--export --format json` would otherwise print OPML to a script that asked for JSON.
	if (command === 'export' && format !== undefined) throw new UsageError('--export writes OPML; it takes no --format.');
	if (format === undefined || format === 'text') return 'text';
	if (format === 'json') return 'json';
	throw new UsageError(`--format is text or json for --${command}, not “${cleanLine(flags.format ?? '')}”.`);
}

/**
 * Runs one many-blogs command against the store (the database under the data folder) and resolves
 * with the exit code. Never throws: a failure is one line on stderr, `blogterm: …`, or with `--format
 * json` (or ndjson) one JSON object, `{"error": {"code", "exit", "message"}}`, as print mode says them.
 */
export async function runSubscriptionCommand(command: SubscriptionCommand, flags: SubscriptionFlags, io: ScriptIo): Promise<number> {
	const stopTolerating = tolerateClosedReader(io.stdout);
	let subscriptions: Subscriptions | undefined;
	try {
		const format = formatOf(flags, command);
		// Read before the store opens: a file that is not there changes nothing.
		const opml = command === 'import' ? await readImport(flags.import!, io) : undefined;
		const {openSubscriptions} = await import('../subscriptions/subscriptions.js');
		subscriptions = openSubscriptions(blogtermPaths(io.environment), {environment: io.environment});
		return await run(subscriptions, command, flags, format, opml, io);
	} catch (error) {
		return await reportFailure(error, wantsJsonErrors(flags.format), io);
	} finally {
		subscriptions?.close();
		stopTolerating();
	}
}

async function readImport(file: string, io: ScriptIo): Promise<string> {
	if (file === '-') return readAllStdin(io.stdin);
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as {code?: string}).code;
		throw new UsageError(`cannot read ${cleanLine(file)}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : code ? ` (${code})` : ''}.`);
	}
}

async function run(subscriptions: Subscriptions, command: SubscriptionCommand, flags: SubscriptionFlags, format: 'text' | 'json', opml: string | undefined, io: ScriptIo): Promise<number> {
	const out = async (text: string) => writeAll(io.stdout, text);
	switch (command) {
		case 'follow': {
			const blog = await subscriptions.follow(flags.follow!, flags.folder === undefined ? {} : {folder: flags.folder});
			// With JSON, what the document holds (lastError, skipped, failures) is not said again on stderr.
			if (blog.lastError && format === 'text') await writeAll(io.stderr, `blogterm: ${cleanLine(blog.lastError)}\n`);
			await out(format === 'json' ? stringifyJson({schemaVersion, ...blogToJson(blog)}) : `Following ${cleanLine(blog.title)} (${cleanLine(blog.url)}): ${postCount(blog.total)}, ${blog.unread} unread.\n`);
			return exitCodes.ok;
		}
		case 'unfollow': {
			if (!subscriptions.unfollow(flags.unfollow!)) throw new ScriptFailure(exitCodes.notFound, `${cleanLine(flags.unfollow!)} is not followed (blogterm --blogs lists the blogs you follow).`);
			if (format === 'json') await out(stringifyJson({schemaVersion, unfollowed: cleanLine(flags.unfollow!)}));
			else await out(`No longer following ${cleanLine(flags.unfollow!)}.\n`);
			return exitCodes.ok;
		}
		case 'import': {
			let report;
			try {
				report = subscriptions.importOpml(opml!);
			} catch (error) {
				// Not OPML: the input is what is wrong.
				throw new UsageError(error instanceof Error ? error.message : String(error));
			}
			if (format === 'text') for (const line of report.skipped) await writeAll(io.stderr, `blogterm: ${cleanLine(line)}\n`);
			if (format === 'json') await out(stringifyJson({schemaVersion, added: report.added, merged: report.merged, skipped: report.skipped.map(line => cleanLine(line))}));
			else {
				const merged = report.merged > 0 ? ` (${report.merged} already followed)` : '';
				await out(`Imported ${report.added === 1 ? '1 blog' : `${report.added} blogs`}${merged}; ${report.skipped.length} skipped. blogterm --refresh reads them.\n`);
			}
			return exitCodes.ok;
		}
		case 'export': {
			await out(subscriptions.exportOpml());
			return exitCodes.ok;
		}
		case 'refresh': {
			const result = await subscriptions.refresh();
			if (format === 'text') for (const failure of result.failures) await writeAll(io.stderr, `blogterm: ${cleanLine(failure.title)} (${cleanLine(failure.url)}): ${cleanLine(failure.message)}\n`);
			await out(format === 'json' ? stringifyJson(refreshToJson(result)) : refreshLine(result));
			return result.failures.length > 0 ? exitCodes.unreadable : exitCodes.ok;
		}
		case 'blogs': {
			const all = subscriptions.listBlogs();
			const folder = flags.folder === undefined ? undefined : knownFolder(all, flags.folder);
			const blogs = folder === undefined ? all : all.filter(blog => inFolder(blog.folder, folder));
			await out(format === 'json' ? stringifyJson(blogs.map(blog => blogToJson(blog))) : blogsText(blogs));
			return exitCodes.ok;
		}
		case 'river': {
			const folder = flags.folder === undefined ? undefined : knownFolder(subscriptions.listBlogs(), flags.folder);
			const page = subscriptions.river({unread: Boolean(flags.unread), page: flags.page, perPage: flags.perPage ?? 20, ...(folder === undefined ? {} : {folder})});
			await out(format === 'json' ? stringifyJson(riverToJson(page)) : riverText(page, {unread: Boolean(flags.unread), folder}));
			return exitCodes.ok;
		}
	}
}

function inFolder(folder: string, wanted: string): boolean {
	return folder === wanted || folder.startsWith(`${wanted}/`);
}

/** The folders named in the message for one that is not there: a few, the rest counted. */
const foldersNamed = 10;

/**
 * `--folder NAME` as the store writes folders (`Tech/ JavaScript/` is `Tech/JavaScript`), checked against
 * the blogs followed: a folder no blog is in (or under) is not there, exit 3 as an unknown category is,
 * saying which folders there are. `--folder ""` is the blogs in no folder.
 */
function knownFolder(blogs: readonly FollowedBlog[], given: string): string {
	const wanted = given.split('/').map(segment => segment.trim()).filter(Boolean).join('/');
	if (wanted === '' || blogs.some(blog => inFolder(blog.folder, wanted))) return wanted;
	const folders = [...new Set(blogs.map(blog => blog.folder).filter(Boolean))];
	const named = folders.slice(0, foldersNamed).map(folder => cleanLine(folder)).join(', ') + (folders.length > foldersNamed ? ` and ${folders.length - foldersNamed} more` : '');
	const which = blogs.length === 0 ? ': you follow no blogs.' : folders.length === 0 ? ': none of the blogs you follow is in a folder.' : `. The folders: ${named}.`;
	throw new ScriptFailure(exitCodes.notFound, `No blogs in folder “${cleanLine(given.trim())}”${which}`);
}

/** A blog in `--blogs --format json` (and `--follow`'s document): missing values null. */
export function blogToJson(blog: FollowedBlog) {
	return {
		url: cleanLine(blog.url),
		title: lineOrNull(blog.title),
		feedUrl: lineOrNull(blog.feedUrl),
		folder: lineOrNull(blog.folder),
		unread: blog.unread,
		total: blog.total,
		lastUpdated: blog.lastUpdated ?? null,
		lastError: lineOrNull(blog.lastError),
	};
}

function blogsText(blogs: readonly FollowedBlog[]): string {
	if (blogs.length === 0) return 'No blogs followed. blogterm --follow URL follows one; blogterm --import FILE reads an OPML file.\n';
	const lines: string[] = [];
	let folder: string | undefined;
	for (const blog of blogs) {
		if (blog.folder !== folder) {
			folder = blog.folder;
			if (folder) lines.push('', `${cleanLine(folder)}/`);
		}
		const updated = blog.lastUpdated ? `updated ${formatDate(blog.lastUpdated)}` : 'not read yet';
		lines.push(`${folder ? '  ' : ''}${cleanLine(blog.title)} · ${blog.unread} unread of ${blog.total} · ${updated}`);
		lines.push(`${folder ? '  ' : ''}    ${cleanLine(blog.url)}`);
		if (blog.lastError) lines.push(`${folder ? '  ' : ''}    failed: ${cleanLine(blog.lastError)}`);
	}
	return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

function refreshToJson(result: RefreshResult) {
	return {
		schemaVersion,
		total: result.total,
		changed: result.changed,
		unchanged: result.unchanged,
		newPosts: result.newPosts,
		failures: result.failures.map(failure => ({url: cleanLine(failure.url), title: cleanLine(failure.title), message: cleanLine(failure.message)})),
	};
}

function refreshLine(result: RefreshResult): string {
	const failed = result.failures.length > 0 ? ` · ${result.failures.length} failed` : '';
	return `Refreshed ${result.total === 1 ? '1 blog' : `${result.total} blogs`} · ${result.newPosts === 1 ? '1 new post' : `${result.newPosts} new posts`}${failed}\n`;
}

/** `--river --format json`: the list's page fields and its posts, each with the fields of today's list plus `blog` and `read`. */
export function riverToJson(page: RiverPage) {
	return {
		schemaVersion,
		page: page.page,
		totalPages: page.totalPages,
		total: page.total,
		totalIsExact: true,
		posts: page.posts.map(post => ({
			id: typeof post.id === 'number' ? post.id : cleanLine(post.id),
			title: titleOf(post),
			link: lineOrNull(post.link),
			date: lineOrNull(post.date),
			author: lineOrNull(post.author),
			commentCount: post.commentCount ?? null,
			excerpt: textOrNull(post.excerpt),
			blog: {url: cleanLine(post.blog.url), title: lineOrNull(post.blog.title)},
			read: post.read,
		})),
	};
}

function riverText(page: RiverPage, asked: {readonly unread: boolean; readonly folder: string | undefined}): string {
	if (page.total === 0) return `No ${asked.unread ? 'unread ' : ''}posts${asked.folder ? ` in folder “${cleanLine(asked.folder)}”` : ''}.\n`;
	const lines = [`Page ${formatCount(page.page)} of ${formatCount(page.totalPages)} · ${postCount(page.total)}`];
	if (page.posts.length === 0) lines.push('', `There is no page ${formatCount(page.page)}: the last page is ${formatCount(page.totalPages)}.`);
	for (const post of page.posts) lines.push('', ...riverPostLines(post, unwrapped));
	return `${lines.join('\n')}\n`;
}
