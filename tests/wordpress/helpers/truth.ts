import {DomUtils, parseDocument} from 'htmlparser2';
import {getJson, request, restUrl} from './rest.js';

/*
What a blog holds, read through its own REST API (never through blogterm), in the shape the checks
compare blogterm's output with.
*/

export type TruthComment = {
	readonly id: number;
	readonly parent: number;
	readonly author: string;
	/** ISO 8601 in UTC. */
	readonly date: string;
	/** The comment as a reader sees it, whitespace collapsed. */
	readonly text: string;
};

export type TruthPost = {
	readonly id: number;
	readonly slug: string;
	/** As a reader sees it: entities decoded, curly quotes as WordPress made them. */
	readonly title: string;
	readonly link: string;
	/** ISO 8601 in UTC. */
	readonly date: string;
	readonly author: string;
	readonly categories: readonly string[];
	readonly tags: readonly string[];
	/** The text of each paragraph, heading and list item that holds only text, in order, whitespace collapsed. */
	readonly texts: readonly string[];
	/** Every web link in the body, absolute. */
	readonly hrefs: readonly string[];
	readonly commentsOpen: boolean;
	readonly isProtected: boolean;
	/** The approved comments, oldest first; undefined when the blog does not show them (a protected post). */
	readonly comments: readonly TruthComment[] | undefined;
	/**
	 * What the blog counts ("3 Comments"): its pingbacks and trackbacks too, which its REST API lists to no
	 * visitor. From the feed of the post alone (`?feed=rss2&p=ID&withoutcomments=1`, its slash:comments).
	 */
	readonly blogCommentCount: number;
};

export type BlogTruth = {
	readonly restRoot: string;
	/** What a list page holds by default, as WordPress's own pages. */
	readonly perPage: number;
	readonly total: number;
	/** Newest first, as the blog lists them. */
	readonly posts: readonly TruthPost[];
};

type RestTerm = {id: number; name: string; taxonomy: string};
type RestPost = {
	id: number;
	slug: string;
	link: string;
	date_gmt: string;
	title: {rendered: string};
	content: {rendered: string; protected: boolean};
	comment_status: string;
	_embedded?: {author?: Array<{name?: string}>; 'wp:term'?: RestTerm[][]};
};
type RestComment = {id: number; parent: number; author_name: string; date_gmt: string; content: {rendered: string}};

/** Collapses runs of whitespace (newlines, no-break spaces) to one space. */
export function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** The text of some HTML, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
	return collapse(DomUtils.textContent(parseDocument(html)));
}

const textBlocks = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'dt', 'dd']);
// A block holding one of these is not compared word for word: blogterm numbers links, shows images
// as "[image: …]", keeps code and line breaks as they are, and puts nested blocks on lines of their own.
const notPlainText = new Set(['a', 'img', 'code', 'pre', 'br', 'ul', 'ol', 'p', 'div', 'blockquote', 'table', 'figure', 'iframe', 'video', 'audio', 'script', 'style', 'sup', 'sub']);

function bodyTexts(html: string): string[] {
	const document = parseDocument(html);
	const blocks = DomUtils.findAll(element => textBlocks.has(element.name), document.children);
	return blocks
		.filter(block => DomUtils.findOne(inner => notPlainText.has(inner.name), block.children) === null)
		.map(block => collapse(DomUtils.textContent(block)))
		.filter(text => text.length > 0);
}

/** The body's web links, absolute: a relative one against the post's own address (`base`), as blogterm gives them. */
function bodyHrefs(html: string, base: string): string[] {
	return DomUtils.findAll(element => element.name === 'a', parseDocument(html).children).flatMap(element => {
		const href = element.attribs['href']?.trim() ?? '';
		// A place in the page (`#fn1`) stays one; an empty href is no link.
		if (href === '' || href.startsWith('#') || !URL.canParse(href, base)) return [];
		const url = new URL(href, base);
		return /^https?:$/.test(url.protocol) ? [url.href] : [];
	});
}

function utc(dateGmt: string): string {
	return /[zZ]|[+-]\d\d:?\d\d$/.test(dateGmt) ? dateGmt : `${dateGmt}Z`;
}

/** Every approved comment of a post, every page of them, oldest first; undefined when the blog refuses to show them. */
export async function readComments(restRoot: string, postId: number): Promise<TruthComment[] | undefined> {
	const comments: TruthComment[] = [];
	for (let page = 1; ; page++) {
		const answer = await getJson<RestComment[] | {code: string}>(restUrl(restRoot, 'wp/v2/comments', {post: postId, order: 'asc', per_page: 100, page}));
		if (answer.status === 401 || answer.status === 403) return undefined;
		if (answer.status !== 200 || !Array.isArray(answer.body)) throw new Error(`comments of post ${postId}, page ${page}: ${answer.status}`);
		for (const comment of answer.body) {
			comments.push({id: comment.id, parent: comment.parent, author: htmlText(comment.author_name), date: utc(comment.date_gmt), text: htmlText(comment.content.rendered)});
		}
		if (page >= Number(answer.headers.get('x-wp-totalpages') ?? 1)) return comments;
	}
}

/** The blog's own count of a post's comments, pingbacks and trackbacks: its feed's slash:comments. */
async function readBlogCommentCount(siteUrl: string, postId: number): Promise<number> {
	const url = new URL(siteUrl);
	url.search = `?feed=rss2&p=${postId}&withoutcomments=1`;
	const answer = await request(url.toString());
	const count = /<slash:comments>(\d+)<\/slash:comments>/.exec(answer.text)?.[1];
	if (answer.status !== 200 || count === undefined) throw new Error(`the feed of post ${postId}: ${answer.status}, no slash:comments`);
	return Number(count);
}

/** Reads every post of a blog, with its approved comments. */
export async function readBlogTruth(restRoot: string): Promise<BlogTruth> {
	const restPosts: RestPost[] = [];
	let total: number;
	for (let page = 1; ; page++) {
		const answer = await getJson<RestPost[]>(restUrl(restRoot, 'wp/v2/posts', {per_page: 100, page, _embed: 1}));
		if (answer.status !== 200) throw new Error(`posts page ${page}: ${answer.status}`);
		restPosts.push(...answer.body);
		total = Number(answer.headers.get('x-wp-total'));
		if (page >= Number(answer.headers.get('x-wp-totalpages'))) break;
	}
	const posts = await Promise.all(restPosts.map(async (post): Promise<TruthPost> => {
		const terms = (post._embedded?.['wp:term'] ?? []).flat();
		return {
			id: post.id,
			slug: post.slug,
			title: htmlText(post.title.rendered),
			link: post.link,
			date: utc(post.date_gmt),
			author: htmlText(post._embedded?.author?.[0]?.name ?? ''),
			categories: terms.filter(term => term.taxonomy === 'category').map(term => htmlText(term.name)),
			tags: terms.filter(term => term.taxonomy === 'post_tag').map(term => htmlText(term.name)),
			texts: bodyTexts(post.content.rendered),
			hrefs: bodyHrefs(post.content.rendered, post.link),
			commentsOpen: post.comment_status === 'open',
			isProtected: post.content.protected,
			comments: await readComments(restRoot, post.id),
			blogCommentCount: await readBlogCommentCount(new URL('/', post.link).toString(), post.id),
		};
	}));
	return {restRoot, perPage: 10, total, posts};
}
