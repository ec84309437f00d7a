import {Readability} from '@mozilla/readability';
import {Parser} from 'htmlparser2';
import {parseHTML} from 'linkedom';
import {networkUrl} from '../sources/clean.js';
import {cleanLine, cleanText} from '../render/sanitize.js';
import type {FullTextResult} from './article.js';
import {cleanArticleTree, type DomNode} from './clean-article.js';
import {formatCount} from '../render/format-count.js';

/*
Mozilla's Readability (Firefox's Reader View) on linkedom, a light DOM: the article's main text, without
the theme's navigation, sidebar, comments and footer. Then the checks a reader makes before trusting it:
a page with too little text, a login or consent page, or (for a post) a page whose text does not hold the
post's summary is no article, said in words.
*/

/** Larger pages are not read as articles: a post's page is some 50 to 300 kB; the DOM costs about 10 times its size. */
export const maxPageChars = 5 * 1024 * 1024;
/**
 * Readability's time grows with the square of the nesting and more (1,000 levels: seconds): a deeper page
 * is not read (real themes nest some 20 to 40 deep).
 */
export const maxPageDepth = 150;
/** Elements on a page at most (a 100 kB post page has some 2,000). */
export const maxPageElements = 50_000;
/** An article has at least this many words (a summary alone has some 55). */
const minArticleWords = 40;
/** Below this many words, a page that speaks of cookies or signing in is taken for a wall, not an article. */
const wallWords = 250;

const consentWords = /\b(?:cookies?|consent|privacy (?:settings|choices|preferences)|accept all|reject all|we value your privacy|manage (?:options|preferences))\b/i;
const loginWords = /\b(?:sign in|signin|log ?in|password|members only|subscribe to (?:continue|read)|create an account)\b/i;

export type ExtractOptions = {
	/** The post's summary, when there is one: the article must hold most of its words. */
	readonly summary?: string;
	/** "The post's page" or "The page": how messages name it. */
	readonly what?: string;
};

/*
What is never a post's text, removed before Readability looks: a blog's comment section and comment
form, its navigation, and every form. Readability leaves these out of a long article itself, but for a
short post (a few lines) it relaxes its rules and takes the comments with it (WordPress's block themes).
*/
const neverArticle = [
	'#comments', '.comments-area', '.wp-block-comments', '#respond', '.comment-respond', '.comment-list', '.commentlist',
	'#disqus_thread', '.jp-relatedposts', '.sharedaddy', 'form', 'nav', '[role=navigation]',
].join(', ');

type ParsedDocument = {
	querySelector(selector: string): (DomNode & {getAttribute(name: string): string | null}) | null;
	querySelectorAll(selector: string): ArrayLike<{remove(): void}>;
};

/** The article on a page of HTML read from `pageUrl`, cleaned; or why there is none. Synchronous: parse, extract, clean. */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = {}): FullTextResult {
	const what = options.what ?? 'The page';
	if (html.length > maxPageChars) {
		return notAnArticle(`${what} is too large to read as an article (${(html.length / 1024 / 1024).toFixed(1)} MB; blogterm reads pages up to ${maxPageChars / 1024 / 1024} MB).`);
	}
	const shape = pageShape(html);
	if (shape.depth > maxPageDepth) return notAnArticle(`${what} is nested too deeply to read as an article (more than ${maxPageDepth} levels).`);
	if (shape.elements > maxPageElements) return notAnArticle(`${what} has too many elements to read as an article (more than ${formatCount(maxPageElements)}).`);
	const {document} = parseHTML(html) as unknown as {document: ParsedDocument};
	const baseHref = document.querySelector('base[href]')?.getAttribute('href');
	const baseUrl = (baseHref ? networkUrl(baseHref, pageUrl) : undefined) ?? pageUrl;
	const asksPassword = document.querySelectorAll('input[type=password]').length > 0;
	// Read before Readability changes the tree: what a page without an article says of itself.
	const pageText = cleanLine((document.querySelector('body') as {textContent?: string | null} | null)?.textContent ?? '').slice(0, 20_000);
	for (const node of Array.from(document.querySelectorAll(neverArticle))) node.remove();
	let parsed: ReturnType<Readability<DomNode>['parse']>;
	try {
		// The serializer gives the article's element itself, to clean before it is written out.
		parsed = new Readability<DomNode>(document, {serializer: asDomNode, maxElemsToParse: maxPageElements}).parse();
	} catch {
		parsed = null;
	}
	const content = parsed?.content;
	if (!parsed || !content) return notAnArticle(nothingFound(what, asksPassword, pageText));
	cleanArticleTree(content, baseUrl);
	const article = content as DomNode & {innerHTML: string; textContent: string | null};
	const text = cleanLine(article.textContent ?? '');
	const words = text === '' ? 0 : text.split(' ').length;
	if (words === 0 || (words < wallWords && (consentWords.test(text) || loginWords.test(text) || asksPassword))) {
		return notAnArticle(nothingFound(what, asksPassword, `${text} ${pageText}`));
	}
	// A post's summary is the surest sign: a page that holds most of its words is the post's, however short.
	const summary = options.summary === undefined ? 'unknown' : holdsSummary(text, options.summary);
	if (summary === 'no') return notAnArticle(`${what} does not hold this post's text (a login or consent page?).`);
	if (summary === 'unknown' && words < minArticleWords) return notAnArticle(nothingFound(what, asksPassword, `${text} ${pageText}`));
	return {kind: 'article', article: {url: pageUrl, title: cleanLine(parsed.title ?? ''), html: cleanText(article.innerHTML)}};
}

/** Readability's types name the DOM's Node, which this project (no DOM lib) does not have. */
const asDomNode = (node: unknown): DomNode => node as DomNode;

function notAnArticle(message: string): FullTextResult {
	return {kind: 'not-an-article', message};
}

/** Why a page holds no article, as near as its words tell. */
function nothingFound(what: string, asksPassword: boolean, text: string): string {
	if (consentWords.test(text)) return `${what} asks to accept cookies first (a consent page): it holds no article.`;
	if (asksPassword || loginWords.test(text)) return `${what} asks to sign in first (a login page): it holds no article.`;
	return `${what} holds no article blogterm could find.`;
}

const wordPattern = /[\p{L}\p{N}]{4,}/gu;

/** Whether most of the summary's words (of four letters or more) are in the text; 'unknown' for a summary too short to judge. */
function holdsSummary(text: string, summary: string): 'yes' | 'no' | 'unknown' {
	const summaryWords = new Set((summary.toLowerCase().replace(/\[?(?:…|\.\.\.)\]?|continue reading|read more/g, ' ').match(wordPattern) ?? []));
	if (summaryWords.size < 8) return 'unknown';
	const textWords = new Set(text.toLowerCase().match(wordPattern) ?? []);
	let found = 0;
	for (const word of summaryWords) if (textWords.has(word)) found++;
	return found / summaryWords.size >= 0.6 ? 'yes' : 'no';
}

/**
How deep a page nests (up to one level past `maxPageDepth`) and how many elements it has, in one
streaming pass (no tree is built). The pass stops at the first level past the limit: the answer is
known then, and htmlparser2 keeps its open elements in an array it adds to at the front, so every
level costs as much as all the levels above it (100,000 nested elements: some 1.5 s).
*/
function pageShape(html: string): {depth: number; elements: number} {
	let depth = 0;
	let deepest = 0;
	let elements = 0;
	const parser = new Parser({
		onopentag() {
			elements++;
			depth++;
			if (depth > deepest) deepest = depth;
			if (depth > maxPageDepth) parser.pause();
		},
		onclosetag() {
			depth--;
		},
	});
	parser.end(html);
	return {depth: deepest, elements};
}
