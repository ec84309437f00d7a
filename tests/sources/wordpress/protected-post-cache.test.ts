import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {specialPosts} from '../../../source/demo/content/index.js';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {userHttpCache} from '../../../source/store/cache.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';

const home = mkdtempSync(join(tmpdir(), 'blogterm-protected-cache-'));
let demo: TestDemo;
before(async () => {
	demo = await startTestDemo();
});
after(async () => {
	await demo.stop();
	rmSync(home, {recursive: true, force: true});
});

function filesUnder(folder: string): string[] {
	return readdirSync(folder, {recursive: true, encoding: 'utf8'}).map(name => join(folder, name)).filter(path => statSync(path).isFile());
}

test('a post read with its password leaves neither the password nor its text in the disk cache', async () => {
	const http = createHttpClient({cache: userHttpCache({BLOGTERM_HOME: home})});
	const source = await openBlog(http, demo.url);
	const post = await source.fetchPost({kind: 'slug', slug: specialPosts.passwordProtected}, {password: 'sesame'});
	await source.fetchComments(post);
	assert.match(post.html, /comfrey/i);
	const files = filesUnder(join(home, 'cache'));
	assert.ok(files.length > 0, 'other answers are kept');
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		assert.ok(!text.includes('sesame'), `${file} holds the password`);
		assert.ok(!/comfrey/i.test(text), `${file} holds the protected text`);
	}
});
