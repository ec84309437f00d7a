import type {Comment} from '../../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {PostPage} from '../../model/page.js';
import type {Post, PostLink, PostNeighbours, PostRef, PostSummary, Term} from '../../model/post.js';
import type {RelatedPost} from '../../model/related.js';
import type {SiteInfo} from '../../model/site.js';
import {getBytes, getText, hostOf} from '../../http/client.js';
import {cleanLine} from '../../render/sanitize.js';
import {sendComment} from '../../comments/send-comment.js';
import type {BlogSource, FetchOptions} from '../blog-source.js';
import {BlogError, isBlogError} from '../errors.js';
import {rankRelatedPosts, type RankablePost} from '../related/rank.js';
import {siteKey} from '../wordpress/discover-wordpress.js';
import {findWordPressCommentForm, type WordPressCommentForm} from './comment-form.js';
import {readFeedResponse, type FeedFormat, type FeedItem, type ParsedFeed} from './parse-feed.js';

/**
 * How the list goes past the first fetch: 'wordpress' asks for `?paged=2`, `?paged=3`… until a 404
 * or an empty page; 'held' means the feed's items are all there is.
 */
export type FeedPaging = 'wordpress' | 'held';

/** Never read more feed pages than this (WordPress gives 10 posts a page by default). */
const maxFeedPages = 100;

const descriptions: Record<FeedFormat, string> = {rss: 'RSS feed', rdf: 'RSS feed', atom: 'Atom feed', json: 'JSON Feed'};

/**
 * Opens a feed already read: decides how it pages (a WordPress generator, or a `?paged=2` that
 * answers with new items) and returns the source.
 */
export async function createFeedSource(feed: ParsedFeed, options: FetchOptions = {}): Promise<FeedSource> {
	if (/wordpress/i.test(feed.generator)) return new FeedSource(feed, 'wordpress');
	if (feed.format === 'json' || feed.items.length === 0) return new FeedSource(feed, 'held');
	// Many WordPress sites hide their generator; asking for page 2 tells them apart from a static feed.
	const second = await fetchFeedPage(feed.feedUrl, 2, options).catch((error: unknown) => {
		if (isBlogError(error) && error.kind === 'cancelled') throw error;
		return undefined;
	});
	const ids = new Set(feed.items.map(item => item.id));
	if (second && second.items.some(item => !ids.has(item.id))) return new FeedSource(feed, 'wordpress', [second]);
	return new FeedSource(feed, 'held');
}

/** A blog read through its RSS, Atom or JSON feed. */
export class FeedSource implements BlogSource {
	readonly description: string;
	readonly site: SiteInfo;
	readonly paging: FeedPaging;
	readonly #feedUrl: string;
	readonly #items: FeedItem[] = [];
	readonly #ids = new Set<string>();
	#ended: boolean;
	#feedPagesRead = 1;
	#loading: Promise<void> | undefined;
	/** The comment form found (or not) on each post's page, by link: read once. */
	readonly #forms = new Map<string, Promise<WordPressCommentForm | undefined>>();

	constructor(feed: ParsedFeed, paging: FeedPaging, laterPages: readonly ParsedFeed[] = []) {
		this.description = descriptions[feed.format];
		this.paging = paging;
		this.#feedUrl = feed.feedUrl;
		this.site = {
			name: feed.title || cleanLine(hostOf(feed.link)),
			description: feed.description,
			url: feed.link,
			key: siteKey(feed.link),
		};
		this.#ended = paging === 'held';
		this.#add(paging === 'held' ? newestFirst(feed.items) : feed.items);
		for (const page of laterPages) {
			this.#feedPagesRead++;
			if (this.#add(page.items) === 0) this.#ended = true;
		}
	}

	/** How many posts are held so far (all of them for a 'held' feed). */
	get heldCount(): number {
		return this.#items.length;
	}

	async fetchPostPage(page: number, perPage: number, options: FetchOptions = {}): Promise<PostPage> {
		const size = Math.max(1, Math.floor(perPage));
		const number = Math.max(1, Math.floor(page));
		// One more than the page holds, so that a next page is known to exist.
		await this.#loadUntil(number * size + 1, options);
		const total = this.#items.length;
		return {
			page: number,
			perPage: size,
			total,
			totalPages: Math.ceil(total / size),
			posts: this.#items.slice((number - 1) * size, number * size).map(item => toSummary(item)),
		};
	}

	async fetchPost(ref: PostRef, options: FetchOptions = {}): Promise<Post> {
		const item = await this.#find(ref, options);
		if (!item) throw new BlogError('not-found', `${this.site.name} has no post ${describeRef(ref)} in its feed.`);
		const form = await this.#commentForm(item.link, options);
		return {...toSummary(item), html: item.html, isSummaryOnly: item.isSummaryOnly, commentsOpen: form !== undefined};
	}

	async fetchNeighbours(post: Post, options: FetchOptions = {}): Promise<PostNeighbours> {
		const index = this.#indexOf(post.id);
		if (index === -1) return {previous: undefined, next: undefined};
		await this.#loadUntil(index + 2, options);
		return {previous: toLink(this.#items[index + 1]), next: toLink(this.#items[index - 1])};
	}

	async fetchComments(post: Post, options: FetchOptions = {}): Promise<Comment[]> {
		const item = this.#items[this.#indexOf(post.id)];
		if (!item?.commentFeedUrl) return [];
		const response = await getBytes(item.commentFeedUrl, {signal: options.signal});
		// A post without comments may have no comment feed at all.
		if (response.statusCode === 404 || response.statusCode === 410) return [];
		if (response.statusCode >= 400) {
			throw new BlogError('http', `${cleanLine(hostOf(response.url))} answered ${response.statusCode} for the comments of “${post.title}”.`, {statusCode: response.statusCode});
		}
		return toComments(readFeedResponse(response).items);
	}

	async fetchRelated(post: Post, limit: number, _options: FetchOptions = {}): Promise<RelatedPost[]> {
		const candidates: RankablePost[] = this.#items.map(item => ({...toSummary(item), html: item.html}));
		return rankRelatedPosts(post, candidates, limit);
	}

	async canComment(post: Post): Promise<boolean> {
		return (await this.#commentForm(post.link, {}).catch(() => undefined)) !== undefined;
	}

	async submitComment(post: Post, draft: CommentDraft): Promise<CommentOutcome> {
		const form = await this.#commentForm(post.link, {}).catch(() => undefined);
		if (!form) {
			return {kind: 'refused', reason: 'closed', message: 'This post’s page has no comment form blogterm can send to; open it in the browser to comment.'};
		}
		return sendComment({postId: form.postId, formActionUrl: form.formActionUrl}, draft);
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
		while (!this.#ended && this.#items.length < count) {
			if (!this.#loading) {
				this.#loading = this.#loadNextFeedPage(options).finally(() => {
					this.#loading = undefined;
				});
			}
			await this.#loading;
		}
	}

	async #loadNextFeedPage(options: FetchOptions): Promise<void> {
		if (this.#feedPagesRead >= maxFeedPages) {
			this.#ended = true;
			return;
		}
		const page = await fetchFeedPage(this.#feedUrl, this.#feedPagesRead + 1, options);
		this.#feedPagesRead++;
		// A page with nothing new is the end too: a server that ignores ?paged= sends page 1 again.
		if (!page || this.#add(page.items) === 0) this.#ended = true;
	}

	async #find(ref: PostRef, options: FetchOptions): Promise<FeedItem | undefined> {
		const matches = itemMatcher(ref);
		for (let index = 0; ; index++) {
			if (index >= this.#items.length) {
				if (this.#ended) return undefined;
				await this.#loadUntil(this.#items.length + 1, options);
				if (index >= this.#items.length) return undefined;
			}
			if (matches(this.#items[index]!)) return this.#items[index];
		}
	}

	#indexOf(id: number | string): number {
		return this.#items.findIndex(item => item.id === String(id));
	}

	/**
	 * The comment form on a post's page, read once per link. A page that answers (with a form or
	 * without) is remembered; one that could not be reached is asked again next time.
	 * Rejects only when cancelled.
	 */
	async #commentForm(link: string, options: FetchOptions): Promise<WordPressCommentForm | undefined> {
		if (!/^https?:/i.test(link)) return undefined;
		let form = this.#forms.get(link);
		if (!form) {
			form = getText(link, {signal: options.signal}).then(response => response.statusCode === 200 ? findWordPressCommentForm(response.body, response.url) : undefined);
			this.#forms.set(link, form);
		}
		try {
			return await form;
		} catch (error) {
			if (this.#forms.get(link) === form) this.#forms.delete(link);
			if (isBlogError(error) && error.kind === 'cancelled') throw error;
			return undefined;
		}
	}
}

/** One page of a WordPress-style paged feed; undefined past the end (404, 410). */
async function fetchFeedPage(feedUrl: string, page: number, options: FetchOptions): Promise<ParsedFeed | undefined> {
	const url = new URL(feedUrl);
	url.searchParams.set('paged', String(page));
	const response = await getBytes(url.toString(), {signal: options.signal});
	if (response.statusCode === 404 || response.statusCode === 410) return undefined;
	if (response.statusCode >= 400) {
		throw new BlogError('http', `${cleanLine(hostOf(response.url))} answered ${response.statusCode} for page ${page} of its feed.`, {statusCode: response.statusCode});
	}
	return readFeedResponse(response);
}

/** Newest first when every item is dated; otherwise the feed's own order, which is usually that already. */
function newestFirst(items: readonly FeedItem[]): readonly FeedItem[] {
	if (items.some(item => item.date === undefined)) return items;
	return items.toSorted((a, b) => Date.parse(b.date!) - Date.parse(a.date!));
}

function toSummary(item: FeedItem): PostSummary {
	return {
		id: item.id,
		title: item.title || untitled(item),
		link: item.link,
		date: item.date,
		author: item.author,
		commentCount: item.commentCount,
		excerpt: item.excerpt,
		slug: slugOf(item.link),
		categories: item.categories.map(name => toTerm(name, 'category')),
		tags: item.tags.map(name => toTerm(name, 'tag')),
	};
}

/** Microblog items have no title: the start of the text stands in. */
function untitled(item: FeedItem): string {
	if (!item.excerpt) return '(no title)';
	return item.excerpt.length > 60 ? `${item.excerpt.slice(0, 60).trimEnd()}…` : item.excerpt;
}

function toTerm(name: string, taxonomy: Term['taxonomy']): Term {
	return {id: name.toLowerCase(), name, taxonomy};
}

function toLink(item: FeedItem | undefined): PostLink | undefined {
	return item ? {id: item.id, title: item.title || untitled(item), link: item.link} : undefined;
}

/** A comment feed's items as a thread, oldest first; a reply's parent is the comment its `thr:in-reply-to` names. */
function toComments(items: readonly FeedItem[]): Comment[] {
	const ids = new Set(items.map(item => item.id));
	const comments = items.map((item): Comment => ({
		id: item.id,
		parent: item.inReplyTo && item.inReplyTo !== item.id && ids.has(item.inReplyTo) ? item.inReplyTo : 0,
		author: item.author || cleanLine(item.title.replace(/^(?:By|Von|Par|Por):\s*/i, '')) || 'Anonymous',
		authorUrl: item.authorUrl,
		date: item.date,
		html: item.html,
		status: 'approved',
	}));
	// Comment feeds list the newest first.
	if (comments.every(comment => comment.date !== undefined)) return comments.toSorted((a, b) => Date.parse(a.date!) - Date.parse(b.date!));
	return comments.toReversed();
}

/** The last path segment of a link: `https://x/2024/01/hello-world/` → `hello-world`. */
export function slugOf(link: string): string | undefined {
	try {
		const segment = new URL(link).pathname.split('/').filter(Boolean).pop();
		return segment ? safeDecode(segment) : undefined;
	} catch {
		return undefined;
	}
}

/** Tells whether a feed item is the post a PostRef names: by guid/id, `?p=ID`, slug or link. */
function itemMatcher(ref: PostRef): (item: FeedItem) => boolean {
	switch (ref.kind) {
		case 'id': {
			const id = String(ref.id);
			const isNumber = /^\d+$/.test(id);
			return item => item.id === id || (isNumber && (wordpressIdOf(item.id) === id || wordpressIdOf(item.link) === id));
		}
		case 'slug': {
			const slug = ref.slug.replace(/^\/+|\/+$/g, '').toLowerCase();
			return item => {
				const own = slugOf(item.link)?.toLowerCase();
				return own !== undefined && (own === slug || own.replace(/\.[a-z\d]+$/, '') === slug);
			};
		}
		case 'url': {
			const wanted = comparableUrl(ref.url);
			const wantedId = wordpressIdOf(ref.url);
			return item => (wanted !== undefined && (comparableUrl(item.link) === wanted || comparableUrl(item.id) === wanted))
				|| (wantedId !== undefined && (wordpressIdOf(item.id) === wantedId || wordpressIdOf(item.link) === wantedId));
		}
	}
}

/** `https://x/?p=42` → `42` (WordPress's guid). */
function wordpressIdOf(url: string): string | undefined {
	const match = /[?&]p=(\d+)(?:&|#|$)/.exec(url);
	return match?.[1];
}

/** A URL without scheme, `www.`, fragment or trailing slash: the same page however it was written. */
function comparableUrl(text: string): string | undefined {
	try {
		const url = new URL(text.trim());
		if (!/^https?:$/.test(url.protocol)) return undefined;
		return `${url.host.toLowerCase().replace(/^www\./, '')}${safeDecode(url.pathname).replace(/\/+$/, '')}${url.search}`;
	} catch {
		return undefined;
	}
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function describeRef(ref: PostRef): string {
	switch (ref.kind) {
		case 'id': {
			return `with ID ${cleanLine(String(ref.id))}`;
		}
		case 'slug': {
			return `“${cleanLine(ref.slug)}”`;
		}
		case 'url': {
			return `at ${cleanLine(ref.url)}`;
		}
	}
}
