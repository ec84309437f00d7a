import {mkdtempSync, rmSync} from 'node:fs';
import {after, before} from 'node:test';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createHttpClient, httpLimits, type HttpLimits} from '../../source/http/client.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {openSubscriptions, type Subscriptions, type SubscriptionsOptions} from '../../source/subscriptions/subscriptions.js';

/** A store of its own under a temporary BLOGTERM_HOME. */
export type TestStore = {
	readonly home: string;
	readonly paths: {readonly config: string; readonly data: string; readonly cache: string};
	/** Opens the store (closed by `remove`) with an HTTP client that keeps nothing on disk. */
	open(options?: SubscriptionsOptions & {readonly limits?: Partial<HttpLimits>}): Subscriptions;
	remove(): void;
};

export function makeTestStore(): TestStore {
	const home = mkdtempSync(join(tmpdir(), 'blogterm-subs-'));
	const paths = {config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache')};
	const opened: Subscriptions[] = [];
	return {
		home,
		paths,
		open(options = {}) {
			const http = options.http ?? createHttpClient({limits: {...httpLimits, retryDelayMs: 10, maxRetryDelayMs: 20, ...options.limits}});
			const subscriptions = openSubscriptions(paths, {...options, http});
			opened.push(subscriptions);
			return subscriptions;
		},
		remove() {
			for (const subscriptions of opened) subscriptions.close();
			rmSync(home, {recursive: true, force: true});
		},
	};
}

/** A feed-only demo blog and a store of their own for one suite: made before its tests, removed after them (call inside a describe). */
export function demoFeedAndStore(): {readonly feed: TestDemo; readonly store: TestStore} {
	let feed: TestDemo | undefined;
	let store: TestStore | undefined;
	before(async () => {
		feed = await startTestDemo({mode: 'feed-only'});
		store = makeTestStore();
	});
	after(async () => {
		store?.remove();
		await feed?.stop();
	});
	const made = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('demoFeedAndStore: used outside the suite’s tests');
		return value;
	};
	return {
		get feed() {
			return made(feed);
		},
		get store() {
			return made(store);
		},
	};
}
