// Starts the demo blog for a test on a free port with a fresh data directory, and cleans up after it.

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoBlog} from '../../source/demo/server.js';
import type {DemoBlog, DemoBlogOptions} from '../../source/demo/server.js';

export type TestBlog = DemoBlog & {
	readonly dataDir: string;
	/** An absolute URL on the blog for a path such as '/wp-json/'. */
	at(path: string): string;
	/** GET (or another method) without following redirects. */
	fetch(path: string, init?: RequestInit): Promise<Response>;
	/** GET, and the answer's JSON taken to be a `T` (see rest-shapes.ts). */
	json<T>(path: string): Promise<{response: Response; body: T}>;
	/** Sends the comment form the way a browser does. */
	comment(fields: Record<string, string>): Promise<Response>;
	/** Stops the server and removes its data directory. */
	dispose(): Promise<void>;
};

export async function makeDataDir(): Promise<string> {
	return mkdtemp(join(tmpdir(), 'blogterm-demo-test-'));
}

export async function startTestBlog(options: Partial<DemoBlogOptions> = {}): Promise<TestBlog> {
	const dataDir = options.dataDir ?? await makeDataDir();
	const blog = await startDemoBlog({floodIntervalMs: 0, ...options, dataDir});
	const at = (path: string) => new URL(path, blog.url).href;
	const fetchPath = async (path: string, init?: RequestInit) => fetch(at(path), {redirect: 'manual', ...init});
	return {
		...blog,
		dataDir,
		at,
		fetch: fetchPath,
		async json<T>(path: string) {
			const response = await fetchPath(path);
			return {response, body: await response.json() as T};
		},
		async comment(fields) {
			return fetchPath('/wp-comments-post.php', {
				method: 'POST',
				headers: {'Content-Type': 'application/x-www-form-urlencoded'},
				body: new URLSearchParams(fields).toString(),
			});
		},
		async dispose() {
			await blog.close();
			if (!options.dataDir) await rm(dataDir, {recursive: true, force: true});
		},
	};
}

