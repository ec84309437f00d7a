import {getMaxListeners, setMaxListeners} from 'node:events';
import {hostOf, type HttpClient} from '../http/client.js';
import {formatSeconds} from '../http/limits.js';
import {isBlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';
import type {BlogRow, BlogWithCounts} from '../store/blogs-table.js';
import {discoverBlog} from './discover.js';
import {fetchBlog, type BlogFetch, type ReadFeed} from './fetch-blog.js';
import type {FollowedBlog, FoundBlog, RefreshFailure, RefreshOptions, RefreshResult} from './types.js';

/** Blogs fetched at once unless asked otherwise: enough to hide latency, few enough to be polite to a shared host. */
export const defaultRefreshConcurrency = 16;

/** What a refresh of one blog came to, for the store. */
export type RefreshOutcome =
	| {readonly kind: 'failed'; readonly message: string}
	| {readonly kind: 'fetched'; readonly fetch: BlogFetch; readonly found?: FoundBlog};

export type RefreshContext = RefreshOptions & {
	readonly http: HttpClient;
	readonly readFeed: ReadFeed;
	readonly now: () => string;
	/** Keeps what one blog's refresh brought (its own write transaction); returns the posts added and changed. */
	readonly save: (blog: BlogRow, outcome: RefreshOutcome) => {added: number; changed: number};
	/** The blog as the progress callback shows it, after it was saved. */
	readonly followed: (blog: BlogRow) => FollowedBlog;
};

/**
 * Refreshes blogs, `concurrency` at once, each saved as soon as it is done: a slow blog holds up only its
 * own slot, and a dead one ends within its time limit (the HTTP client's timeouts, and a limit on the
 * whole blog, discovery included). A failure is kept on the blog in words; it never rejects for one.
 */
export async function refreshBlogs(blogs: readonly BlogWithCounts[], context: RefreshContext): Promise<RefreshResult> {
	const concurrency = Math.max(1, Math.floor(context.concurrency ?? defaultRefreshConcurrency));
	const failures: RefreshFailure[] = [];
	let done = 0;
	let changed = 0;
	let unchanged = 0;
	let newPosts = 0;
	let next = 0;
	context.onProgress?.({done, total: blogs.length, failed: 0});
	// The whole blog (discovery and all its requests) within twice the longest request.
	const blogTimeoutMs = context.http.limits.requestTimeoutMs * 2;

	const refreshOne = async (blog: BlogWithCounts): Promise<void> => {
		const outcome = await fetchOutcome(blog, context, blogTimeoutMs);
		if (context.signal?.aborted) return;
		const counts = context.save(blog, outcome);
		if (outcome.kind === 'failed') failures.push({url: blog.url, title: blog.title, message: outcome.message});
		else if (counts.added + counts.changed > 0) changed++;
		else unchanged++;
		newPosts += counts.added;
		done++;
		context.onProgress?.({done, total: blogs.length, failed: failures.length, blog: context.followed(blog)});
	};

	const worker = async (): Promise<void> => {
		while (next < blogs.length && !context.signal?.aborted) {
			const blog = blogs[next++]!;
			await refreshOne(blog);
		}
	};
	// Each blog under way listens to the caller's signal (to stop when it is aborted): `concurrency` of
	// them at once, more than Node's default of 10 before it prints a MaxListenersExceededWarning, which
	// in the reader would be written over the screen. Raised for the refresh, and put back after it.
	const signal = context.signal;
	const listenersBefore = signal ? getMaxListeners(signal) : 0;
	if (signal && listenersBefore > 0) setMaxListeners(listenersBefore + concurrency, signal);
	try {
		await Promise.all(Array.from({length: Math.min(concurrency, blogs.length)}, async () => worker()));
	} finally {
		if (signal && listenersBefore > 0) setMaxListeners(listenersBefore, signal);
	}
	return {total: blogs.length, changed, unchanged, failures, newPosts};
}

async function fetchOutcome(blog: BlogRow, context: RefreshContext, timeoutMs: number): Promise<RefreshOutcome> {
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, timeoutMs);
	const stop = () => controller.abort();
	context.signal?.addEventListener('abort', stop, {once: true});
	try {
		let found: FoundBlog | undefined;
		let readable: BlogRow = blog;
		if (blog.kind === 'unknown') {
			// Imported with a home page only: found as `blogterm SITE` finds it, once.
			found = await discoverBlog(context.http, blog.htmlUrl || blog.url, {signal: controller.signal});
			readable = {...blog, kind: found.kind, feedUrl: found.feedUrl, apiUrl: found.apiUrl};
		}
		const fetched = await fetchBlog(context.http, readable, {signal: controller.signal, readFeed: context.readFeed});
		return found ? {kind: 'fetched', fetch: fetched, found} : {kind: 'fetched', fetch: fetched};
	} catch (error) {
		if (timedOut) {
			return {kind: 'failed', message: `${cleanLine(hostOf(blog.feedUrl || blog.url))} did not finish answering within ${formatSeconds(timeoutMs)}.`};
		}
		if (isBlogError(error)) return {kind: 'failed', message: error.message};
		return {kind: 'failed', message: `Could not refresh ${cleanLine(hostOf(blog.url))}: ${cleanLine(String((error as Error)?.message ?? error))}.`};
	} finally {
		clearTimeout(timer);
		context.signal?.removeEventListener('abort', stop);
	}
}
