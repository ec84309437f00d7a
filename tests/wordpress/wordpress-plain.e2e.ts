import {describe} from 'node:test';
import {defineBlogChecks} from './helpers/checks.js';
import {defineSeedChecks} from './helpers/seed-checks.js';
import {defineWordPressChecks} from './helpers/wordpress-checks.js';
import {openWordPress} from './helpers/wordpress-target.js';

// A real WordPress with plain permalinks, started by scripts/wordpress/run.sh (`npm run test:wordpress`).
describe('WordPress, plain permalinks', () => {
	const target = defineBlogChecks(async () => openWordPress('plain'));
	describe('the seed', () => defineSeedChecks(target));
	describe('what only WordPress is seeded with', () => defineWordPressChecks(target));
});
