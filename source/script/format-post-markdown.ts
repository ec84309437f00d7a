import {buildThread} from '../comments/thread.js';
import {commentByline, type Comment} from '../model/comment.js';
import type {Post, PostLink} from '../model/post.js';
import {appendAll} from '../render/append.js';
import {formatDate} from '../render/format-date.js';
import {htmlToMarkdown, markdownDestination} from '../render/markdown.js';
import {fullTextLine} from '../full-text/article.js';
import {bylineOf} from '../render/post-layout.js';
import {cleanLine} from '../render/sanitize.js';
import type {PostView} from './fetch-post-view.js';

/** Characters that mean something in Markdown text; escaped so a title prints as written. */
const markdownSpecials = /[\\`*_[\]<>]/g;

/** Inline text that Markdown shows as it is: `2 * 3 [draft]` stays `2 * 3 [draft]`. */
export function escapeMarkdown(text: string): string {
	return cleanLine(text).replace(markdownSpecials, '\\$&');
}

/**
`[text](url)` when the URL is http, https or mailto, else the text alone: a `javascript:` target from a
hostile blog is never a link. Relative URLs are resolved against the post's.
*/
function markdownLink(text: string, url: string, baseUrl: string): string {
	const target = markdownDestination(url, baseUrl || undefined);
	return target === undefined ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](${target})`;
}

/**
 * A post as Markdown, good enough to paste into another blog: the title as `#`, the byline in
 * italics, the body with links inline and lists, quotes and code kept, "Related Posts" as a list,
 * the neighbours as links, and with comments, the thread as quotes (a reply one level deeper).
 */
export function formatPostMarkdown(view: PostView, options: {readonly bodyOnly?: boolean; readonly frontMatter?: boolean} = {}): string {
	const {post} = view;
	const header = options.frontMatter ? frontMatterOf(post) : '';
	if (options.bodyOnly) {
		const body = htmlToMarkdown(post.html, post.link || undefined).trim();
		return `${header}${body}${body ? '\n' : ''}`;
	}
	const blocks: string[] = [`# ${escapeMarkdown(post.title)}`];
	const byline = bylineOf(post);
	if (byline) blocks.push(`*${escapeMarkdown(byline)}*`);
	if (post.fullTextFrom !== undefined) blocks.push(`*${escapeMarkdown(fullTextLine)}*`);
	const body = htmlToMarkdown(post.html, post.link || undefined).trim();
	if (body) blocks.push(body);
	const postLink = markdownDestination(post.link);
	if (postLink) {
		blocks.push(`Originally posted at <${postLink}>`);
	} else if (cleanLine(post.link)) {
		blocks.push(`Originally posted at ${escapeMarkdown(post.link)}`);
	}

	if (view.related) blocks.push('## Related Posts');
	if (view.related?.length === 0) {
		blocks.push('No results found.');
	} else if (view.related) {
		blocks.push(view.related.map(related => {
			const meta = [formatDate(related.date), related.context].filter(Boolean).map(escapeMarkdown).join(' · ');
			return `- ${markdownLink(related.title, related.link, post.link)}${meta ? ` — ${meta}` : ''}`;
		}).join('\n'));
	}

	const neighbours = [neighbourLink('previous', view.neighbours?.previous, post.link), neighbourLink('next', view.neighbours?.next, post.link)].filter(Boolean);
	if (neighbours.length > 0) blocks.push(neighbours.join('  \n'));

	if (view.comments) appendAll(blocks, commentBlocks(view.comments.comments, post.link));
	return `${header}${blocks.join('\n\n')}\n`;
}

/**
 * A YAML header for static site generators (Jekyll, Hugo, Eleventy): title, date, modified, slug, link,
 * author, categories, tags. Every string is a double-quoted YAML scalar (JSON's escapes are YAML's), so no
 * title can end the header or start a document; what the blog did not give is null.
 */
export function frontMatterOf(post: Post): string {
	const scalar = (value: string | undefined): string => (value === undefined || value === '' ? 'null' : JSON.stringify(cleanLine(value)));
	const list = (values: readonly string[]): string => `[${values.map(value => JSON.stringify(cleanLine(value))).join(', ')}]`;
	const lines = [
		'---',
		`title: ${post.untitled ? 'null' : scalar(post.title)}`,
		`date: ${scalar(post.date)}`,
		`modified: ${scalar(post.modified)}`,
		`slug: ${scalar(post.slug)}`,
		`link: ${scalar(post.link)}`,
		`author: ${scalar(post.author)}`,
		`categories: ${list(post.categories.map(term => term.name))}`,
		`tags: ${list(post.tags.map(term => term.name))}`,
		'---',
	];
	return `${lines.join('\n')}\n\n`;
}

function neighbourLink(direction: 'previous' | 'next', link: PostLink | undefined, baseUrl: string): string {
	if (!link) return '';
	const text = direction === 'previous' ? `« ${link.title}` : `${link.title} »`;
	return markdownLink(text, link.link, baseUrl);
}

function commentBlocks(comments: readonly Comment[], baseUrl: string): string[] {
	const count = comments.length;
	const blocks = [`## ${count === 0 ? 'No comments' : count === 1 ? '1 comment' : `${count} comments`}`];
	for (const {comment, depth} of buildThread(comments)) {
		const quote = '>'.repeat(depth + 1);
		// The commenter's website, as the text's Dana[1] and JSON's authorUrl give it: the name is its link.
		const byline = comment.authorUrl ? markdownLink(commentByline(comment), comment.authorUrl, baseUrl) : escapeMarkdown(commentByline(comment));
		const head = [`**${byline}**`, escapeMarkdown(formatDate(comment.date))].filter(Boolean).join(' · ');
		const text = htmlToMarkdown(comment.html, baseUrl || undefined).trim();
		const lines = [head, '', ...text.split('\n')];
		blocks.push(lines.map(line => (line === '' ? quote : `${quote} ${line}`)).join('\n'));
	}
	return blocks;
}
