import {join} from 'node:path';
import {createHttpClient, currentHttpLimits, type CacheMode, type HttpClient, type HttpLimits} from './http/client.js';
import {userHttpCache} from './store/cache.js';
import {blogtermPaths} from './store/paths.js';

/** Where the demo blog listens when it can (127.0.0.1 only). */
export const demoPort = 47_470;
export const demoFeedPort = 47_471;

/** The flags that choose the demo blog instead of SITE. */
export type SiteFlags = {readonly demo?: boolean; readonly demoFeed?: boolean};

/** The blog a run reads: a URL, and what to stop when done (the demo server). */
export type ResolvedSite = {
	readonly url: string;
	readonly isDemo: boolean;
	close(): Promise<void>;
};

/**
 * Run code (the reader, print mode) chooses the blog here, not the sources: they read whatever URL they are given.
 * The SITE argument, or the built-in demo blog (started on 127.0.0.1) when there is none
 * or --demo / --demo-feed is given. The demo is imported only when it is used.
 */
export async function resolveSite(site: string | undefined, flags: SiteFlags): Promise<ResolvedSite> {
	if (site && !flags.demo && !flags.demoFeed) return {url: site, isDemo: false, close: async () => {}};
	const {startDemoBlog} = await import('./demo/server.js');
	const options = {dataDir: join(blogtermPaths().data, 'demo'), mode: flags.demoFeed ? 'feed-only' as const : 'wordpress' as const};
	// The same port each run keeps the demo the same site for drafts and posts read; any free port if it is taken.
	const demo = await startDemoBlog({...options, port: flags.demoFeed ? demoFeedPort : demoPort}).catch(async () => startDemoBlog(options));
	return {url: demo.url, isDemo: true, close: async () => demo.close()};
}

/**
 * The HTTP client a run reads its blog with, answers kept in the user's cache; the demo's are not
 * (it is on this machine, on a new port when its own is taken: nothing to keep for offline reading).
 * `cacheMode` says what the kept copies are for when the blog cannot be reached (`never`: nothing is kept or read).
 */
export function httpClientFor(resolved: ResolvedSite, environment: NodeJS.ProcessEnv = process.env, options: HttpRunOptions = {}): HttpClient {
	const {cacheMode = 'fallback'} = options;
	const limits = limitsFor(options, environment);
	// The demo blog is on this machine: it is always there, nothing of it is kept, and no proxy stands between.
	if (resolved.isDemo) return createHttpClient({environment, limits, proxy: false});
	if (cacheMode === 'never') return createHttpClient({environment, limits, proxy: options.proxy});
	return createHttpClient({cache: userHttpCache(environment), cacheMode, environment, limits, proxy: options.proxy});
}

/** How a run speaks HTTP besides the defaults: print mode's --cache, --proxy, --timeout and --retries. */
export type HttpRunOptions = {
	readonly cacheMode?: CacheMode | 'never';
	/** --proxy URL: for every address, instead of the environment's proxies. */
	readonly proxy?: string;
	/** --timeout: the whole request, in seconds. */
	readonly timeoutSeconds?: number;
	/** --retries: how often a GET is retried. */
	readonly retries?: number;
};

function limitsFor(options: HttpRunOptions, environment: NodeJS.ProcessEnv): HttpLimits | undefined {
	if (options.timeoutSeconds === undefined && options.retries === undefined) return undefined;
	const limits = currentHttpLimits(environment);
	const whole = options.timeoutSeconds === undefined ? undefined : Math.max(1, Math.round(options.timeoutSeconds * 1000));
	return {
		...limits,
		...(whole === undefined ? {} : {requestTimeoutMs: whole, connectTimeoutMs: Math.min(limits.connectTimeoutMs, whole), responseTimeoutMs: Math.min(limits.responseTimeoutMs, whole)}),
		...(options.retries === undefined ? {} : {getRetries: options.retries}),
	};
}
