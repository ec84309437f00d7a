import {describe} from 'node:test';
import {runBlogtermInThisProcess} from './helpers/blogterm.js';
import {defineBlogChecks} from './helpers/checks.js';
import {openDemoBlog} from './helpers/demo-target.js';

// blogterm's built-in demo blog, which imitates WordPress: the same checks as against the real one,
// so that wherever the imitation answers differently, a check fails. Needs no WordPress.
// Print mode runs in this process (the CLI's own runCommandLine); against WordPress it runs the built CLI.
runBlogtermInThisProcess();

describe('the demo blog', () => {
	defineBlogChecks(openDemoBlog);
});
