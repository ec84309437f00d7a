import {after, before} from 'node:test';

type Variables = Record<string, string | undefined>;

export type ScopedEnvironment = {
	/** Sets (undefined: deletes) one variable now, from inside a test or hook of the suite; put back in the suite's `after` like the others. */
	set: (name: string, value: string | undefined) => void;
};

/**
 * Sets environment variables for the tests of the suite it is called in (inside a `describe`): in the
 * suite's `before` (`variables` may be a function, called there: a folder made in an earlier `before`),
 * and puts back each variable it or `set` changed in the suite's `after`, exactly (deleted when it was
 * unset). blogterm reads its variables when it needs them, so a test file that sets them this way leaves
 * the process as it found it and can share one with other files (scripts/run-tests.mjs). Never call it at
 * a file's top level: there it would set them around the tests of every file in the process.
 */
export function withEnvironment(variables: Variables | (() => Variables) = {}): ScopedEnvironment {
	const saved = new Map<string, string | undefined>();
	const set = (name: string, value: string | undefined): void => {
		if (!saved.has(name)) saved.set(name, process.env[name]);
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	};
	before(() => {
		for (const [name, value] of Object.entries(typeof variables === 'function' ? variables() : variables)) set(name, value);
	});
	after(() => {
		for (const [name, value] of saved) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
		saved.clear();
	});
	return {set};
}

/** Sets the process's umask for the tests of the suite it is called in (inside a `describe`), put back in the suite's `after`. */
export function withUmask(mask: number): void {
	let previous: number | undefined;
	before(() => {
		previous = process.umask(mask);
	});
	after(() => {
		if (previous !== undefined) process.umask(previous);
	});
}
