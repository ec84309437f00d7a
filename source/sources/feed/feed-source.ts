import type {CommentsRead} from '../../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {PostPage} from '../../model/page.js';
import type {Post, PostNeighbours, PostRef, PostSummary} from '../../model/post.js';
import type {RelatedPost} from '../../model/related.js';
import type {SiteInfo} from '../../model/site.js';
import type {SentComment} from '../../store/my-comments.js';
import {header, hostOf, type HttpClient} from '../../http/client.js';
import {cleanLine} from '../../render/sanitize.js';
import {checkHeldComment, type HeldCommentState} from '../../comments/held-comments.js';
import {sendComment} from '../../comments/send-comment.js';
import type {BlogSource, FetchOptions, ListOptions} from '../blog-source.js';
import {countTerms, postMatcher, slugOf, type AuthorFilter, type PostFilter, type StoredPostsOfSite, type TermCount} from '../post-filter.js';
import {htmlToPlainText} from '../../render/plain-text.js';
import {BlogError, isBlogError} from '../../errors.js';
import {rankRelatedPosts, type RankablePost} from '../related/rank.js';
import {siteKey} from '../site-url.js';
import {readPostPage, type PostPageFacts, type WordPressCommentForm} from './post-page.js';
import {feedCutNote, readFeedResponse, type FeedFormat, type FeedItem, type ParsedFeed} from './parse-feed.js';
import {toComments} from './feed-comments.js';
import {newestFirst, toLink, toSummary} from './feed-items.js';
import {fetchFeedPage, maxFeedPages, maxNeighbourSearchPages, type FeedPaging} from './feed-paging.js';
import {describeRef, itemMatcher, singlePostFeedUrl} from './find-feed-post.js';
import {sameItems} from './feed-ids.js';

/** A search or a term over a feed reads this many of its items at most (a feed paged like WordPress's can hold thousands). */
const maxFilteredItems = 500;

/** What a post's page says, and whether that is the copy kept on disk (`cacheFirst`). */
type PostPageRead = {readonly facts: PostPageFacts | undefined; readonly fromCache: boolean};

const descriptions: Record<FeedFormat, string> = {rss: 'RSS feed', rdf: 'RSS feed', atom: 'Atom feed', json: 'JSON Feed'};

/**
 * Opens a feed already read and decides how it pages: a WordPress generator pages with ?paged=N; a
 * JSON Feed or an empty one holds all there is. Anything else may be WordPress with its generator
 * hidden: a look at `?paged=2` tells, once the list needs more than the feed holds (so a big static
 * feed is not fetched and parsed a second time before its first page is shown).
 */
export function createFeedSource(feed: ParsedFeed, options: FetchOptions & Omit<FeedSourceOptions, 'mayPage'>): FeedSource {
	const {http, fetchedUrl, fromCache, storedPosts} = options;
	if (/wordpress/i.test(feed.generator)) return new FeedSource(feed, 'wordpress', [], {http, fetchedUrl, fromCache, storedPosts});
	if (feed.format === 'json' || feed.items.length === 0) return new FeedSource(feed, 'held', [], {http, fetchedUrl, fromCache, storedPosts});
	return new FeedSource(feed, 'held', [], {http, mayPage: true, fetchedUrl, fromCache, storedPosts});
}

export type FeedSourceOptions = {
	/** How it asks the blog. */
	readonly http: HttpClient;
	/** Held so far, but it may page like WordPress: `?paged=2` is asked when more is needed. */
	readonly mayPage?: boolean;
	/** The address the user's site led to (see the constructor). */
	readonly fetchedUrl?: string;
	/** The page and feed it was opened from are the copies kept on disk. */
	readonly fromCache?: boolean;
	/**
	 * The posts the store keeps of this blog (a followed blog's, read by refreshes long after they left the
	 * feed): a search covers them too, not only the items the feed holds now (issue 19).
	 */
	readonly storedPosts?: StoredPostsOfSite;
};

/** A blog read through its RSS, Atom or JSON feed. */
export class FeedSource implements BlogSource {
	readonly description: string;
	readonly site: SiteInfo;
	readonly fromCache: boolean;
	readonly #http: HttpClient;
	readonly #storedPosts: StoredPostsOfSite | undefined;
	#paging: FeedPaging;
	/** Held so far, but it may page like WordPress: `?paged=2` is asked when more is needed. */
	#mayPage: boolean;
	#probing: Promise<void> | undefined;
	readonly #feedUrl: string;
	readonly #items: FeedItem[] = [];
	readonly #texts = new WeakMap<FeedItem, string>();
	readonly #ids = new Set<string>();
	/** Posts found on their own (WordPress's single-post feed) before the list reached them. */
	readonly #foundAlone = new Map<string, FeedItem>();
	#ended: boolean;
	/**
	 * Why the list ends where it does only because blogterm read no further: the feed went on past
	 * `maxFeedPages`, or a feed page held more items than blogterm reads of one (said under the list's end).
	 */
	#cutShort: string | undefined;
	#feedPagesRead = 1;
	/** The items of the last feed page read: a page that brings them back is the end. */
	#lastPage: readonly FeedItem[];
	/** The feed's first page: how many items a WordPress feed page holds (posts_per_rss). */
	#firstPage: readonly FeedItem[];
	/** Feed pages read ahead (page N of the list asked for at once), by number; undefined for past the end. */
	readonly #aheadPages = new Map<number, Promise<ParsedFeed | undefined>>();
	#loading: Promise<void> | undefined;
	/** What each post's page says (its comment form, its comments' nesting), by link: read once. */
	readonly #pages = new Map<string, Promise<PostPageRead>>();
	/** Set when a feed page came from the on-disk cache (the blog could not be reached): when it was saved. */
	#offlineSavedAt: string | undefined;
	/**
	 * What each feed page read left out (see ParsedFeed.notes), and where in the list that page's items
	 * begin: a note goes with the list page that holds that place, so that `--all` says it once.
	 */
	readonly #notes: Array<{readonly at: number; readonly note: string}> = [];

	/**
	 * `fetchedUrl` is the address the user's site led to (the page naming the feed, or the feed): the
	 * site's key comes from it, never from the home page the feed claims, so that a feed claiming
	 * another blog's home gets none of that blog's drafts or read state. The feed's own URL by default.
	 */
	constructor(feed: ParsedFeed, paging: FeedPaging, laterPages: readonly ParsedFeed[], options: FeedSourceOptions) {
		this.description = descriptions[feed.format];
		this.#http = options.http;
		this.#storedPosts = options.storedPosts;
		this.fromCache = options.fromCache ?? false;
		this.#paging = paging;
		this.#mayPage = paging === 'held' && Boolean(options.mayPage);
		this.#feedUrl = feed.feedUrl;
		this.site = {
			name: feed.title || cleanLine(hostOf(feed.link)),
			description: feed.description,
			url: feed.link,
			key: siteKey(options.fetchedUrl ?? feed.feedUrl),
		};
		this.#ended = paging === 'held';
		this.#offlineSavedAt = feed.offlineSavedAt;
		this.#addPage(feed, paging === 'held' ? newestFirst(feed.items) : feed.items);
		this.#lastPage = feed.items;
		this.#firstPage = feed.items;
		for (const page of laterPages) {
			this.#offlineSavedAt ??= page.offlineSavedAt;
			this.#feedPagesRead++;
			if (this.#isRepeat(page) || this.#addPage(page) === 0) this.#ended = true;
		}
	}

	get paging(): FeedPaging {
		return this.#paging;
	}

	/** The feed it reads (after redirects): what a followed blog is refreshed from. */
	get feedUrl(): string {
		return this.#feedUrl;
	}

	async fetchPostPage(page: number, perPage: number, options: ListOptions = {}): Promise<PostPage> {
		const size = Math.max(1, Math.floor(perPage));
		const number = Math.max(1, Math.floor(page));
		if (options.filter) return this.#filteredPage(options.filter, number, size, options);
		const ahead = await this.#pageAhead(number, size, options);
		if (ahead) return ahead;
		// One more than the page holds, so that a next page is known to exist.
		await this.#loadUntil(number * size + 1, options);
		const total = this.#items.length;
		const notes = this.#notesBetween((number - 1) * size, number * size);
		// The list's end, where blogterm stopped reading a feed that went on.
		const cutHere = this.#cutShort !== undefined && number * size >= total;
		return {
			page: number,
			perPage: size,
			total,
			totalPages: Math.ceil(total / size),
			// A feed paged with ?paged=N tells no total: until its end is reached, it is "at least".
			totalIsExact: this.#ended && this.#cutShort === undefined,
			posts: this.#items.slice((number - 1) * size, number * size).map(item => (options.withContent ? this.#withContent(item) : toSummary(item))),
			...(notes.length > 0 ? {notes} : {}),
			...(cutHere ? {endsEarly: this.#cutShort} : {}),
			...this.#offline(),
		};
	}

	/**
	 * Page N of the list, far past what is held, from the feed pages that hold it (WordPress pages its feed
	 * in pages of equal size: ?paged=N), without reading every page before it: page 100 of an archive costs
	 * two requests, not a hundred. Undefined when the list must be read from the start (a feed that does not
	 * page, a page within reach, a server that sends its first page for every ?paged=).
	 */
	async #pageAhead(number: number, size: number, options: ListOptions): Promise<PostPage | undefined> {
		const perFeedPage = this.#firstPage.length;
		const start = (number - 1) * size;
		if (this.#paging !== 'wordpress' || this.#ended || perFeedPage === 0 || start <= this.#items.length) return undefined;
		const firstFeedPage = Math.floor(start / perFeedPage) + 1;
		// One item past the page, so that a next page is known to exist.
		const lastFeedPage = Math.floor((start + size) / perFeedPage) + 1;
		if (lastFeedPage > maxFeedPages) return undefined;
		const items: FeedItem[] = [];
		const notes: string[] = [];
		let endSeen = false;
		for (let feedPage = firstFeedPage; feedPage <= lastFeedPage; feedPage++) {
			let read = this.#aheadPages.get(feedPage);
			if (!read) {
				read = fetchFeedPage(this.#http, this.#feedUrl, feedPage, options);
				this.#aheadPages.set(feedPage, read);
				// A failure is not kept: the next call asks again.
				read.catch(() => this.#aheadPages.delete(feedPage));
			}
			const feed = await read;
			if (feed && sameItems(feed.items, this.#firstPage)) return undefined;
			if (!feed || feed.items.length === 0) {
				endSeen = true;
				break;
			}
			this.#offlineSavedAt ??= feed.offlineSavedAt;
			for (const item of feed.items) items.push(item);
			for (const note of feed.notes ?? []) notes.push(note);
			if (feed.items.length < perFeedPage) {
				endSeen = true;
				break;
			}
		}
		const offset = start - ((firstFeedPage - 1) * perFeedPage);
		// Past the end: how far the feed goes is not known from here; the list is read as before.
		if (items.length <= offset) return undefined;
		const posts = items.slice(offset, offset + size);
		const seen = ((firstFeedPage - 1) * perFeedPage) + items.length;
		const total = Math.max(seen, start + posts.length);
		return {
			page: number,
			perPage: size,
			total,
			totalPages: endSeen ? Math.ceil(total / size) : number + 1,
			// Counted from equal pages before it, not read: "at least" until the end was seen.
			totalIsExact: endSeen,
			posts: posts.map(item => (options.withContent ? this.#withContent(item) : toSummary(item))),
			...(notes.length > 0 ? {notes} : {}),
			...this.#offline(),
		};
	}

	/** A search, a category, a tag or an author over the items the feed holds (up to `maxFilteredItems` of them), WordPress's way. */
	async #filteredPage(filter: PostFilter, number: number, size: number, options: FetchOptions): Promise<PostPage> {
		await this.#loadUntil(maxFilteredItems, options);
		const matches = postMatcher(filter);
		const picked = this.#items.slice(0, maxFilteredItems).map(item => ({item, summary: toSummary(item)}))
			.filter(({item, summary}) => matches(summary, filter.kind === 'search' ? this.#plainText(item) : ''))
			.map(({summary}) => summary);
		const found = filter.kind === 'search' ? this.#withStoredMatches(picked, matches) : picked;
		// What the feed left out could have matched: said with the first page.
		const notes = number === 1 ? this.#notes.map(({note}) => note) : [];
		return {
			page: number,
			perPage: size,
			total: found.length,
			totalPages: Math.ceil(found.length / size),
			posts: found.slice((number - 1) * size, number * size),
			...(notes.length > 0 ? {notes} : {}),
			...this.#offline(),
		};
	}

	/** A search's finds in the feed, and the stored posts it finds that the feed no longer holds, newest first. */
	#withStoredMatches(picked: PostSummary[], matches: (post: PostSummary, text: string) => boolean): PostSummary[] {
		const stored = this.#storedPosts?.(this.site.key) ?? [];
		const inFeed = new Set(this.#items.map(item => String(item.id)));
		const more: PostSummary[] = [];
		for (const {text, ...post} of stored) {
			if (!inFeed.has(String(post.id)) && matches(post, text)) more.push(post);
		}
		if (more.length === 0) return picked;
		const time = (post: PostSummary) => (post.date === undefined ? Number.NEGATIVE_INFINITY : Date.parse(post.date) || Number.NEGATIVE_INFINITY);
		// Stable: posts of the same time keep the feed's order.
		return [...picked, ...more].sort((a, b) => time(b) - time(a));
	}

	/** An item as a post from what the feed holds, without reading its page (comments are not known open). */
	#withContent(item: FeedItem): Post {
		return {...toSummary(item), html: item.html, isSummaryOnly: item.isSummaryOnly, commentsOpen: false, ...this.#offline()};
	}

	async fetchTerms(taxonomy: 'category' | 'tag', options: FetchOptions = {}): Promise<TermCount[]> {
		await this.#loadUntil(maxFilteredItems, options);
		return countTerms(this.#items.slice(0, maxFilteredItems).map(item => toSummary(item)), taxonomy);
	}

	async findAuthor(name: string, options: FetchOptions = {}): Promise<AuthorFilter | undefined> {
		await this.#loadUntil(maxFilteredItems, options);
		const wanted = name.trim().toLowerCase();
		const item = this.#items.slice(0, maxFilteredItems).find(found => found.author.toLowerCase() === wanted || slugOf(found.author) === wanted);
		return item ? {kind: 'author', id: item.author, name: item.author} : undefined;
	}

	/** An item's text, for a search: made once per item. */
	#plainText(item: FeedItem): string {
		let text = this.#texts.get(item);
		if (text === undefined) {
			text = htmlToPlainText(item.html);
			this.#texts.set(item, text);
		}
		return text;
	}

	async fetchPost(ref: PostRef, options: FetchOptions = {}): Promise<Post> {
		const item = await this.#find(ref, options);
		if (!item) throw new BlogError('not-found', `${this.site.name} has no post ${describeRef(ref)} in its feed.`);
		const page = await this.#postPage(item.link, options);
		return {
			...toSummary(item),
			html: item.html,
			isSummaryOnly: item.isSummaryOnly,
			...(item.attachments.length > 0 ? {attachments: item.attachments} : {}),
			commentsOpen: page?.facts?.commentForm !== undefined,
			...this.#offline(),
			...(page?.fromCache ? {fromCache: true as const} : {}),
		};
	}

	async fetchNeighbours(post: Post, options: FetchOptions = {}): Promise<PostNeighbours> {
		let index = this.#indexOf(post.id);
		// A post found on its own lies further down the list: read on (a little) to place it.
		while (index === -1 && this.#foundAlone.has(String(post.id)) && !this.#ended && this.#feedPagesRead < maxNeighbourSearchPages) {
			await this.#loadUntil(this.#items.length + 1, options);
			index = this.#indexOf(post.id);
		}
		if (index === -1) return {previous: undefined, next: undefined};
		await this.#loadUntil(index + 2, options);
		return {previous: toLink(this.#items[index + 1]), next: toLink(this.#items[index - 1])};
	}

	async fetchComments(post: Post, options: FetchOptions = {}): Promise<CommentsRead> {
		const item = this.#items[this.#indexOf(post.id)] ?? this.#foundAlone.get(String(post.id));
		if (!item?.commentFeedUrl) return {comments: []};
		const response = await this.#http.getBytes(item.commentFeedUrl, {signal: options.signal, cache: true, cacheFirst: options.cacheFirst});
		// A post without comments may have no comment feed at all.
		if (response.statusCode === 404 || response.statusCode === 410) return {comments: []};
		if (response.statusCode >= 400) {
			throw new BlogError('http', `${cleanLine(hostOf(response.url))} answered ${response.statusCode} for the comments of “${post.title}”.`, {statusCode: response.statusCode});
		}
		const page = await this.#postPage(post.link, options);
		const feed = readFeedResponse(response);
		const comments = toComments(feed.items, page?.facts?.commentParents ?? new Map());
		return feed.cut ? {comments, endsEarly: feedCutNote(hostOf(response.url), feed.cut, 'comments')} : {comments};
	}

	fetchRelated(post: Post, limit: number, _options: FetchOptions = {}): Promise<RelatedPost[]> {
		// Ranked from the items already read: nothing to wait for (a throw still ends as a rejection).
		return new Promise(resolve => {
			const candidates: RankablePost[] = this.#items.map(item => ({...toSummary(item), html: item.html}));
			resolve(rankRelatedPosts(post, candidates, limit));
		});
	}

	async canComment(post: Post): Promise<boolean> {
		return (await this.#commentForm(post.link, {}).catch(() => undefined)) !== undefined;
	}

	async checkHeldComment(post: Post, sent: SentComment, options: FetchOptions = {}): Promise<HeldCommentState> {
		return checkHeldComment(this.#http, sent, post.link, options);
	}

	async submitComment(post: Post, draft: CommentDraft): Promise<CommentOutcome> {
		const form = await this.#commentForm(post.link, {}).catch(() => undefined);
		if (!form) {
			return {kind: 'refused', reason: 'closed', message: 'This post’s page has no comment form blogterm can send to; open it in the browser to comment.'};
		}
		return sendComment(this.#http, {postId: form.postId, formActionUrl: form.formActionUrl}, draft);
	}

	/** The notes of the places from `start` to before `end`; a place past the last item (a feed page that brought nothing new) is the last item's. */
	#notesBetween(start: number, end: number): string[] {
		const last = Math.max(0, this.#items.length - 1);
		return this.#notes.filter(({at}) => Math.min(at, last) >= start && Math.min(at, last) < end).map(({note}) => note);
	}

	/** Adds a feed page's items (`items`, when sorted) and what it left out; returns how many items were new. */
	#addPage(page: ParsedFeed, items: readonly FeedItem[] = page.items): number {
		const at = this.#items.length;
		for (const note of page.notes ?? []) this.#notes.push({at, note});
		const added = this.#add(items);
		// A feed page longer than blogterm reads of one: the list ends with it (what comes after would leave a
		// gap), and says why where it ends.
		if (page.cut) {
			this.#cutShort ??= feedCutNote(hostOf(page.feedUrl), page.cut, 'posts');
			this.#ended = true;
		}
		return added;
	}

	/** Adds items not seen yet; returns how many were new. */
	#add(items: readonly FeedItem[]): number {
		let added = 0;
		for (const item of items) {
			if (this.#ids.has(item.id)) continue;
			this.#ids.add(item.id);
			this.#items.push(item);
			added++;
		}
		return added;
	}

	/** Reads feed pages until `count` items are held or the feed ends. */
	async #loadUntil(count: number, options: FetchOptions): Promise<void> {
		// Showing what is at hand first (cacheFirst): the look at ?paged=2 waits for the refresh.
		// (Not past a cut: what ?paged=2 holds would follow a gap.)
		if (this.#mayPage && this.#cutShort === undefined && this.#items.length < count && !options.cacheFirst) await this.#probePaging(options);
		while (!this.#ended && this.#items.length < count) {
			if (!this.#loading) {
				this.#loading = this.#loadNextFeedPage(options).finally(() => {
					this.#loading = undefined;
				});
			}
			await this.#loading;
		}
	}

	/** Asks for `?paged=2` once: new items there mean the feed pages like WordPress's. A cancel leaves it to ask again. */
	async #probePaging(options: FetchOptions): Promise<void> {
		this.#probing ??= fetchFeedPage(this.#http, this.#feedUrl, 2, options).then(
			second => {
				this.#mayPage = false;
				if (!second || this.#isRepeat(second) || !second.items.some(item => !this.#ids.has(item.id))) return;
				this.#paging = 'wordpress';
				this.#feedPagesRead = 2;
				this.#offlineSavedAt ??= second.offlineSavedAt;
				this.#addPage(second);
				this.#ended = this.#cutShort !== undefined;
			},
			(error: unknown) => {
				if (isBlogError(error) && error.kind === 'cancelled') throw error;
				this.#mayPage = false;
			},
		).finally(() => {
			this.#probing = undefined;
		});
		await this.#probing;
	}

	async #loadNextFeedPage(options: FetchOptions): Promise<void> {
		if (this.#feedPagesRead >= maxFeedPages) {
			this.#ended = true;
			this.#cutShort = `blogterm reads ${maxFeedPages} pages of ${cleanLine(hostOf(this.#feedUrl))}'s feed and no more (it may go on): stopped there.`;
			return;
		}
		const page = await fetchFeedPage(this.#http, this.#feedUrl, this.#feedPagesRead + 1, options);
		this.#feedPagesRead++;
		this.#offlineSavedAt ??= page?.offlineSavedAt;
		// A page with nothing new is the end too: a server that ignores ?paged= sends page 1 again.
		if (!page || this.#isRepeat(page) || this.#addPage(page) === 0) this.#ended = true;
	}

	/** Whether a page brings back the same items as the page before it (and becomes the page before the next). */
	#isRepeat(page: ParsedFeed): boolean {
		const repeat = sameItems(page.items, this.#lastPage);
		this.#lastPage = page.items;
		return repeat;
	}

	async #find(ref: PostRef, options: FetchOptions): Promise<FeedItem | undefined> {
		const matches = itemMatcher(ref);
		const findHeld = () => this.#items.find(item => matches(item)) ?? [...this.#foundAlone.values()].find(item => matches(item));
		let held = findHeld();
		if (!held && this.#mayPage) {
			await this.#probePaging(options);
			held = findHeld();
		}
		if (held || this.paging !== 'wordpress') return held;
		// WordPress serves one post as a feed: one request instead of reading page after page,
		// and the only way to find a post by its numeric ID when its guid is its permalink.
		const alone = await this.#findAlone(ref, options);
		if (alone !== 'unknown') return alone;
		for (let index = this.#items.length; ; index++) {
			if (index >= this.#items.length) {
				if (this.#ended) return undefined;
				await this.#loadUntil(this.#items.length + 1, options);
				if (index >= this.#items.length) return undefined;
			}
			if (matches(this.#items[index]!)) return this.#items[index];
		}
	}

	/**
	 * Asks WordPress for the post on its own: `?p=ID`, `?name=SLUG` or the post's URL, with
	 * `feed=rss2&withoutcomments=1` (without it, a single post's feed is its comments).
	 * Undefined when WordPress says there is none; 'unknown' when the answer is not WordPress's.
	 */
	async #findAlone(ref: PostRef, options: FetchOptions): Promise<FeedItem | undefined | 'unknown'> {
		const url = singlePostFeedUrl(ref, this.site.url, this.#feedUrl);
		if (!url) return 'unknown';
		let items: readonly FeedItem[];
		try {
			const response = await this.#http.getBytes(url.toString(), {signal: options.signal, cache: true});
			if (response.statusCode === 404 && /xml|rss/i.test(header(response, 'content-type') ?? '')) return undefined;
			if (response.statusCode !== 200) return 'unknown';
			const feed = readFeedResponse(response);
			if (!/wordpress/i.test(feed.generator)) return 'unknown';
			items = feed.items;
		} catch (error) {
			if (isBlogError(error) && error.kind === 'cancelled') throw error;
			return 'unknown';
		}
		// One item is the post asked for; more means the query was not understood (the main feed came back).
		const item = items.length === 1 ? items[0]! : items.find(candidate => itemMatcher(ref)(candidate));
		if (!item) return 'unknown';
		const index = this.#indexOf(item.id);
		if (index !== -1) return this.#items[index];
		this.#foundAlone.set(item.id, item);
		return item;
	}

	#indexOf(id: number | string): number {
		return this.#items.findIndex(item => item.id === String(id));
	}

	/**
	 * What a post's page says, read once per link. A page that answers (with a form or without) is
	 * remembered; one that could not be reached is asked again next time. Rejects only when cancelled.
	 */
	async #postPage(link: string, options: FetchOptions): Promise<PostPageRead | undefined> {
		if (!/^https?:/i.test(link)) return undefined;
		let page = this.#pages.get(link);
		if (!page) {
			const read = this.#http.getText(link, {signal: options.signal, cache: true, cacheFirst: options.cacheFirst}).then(response => ({
				facts: response.statusCode === 200 ? readPostPage(response.body, response.url) : undefined,
				fromCache: Boolean(response.fromCache),
			}));
			page = read;
			this.#pages.set(link, read);
			// A copy from disk is for this once: the next look (the refresh) asks the blog.
			read.then(answer => {
				if (answer.fromCache && this.#pages.get(link) === read) this.#pages.delete(link);
			}, () => undefined);
		}
		try {
			return await page;
		} catch (error) {
			if (this.#pages.get(link) === page) this.#pages.delete(link);
			if (isBlogError(error) && error.kind === 'cancelled') throw error;
			return undefined;
		}
	}

	#offline(): {offlineSavedAt?: string} {
		return this.#offlineSavedAt === undefined ? {} : {offlineSavedAt: this.#offlineSavedAt};
	}

	async #commentForm(link: string, options: FetchOptions): Promise<WordPressCommentForm | undefined> {
		return (await this.#postPage(link, options))?.facts?.commentForm;
	}
}
