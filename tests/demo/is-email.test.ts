import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {isEmail} from '../../source/demo/wp-text.js';
import {fixturesDir} from '../wordpress/recording/exchange.js';

// What WordPress's own is_email() said of each address, recorded by `npm run test:wordpress -- --record`.
const recorded = JSON.parse(readFileSync(join(fixturesDir, 'is-email.json'), 'utf8')) as Array<{address: string; valid: boolean}>;

test('the demo blog takes and refuses the same email addresses as WordPress\'s is_email()', () => {
	assert.ok(recorded.length > 20, 'WordPress was asked about enough addresses');
	assert.deepEqual(recorded.map(({address}) => ({address, valid: isEmail(address)})), recorded);
});
