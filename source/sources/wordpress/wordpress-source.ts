import type {Comment, CommentsRead} from '../../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {PostPage} from '../../model/page.js';
import {isLocked, type Post, type PostId, type PostLink, type PostNeighbours, type PostRef, type PostSummary} from '../../model/post.js';
import type {RelatedPost} from '../../model/related.js';
import type {SiteInfo} from '../../model/site.js';
import type {SentComment} from '../../store/my-comments.js';
import {header, hostOf, parseJsonBody, type HttpClient, type HttpResponse} from '../../http/client.js';
import {cleanLine} from '../../render/sanitize.js';
import {checkHeldComment, type HeldCommentState} from '../../comments/held-comments.js';
import {fetchNotifyCheckbox, type NotifyCheckbox} from '../../comments/notify-checkbox.js';
import {credentialSitesFromSettings, credentialsForSite, sendComment} from '../../comments/send-comment.js';
import {rankRelatedPosts} from '../related/rank.js';
import {wrongPasswordMessage, type BlogSource, type FetchOptions, type FetchPostOptions, type ListOptions} from '../blog-source.js';
import type {AuthorFilter, PostFilter, TermCount} from '../post-filter.js';
import {boundedItems, firstItemsOfJsonArray, LeftOutItems, maxItemsPerAnswer, networkCount} from '../clean.js';
import {BlogError, isBlogError, RestClosedError} from '../../errors.js';
import {routeUrl, type ApiRoot, type QueryValue} from './api-root.js';
import {readJetpackRelated} from './jetpack-related.js';
import {commentFeedUrl, commentIdOf, countOf, feedPageSizeFrom, listFeedUrls, postFeedUrl, postsPerFeedPage, readBlogCounts, readFeed, type BlogCounts} from './blog-counts.js';
import {checkComment, checkPost, commentPostId, readError, readListed, renderedToLine, toComment, toPost, toPostLink, toPostSummary, type Checked, type WpPost} from './wp-json.js';
import {formatCount} from '../../render/format-count.js';

/** WordPress's own maximum for per_page. */
export const maxPerPage = 100;

const embed = 'author,wp:term';
const summaryFields = 'id,date,date_gmt,slug,link,title,excerpt,author,categories,tags,comment_status,sticky,_links,_embedded';
const postFields = `${summaryFields},modified,modified_gmt,content,status`;
const linkFields = 'id,title,link';
/** A post's comments are read this many pages at most (`maxPerPage` each: 5,000 comments); past them the thread says it ends early. */
export const maxCommentPages = 50;
/** Past this many pages of a list page's comments, each post is asked for its count instead. */
const maxCountPages = 10;
/** How many per-post count requests run at once. */
const countRequestsAtOnce = 6;
/** Posts of a list page its feed pages did not hold (sticky ones from further on) asked for one by one, up to this many. */
const maxPostFeeds = 3;

export type WordPressSourceOptions = {
	/** How it asks the blog. */
	readonly http: HttpClient;
	/** Where WordPress passwords are looked up (BLOGTERM_WP_*); process.env by default. */
	readonly environment?: NodeJS.ProcessEnv;
	/** The site as the user named it: the only one (with those in settings) a WordPress password goes to. */
	readonly namedSite?: string;
	/** What it was opened from (the home page, the REST index) is the copy kept on disk. */
	readonly fromCache?: boolean;
	/** With `fromCache`: when what it was opened from was found, or last confirmed by the blog (ms since 1970). */
	readonly discoveredAt?: number;
};

/** A fetch's options, or only what is kept on disk, never asking the blog (`keptPost`). */
type KeptOrFetchOptions = FetchOptions & {readonly keptOnly?: boolean};

/** A WordPress blog read through its REST API (`/wp-json/wp/v2/…` or `?rest_route=`). */
export class WordPressSource implements BlogSource {
	readonly description = 'WordPress REST API';
	readonly site: SiteInfo;
	readonly fromCache: boolean;
	/** With `fromCache`: when what it was opened from was found, or last confirmed by the blog (ms since 1970). */
	readonly discoveredAt: number | undefined;
	readonly #http: HttpClient;
	readonly #root: ApiRoot;
	/** The WordPress install's URL (site_url), where wp-comments-post.php lives. */
	readonly #installUrl: string;
	readonly #environment: NodeJS.ProcessEnv;
	/** The site as the user named it: the only one (with those in settings) a WordPress password goes to. */
	readonly #namedSite: string | undefined;
	/** How many posts the blog's feed pages hold: WordPress's default until its first page says otherwise. */
	#feedPageSize = postsPerFeedPage;

	constructor(root: ApiRoot, site: SiteInfo, installUrl: string, options: WordPressSourceOptions) {
		this.#http = options.http;
		this.fromCache = options.fromCache ?? false;
		this.discoveredAt = options.discoveredAt;
		this.#root = root;
		this.site = site;
		this.#installUrl = installUrl;
		this.#environment = options.environment ?? process.env;
		this.#namedSite = options.namedSite;
	}

	/** The REST root it reads (`…/wp-json/` or `…/?rest_route=/`): what a followed blog is refreshed from. */
	get apiRootUrl(): string {
		return this.#root.url;
	}

	async fetchPostPage(page: number, perPage: number, options: ListOptions = {}): Promise<PostPage> {
		const clampedPerPage = Math.max(1, Math.min(maxPerPage, Math.floor(perPage)));
		// An author known by name only (from a post's byline): WordPress lists by user ID.
		let wanted = options.filter;
		if (wanted?.kind === 'author' && wanted.id === undefined) {
			wanted = await this.findAuthor(wanted.name, options);
			if (!wanted) return {page, perPage: clampedPerPage, total: 0, totalPages: 0, posts: []};
		}
		const filter = filterParameters(wanted);
		// Only what was asked for goes in the query: the list the reader asks for stays the same request.
		const dates = {after: serverAfter(options.since), before: serverBefore(options.until)};
		const fields = options.withContent ? `${summaryFields},modified,modified_gmt,content` : summaryFields;
		// The first page of the whole list, as the blog's home page shows it: its sticky posts first (asked alongside).
		const withSticky = options.stickyFirst === true && page === 1 && wanted === undefined && options.since === undefined && options.until === undefined;
		// What is asked alongside the list is cancelled when the list fails, or is done without it (print mode waits for what runs on).
		const alongside = withOwnCancel(options);
		const stickyAnswer = withSticky ? this.#get('wp/v2/posts', {sticky: 'true', per_page: maxPerPage, _embed: embed, _fields: fields}, alongside.options).catch(() => undefined) : undefined;
		// The blog's own counts (pingbacks and trackbacks too) from its feed's pages, asked beside the list.
		const byDates = options.since !== undefined || options.until !== undefined;
		const feedUrls = byDates ? [] : listFeedUrls(this.site.url, page, clampedPerPage, wanted, this.#feedPageSize);
		const feedCounts = byDates ? undefined : readBlogCounts(this.#http, feedUrls, alongside.options);
		feedCounts?.catch(() => undefined);
		try {
			const response = await this.#get('wp/v2/posts', {page, per_page: clampedPerPage, ...dates, _embed: embed, _fields: fields, ...filter}, options);
			if (isPastTheEnd(response)) {
				// WordPress's 400 for a page past the end carries no totals: ask for them in the smallest way.
				const first = page > 1 ? await this.#get('wp/v2/posts', {page: 1, per_page: clampedPerPage, ...dates, _fields: 'id', ...filter}, options) : response;
				const total = networkCount(header(first, 'x-wp-total'));
				const kept = fromCache(response, first);
				if (total === undefined) return {page, perPage: clampedPerPage, total: 0, totalPages: 0, totalIsExact: false, posts: [], ...kept};
				return {page, perPage: clampedPerPage, total, totalPages: Math.ceil(total / clampedPerPage), posts: [], ...kept};
			}
			this.#ensureListed(response, 'the list of posts');
			const {items: listed, notes} = this.#checkedList(response, 'posts', checkPost);
			const sticky = await this.#stickyPosts(stickyAnswer);
			const stickyIds = new Set(sticky.items.map(post => String(post.id)));
			// Each once: a sticky post on this page moves to the top, as WordPress's home page moves it.
			const posts = [...sticky.items, ...listed.filter(post => !stickyIds.has(String(post.id)))];
			const totals = pageTotals(response, page, clampedPerPage, posts.length);
			const feed = feedCounts && {counts: feedCounts, urls: feedUrls, again: (size: number) => listFeedUrls(this.site.url, page, clampedPerPage, wanted, size), total: totals.total};
			const {counts, answers: countsAnswers} = await this.#listCounts(posts, feed, options);
			return {
				page,
				perPage: clampedPerPage,
				...totals,
				posts: posts.map(post => (options.withContent ? toPost(post, counts.get(post.id)) : toPostSummary(post, counts.get(post.id)))),
				...(notes.length > 0 ? {notes} : {}),
				...offline(response),
				...fromCache(response, ...countsAnswers, sticky.answer),
			};
		} finally {
			alongside.cancel();
		}
	}

	/**
	 * A list page's counts as the blog counts (pingbacks and trackbacks too): from its feed's pages, a post
	 * they did not hold from a feed of its own (a few), else from the REST API (its comments only).
	 */
	async #listCounts(posts: readonly WpPost[], feed: ListFeed | undefined, options: FetchOptions): Promise<{counts: Map<PostId, number>; answers: Array<HttpResponse | undefined>}> {
		const counts = new Map<PostId, number>();
		const answers: Array<HttpResponse | undefined> = [];
		const take = (found: BlogCounts) => {
			answers.push(...found.answers);
			for (const post of posts) {
				const count = countOf(found, post);
				if (count !== undefined && !counts.has(post.id)) counts.set(post.id, count);
			}
		};
		if (feed) {
			const found = await feed.counts;
			take(found);
			// The blog's feed pages hold another number of posts than was assumed (its posts_per_rss): learnt
			// from its first page, and the pages that hold this list page asked for again.
			const learnt = /[?&]paged=/.test(feed.urls[0] ?? '?paged=') ? undefined : feedPageSizeFrom(found.sizes[0], feed.total, this.#feedPageSize);
			if (learnt !== undefined) {
				this.#feedPageSize = learnt;
				const urls = feed.again(learnt).filter(url => !feed.urls.includes(url));
				if (posts.some(post => !counts.has(post.id)) && urls.length > 0) take(await readBlogCounts(this.#http, urls, options));
			}
		}
		let missing = posts.filter(post => !counts.has(post.id));
		if (feed && missing.length > 0 && missing.length <= maxPostFeeds) {
			take(await readBlogCounts(this.#http, missing.map(post => postFeedUrl(this.site.url, post.id)), options));
			missing = missing.filter(post => !counts.has(post.id));
		}
		// WordPress refuses (401) to list comments of a password-protected post, and with it the whole batch.
		const rest = await this.#commentCounts(missing.filter(post => !post.excerpt?.protected).map(post => post.id), options);
		for (const [id, count] of rest.counts) counts.set(id, count);
		answers.push(rest.answer);
		return {counts, answers};
	}

	/** One post's count as the blog counts it, from a feed of the post alone; else from the REST API (its comments only). */
	async #postCount(id: PostId, options: FetchOptions, password: string | undefined): Promise<{counts: Map<PostId, number>; answer?: HttpResponse}> {
		const fromFeed = await readBlogCounts(this.#http, [postFeedUrl(this.site.url, id)], options);
		// A feed of the post alone: its one item is the post, whatever its guid says.
		const count = fromFeed.items === 1 ? fromFeed.counts.values().next().value : undefined;
		if (count !== undefined) return {counts: new Map([[id, count]]), answer: fromFeed.answers[0]};
		return this.#commentCounts([id], options, password);
	}

	/** The sticky posts asked for alongside the first page; none when the blog could not say (an old WordPress refuses `sticky=`). */
	async #stickyPosts(answer: Promise<HttpResponse | undefined> | undefined): Promise<{items: WpPost[]; answer?: HttpResponse}> {
		const response = await answer;
		if (!response || response.statusCode !== 200) return {items: []};
		try {
			// Only posts WordPress says are sticky: a server that ignores the parameter sends its whole list.
			return {items: this.#checkedList(response, 'posts', checkPost).items.filter(post => post.sticky === true), answer: response};
		} catch {
			return {items: []};
		}
	}

	async fetchTerms(taxonomy: 'category' | 'tag', options: FetchOptions = {}): Promise<TermCount[]> {
		const route = taxonomy === 'category' ? 'wp/v2/categories' : 'wp/v2/tags';
		const response = await this.#get(route, {orderby: 'count', order: 'desc', per_page: maxPerPage, _fields: 'id,name,slug,count'}, options);
		this.#ensureOk(response, taxonomy === 'category' ? 'the list of categories' : 'the list of tags');
		return this.#list(response, taxonomy === 'category' ? 'the list of categories' : 'the list of tags')
			.flatMap(value => {
				const term = readListed(value);
				return term ? [{...term, taxonomy}] : [];
			})
			// As asked; again here, for a server that did not sort them.
			.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
	}

	async findAuthor(name: string, options: FetchOptions = {}): Promise<AuthorFilter | undefined> {
		// To a visitor WordPress lists the authors of published posts: few; found here by name or slug.
		const response = await this.#get('wp/v2/users', {per_page: maxPerPage, _fields: 'id,name,slug'}, options);
		this.#ensureOk(response, 'the list of authors');
		const users = this.#list(response, 'the list of authors').flatMap(value => {
			const user = readListed(value);
			return user ? [user] : [];
		});
		const wanted = name.trim().toLowerCase();
		const user = users.find(found => found.slug.toLowerCase() === wanted) ?? users.find(found => found.name.toLowerCase() === wanted);
		return user ? {kind: 'author', id: user.id, name: user.name} : undefined;
	}

	async fetchPost(ref: PostRef, options: FetchPostOptions = {}): Promise<Post> {
		const {password} = options;
		// With an ID, the comment count need not wait for the post.
		const counted = options.withCommentCount !== false;
		const alongside = withOwnCancel(options);
		const early = counted && ref.kind === 'id' && /^\d+$/.test(String(ref.id)) ? this.#postCount(Number(ref.id), alongside.options, password) : undefined;
		// When finding the post fails first (Esc), the count's own rejection must not go unhandled: Node would exit.
		early?.catch(() => undefined);
		let found: WpPost;
		let response: HttpResponse;
		try {
			({found, response} = await this.#findPost(ref, options, password));
		} catch (error) {
			// No post, no count: not left to run on (print mode waits for what is under way before it ends).
			alongside.cancel();
			throw error;
		}
		// Found by slug or URL, a protected post is asked for again by ID with its password (WordPress checks it there).
		if (password !== undefined && ref.kind !== 'id' && found.content?.protected) ({found, response} = await this.#postById(found.id, options, password));
		const {counts, answer: countsAnswer} = counted
			? await (early ?? this.#postCount(found.id, options, found.content?.protected ? password : undefined))
			: {counts: new Map<PostId, number>(), answer: undefined};
		return {...toPost(found, counts.get(found.id), password), ...offline(response), ...fromCache(response, countsAnswer)};
	}

	async keptPost(ref: PostRef): Promise<Post | undefined> {
		try {
			const {found, response} = await this.#findPost(ref, {keptOnly: true});
			return {...toPost(found, undefined), ...fromCache(response)};
		} catch {
			return undefined;
		}
	}

	async fetchNeighbours(post: Post, options: FetchOptions = {}): Promise<PostNeighbours> {
		if (!post.date) return {previous: undefined, next: undefined};
		const [previous, next] = await Promise.all([
			this.#neighbour(post, 'before', options),
			this.#neighbour(post, 'after', options),
		]);
		return {previous, next};
	}

	async fetchComments(post: Post, options: FetchOptions = {}): Promise<CommentsRead> {
		// WordPress answers 401 for the comments of a protected post asked without its password.
		if (isLocked(post)) throw new BlogError('http', 'This post is password protected: its comments show once its password is given.', {statusCode: 401});
		const comments: Comment[] = [];
		/** How many comments the blog sent (those that could not be read included), and what its last page claimed. */
		let sent = 0;
		let last: {readonly response: HttpResponse; readonly totalPages: number} | undefined;
		for (let page = 1; page <= maxCommentPages; page++) {
			const response = await this.#get('wp/v2/comments', {post: post.id, order: 'asc', orderby: 'date_gmt', per_page: maxPerPage, page, password: post.password}, options);
			if (isPastTheEnd(response)) break;
			this.#ensureOk(response, 'the comments');
			const batch = this.#boundedList(response, 'the comments');
			if (batch.values.length === 0) break;
			sent += batch.values.length;
			// One comment that cannot be read is left out; the thread shows the rest. No spread: the batch's length is the server's.
			for (const comment of this.#checkedList(response, 'comments', checkComment, batch).items) comments.push(toComment(comment));
			const totalPages = networkCount(header(response, 'x-wp-totalpages')) ?? 1;
			last = {response, totalPages};
			if (page >= totalPages) break;
		}
		// The blog claims more pages than blogterm reads: the thread is its first comments, and says so.
		const endsEarly = last !== undefined && last.totalPages > maxCommentPages ? commentsCutNote(last.response, sent) : undefined;
		const pings = await this.#pings(post, comments, options);
		const time = (comment: Comment) => (comment.date === undefined ? 0 : Date.parse(comment.date) || 0);
		const thread = pings.length === 0 ? comments : [...comments, ...pings].sort((a, b) => time(a) - time(b));
		return endsEarly === undefined ? {comments: thread} : {comments: thread, endsEarly};
	}

	/**
	 * The post's pingbacks and trackbacks, which WordPress's REST API does not list to a visitor: asked only
	 * when the blog counts more than the comments listed. Its comment feed holds its newest entries, pings
	 * among them; each one the REST list left out is read by its ID (`wp/v2/comments/N` shows a visitor any
	 * approved one, with its type and its link). One that cannot be read is left out.
	 */
	async #pings(post: Post, listed: readonly Comment[], options: FetchOptions): Promise<Comment[]> {
		if (post.commentCount === undefined || post.commentCount <= listed.length) return [];
		const feed = await readFeed(this.#http, commentFeedUrl(this.site.url, post.id), options);
		if (!feed) return [];
		const known = new Set(listed.map(comment => String(comment.id)));
		const ids = [...new Set(feed.items.map(item => commentIdOf(item)))].filter((id): id is string => id !== undefined && !known.has(id));
		const found = await Promise.all(ids.slice(0, maxPerPage).map(async id => {
			try {
				const response = await this.#get(`wp/v2/comments/${id}`, {password: post.password}, options);
				if (response.statusCode !== 200) return undefined;
				const checked = checkComment(parseJsonBody<unknown>(response));
				if (!checked.ok || String(checked.value.post) !== String(post.id)) return undefined;
				const comment = toComment(checked.value);
				return comment.type === undefined ? undefined : comment;
			} catch (error) {
				if (isBlogError(error) && error.kind === 'cancelled') throw error;
				return undefined;
			}
		}));
		return found.filter(comment => comment !== undefined);
	}

	async fetchRelated(post: Post, limit: number, options: FetchOptions = {}): Promise<RelatedPost[]> {
		// Jetpack's field, its endpoint and the posts that share terms are asked at once (one round trip,
		// not three in a row); what is not needed is cancelled as soon as an answer makes it so.
		const spare = new AbortController();
		const cancelSpare = () => spare.abort();
		options.signal?.addEventListener('abort', cancelSpare, {once: true});
		const spareOptions = {...options, signal: spare.signal};
		try {
			const candidates = this.#relatedCandidates(post, spareOptions);
			// Not awaited when Jetpack answers: its rejection (a cancel) must not go unhandled.
			candidates.catch(() => undefined);
			const fromJetpack = await this.#jetpackRelated(post, options, spareOptions);
			if (fromJetpack) {
				spare.abort();
				return fromJetpack.filter(related => String(related.id) !== String(post.id)).slice(0, limit);
			}
			const found = await candidates;
			return found ? rankRelatedPosts(post, found, limit) : [];
		} finally {
			// What was asked at once is not left to run on when Jetpack's answer failed (print mode waits for it).
			spare.abort();
			options.signal?.removeEventListener('abort', cancelSpare);
		}
	}

	/** The posts that share a category or tag with `post` (undefined when it has none), for ranking. */
	async #relatedCandidates(post: Post, options: FetchOptions): Promise<PostSummary[] | undefined> {
		const categoryIds = post.categories.map(term => term.id);
		const tagIds = post.tags.map(term => term.id);
		if (categoryIds.length === 0 && tagIds.length === 0) return undefined;
		const response = await this.#get('wp/v2/posts', {
			categories: categoryIds.length > 0 ? categoryIds.map(String) : undefined,
			tags: tagIds.length > 0 ? tagIds.map(String) : undefined,
			tax_relation: categoryIds.length > 0 && tagIds.length > 0 ? 'OR' : undefined,
			exclude: post.id,
			per_page: 50,
			status: 'publish',
			_embed: embed,
			_fields: summaryFields,
		}, options);
		this.#ensureOk(response, 'the related posts');
		return this.#checkedList(response, 'posts', checkPost).items.map(candidate => toPostSummary(candidate, undefined));
	}

	canComment(post: Post): boolean {
		// A password-protected post takes comments once unlocked: its password gets the cookie WordPress asks for (sendComment).
		return post.commentsOpen && !isLocked(post);
	}

	async checkHeldComment(post: Post, sent: SentComment, options: FetchOptions = {}): Promise<HeldCommentState> {
		return checkHeldComment(this.#http, sent, post.link, options);
	}

	async fetchReplies(parentIds: ReadonlyArray<number | string>, after: string | undefined, options: FetchOptions = {}): Promise<Comment[]> {
		const replies: Comment[] = [];
		// A long list of IDs is asked in parts, so that no URL grows past what servers take.
		for (let start = 0; start < parentIds.length; start += 50) {
			const parent = parentIds.slice(start, start + 50).map(String);
			const response = await this.#get('wp/v2/comments', {parent, after, order: 'desc', orderby: 'date_gmt', per_page: maxPerPage}, options);
			this.#ensureOk(response, 'the replies to your comments');
			const batch = this.#boundedList(response, 'the replies to your comments');
			for (const comment of this.#checkedList(response, 'comments', checkComment, batch).items) replies.push(toComment(comment));
		}
		return replies;
	}

	async findNotifyCheckbox(post: Post, options: FetchOptions = {}): Promise<NotifyCheckbox | undefined> {
		return fetchNotifyCheckbox(this.#http, post.link, options);
	}

	async submitComment(post: Post, draft: CommentDraft): Promise<CommentOutcome> {
		return sendComment(this.#http, {
			postId: post.id,
			formActionUrl: new URL('wp-comments-post.php', withTrailingSlash(this.#installUrl)).toString(),
			restCommentsUrl: routeUrl(this.#root, 'wp/v2/comments'),
			credentials: this.#namedSite === undefined ? undefined : credentialsForSite(this.#namedSite, this.#environment, credentialSitesFromSettings(this.#environment)),
			...(post.isProtected && post.password !== undefined ? {postPassword: post.password} : {}),
		}, draft);
	}

	async #findPost(ref: PostRef, options: KeptOrFetchOptions, password?: string): Promise<FoundPost> {
		if (ref.kind === 'id') return this.#postById(ref.id, options, password);
		if (ref.kind === 'slug') return this.#postBySlug(ref.slug, options);
		const url = new URL(ref.url);
		// A post's URL names its site: on another host, a slug that happens to match here is not that post.
		if (!this.#isOwnHost(url)) throw new BlogError('not-found', `${cleanLine(ref.url)} is on another site (${cleanLine(url.host)}), not on ${cleanLine(hostOf(this.site.url))}.`, {statusCode: 404});
		const idParameter = url.searchParams.get('p') ?? url.searchParams.get('page_id');
		if (idParameter && /^\d+$/.test(idParameter)) return this.#postById(Number(idParameter), options);
		const slug = url.pathname.split('/').filter(Boolean).pop();
		if (!slug) throw this.#notFound(`at ${cleanLine(ref.url)}`);
		return this.#postBySlug(decodeURIComponent(slug), options);
	}

	/** Whether a URL is on this blog's host: its own, its REST API's, or the one it was opened at (www. or not). */
	#isOwnHost(url: URL): boolean {
		const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
		const own = [this.site.url, this.#root.url, this.#installUrl, this.#namedSite].flatMap(address => {
			if (!address || !URL.canParse(address)) return [];
			return [bare(new URL(address).hostname)];
		});
		return own.includes(bare(url.hostname));
	}

	async #postById(id: number | string, options: KeptOrFetchOptions, password?: string): Promise<FoundPost> {
		const response = await this.#get(`wp/v2/posts/${encodeURIComponent(String(id))}`, {_embed: embed, _fields: postFields, password}, options);
		if (restCode(response) === 'rest_post_incorrect_password') throw new BlogError('wrong-password', wrongPasswordMessage, {statusCode: response.statusCode});
		if (response.statusCode === 401 || response.statusCode === 403) {
			// A post a visitor may not read (a draft, a private post: core's rest_forbidden) is no such post to
			// them, unless visitors may read none: then the list is refused too, and the feed is asked instead.
			const list = await this.#get('wp/v2/posts', {per_page: 1, _fields: 'id'}, options);
			this.#ensureListed(list, 'the list of posts');
		}
		if (response.statusCode === 404 || response.statusCode === 401 || response.statusCode === 403) throw this.#notFound(`with ID ${cleanLine(String(id))}`);
		this.#ensureOk(response, `post ${cleanLine(String(id))}`);
		const checked = checkPost(this.#object(response, 'a post'));
		if (!checked.ok) throw this.#cannotRead(response, 'a post', checked.reason);
		return {found: checked.value, response};
	}

	async #postBySlug(slug: string, options: KeptOrFetchOptions): Promise<FoundPost> {
		const response = await this.#get('wp/v2/posts', {slug, _embed: embed, _fields: postFields}, options);
		// A slug is looked up in the list (a private post is not in it: an empty list, never a 401).
		this.#ensureListed(response, `the post “${cleanLine(slug)}”`);
		const [first] = this.#list(response, 'a list of posts');
		if (first === undefined) throw this.#notFound(`called “${cleanLine(slug)}”`);
		const checked = checkPost(first);
		if (!checked.ok) throw this.#cannotRead(response, 'a post', checked.reason);
		const found = checked.value;
		return {found, response};
	}

	async #neighbour(post: Post, direction: 'before' | 'after', options: FetchOptions): Promise<PostLink | undefined> {
		const response = await this.#get('wp/v2/posts', {
			[direction]: post.date,
			exclude: post.id,
			per_page: 1,
			orderby: 'date',
			order: direction === 'before' ? 'desc' : 'asc',
			_fields: linkFields,
		}, options);
		this.#ensureOk(response, 'the neighbouring posts');
		const [first] = this.#checkedList(response, 'posts', checkPost).items;
		return first ? toPostLink(first) : undefined;
	}

	/**
	 * Comment counts for a page of posts (REST posts carry no count), with the answer they came from (when
	 * one came). One request when the page's posts hold at most 100 comments between them; past that, the
	 * cheaper of paging through their comments or asking each post for its `X-WP-Total`. Unknown counts are
	 * left out.
	 */
	async #commentCounts(postIds: readonly PostId[], options: FetchOptions, password?: string): Promise<{counts: Map<PostId, number>; answer?: HttpResponse}> {
		const counts = new Map<PostId, number>();
		if (postIds.length === 0) return {counts};
		let answer: HttpResponse | undefined;
		try {
			if (postIds.length === 1) {
				answer = await this.#get('wp/v2/comments', {post: postIds[0], per_page: 1, _fields: 'id', password}, options);
				const total = networkCount(header(answer, 'x-wp-total'));
				if (answer.statusCode === 200 && total !== undefined) counts.set(postIds[0]!, total);
				return {counts, answer};
			}
			answer = await this.#get('wp/v2/comments', {post: postIds, per_page: maxPerPage, _fields: 'post'}, options);
			if (answer.statusCode !== 200) return {counts, answer};
			const totalPages = networkCount(header(answer, 'x-wp-totalpages'));
			if (totalPages === undefined || totalPages > maxCountPages || totalPages - 1 > postIds.length) {
				// Many comments (or a count that is no number): each post's own total costs fewer requests.
				return {counts: await this.#countsPerPost(postIds, options), answer};
			}
			const pages = [answer];
			for (let page = 2; page <= totalPages; page++) {
				const next = await this.#get('wp/v2/comments', {post: postIds, per_page: maxPerPage, _fields: 'post', page}, options);
				if (next.statusCode !== 200) return {counts: await this.#countsPerPost(postIds, options), answer};
				pages.push(next);
			}
			// Only each comment's post was asked for (`_fields=post`): that is all there is to check.
			const postOf = pages.flatMap(page => this.#list(page, 'the comments').map(comment => commentPostId(comment)));
			if (postOf.includes(undefined)) return {counts, answer}; // Some could not be read: no count is better than a wrong one.
			for (const id of postIds) counts.set(id, 0);
			for (const id of postOf) {
				if (id !== undefined && counts.has(id)) counts.set(id, counts.get(id)! + 1);
			}
			return {counts, answer: pages.find(page => page.fromCache) ?? answer};
		} catch (error) {
			if ((error as BlogError).kind === 'cancelled') throw error;
		}
		return {counts, answer};
	}

	/** Each post's comment count from its own `X-WP-Total`, a few requests at a time; one that cannot be had is left out. */
	async #countsPerPost(postIds: readonly PostId[], options: FetchOptions): Promise<Map<PostId, number>> {
		const counts = new Map<PostId, number>();
		const queue = [...postIds];
		const worker = async () => {
			for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
				const response = await this.#get('wp/v2/comments', {post: id, per_page: 1, _fields: 'id'}, options);
				const total = networkCount(header(response, 'x-wp-total'));
				if (response.statusCode === 200 && total !== undefined) counts.set(id, total);
			}
		};
		await Promise.all(Array.from({length: Math.min(countRequestsAtOnce, postIds.length)}, worker));
		return counts;
	}

	/** Jetpack's related posts: its REST field, else its `?relatedposts=1` endpoint (asked at once, with `spareOptions`: cancelled when the field answers). */
	async #jetpackRelated(post: Post, options: FetchOptions, spareOptions: FetchOptions): Promise<RelatedPost[] | undefined> {
		const endpoint = this.#jetpackEndpoint(post, spareOptions);
		endpoint.catch(() => undefined);
		const fieldResponse = await this.#get(`wp/v2/posts/${encodeURIComponent(String(post.id))}`, {_fields: 'id,jetpack-related-posts'}, options);
		if (fieldResponse.statusCode === 200) {
			const body = parseJsonBody<unknown>(fieldResponse);
			const field = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)['jetpack-related-posts'] : undefined;
			const fromField = readJetpackRelated(field, this.site.url);
			if (fromField) return fromField;
		}
		// The caller's cancel (Esc) is the caller's; the spare one only comes after this answer is used.
		if (options.signal?.aborted) throw new BlogError('cancelled', 'Cancelled.');
		return endpoint;
	}

	async #jetpackEndpoint(post: Post, options: FetchOptions): Promise<RelatedPost[] | undefined> {
		let endpoint: URL;
		try {
			endpoint = new URL(post.link);
		} catch {
			return undefined;
		}
		if (!/^https?:$/.test(endpoint.protocol)) return undefined;
		endpoint.searchParams.set('relatedposts', '1');
		let endpointResponse: HttpResponse;
		try {
			endpointResponse = await this.#http.getText(endpoint.toString(), {signal: options.signal, headers: {accept: 'application/json'}, cache: true, cacheFirst: options.cacheFirst});
		} catch (error) {
			// Jetpack's endpoint only adds to what the REST API gives: a post page that cannot be reached
			// (another host, down, too slow) means ranking by terms, not failing.
			if (isBlogError(error) && error.kind === 'cancelled') throw error;
			return undefined;
		}
		if (endpointResponse.statusCode !== 200) return undefined;
		try {
			const body = JSON.parse(endpointResponse.body) as {items?: unknown};
			return readJetpackRelated(body.items, this.site.url);
		} catch {
			return undefined; // An HTML page: the site has no Jetpack related posts.
		}
	}

	async #get(route: string, query: Record<string, QueryValue>, options: KeptOrFetchOptions): Promise<HttpResponse> {
		// Every answer is kept: what was read once can be read again with no network. But one asked with a
		// post's password: the password is in its URL, and it is kept for the session only.
		const withPassword = query['password'] !== undefined;
		return this.#http.getText(routeUrl(this.#root, route, query), {signal: options.signal, headers: {accept: 'application/json'}, cache: !withPassword, cacheFirst: withPassword ? false : options.cacheFirst, keptOnly: options.keptOnly});
	}

	#ensureOk(response: HttpResponse, what: string): void {
		if (response.statusCode >= 200 && response.statusCode < 300) return;
		throw new BlogError('http', this.#refusal(response, what), {statusCode: response.statusCode});
	}

	/**
	 * `#ensureOk` for the posts route listing posts: a 401 or 403 there says visitors may not list them at
	 * all (RestClosedError), for openBlog to read the blog through its feed.
	 */
	#ensureListed(response: HttpResponse, what: string): void {
		if (response.statusCode === 401 || response.statusCode === 403) throw new RestClosedError('http', this.#refusal(response, what), {statusCode: response.statusCode});
		this.#ensureOk(response, what);
	}

	/** “blog.example answered 401 for the list of posts: REST API restricted to authenticated users.” */
	#refusal(response: HttpResponse, what: string): string {
		let detail = '';
		try {
			const error = readError(JSON.parse(response.body));
			if (error.message) detail = `: ${renderedToLine(error.message)}`;
		} catch {
			// A body that is not JSON has no detail to add: the status alone is said.
		}
		return `${cleanLine(hostOf(response.url))} answered ${response.statusCode} for ${what}${detail}`;
	}

	/** A JSON array from the answer, at most `maxItemsPerAnswer` long, or an 'unreadable' BlogError saying what was expected. */
	#list(response: HttpResponse, what: string): readonly unknown[] {
		return this.#boundedList(response, what).values;
	}

	/**
	 * The answer's JSON array, parsed no further than its first `maxItemsPerAnswer` items (a list of
	 * millions would exhaust memory as values); `cut` says that more were left out.
	 */
	#boundedList(response: HttpResponse, what: string): {values: readonly unknown[]; cut: boolean} {
		const {text, cut} = firstItemsOfJsonArray(response.body.replace(/^\uFEFF/, ''));
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw new BlogError('unreadable', `${cleanLine(hostOf(response.url))} sent an answer that is not valid JSON.`, {cause: error, statusCode: response.statusCode});
		}
		if (!Array.isArray(value)) throw this.#unreadable(response, what);
		const bounded = boundedItems(value);
		return {values: bounded.items, cut: cut || bounded.ignored > 0};
	}

	/**
	 * The items of a JSON array answer that can be read, each checked by `checkItem`. One that cannot
	 * (no ID, not an object) is left out with a note; so are items past `maxItemsPerAnswer`.
	 */
	#checkedList<T>(response: HttpResponse, what: 'posts' | 'comments', checkItem: (value: unknown) => Checked<T>, given?: {values: readonly unknown[]; cut: boolean}): {items: T[]; notes: string[]} {
		const {values, cut} = given ?? this.#boundedList(response, `the list of ${what}`);
		const items: T[] = [];
		const leftOut = new LeftOutItems();
		for (const raw of values) {
			const checked = checkItem(raw);
			if (checked.ok) items.push(checked.value);
			else leftOut.add(checked.reason);
		}
		const host = cleanLine(hostOf(response.url));
		const notes = leftOut.notes(host, what);
		if (cut) notes.push(`${host} sent more ${what} in one answer than blogterm reads (${formatCount(maxItemsPerAnswer)}): the rest are left out.`);
		return {items, notes};
	}

	/** A JSON object from the answer, or an 'unreadable' BlogError. */
	#object(response: HttpResponse, what: string): object {
		const value = parseJsonBody<unknown>(response);
		if (value === null || typeof value !== 'object' || Array.isArray(value)) throw this.#unreadable(response, what);
		return value;
	}

	/** “blog.example sent a post blogterm cannot read: it has no ID.” */
	#cannotRead(response: HttpResponse, what: string, reason: string): BlogError {
		return new BlogError('unreadable', `${cleanLine(hostOf(response.url))} sent ${what} blogterm cannot read: ${reason}.`, {statusCode: response.statusCode});
	}

	#unreadable(response: HttpResponse, what: string): BlogError {
		return new BlogError('unreadable', `${cleanLine(hostOf(response.url))} sent something that is not ${what}.`, {statusCode: response.statusCode});
	}

	#notFound(description: string): BlogError {
		return new BlogError('not-found', `There is no post ${description} on ${cleanLine(hostOf(this.site.url))}.`, {statusCode: 404});
	}
}

type FoundPost = {readonly found: WpPost; readonly response: HttpResponse};

/** A list page's feed counts, asked beside it: the feed pages asked (`urls`), how to ask them for another feed page size, the list's total. */
type ListFeed = {readonly counts: Promise<BlogCounts>; readonly urls: readonly string[]; readonly again: (feedPageSize: number) => string[]; readonly total: number};

/** WordPress's own parameters for a filtered list: `search`, `categories`, `tags` or `author` (IDs). */
function filterParameters(filter: PostFilter | undefined): Record<string, QueryValue> {
	if (!filter) return {};
	switch (filter.kind) {
		case 'search':
			return {search: filter.text};
		case 'category':
			return {categories: String(filter.term.id)};
		case 'tag':
			return {tags: String(filter.term.id)};
		case 'author':
			return {author: String(filter.id)};
	}
}

/**
 * A list page's totals from `X-WP-Total` and `X-WP-TotalPages`. A header that is missing or not a whole
 * number (-5, 1e309, abc) makes them unknown: what this page shows is then all that is known ("at least").
 */
/** WordPress's `after` is "later than": a second before `since`, so a post at `since` itself is kept. */
function serverAfter(since: string | undefined): string | undefined {
	return since === undefined ? undefined : new Date(Date.parse(since) - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** WordPress's `before` is "earlier than", as `until` is. */
function serverBefore(until: string | undefined): string | undefined {
	return until === undefined ? undefined : new Date(Date.parse(until)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function pageTotals(response: HttpResponse, page: number, perPage: number, count: number): {total: number; totalPages: number; totalIsExact?: false} {
	const total = networkCount(header(response, 'x-wp-total'));
	const totalPages = networkCount(header(response, 'x-wp-totalpages'));
	const seen = (page - 1) * perPage + count;
	if (total !== undefined && total >= seen) {
		return {total, totalPages: totalPages !== undefined && totalPages >= page ? totalPages : Math.ceil(total / perPage)};
	}
	// A full page may have another after it.
	return {total: seen, totalPages: count >= perPage ? page + 1 : count > 0 ? page : page - 1, totalIsExact: false};
}

/** `{offlineSavedAt}` when the answer came from the on-disk cache because the blog could not be reached. */
function offline(response: HttpResponse): {offlineSavedAt?: string} {
	return response.offlineSavedAt === undefined ? {} : {offlineSavedAt: response.offlineSavedAt};
}

/** Options for what is asked alongside another request, with their own cancel for when that other fails or is done without them (the caller's cancel ends them too). */
function withOwnCancel<T extends FetchOptions>(options: T): {readonly options: T; readonly cancel: () => void} {
	const own = new AbortController();
	const signal = options.signal ? AbortSignal.any([options.signal, own.signal]) : own.signal;
	return {options: {...options, signal}, cancel: () => own.abort()};
}

/** `{fromCache: true}` when any of these answers is the copy kept on disk, given without asking the blog (`cacheFirst`). */
function fromCache(...responses: ReadonlyArray<HttpResponse | undefined>): {fromCache?: true} {
	return responses.some(response => response?.fromCache) ? {fromCache: true} : {};
}

/** The `code` of a WordPress error answer, when it is one. */
function restCode(response: HttpResponse): string | undefined {
	if (response.statusCode < 400) return undefined;
	try {
		return readError(JSON.parse(response.body)).code;
	} catch {
		return undefined;
	}
}

/** WordPress answers 400 rest_post_invalid_page_number (posts) or rest_comment_invalid_page_number for a page past the end. */
function isPastTheEnd(response: HttpResponse): boolean {
	if (response.statusCode !== 400) return false;
	try {
		const code = readError(JSON.parse(response.body)).code ?? '';
		return code.endsWith('_invalid_page_number');
	} catch {
		return false;
	}
}

function withTrailingSlash(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}

export type {PostSummary};

/**
 * What a thread cut at `maxCommentPages` says: "blog.example has 7,412 comments; blogterm read the first
 * 5,000." with the blog's X-WP-Total, or without it that blogterm stopped there.
 */
function commentsCutNote(response: HttpResponse, read: number): string {
	const host = cleanLine(hostOf(response.url));
	const total = networkCount(header(response, 'x-wp-total'));
	if (total !== undefined && total > read) return `${host} has ${formatCount(total)} comments; blogterm read the first ${formatCount(read)}.`;
	return `${host} has more comments than blogterm reads (${maxCommentPages} pages); blogterm read the first ${formatCount(read)}.`;
}
