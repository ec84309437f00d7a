import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoBlog, type DemoBlog, type DemoBlogOptions} from '../../source/demo/server.js';

export type TestDemo = DemoBlog & {
	readonly dataDir: string;
	/** GET a REST route straight from the demo (what the blog holds, not what blogterm shows). */
	rest<T>(route: string): Promise<{body: T; headers: Headers}>;
	stop(): Promise<void>;
};

/** The demo blog on 127.0.0.1 with its own temporary data folder. */
export async function startTestDemo(options: Partial<DemoBlogOptions> = {}): Promise<TestDemo> {
	const dataDir = await mkdtemp(join(tmpdir(), 'blogterm-demo-'));
	const demo = await startDemoBlog({dataDir, ...options});
	return {
		...demo,
		dataDir,
		async rest<T>(route: string) {
			const response = await fetch(new URL(`wp-json/${route}`, demo.url));
			return {body: (await response.json()) as T, headers: response.headers};
		},
		async stop() {
			await demo.close();
			await rm(dataDir, {recursive: true, force: true});
		},
	};
}
