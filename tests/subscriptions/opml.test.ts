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
