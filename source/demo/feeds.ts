// The demo blog's RSS 2.0 feeds, as WordPress's feed-rss2.php and feed-rss2-comments.php write them.

import type {Blog, BlogPost} from './blog.js';
import type {CommentStore, StoredComment} from './comment-store.js';
import {displayTitle, passwordForm, protectedExcerpt, wordpressVersion} from './pages.js';
import {escapeText, renderCommentContent, rfc822Date, stripTags} from './wp-text.js';

export type FeedContext = {
	readonly blog: Blog;
	readonly store: CommentStore;
	readonly base: string;
};

/** WordPress's posts_per_rss default. */
export const itemsPerFeed = 10;

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const parseGmt = (date: string) => new Date(`${date.replace(' ', 'T')}Z`);

function approved(store: CommentStore): StoredComment[] {
	return store.all().filter(comment => comment.approved);
}

/**
 * The posts feed, page `page` (`?paged=N`). Past the last page WordPress sets a 404 status
 * but still writes the feed, with no items.
 */
export function postsFeed(context: FeedContext, page: number, selfUrl: string): {status: number; xml: string} {
	const posts = context.blog.posts.slice((page - 1) * itemsPerFeed, page * itemsPerFeed);
	return {status: posts.length === 0 ? 404 : 200, xml: feedOfPosts(context, posts, selfUrl)};
}

/** The feed of one post alone (`?feed=rss2&p=ID&withoutcomments=1`): its item, with the blog's count of its comments. */
export function postFeed(context: FeedContext, post: BlogPost, selfUrl: string): string {
	return feedOfPosts(context, [post], selfUrl);
}

/** Every approved entry of a post counts, pingbacks and trackbacks too (get_comments_number). */
function feedOfPosts(context: FeedContext, posts: readonly BlogPost[], selfUrl: string): string {
	const {blog, base} = context;
	const comments = approved(context.store);
	const items = posts.map(post => {
		const count = comments.filter(comment => comment.post === post.id).length;
		const url = `${base}${post.path}`;
		const terms = [...post.categories, ...post.tags].map(term => `\t\t<category>${cdata(term.name)}</category>`).join('\n');
		const description = post.password === undefined ? `${post.excerptText}${post.excerptCut ? ' [&#8230;]' : ''}` : protectedExcerpt;
		const content = post.password === undefined ? post.content : passwordForm(base, post);
		return `	<item>
		<title>${escapeText(displayTitle(post))}</title>
		<link>${url}</link>
					<comments>${url}#${count === 0 ? 'respond' : 'comments'}</comments>
		
		<dc:creator>${cdata(post.author.name)}</dc:creator>
		<pubDate>${rfc822Date(post.date)}</pubDate>
${terms}
		<guid isPermaLink="false">${base}/?p=${post.id}</guid>

					<description>${cdata(description)}</description>
										<content:encoded>${cdata(content)}</content:encoded>
					
					<wfw:commentRss>${url}feed/</wfw:commentRss>
			<slash:comments>${count}</slash:comments>
		
		
			</item>`;
	});
	const lastBuild = blog.posts[0]?.date ?? new Date(0);
	const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>${escapeText(blog.name)}</title>
	<atom:link href="${escapeText(selfUrl)}" rel="self" type="application/rss+xml" />
	<link>${base}</link>
	<description>${escapeText(blog.description)}</description>
	<lastBuildDate>${rfc822Date(lastBuild)}</lastBuildDate>
	<language>en-US</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v=${wordpressVersion}</generator>
${items.join('\n')}
	</channel>
</rss>
`;
	return xml;
}

/** The comments feed of the whole blog, or of one post: the 10 newest approved comments. */
export function commentsFeed(context: FeedContext, post: BlogPost | undefined, selfUrl: string): string {
	const {blog, base} = context;
	const all = approved(context.store);
	const comments = all
		.filter(comment => !post || comment.post === post.id)
		.sort((a, b) => b.dateGmt.localeCompare(a.dateGmt) || b.id - a.id)
		.slice(0, itemsPerFeed);
	const items = comments.map(comment => {
		const commentPost = blog.postById(comment.post)!;
		const url = `${base}${commentPost.path}`;
		// get_comment_text() in a comment feed starts a reply with "In reply to NAME."
		const parent = comment.parent === 0 ? undefined : all.find(candidate => candidate.id === comment.parent);
		const inReplyTo = parent ? `In reply to <a href="${url}#comment-${parent.id}">${parent.authorName}</a>.\n\n` : '';
		const title = post ? `By: ${comment.authorName}` : `Comment on ${displayTitle(commentPost)} by ${comment.authorName}`;
		// A password-protected post's comments are named in its feeds, but not given out.
		const description = commentPost.password === undefined
			? cdata(escapeText(stripTags(`${inReplyTo}${comment.content}`)))
			: 'Protected Comments: Please enter your password to view comments.';
		const content = commentPost.password === undefined ? renderCommentContent(`${inReplyTo}${comment.content}`) : passwordForm(base, commentPost);
		return `	<item>
		<title>${escapeText(title)}</title>
		<link>${url}#comment-${comment.id}</link>

		<dc:creator>${cdata(comment.authorName)}</dc:creator>
		<pubDate>${rfc822Date(parseGmt(comment.dateGmt))}</pubDate>
		<guid isPermaLink="false">${base}/?p=${commentPost.id}#comment-${comment.id}</guid>

					<description>${description}</description>
		<content:encoded>${cdata(content)}</content:encoded>

						</item>`;
	});
	const lastBuild = comments[0] ? parseGmt(comments[0].dateGmt) : (post?.date ?? blog.posts[0]?.date ?? new Date(0));
	const title = post ? `Comments on: ${displayTitle(post)}` : `Comments for ${blog.name}`;
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	
	>
<channel>
	<title>
	${escapeText(title)}	</title>
	<atom:link href="${escapeText(selfUrl)}" rel="self" type="application/rss+xml" />
	<link>${post ? `${base}${post.path}` : base}</link>
	<description>${escapeText(blog.description)}</description>
	<lastBuildDate>${rfc822Date(lastBuild)}</lastBuildDate>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v=${wordpressVersion}</generator>
${items.join('\n')}
</channel>
</rss>
`;
}
