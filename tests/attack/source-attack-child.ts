import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';

/*
One attack on the source boundary, in a process of its own (started by sources.attack.ts with a
bounded heap): opens the blog at argv[2], reads its first list page, and prints what came back as
one JSON line. A failure is printed too: what matters is that it is a BlogError in words, in bounded
time and memory.
*/

const [site = ''] = process.argv.slice(2);
const started = Date.now();
try {
	const source = await openBlog(createHttpClient(), site);
	const page = await source.fetchPostPage(1, 10);
	console.log(JSON.stringify({ok: true, posts: page.posts.length, notes: page.notes ?? [], ms: Date.now() - started, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6)}));
} catch (error) {
	console.log(JSON.stringify({ok: false, name: (error as Error).name, message: (error as Error).message, ms: Date.now() - started}));
}
