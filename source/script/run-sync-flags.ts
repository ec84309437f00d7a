/**
 * The sync flags of print mode: `--sync tt-rss URL --user NAME` sets a TT-RSS server (asking the
 * password on a terminal, or reading BLOGTERM_TTRSS_PASSWORD) and syncs once; `--sync off` goes back
 * to local subscriptions, keeping what is stored; `--sync-status` says what is set and what waits to
 * be sent. The password and session are never printed.
 */
import {cleanLine} from '../render/sanitize.js';
import {formatDate} from '../render/format-date.js';
import {blogtermPaths} from '../store/paths.js';
import {exitCodes} from './exit-codes.js';
import {schemaVersion, stringifyJson} from './format-json.js';
import type {ScriptIo} from './run-script.js';
import {failureToJsonLine, wantsJsonErrors, warningToJsonLine} from './script-errors.js';
import {UsageError} from './usage-error.js';
import {writeAll} from './terminal-output.js';

export type SyncFlags = {
	readonly sync?: string;
	readonly user?: string;
	readonly syncStatus?: boolean;
	readonly format?: string;
};

/** Whether the flags ask for a sync command (a UsageError when they ask it wrongly). */
export function wantsSyncCommand(flags: SyncFlags, site: string | undefined): boolean {
	if (flags.sync === undefined && !flags.syncStatus) {
		if (flags.user !== undefined) throw new UsageError('--user goes with --sync tt-rss URL.');
		return false;
	}
	if (flags.sync !== undefined && flags.syncStatus) throw new UsageError('--sync and --sync-status cannot be used together.');
	if (flags.syncStatus) {
		if (site !== undefined) throw new UsageError(`--sync-status takes no SITE; got ${cleanLine(site)}.`);
		return true;
	}
	const service = flags.sync!.trim().toLowerCase();
	if (service === 'off') {
		if (site !== undefined || flags.user !== undefined) throw new UsageError('--sync off takes no URL and no --user.');
		return true;
	}
	if (service !== 'tt-rss') throw new UsageError(`--sync takes tt-rss URL or off, not “${cleanLine(flags.sync!)}”.`);
	if (site === undefined) throw new UsageError('--sync tt-rss needs the server\'s address: blogterm --sync tt-rss https://rss.example/tt-rss/ --user NAME');
	if ((flags.user ?? '').trim() === '') throw new UsageError('--sync tt-rss needs --user NAME (your TT-RSS user name).');
	return true;
}

/**
 * Runs a sync command and resolves with the exit code. Never throws: a failure is one line on stderr,
 * `blogterm: …`, or with `--format json` (or ndjson) one JSON object, `{"error": {"code", "exit", "message"}}`.
 */
export async function runSyncCommand(flags: SyncFlags, site: string | undefined, io: ScriptIo): Promise<number> {
	try {
		return await syncCommand(flags, site, io);
	} catch (error) {
		const {describeSync} = await import('./sync-failure.js');
		const {exitCode, line, code} = describeSync(error);
		await writeAll(io.stderr, wantsJsonErrors(flags.format) ? failureToJsonLine({exitCode, lines: [line], code}) : `blogterm: ${line}\n`);
		return exitCode;
	}
}

async function syncCommand(flags: SyncFlags, site: string | undefined, io: ScriptIo): Promise<number> {
	const paths = blogtermPaths(io.environment);
	const {readSyncSettings, removeSyncSettings, writeSyncSettings, passwordVariable} = await import('../sync/sync-settings.js');
	const {openDatabase, writeTransaction} = await import('../store/db.js');
	const {forgetSync, queuedCount, syncStateKeys, syncStateValue} = await import('../store/sync-table.js');
	const json = flags.format?.trim().toLowerCase() === 'json';
	if (flags.format !== undefined && !json && flags.format.trim().toLowerCase() !== 'text') throw new UsageError(`--format is text or json with --sync, not “${cleanLine(flags.format)}”.`);
	const out = async (text: string) => writeAll(io.stdout, text);

	if (flags.syncStatus) {
		const settings = readSyncSettings(paths);
		if (!settings) {
			await out(json ? stringifyJson({schemaVersion, server: null}) : 'No sync server: blogterm refreshes each blog itself. blogterm --sync tt-rss URL --user NAME sets one.\n');
			return exitCodes.ok;
		}
		const db = openDatabase(paths);
		try {
			const waiting = queuedCount(db);
			const unfollows = syncStateKeys(db, 'unsubscribe:').length;
			const lastSync = syncStateValue(db, 'last_sync');
			const lastError = syncStateValue(db, 'last_error');
			if (json) {
				await out(stringifyJson({schemaVersion, server: cleanLine(settings.url), service: settings.service, user: cleanLine(settings.user), lastSync: lastSync ?? null, lastError: lastError === undefined ? null : cleanLine(lastError), waiting: {read: waiting.read, starred: waiting.starred, unfollow: unfollows}}));
			} else {
				const lines = [
					`Server: TT-RSS at ${cleanLine(settings.url)}`,
					`User: ${cleanLine(settings.user)}`,
					`Last sync: ${lastSync ? formatDate(lastSync) : 'never'}`,
					...(lastError ? [`Last error: ${cleanLine(lastError)}`] : []),
					`Waiting to be sent: ${waitingText(waiting.read, waiting.starred, unfollows)}`,
				];
				await out(`${lines.join('\n')}\n`);
			}
			return exitCodes.ok;
		} finally {
			db.close();
		}
	}

	if (flags.sync!.trim().toLowerCase() === 'off') {
		const had = removeSyncSettings(paths);
		const db = openDatabase(paths);
		try {
			writeTransaction(db, () => forgetSync(db));
		} finally {
			db.close();
		}
		if (json) await out(stringifyJson({schemaVersion, server: null, wasOn: had}));
		else await out(had ? 'Sync is off: blogterm refreshes the blogs you follow itself again; everything stored is kept.\n' : 'Sync was not on.\n');
		return exitCodes.ok;
	}

	const {serverAddress, createTtrssClient} = await import('../sync/ttrss/ttrss-client.js');
	const {createHttpClient} = await import('../http/client.js');
	const url = serverAddress(site!);
	const user = flags.user!.trim();
	const fromEnvironment = io.environment[passwordVariable];
	const password = fromEnvironment || await askPassword(io, `TT-RSS password for ${cleanLine(user)} at ${cleanLine(new URL(url).host)}: `);
	if (password === undefined) {
		throw new UsageError(`no password: set ${passwordVariable}, or run blogterm --sync in a terminal to be asked.`);
	}
	const http = createHttpClient({environment: io.environment});
	let sessionId: string | undefined;
	const client = createTtrssClient({http, account: {url, user, password}, onSession(id) {
		sessionId = id;
	}});
	await client.logIn();
	const previous = readSyncSettings(paths);
	writeSyncSettings(paths, {service: 'tt-rss', url, user, ...(fromEnvironment ? {} : {password}), ...(sessionId ? {sessionId} : {})});
	const {openSubscriptions} = await import('../subscriptions/subscriptions.js');
	const subscriptions = openSubscriptions(paths, {environment: io.environment, http});
	try {
		if (previous && (previous.url !== url || previous.user !== user)) {
			// Another server or user: its IDs are not this one's.
			const db = openDatabase(paths);
			try {
				writeTransaction(db, () => forgetSync(db));
			} finally {
				db.close();
			}
		}
		const result = await subscriptions.refresh();
		for (const failure of result.failures) {
			// With JSON, nothing on stderr is a plain line: the document counts the failures, each is a warning object.
			const said = `${cleanLine(failure.title)} (${cleanLine(failure.url)}): ${cleanLine(failure.message)}`;
			await writeAll(io.stderr, json ? warningToJsonLine('unreadable', said) : `blogterm: ${said}\n`);
		}
		const blogs = subscriptions.listBlogs();
		const unread = blogs.reduce((sum, blog) => sum + blog.unread, 0);
		if (json) await out(stringifyJson({schemaVersion, server: cleanLine(url), user: cleanLine(user), blogs: blogs.length, newPosts: result.newPosts, unread, failures: result.failures.length}));
		else await out(`Syncing with TT-RSS at ${cleanLine(url)} as ${cleanLine(user)}: ${blogs.length === 1 ? '1 blog' : `${blogs.length} blogs`}, ${result.newPosts === 1 ? '1 new post' : `${result.newPosts} new posts`}, ${unread} unread.\n`);
		return result.failures.length > 0 ? exitCodes.unreadable : exitCodes.ok;
	} finally {
		subscriptions.close();
	}
}

function waitingText(read: number, starred: number, unfollows: number): string {
	const parts = [
		read > 0 ? `${read} read ${read === 1 ? 'mark' : 'marks'}` : '',
		starred > 0 ? `${starred} ${starred === 1 ? 'star' : 'stars'}` : '',
		unfollows > 0 ? `${unfollows} ${unfollows === 1 ? 'unfollow' : 'unfollows'}` : '',
	].filter(Boolean);
	return parts.length === 0 ? 'nothing' : parts.join(', ');
}

/** Reads a password from a terminal without showing it; undefined when stdin is not a terminal. */
async function askPassword(io: ScriptIo, prompt: string): Promise<string | undefined> {
	const stdin = io.stdin as NodeJS.ReadStream;
	if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return undefined;
	await writeAll(io.stderr, prompt);
	stdin.setRawMode(true);
	stdin.resume();
	try {
		return await new Promise<string | undefined>(resolve => {
			let typed = '';
			const onData = (chunk: Buffer | string) => {
				for (const character of String(chunk)) {
					if (character === '\r' || character === '\n') {
						stdin.off('data', onData);
						resolve(typed);
						return;
					}
					if (character === '\u0003' || character === '\u0004') {
						stdin.off('data', onData);
						resolve(undefined);
						return;
					}
					if (character === '\u007F' || character === '\b') typed = typed.slice(0, -1);
					else typed += character;
				}
			};
			stdin.on('data', onData);
		});
	} finally {
		stdin.setRawMode(false);
		stdin.pause();
		await writeAll(io.stderr, '\n');
	}
}
