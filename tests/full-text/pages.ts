import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pages');

/** A page of tests/fixtures/pages (made for these tests to look like real blogs' pages). */
export function fixturePage(name: 'wordpress-post' | 'wordpress-block-short-post' | 'ghost-post' | 'cookie-wall' | 'login-wall' | 'archive-index'): string {
	return readFileSync(join(folder, `${name}.html`), 'utf8');
}

/** The summary a feed set to summaries gives of the WordPress fixture's post (its first 55 words, as WordPress cuts them). */
export const wordpressSummary = 'Every autumn the allotment asks the same question: what do you leave in the ground, and what do you lift before the first frost? This year I kept notes, and the answer turned out to be simpler than the seed catalogues suggest. The short version is that roots are tougher than we think, leaves are not, and the soil [&hellip;]';
