import {after, before} from 'node:test';

type Variables = Record<string, string | undefined>;

/** Sets these variables (undefined: deletes one); gives what puts back exactly what was there (deleted when it was unset). */
function setVariables(variables: Variables): () => void {
	const saved = Object.keys(variables).map(name => [name, process.env[name]] as const);
	for (const [name, value] of Object.entries(variables)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	return () => {
		for (const [name, value] of saved) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	};
}

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
	const restores: Array<() => void> = [];
	before(() => {
		restores.push(setVariables(typeof variables === 'function' ? variables() : variables));
	});
	after(() => {
		for (const restore of restores.reverse()) restore();
		restores.length = 0;
	});
	return {set: (name, value) => restores.push(setVariables({[name]: value}))};
}

/** Runs `run` with these variables set, then puts them back exactly, however it ends. */
export async function withVariables<Result>(variables: Variables, run: () => Promise<Result>): Promise<Result> {
	const restore = setVariables(variables);
	try {
		return await run();
	} finally {
		restore();
	}
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
