// The demo blog's HTML pages, in the markup a classic WordPress theme produces: the home page and
// archives, post pages with the comment list and WordPress's own comment form, 404, and wp_die.

import type {Blog, BlogPost} from './blog.js';
import type {CommentStore, StoredComment} from './comment-store.js';
import {escapeHtml, escapeText, isoDate, longDate, renderCommentContent, shortTime, stripTags, wpHash} from './wp-text.js';

export type PageContext = {
	readonly blog: Blog;
	readonly store: CommentStore;
	readonly base: string;
	readonly mode: 'wordpress' | 'feed-only';
	/** Key for the `moderation-hash` of held comments. */
	readonly salt: string;
};

/** Which held comments this visitor may see, and which comment the form replies to. */
export type Viewer = {
	readonly unapprovedId?: number;
	readonly moderationHash?: string;
	readonly cookieEmail?: string;
	readonly replyTo?: number;
};

export const wordpressVersion = '6.7.1';

/** get_the_title() outside the REST API: a password-protected post's title says so. */
export function displayTitle(post: BlogPost): string {
	return post.password === undefined ? post.title : `Protected: ${post.title}`;
}

/** get_the_password_form(): what a password-protected post shows instead of its body. */
export function passwordForm(base: string, post: BlogPost): string {
	return `<form action="${base}/wp-login.php?action=postpass" class="post-password-form" method="post"><p>This content is password protected. To view it please enter your password below:</p>
<p><label for="pwbox-${post.id}">Password: <input name="post_password" id="pwbox-${post.id}" type="password" spellcheck="false" size="20" /></label> <input type="submit" name="Submit" value="Enter" /></p></form>
`;
}

export const protectedExcerpt = 'There is no excerpt because this is a protected post.';
export const postsPerPage = 10;

function head(context: PageContext, title: string, extra: string[] = []): string {
	const {base, blog} = context;
	const name = escapeHtml(blog.name);
	const lines = [
		'<!DOCTYPE html>',
		'<html lang="en-US">',
		'<head>',
		'<meta charset="UTF-8" />',
		'<meta name="viewport" content="width=device-width, initial-scale=1" />',
		'<meta name=\'robots\' content=\'max-image-preview:large\' />',
		`<title>${title}</title>`,
		`<link rel="alternate" type="application/rss+xml" title="${name} &raquo; Feed" href="${base}/feed/" />`,
		`<link rel="alternate" type="application/rss+xml" title="${name} &raquo; Comments Feed" href="${base}/comments/feed/" />`,
		...extra.filter(line => line.startsWith('<link rel="alternate" type="application/rss+xml"')),
	];
	if (context.mode === 'wordpress') {
		lines.push(
			`<link rel="https://api.w.org/" href="${base}/wp-json/" />`,
			...extra.filter(line => line.includes('application/json')),
			`<link rel="EditURI" type="application/rsd+xml" title="RSD" href="${base}/xmlrpc.php?rsd" />`,
		);
	}
	lines.push(
		`<meta name="generator" content="WordPress ${wordpressVersion}" />`,
		...extra.filter(line => !line.startsWith('<link rel="alternate"')),
		'</head>',
	);
	return lines.join('\n');
}

function siteHeader(context: PageContext): string {
	return [
		'<div id="page" class="site">',
		'<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>',
		'<header id="masthead" class="site-header">',
		`<p class="site-title"><a href="${context.base}/" rel="home">${escapeHtml(context.blog.name)}</a></p>`,
		`<p class="site-description">${escapeHtml(context.blog.description)}</p>`,
		'</header>',
		'<div id="primary" class="content-area"><main id="main" class="site-main">',
	].join('\n');
}

const siteFooter = [
	'</main></div>',
	'<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer>',
	'</div>',
	'</body>',
	'</html>',
	'',
].join('\n');

function postClasses(post: BlogPost): string {
	return [
		`post-${post.id}`, 'post', 'type-post', 'status-publish', 'format-standard', 'hentry',
		...post.categories.map(term => `category-${term.slug}`),
		...post.tags.map(term => `tag-${term.slug}`),
	].join(' ');
}

function postedOn(context: PageContext, post: BlogPost): string {
	const url = `${context.base}${post.path}`;
	return `<div class="entry-meta"><span class="posted-on">Posted on <a href="${url}" rel="bookmark"><time class="entry-date published updated" datetime="${isoDate(post.date)}+00:00">${longDate(post.date)}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="${context.base}/author/${post.author.slug}/">${escapeHtml(post.author.name)}</a></span></span></div>`;
}

function approvedCount(context: PageContext, post: BlogPost): number {
	return context.store.all().filter(comment => comment.post === post.id && comment.approved).length;
}

function commentsLinkText(count: number): string {
	if (count === 0) return 'Leave a comment';
	return count === 1 ? '1 Comment' : `${count} Comments`;
}

/** The home page, an archive page or a search: a list of post excerpts with older/newer links. */
export function listPage(context: PageContext, options: {
	readonly title: string;
	readonly heading?: string;
	readonly bodyClass: string;
	readonly posts: readonly BlogPost[];
	readonly page: number;
	/** '/', '/category/tools/': where page N lives (`${path}page/N/`). */
	readonly path: string;
}): string | undefined {
	const {base} = context;
	const pages = Math.max(1, Math.ceil(options.posts.length / postsPerPage));
	if (options.page > pages) return undefined;
	const shown = options.posts.slice((options.page - 1) * postsPerPage, options.page * postsPerPage);
	const pageUrl = (page: number) => page === 1 ? `${base}${options.path}` : `${base}${options.path}page/${page}/`;
	const articles = shown.map(post => {
		const url = `${base}${post.path}`;
		const count = approvedCount(context, post);
		return [
			`<article id="post-${post.id}" class="${postClasses(post)}">`,
			`<header class="entry-header"><h2 class="entry-title"><a href="${url}" rel="bookmark">${displayTitle(post)}</a></h2>`,
			postedOn(context, post),
			'</header>',
			post.password !== undefined ? `<div class="entry-summary"><p>${protectedExcerpt}</p>\n</div>` : `<div class="entry-summary"><p>${post.excerptText}${post.excerptCut ? ` &hellip; <a href="${url}" class="more-link">Continue reading<span class="screen-reader-text"> &#8220;${post.title}&#8221;</span></a>` : ''}</p>\n</div>`,
			`<footer class="entry-footer"><span class="comments-link"><a href="${url}#${count === 0 ? 'respond' : 'comments'}">${commentsLinkText(count)}<span class="screen-reader-text"> on ${post.title}</span></a></span></footer>`,
			'</article>',
		].join('\n');
	});
	const navigation: string[] = [];
	if (options.page < pages) navigation.push(`<div class="nav-previous"><a href="${pageUrl(options.page + 1)}" >Older posts</a></div>`);
	if (options.page > 1) navigation.push(`<div class="nav-next"><a href="${pageUrl(options.page - 1)}" >Newer posts</a></div>`);
	const title = options.page > 1 ? `${options.title} &#8211; Page ${options.page}` : options.title;
	return [
		head(context, title, options.page > 1 ? [`<link rel="prev" href="${pageUrl(options.page - 1)}" />`] : []),
		`<body class="${options.bodyClass}${options.page > 1 ? ` paged paged-${options.page}` : ''}">`,
		siteHeader(context),
		options.heading ? `<header class="page-header"><h1 class="page-title">${options.heading}</h1></header>` : '',
		...articles,
		navigation.length > 0 ? `<nav class="navigation posts-navigation" aria-label="Posts">\n<h2 class="screen-reader-text">Posts navigation</h2>\n<div class="nav-links">${navigation.join('')}</div>\n</nav>` : '',
		siteFooter,
	].filter(Boolean).join('\n');
}

/** The comments a visitor sees under a post: approved ones, and their own held ones (WordPress's include_unapproved). */
function visibleComments(context: PageContext, post: BlogPost, viewer: Viewer): StoredComment[] {
	return context.store.all().filter(comment => {
		if (comment.post !== post.id) return false;
		if (comment.approved) return true;
		if (viewer.cookieEmail && viewer.cookieEmail.toLowerCase() === comment.authorEmail.toLowerCase()) return true;
		return viewer.unapprovedId === comment.id && viewer.moderationHash === wpHash(comment.dateGmt, context.salt);
	});
}

/** Walker_Comment's note on a held comment: shorter to a writer who carries the comment_author_email cookie. */
function moderationNote(viewer: Viewer): string {
	return viewer.cookieEmail
		? 'Your comment is awaiting moderation.'
		: 'Your comment is awaiting moderation. This is a preview; your comment will be visible after it has been approved.';
}

function commentItem(context: PageContext, post: BlogPost, comment: StoredComment, children: Map<number, StoredComment[]>, depth: number, parity: {even: boolean}, viewer: Viewer): string {
	const postUrl = `${context.base}${post.path}`;
	const date = new Date(`${comment.dateGmt.replace(' ', 'T')}Z`);
	const author = comment.authorUrl
		? `<a href="${escapeHtml(comment.authorUrl)}" class="url" rel="ugc external nofollow">${comment.authorName}</a>`
		: comment.authorName;
	const kids = children.get(comment.id) ?? [];
	if (comment.type !== undefined) {
		// As Walker_Comment::ping() writes one: its type for a class, "Pingback:" and the linking page.
		const classes = [comment.type, parity.even ? 'even' : 'odd', depth === 1 ? (parity.even ? 'thread-even' : 'thread-odd') : '', `depth-${depth}`].filter(Boolean).join(' ');
		parity.even = !parity.even;
		return `<li id="comment-${comment.id}" class="${classes}">\n<div class="comment-body">\n${comment.type === 'pingback' ? 'Pingback' : 'Trackback'}: ${author} \n</div>\n</li>`;
	}
	const classes = ['comment', parity.even ? 'even' : 'odd', depth === 1 ? (parity.even ? 'thread-even' : 'thread-odd') : '', `depth-${depth}`, kids.length > 0 ? 'parent' : ''].filter(Boolean).join(' ');
	parity.even = !parity.even;
	const moderation = comment.approved ? '' : `<em class="comment-awaiting-moderation">${moderationNote(viewer)}</em>`;
	const reply = post.commentsOpen && comment.approved && depth < 5
		? `<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${postUrl}?replytocom=${comment.id}#respond" data-commentid="${comment.id}" data-postid="${post.id}" data-belowelement="div-comment-${comment.id}" data-respondelement="respond" data-replyto="Reply to ${comment.authorName}" aria-label="Reply to ${comment.authorName}">Reply</a></div>`
		: '';
	return [
		`<li id="comment-${comment.id}" class="${classes}">`,
		`<article id="div-comment-${comment.id}" class="comment-body">`,
		'<footer class="comment-meta">',
		`<div class="comment-author vcard"><b class="fn">${author}</b> <span class="says">says:</span></div>`,
		`<div class="comment-metadata"><a href="${postUrl}#comment-${comment.id}"><time datetime="${comment.dateGmt.replace(' ', 'T')}+00:00">${longDate(date)} at ${shortTime(date)}</time></a></div>`,
		moderation,
		'</footer>',
		`<div class="comment-content">${renderCommentContent(comment.content)}</div>`,
		reply,
		'</article>',
		kids.length > 0 ? `<ol class="children">\n${kids.map(kid => commentItem(context, post, kid, children, depth + 1, parity, viewer)).join('\n')}\n</ol>` : '',
		'</li>',
	].filter(Boolean).join('\n');
}

/** WordPress's comment_form() for an anonymous visitor, HTML5 markup. */
function commentForm(context: PageContext, post: BlogPost, replyTo: StoredComment | undefined): string {
	const postUrl = `${context.base}${post.path}`;
	const title = replyTo
		? `Leave a Reply to <a href="#comment-${replyTo.id}">${replyTo.authorName}</a>`
		: 'Leave a Reply';
	const cancel = `<small><a rel="nofollow" id="cancel-comment-reply-link" href="${postUrl}#respond"${replyTo ? '' : ' style="display:none;"'}>Cancel reply</a></small>`;
	return [
		'<div id="respond" class="comment-respond">',
		`<h3 id="reply-title" class="comment-reply-title">${title} ${cancel}</h3><form action="${context.base}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p><p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p><p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>`,
		'<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required /></p>',
		'<p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>',
		'<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>',
		`<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='${post.id}' id='comment_post_ID' />`,
		`<input type='hidden' name='comment_parent' id='comment_parent' value='${replyTo?.id ?? 0}' />`,
		'</p></form>\t</div><!-- #respond -->',
	].join('\n');
}

function commentsArea(context: PageContext, post: BlogPost, viewer: Viewer): string {
	if (post.password !== undefined) {
		return '<div id="comments" class="comments-area">\n<p class="nocomments">This post is password protected. Enter the password to view comments.</p>\n</div><!-- #comments -->';
	}
	const comments = visibleComments(context, post, viewer);
	const count = approvedCount(context, post);
	const children = new Map<number, StoredComment[]>();
	const visibleIds = new Set(comments.map(comment => comment.id));
	const roots: StoredComment[] = [];
	for (const comment of [...comments].sort((a, b) => a.dateGmt.localeCompare(b.dateGmt) || a.id - b.id)) {
		if (comment.parent !== 0 && visibleIds.has(comment.parent)) {
			children.set(comment.parent, [...(children.get(comment.parent) ?? []), comment]);
		} else {
			roots.push(comment);
		}
	}
	const parts = ['<div id="comments" class="comments-area">'];
	if (comments.length > 0) {
		const title = count === 1 ? `One thought on &ldquo;${post.title}&rdquo;` : `${count} thoughts on &ldquo;${post.title}&rdquo;`;
		const parity = {even: true};
		parts.push(
			`<h2 class="comments-title">\n${title}</h2>`,
			`<ol class="comment-list">\n${roots.map(comment => commentItem(context, post, comment, children, 1, parity, viewer)).join('\n')}\n</ol><!-- .comment-list -->`,
		);
	}
	if (post.commentsOpen) {
		const replyTo = viewer.replyTo === undefined ? undefined : comments.find(comment => comment.id === viewer.replyTo && comment.approved);
		parts.push(commentForm(context, post, replyTo));
	} else {
		parts.push('<p class="no-comments">Comments are closed.</p>');
	}
	parts.push('</div><!-- #comments -->');
	return parts.join('\n');
}

/** A post's own page. */
export function postPage(context: PageContext, post: BlogPost, viewer: Viewer): string {
	const {base, blog} = context;
	const url = `${base}${post.path}`;
	const index = blog.posts.indexOf(post);
	const newer = blog.posts[index - 1];
	const older = blog.posts[index + 1];
	// esc_attr: quotes escaped, entities already in the title kept as they are.
	const plainTitle = escapeText(stripTags(post.title)).replaceAll('"', '&quot;');
	const title = displayTitle(post);
	const body = post.password === undefined ? post.content : passwordForm(base, post);
	const extra = [
		`<link rel="alternate" type="application/rss+xml" title="${escapeHtml(blog.name)} &raquo; ${plainTitle} Comments Feed" href="${url}feed/" />`,
		`<link rel="alternate" title="JSON" type="application/json" href="${base}/wp-json/wp/v2/posts/${post.id}" />`,
		`<link rel="canonical" href="${url}" />`,
		`<link rel='shortlink' href='${base}/?p=${post.id}' />`,
	].filter(line => context.mode === 'wordpress' || !line.includes('application/json'));
	const categories = post.categories.map(term => `<a href="${base}/category/${term.slug}/" rel="category tag">${escapeHtml(term.name)}</a>`).join(', ');
	const tags = post.tags.map(term => `<a href="${base}/tag/${term.slug}/" rel="tag">${escapeHtml(term.name)}</a>`).join(', ');
	const jetpack = post.jetpackRelated
		? '\n<div id=\'jp-relatedposts\' class=\'jp-relatedposts\' >\n\t<h3 class="jp-relatedposts-headline"><em>Related</em></h3>\n</div>'
		: '';
	const navigation: string[] = [];
	if (older) navigation.push(`<div class="nav-previous"><a href="${base}${older.path}" rel="prev"><span class="nav-subtitle">Previous:</span> <span class="nav-title">${displayTitle(older)}</span></a></div>`);
	if (newer) navigation.push(`<div class="nav-next"><a href="${base}${newer.path}" rel="next"><span class="nav-subtitle">Next:</span> <span class="nav-title">${displayTitle(newer)}</span></a></div>`);
	return [
		head(context, `${title} &#8211; ${escapeHtml(blog.name)}`, extra),
		`<body class="post-template-default single single-post postid-${post.id} single-format-standard">`,
		siteHeader(context),
		`<article id="post-${post.id}" class="${postClasses(post)}">`,
		`<header class="entry-header"><h1 class="entry-title">${title}</h1>`,
		postedOn(context, post),
		'</header>',
		`<div class="entry-content">\n${body}${jetpack}\n</div><!-- .entry-content -->`,
		`<footer class="entry-footer"><span class="cat-links">Posted in ${categories}</span>${tags ? `<span class="tags-links">Tagged ${tags}</span>` : ''}</footer>`,
		'</article>',
		`<nav class="navigation post-navigation" aria-label="Posts">\n<h2 class="screen-reader-text">Post navigation</h2>\n<div class="nav-links">${navigation.join('')}</div>\n</nav>`,
		commentsArea(context, post, viewer),
		siteFooter,
	].join('\n');
}

/** The theme's 404 page. */
export function notFoundPage(context: PageContext): string {
	return [
		head(context, `Page not found &#8211; ${escapeHtml(context.blog.name)}`),
		'<body class="error404">',
		siteHeader(context),
		'<section class="error-404 not-found">',
		'<header class="page-header"><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1></header>',
		'<div class="page-content"><p>It looks like nothing was found at this location. Maybe try one of the links below or a search?</p></div>',
		'</section>',
		siteFooter,
	].join('\n');
}

/** WordPress's _default_wp_die_handler page. `message` is HTML. */
export function wpDiePage(title: string, message: string, backLink: boolean): string {
	const back = backLink ? '\n<p><a href=\'javascript:history.back()\'>&laquo; Back</a></p>' : '';
	return `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width">
	<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>${title}</title>
	<style type="text/css">
		html {
			background: #f1f1f1;
		}
		body {
			background: #fff;
			border: 1px solid #ccd0d4;
			color: #444;
			font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen-Sans, Ubuntu, Cantarell, "Helvetica Neue", sans-serif;
			margin: 2em auto;
			padding: 1em 2em;
			max-width: 700px;
			-webkit-box-shadow: 0 1px 1px rgba(0, 0, 0, .04);
			box-shadow: 0 1px 1px rgba(0, 0, 0, .04);
		}
		h1 {
			border-bottom: 1px solid #dadada;
			clear: both;
			color: #666;
			font-size: 24px;
			margin: 30px 0 0 0;
			padding: 0;
			padding-bottom: 7px;
		}
		#error-page {
			margin-top: 50px;
		}
		#error-page p,
		#error-page .wp-die-message {
			font-size: 14px;
			line-height: 1.5;
			margin: 25px 0 20px;
		}
		#error-page code {
			font-family: Consolas, Monaco, monospace;
		}
		a {
			color: #2271b1;
		}
	</style>
</head>
<body id="error-page">
	<div class="wp-die-message">${message}</div>${back}</body>
</html>
`;
}
