import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parsedByMeow, withoutArguments} from '../../source/script/run-argv.js';

// `blogterm` alone (the home screen, or the demo blog) starts without loading meow: its flags must be
// the ones meow gives for an empty command line, or the reader would start with other settings than
// `blogterm --mouse` and `blogterm --no-mouse` imply.
test('a command line without arguments gets the flags meow gives for none', async () => {
	const meow = await parsedByMeow([]);
	const fast = withoutArguments();
	assert.deepEqual(fast.flags, meow.flags);
	assert.deepEqual(fast.unnormalizedFlags, meow.unnormalizedFlags);
	assert.deepEqual(fast.input, meow.input);
	assert.ok(Object.keys(meow.flags).length > 20, 'meow gives the defaults');
});
