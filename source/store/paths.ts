import {join} from 'node:path';
import envPaths from 'env-paths';

/** Where blogterm keeps its files. */
export type BlogtermPaths = {
	/** Settings, saved identity, read state (conf). */
	readonly config: string;
	/** Drafts, the demo blog's comments. */
	readonly data: string;
	/** Fetched lists and posts, for offline reading. */
	readonly cache: string;
};

/**
 * The platform's usual places (XDG on Linux), or all under $BLOGTERM_HOME when it is set
 * (tests and people who want everything in one folder).
 */
export function blogtermPaths(environment: NodeJS.ProcessEnv = process.env): BlogtermPaths {
	const home = environment['BLOGTERM_HOME'];
	if (home) return {config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache')};
	const paths = envPaths('blogterm', {suffix: ''});
	return {config: paths.config, data: paths.data, cache: paths.cache};
}
