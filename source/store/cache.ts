import {createHash, randomBytes} from 'node:crypto';
import {readdir, readFile, rename, rm, stat, utimes, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {blogtermPaths} from './paths.js';
import {makePrivateFolder, moveAsideWithNotice, privateFileMode} from './settings-files.js';

/*
Lists and posts already read, kept on disk so that blogterm can revalidate them (ETag, Last-Modified)
and open them with no network. One file per answer: a line of JSON (what it is, when it was saved,
its validators), then the body's bytes, written to a temporary file and renamed, so a kill leaves the
old entry or the new one. The folder is kept under a size; the entries used longest ago go first.
*/

/** The most the cache folder holds; named in the README. */
export const defaultCacheMaxBytes = 200 * 1024 * 1024;

/** The headers kept with an answer: what the sources read from it, and the validators. */
const keptHeaders = ['content-type', 'etag', 'last-modified', 'link', 'x-wp-total', 'x-wp-totalpages'] as const;

/** An answer as the cache holds it. */
export type CachedAnswer = {
	/** Where the answer came from, after redirects. */
	readonly url: string;
	readonly statusCode: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly bytes: Buffer;
	/** ISO 8601: when it was fetched, or last confirmed unchanged (304). */
	readonly savedAt: string;
};

type EntryMeta = {
	version: 1;
	key: string;
	url: string;
	statusCode: number;
	headers: Record<string, string>;
	savedAt: string;
	bodyBytes: number;
};

export type HttpCacheOptions = {
	readonly directory: string;
	/** Default 200 MB. */
	readonly maxBytes?: number;
	/** The clock that marks an entry as used (tests give their own; the file system's own times are too coarse to order quick uses). */
	readonly now?: () => Date;
};

/** The key of a GET: its URL and what it accepts (the same URL may answer JSON or HTML). */
export function cacheKey(url: string, accept: string | undefined): string {
	return JSON.stringify([url, accept ?? '']);
}

/** A folder of cached answers, kept under `maxBytes`. Never throws: a cache that cannot be read or written is simply empty. */
export class HttpCache {
	readonly directory: string;
	readonly maxBytes: number;
	/** Bytes in the folder, as far as this process knows; undefined until first counted. */
	#total: number | undefined;
	#evicting: Promise<void> | undefined;
	readonly #now: () => Date;

	constructor(options: HttpCacheOptions) {
		this.directory = options.directory;
		this.maxBytes = options.maxBytes ?? defaultCacheMaxBytes;
		this.#now = options.now ?? (() => new Date());
	}

	#path(key: string): string {
		return join(this.directory, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.entry`);
	}

	/** The answer kept for `key`, or undefined. An entry that cannot be read is moved aside with a note. */
	async get(key: string): Promise<CachedAnswer | undefined> {
		const path = this.#path(key);
		let file: Buffer;
		try {
			file = await readFile(path);
		} catch {
			return undefined;
		}
		const newline = file.indexOf(0x0A);
		let meta: Partial<EntryMeta> | undefined;
		try {
			meta = newline === -1 ? undefined : JSON.parse(file.subarray(0, newline).toString('utf8')) as Partial<EntryMeta>;
		} catch {
			meta = undefined;
		}
		const bytes = file.subarray(newline + 1);
		if (!isMeta(meta) || meta.bodyBytes !== bytes.length) {
			moveAsideWithNotice(path, 'A saved copy of a page', meta ? 'it is cut short' : 'not what blogterm wrote there');
			return undefined;
		}
		if (meta.key !== key) return undefined; // A hash collision: as good as missing.
		// Used now: the last to be evicted.
		const now = this.#now();
		await utimes(path, now, now).catch(() => undefined);
		// The file's own buffer, not a copy: a kept feed may be 7 MB.
		return {url: meta.url, statusCode: meta.statusCode, headers: meta.headers, bytes, savedAt: meta.savedAt};
	}

	/** Keeps an answer (replacing any before it), then trims the folder to its size. */
	async put(key: string, answer: Omit<CachedAnswer, 'savedAt' | 'headers'> & {readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly savedAt?: string}): Promise<void> {
		const headers: Record<string, string> = {};
		for (const name of keptHeaders) {
			const value = answer.headers[name];
			if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
		}
		const meta: EntryMeta = {
			version: 1,
			key,
			url: answer.url,
			statusCode: answer.statusCode,
			headers,
			savedAt: answer.savedAt ?? new Date().toISOString(),
			bodyBytes: answer.bytes.length,
		};
		const path = this.#path(key);
		const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
		// Written one after the other, not joined: a copy of a 7 MB feed for one write is not needed.
		const content = [Buffer.from(`${JSON.stringify(meta)}\n`, 'utf8'), answer.bytes];
		const length = content[0]!.length + answer.bytes.length;
		try {
			makePrivateFolder(this.directory);
			const previous = await stat(path).then(found => found.size, () => 0);
			await writeFile(temporary, content, {mode: privateFileMode});
			const now = this.#now();
			await utimes(temporary, now, now);
			await rename(temporary, path);
			if (this.#total !== undefined) this.#total += length - previous;
		} catch {
			await rm(temporary, {force: true}).catch(() => undefined);
			return;
		}
		await this.#trim();
	}

	/** Marks an entry as confirmed unchanged now (a 304): its "saved at" moves on. */
	async refresh(key: string, answer: CachedAnswer): Promise<CachedAnswer> {
		const savedAt = new Date().toISOString();
		await this.put(key, {...answer, savedAt});
		return {...answer, savedAt};
	}

	/** Forgets an entry (the page is gone: 404, 410). */
	async delete(key: string): Promise<void> {
		const path = this.#path(key);
		const size = await stat(path).then(found => found.size, () => 0);
		await rm(path, {force: true}).catch(() => undefined);
		if (this.#total !== undefined) this.#total -= size;
	}

	/** Bytes the folder holds now. */
	async size(): Promise<number> {
		return (await this.#files()).reduce((sum, file) => sum + file.size, 0);
	}

	async #files(): Promise<Array<{path: string; size: number; used: number}>> {
		let names: string[];
		try {
			names = await readdir(this.directory);
		} catch {
			return [];
		}
		const files = await Promise.all(names.map(async name => {
			const path = join(this.directory, name);
			try {
				const found = await stat(path);
				return found.isFile() ? {path, size: found.size, used: found.mtimeMs} : undefined;
			} catch {
				return undefined;
			}
		}));
		return files.filter(file => file !== undefined);
	}

	/** Over the limit: removes the entries used longest ago (moved-aside ones too) until the folder is at 90% of it. */
	async #trim(): Promise<void> {
		this.#total ??= await this.size();
		if (this.#total <= this.maxBytes) return;
		this.#evicting ??= (async () => {
			const files = (await this.#files()).sort((a, b) => a.used - b.used);
			let total = files.reduce((sum, file) => sum + file.size, 0);
			for (const file of files) {
				if (total <= this.maxBytes * 0.9) break;
				await rm(file.path, {force: true}).catch(() => undefined);
				total -= file.size;
			}
			this.#total = total;
		})().finally(() => {
			this.#evicting = undefined;
		});
		await this.#evicting;
	}
}

function isMeta(value: Partial<EntryMeta> | undefined): value is EntryMeta {
	return value !== undefined && value !== null && value.version === 1
		&& typeof value.key === 'string' && typeof value.url === 'string' && typeof value.statusCode === 'number'
		&& typeof value.savedAt === 'string' && typeof value.bodyBytes === 'number'
		&& typeof value.headers === 'object' && value.headers !== null;
}

/**
 * The user's cache, in blogterm's cache folder (`$BLOGTERM_HOME/cache/http` when that is set): the
 * reader and print mode make their HTTP client with it. A test makes its own in a folder of its own.
 */
export function userHttpCache(environment: NodeJS.ProcessEnv = process.env): HttpCache {
	return new HttpCache({directory: join(blogtermPaths(environment).cache, 'http')});
}

// Made on first use: building an Intl format starts ICU, which every run would otherwise pay for.
let savedAtFormat: Intl.DateTimeFormat | undefined;

/** "offline — saved at Nov 25, 2026, 19:53": what the reader shows for an answer from the cache. */
export function offlineNote(savedAt: string): string {
	const time = Date.parse(savedAt);
	savedAtFormat ??= new Intl.DateTimeFormat('en-US', {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false});
	return `offline — saved at ${Number.isNaN(time) ? 'an unknown time' : savedAtFormat.format(time)}`;
}
