// The home screen's start (`blogterm` with blogs followed): loaded by run-interactive.ts when it is
// chosen. Its first frame needs the store only: it is drawn from what is stored before Ink and React
// load (early-frame.ts), and Ink's first frame lands on it. The HTTP client, the sources, the reader's
// screens and the replies' check are loaded when first used (a refresh, a blog opened).
import {exitCodes} from '../../script/exit-codes.js';
import type {BlogSource} from '../../sources/blog-source.js';
import type {OpenBlogOptions} from '../../sources/open-blog.js';
import {CommentMarks} from '../../store/comment-marks.js';
import {MyComments} from '../../store/my-comments.js';
import type {BlogtermPaths} from '../../store/paths.js';
import type {PostPasswordStore} from '../../store/post-passwords.js';
import {Replies} from '../../store/replies.js';
import type {StoredSubscriptions} from '../../subscriptions/stored-subscriptions.js';
import {chooseReading} from '../../platform/reading-choice.js';
import type {FullTextReader} from '../../full-text/full-text-store.js';
import {keyMapFromSettings} from '../keys/key-settings.js';
import {hyperlinksFor, inFullScreen, listPageSize, mouseOn, openFullTexts, refreshMinutes, screenReaderOn, type ReaderFlags} from '../run-interactive.js';
import {drawEarlyFrame, handOverToInk} from './early-frame.js';
import {fullTextIsOn, readStoredHome, type FollowedBlog, type RepliesPort} from './home-data.js';
import {firstHomeFrame} from './home-lines.js';
import {storeHomeData} from './store-home-data.js';

/** The home screen: the followed blogs and What is new, from the store (open, and closed when the screen ends). */
export async function runHome(flags: ReaderFlags, paths: BlogtermPaths, subscriptions: StoredSubscriptions): Promise<number> {
	// One HTTP client for the refresh, the blogs opened and the replies' check: the store's, made when first needed.
	const http = subscriptions.httpClient;
	const openBlog = async (url: string, options: OpenBlogOptions): Promise<BlogSource> => {
		const [{openBlog: open}, made] = await Promise.all([import('../../sources/open-blog.js'), http()]);
		return open(made, url, options);
	};
	// The remembered post passwords (conf, with its schema checker): loaded as the reader opens its blog,
	// before it can ask for one.
	let passwords: Promise<PostPasswordStore> | undefined;
	let loadedPasswords: PostPasswordStore | undefined;
	const loadPasswords = async () => {
		passwords ??= import('../../store/post-passwords.js').then(({PostPasswords}) => new PostPasswords());
		loadedPasswords = await passwords;
	};
	const postPasswords: PostPasswordStore = {
		get: (siteKey, postId) => loadedPasswords?.get(siteKey, postId),
		remember: (siteKey, postId, password) => loadedPasswords?.remember(siteKey, postId, password),
	};
	const readFullText: FullTextReader = async (url, options) => {
		const [{fullTextReader}, made] = await Promise.all([import('../../full-text/full-text-store.js'), http()]);
		return fullTextReader(made)(url, options);
	};
	const keyMap = keyMapFromSettings();
	const reading = chooseReading();
	const mouse = mouseOn(flags);
	const {fullTexts, closeFullTexts} = await openFullTexts(paths);
	// Replies to the comments you sent: kept, and looked for with each refresh.
	const myComments = new MyComments();
	const replies = new Replies();
	const checkForReplies = async (signal: AbortSignal) => {
		const [{checkReplies}, {ownDemo}] = await Promise.all([import('../../replies/check-replies.js'), import('../../replies/demo-replies.js')]);
		return checkReplies({myComments, replies, openSource: async (url, openSignal) => openBlog(url, {signal: openSignal}), signal, demo: ownDemo()});
	};
	const screenReader = screenReaderOn(flags.screenReader);
	const data = storeHomeData(subscriptions);
	const repliesPort: RepliesPort = {store: replies, check: checkForReplies};
	const fullTextOn = (blog: FollowedBlog) => fullTextIsOn(fullTexts, blog);
	// What is stored, read once: for the first frame, and handed to the home screen as it opens.
	const initial = readStoredHome(data, Date.now, repliesPort);
	return inFullScreen(async () => {
		const {stdout, stdin} = process;
		const drawn = drawEarlyFrame(firstHomeFrame(initial, {columns: stdout.columns, rows: stdout.rows, keyMap, hasStars: data.setStarred !== undefined, fullTextOn}), {stdout, stdin}, {screenReader});
		const {showHome} = await import('./show-home.js');
		handOverToInk(drawn, stdout);
		await showHome({
			data,
			initial,
			openSource: async (url, signal, options) => {
				const [source] = await Promise.all([openBlog(url, {...options, signal, storedPosts: siteKey => subscriptions.storedPostsOf(siteKey)}), loadPasswords()]);
				return source;
			},
			perPage: listPageSize(flags),
			myComments,
			replies: repliesPort,
			commentMarks: new CommentMarks(),
			postPasswords,
			hyperlinks: hyperlinksFor(flags),
			refreshMinutes: refreshMinutes(),
			keyMap,
			readFullText,
			fullTexts,
			mouse,
		}, {reading, screenReader});
		return exitCodes.ok;
	}, () => {
		closeFullTexts();
		subscriptions.close();
	}, {mouse});
}
