// The reader of one blog (`blogterm SITE`, --demo, --post): loaded by run-interactive.ts when it is chosen.
import {render} from 'ink';
import {existsSync} from 'node:fs';
import {parsePostRef} from '../model/post.js';
import {exitCodes} from '../script/exit-codes.js';
import {openBlog, postUrlOfSite} from '../sources/open-blog.js';
import type {StoredPostsOfSite} from '../sources/post-filter.js';
import {httpClientFor, resolveSite} from '../resolve-site.js';
import {CommentMarks} from '../store/comment-marks.js';
import {Replies} from '../store/replies.js';
import {MyComments} from '../store/my-comments.js';
import {ReadState} from '../store/read-state.js';
import {App, type ReadMarks, type StarMarks} from './app.js';
import {blogtermPaths, type BlogtermPaths} from '../store/paths.js';
import {storeReadMarks, storeStarMarks} from './home/store-home-data.js';
import {PostPasswords} from '../store/post-passwords.js';
import {keyMapFromSettings} from './keys/key-settings.js';
import {fullTextReader, type FullTextStore} from '../full-text/full-text-store.js';
import {chooseReading} from '../platform/reading-choice.js';
import {withReading} from './post-view/use-reading.js';
import {hyperlinksFor, inFullScreen, listPageSize, mouseOn, openFullTexts, screenReaderOn, type ReaderFlags} from './run-interactive.js';
import {readerRender} from './reader-render.js';

/**
 * The reader of one blog (`blogterm SITE`, the demo blog): resolves with the exit code when the user
 * quits. `note` is said under the blog (the demo blog's, when no blog is followed).
 */
export async function runReader({site, flags, note}: {site: string | undefined; flags: ReaderFlags; note: string | undefined}): Promise<number> {
	const resolved = await resolveSite(site, flags);
	// A post's URL as SITE (`blogterm https://blog.example/2024/01/slug/`) opens that post, over its blog.
	const postUrl = site !== undefined && !flags.post && !flags.demo && !flags.demoFeed ? postUrlOfSite(site) : undefined;
	const initialPost = flags.post ? parsePostRef(flags.post) : postUrl ? parsePostRef(postUrl) : undefined;
	const http = httpClientFor(resolved);
	// Opened before the alternate screen: a note about a corrupt file stays on the normal screen.
	const {readMarks, starMarks, fullTexts, storedPosts, closeMarks} = await openReadMarks(blogtermPaths());
	const keyMap = keyMapFromSettings();
	const reading = chooseReading();
	const screenReader = screenReaderOn(flags.screenReader);
	const mouse = mouseOn(flags);
	return inFullScreen(async () => {
		const {tree, options} = readerRender(withReading(reading,
			<App
				site={resolved.url}
				openSource={(url, signal, options) => openBlog(http, url, {...options, signal, storedPosts})}
				perPage={listPageSize(flags)}
				initialPost={initialPost}
				readMarks={readMarks}
				starMarks={starMarks}
				myComments={new MyComments()}
				commentMarks={new CommentMarks()}
				replies={new Replies()}
				// Not the demo as a feed (--demo-feed): the check reads the demo as WordPress, and starts one so for it.
				runningDemo={resolved.isDemo && !flags.demoFeed ? resolved.url : undefined}
				postPasswords={new PostPasswords()}
				hyperlinks={hyperlinksFor(flags)}
				note={note}
				keyMap={keyMap}
				readFullText={fullTextReader(http)}
				fullTexts={fullTexts}
				initialFullText={flags.post !== undefined && flags.fullText === true}
				mouse={mouse}
			/>), screenReader);
		const instance = render(tree, options);
		await instance.waitUntilExit();
		return exitCodes.ok;
	}, async () => {
		closeMarks();
		await resolved.close();
	}, {mouse});
}

/**
 * The posts read: in the store once it exists (so that the home screen counts what `blogterm SITE` read),
 * in read-state.json before (the store carries it over when it is made). A store that cannot be opened
 * leaves the file in use: the reader still opens.
 */
async function openReadMarks(paths: BlogtermPaths): Promise<{readMarks: ReadMarks; starMarks?: StarMarks; fullTexts?: FullTextStore; storedPosts?: StoredPostsOfSite; closeMarks: () => void}> {
	const {databasePath} = await import('../store/db-path.js');
	if (existsSync(databasePath(paths))) {
		try {
			// The store's side only (no OPML parser; the HTML to text loaded with the first post kept).
			const {openStoredSubscriptions} = await import('../subscriptions/stored-subscriptions.js');
			const subscriptions = openStoredSubscriptions(paths);
			const {fullTexts, closeFullTexts} = await openFullTexts(paths);
			// A followed feed blog's search covers its stored posts too.
			return {readMarks: storeReadMarks(subscriptions), starMarks: storeStarMarks(subscriptions), fullTexts, storedPosts: siteKey => subscriptions.storedPostsOf(siteKey), closeMarks: () => {
				closeFullTexts();
				subscriptions.close();
			}};
		} catch {
			// Said by print mode (--blogs) in words; the reader keeps to the file meanwhile.
		}
	}
	return {readMarks: new ReadState(), closeMarks: () => {}};
}
