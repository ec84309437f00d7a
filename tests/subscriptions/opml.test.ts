import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {parseOpml} from 'feedsmith';
import {makeTestStore, type TestStore} from './store-helper.js';

const fromNewsreader = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
	<head><title>My feeds</title></head>
	<body>
		<outline text="Tech">
			<outline text="Alpha &amp; Co" type="rss" xmlUrl="https://alpha.example/feed" htmlUrl="https://alpha.example/"/>
			<outline text="Languages">
				<outline title="Beta" type="rss" xmlurl="https://beta.example/atom.xml"/>
			</outline>
		</outline>
		<outline text="Gamma (home page only)" htmlUrl="https://gamma.example/"/>
		<outline text="Alpha again" type="rss" xmlUrl="https://alpha.example/feed"/>
		<outline text="No address" type="rss"/>
		<outline text="Script" type="rss" xmlUrl="javascript:alert(1)"/>
		<outline text="Empty folder"/>
	</body>
</opml>`;

describe('OPML', () => {
	let store: TestStore;
	beforeEach(() => {
		store = makeTestStore();
	});
	afterEach(() => store.remove());

	it('imports OPML 1.0 with nested folders, merges duplicates, and reports each broken entry on its own line', () => {
		const subscriptions = store.open();
		const report = subscriptions.importOpml(fromNewsreader);
		assert.equal(report.added, 3);
		assert.equal(report.merged, 1);
		assert.deepEqual(report.skipped, [
			'entry 7 “No address”: it has no xmlUrl or htmlUrl: skipped.',
			'entry 8 “Script”: “javascript:alert(1)” is not an http or https address: skipped.',
			'entry 9 “Empty folder”: an empty folder or a note, not a blog: skipped.',
		]);
		assert.deepEqual(subscriptions.listBlogs().map(blog => [blog.folder, blog.title, blog.feedUrl, blog.kind]), [
			['', 'Gamma (home page only)', '', 'unknown'],
			['Tech', 'Alpha & Co', 'https://alpha.example/feed', 'feed'],
			['Tech/Languages', 'Beta', 'https://beta.example/atom.xml', 'feed'],
		]);
	});

	it('lists folders and blogs as people count them: Blog 2 before Blog 10, case aside', () => {
		const subscriptions = store.open();
		const outline = (title: string, host: string) => `<outline text="${title}" type="rss" xmlUrl="https://${host}.example/feed"/>`;
		subscriptions.importOpml(`<opml version="2.0"><body>
			<outline text="folder 10">${outline('Blog 1', 'f10')}</outline>
			<outline text="Folder 9">${outline('blog 10', 'b10')}${outline('Blog 2', 'b2')}${outline('Blog 1', 'b1')}</outline>
		</body></opml>`);
		assert.deepEqual(subscriptions.listBlogs().map(blog => `${blog.folder}: ${blog.title}`), ['Folder 9: Blog 1', 'Folder 9: Blog 2', 'Folder 9: blog 10', 'folder 10: Blog 1']);
	});

	it('merges a second import of the same file rather than doubling it', () => {
		const subscriptions = store.open();
		subscriptions.importOpml(fromNewsreader);
		const again = subscriptions.importOpml(fromNewsreader);
		assert.deepEqual([again.added, again.merged], [0, 4]);
		assert.equal(subscriptions.listBlogs().length, 3);
	});

	it('refuses a file that is not OPML, changing nothing', () => {
		const subscriptions = store.open();
		assert.throws(() => subscriptions.importOpml('<html><body>not a list</body></html>'), /not OPML/);
		assert.equal(subscriptions.hasFollowedBlogs(), false);
	});

	it('refuses a file cut short (it stops before </opml>), importing nothing of it, rather than the part before the cut', () => {
		const subscriptions = store.open();
		const whole = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="A" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/feed"/></body></opml>`;
		for (const cut of [whole.indexOf('b.example'), whole.indexOf('<outline text="B"'), whole.indexOf('</body>'), whole.length - 3]) {
			assert.throws(() => subscriptions.importOpml(whole.slice(0, cut)), /^BlogError: The file is not well-formed OPML: it stops before its end \(<\/opml>\), as a file cut short does\. Nothing was imported\.$/, `cut at ${cut}`);
		}
		// As QA had it: an outline left open, the file ending after </body>.
		assert.throws(() => subscriptions.importOpml('<?xml version="1.0"?><opml version="2.0"><body><outline text="x" xmlUrl="http://127.0.0.1:8810/f"></body>\n'), /not well-formed OPML/);
		assert.equal(subscriptions.hasFollowedBlogs(), false);
		// Whole, with spaces and a comment after it, it is read.
		assert.equal(subscriptions.importOpml(`${whole}\n<!-- exported by hand -->\n`).added, 2);
	});

	it('reads a valid OPML file with no outlines as a list of no blogs, not as “not OPML”', () => {
		const subscriptions = store.open();
		for (const empty of ['<?xml version="1.0"?><opml version="1.0"><head/><body></body></opml>', '<opml version="2.0"><body/></opml>', '\uFEFF<!-- none yet --><opml version="2.0"/>\n', '<OPML version="2.0"><HEAD></HEAD><BODY>\n</BODY></OPML>']) {
			assert.deepEqual(subscriptions.importOpml(empty), {added: 0, merged: 0, skipped: []}, empty);
		}
		assert.equal(subscriptions.hasFollowedBlogs(), false);
		// What is not OPML is still refused, however it starts.
		for (const other of ['<rss version="2.0"><channel><title>x</title></channel></rss>', 'hello', '<opmlx></opmlx>', '\u0000\u0001<opml/>']) {
			assert.throws(() => subscriptions.importOpml(other), /not OPML/, other);
		}
	});

	it('exports OPML 2.0 that imports back to the same blogs and folders', () => {
		const subscriptions = store.open();
		subscriptions.importOpml(fromNewsreader);
		const exported = subscriptions.exportOpml();
		assert.match(exported, /^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
		const document = parseOpml(exported);
		const tech = document.body!.outlines!.find(outline => outline.text === 'Tech')!;
		assert.equal(tech.outlines!.find(outline => outline.text === 'Alpha & Co')!.xmlUrl, 'https://alpha.example/feed');
		assert.equal(tech.outlines!.find(outline => outline.text === 'Alpha & Co')!.type, 'rss');

		const other = makeTestStore();
		try {
			const copy = other.open();
			const report = copy.importOpml(exported);
			assert.deepEqual([report.added, report.skipped], [3, []]);
			const shape = (blogs: ReturnType<typeof copy.listBlogs>) => blogs.map(blog => [blog.folder, blog.title, blog.feedUrl || blog.htmlUrl]);
			assert.deepEqual(shape(copy.listBlogs()), shape(subscriptions.listBlogs()));
		} finally {
			other.remove();
		}
	});
});
