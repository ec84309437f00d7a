import {after, before} from 'node:test';
import chalk, {type ColorSupportLevel} from 'chalk';
import {withEnvironment} from './environment.js';

/**
 * Colour on, as in a colour terminal, for the tests of the suite it is called in (inside a `describe`):
 * FORCE_COLOR=1 for blogterm's own checks, and level 1 (what FORCE_COLOR=1 gives) for the chalk Ink
 * colours with, which reads the terminal's colours once, as it loads: here, in a process shared with
 * other test files, long before. Both put back in the suite's `after`. Never at a file's top level.
 */
export function withColour(): void {
	withEnvironment({FORCE_COLOR: '1'});
	let previous: ColorSupportLevel | undefined;
	before(() => {
		previous = chalk.level;
		chalk.level = 1;
	});
	after(() => {
		if (previous !== undefined) chalk.level = previous;
	});
}
