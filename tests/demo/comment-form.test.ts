import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {seededApprovedCommenter, specialPosts} from '../../source/demo/content/index.js';
import {waitUntil} from '../helpers/poll.js';
import {makeDataDir, startTestBlog} from './demo-server.js';
import type {TestBlog} from './demo-server.js';
import type {RestComment} from './rest-shapes.js';

type PostInfo = {id: number; link: string};

async function postInfo(blog: TestBlog, slug: string): Promise<PostInfo> {
	const {body} = await blog.json<PostInfo[]>(`/wp-json/wp/v2/posts?slug=${slug}&_fields=id,link`);
	assert.ok(body[0], `a post with the slug ${slug}`);
	return body[0];
}

async function restComments(blog: TestBlog, post: number): Promise<RestComment[]> {
	return (await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${post}&per_page=100`)).body;
}

let unique = 0;
const fresh = (prefix: string) => `${prefix} ${++unique} ${Date.now()}`;

/** Reads a wp_die page: its title and the message in .wp-die-message. */
function diePage(html: string): {title: string; message: string} {
	return {
		title: /<title>(.*)<\/title>/.exec(html)?.[1] ?? '',
		message: /<div class="wp-die-message"><p>(.*?)<\/p><\/div>/s.exec(html)?.[1] ?? '',
	};
}

describe('comment form outcomes', () => {
	let blog: TestBlog;
	let post: PostInfo;
	before(async () => {
		blog = await startTestBlog({floodIntervalMs: 0});
		post = await postInfo(blog, specialPosts.withoutJetpack);
	});
	after(async () => blog.dispose());

	test('the seeded approved commenter is published at once: 302 to POST-URL#comment-ID', async () => {
		const text = fresh('Published comment');
		const response = await blog.comment({
			comment_post_ID: String(post.id), comment_parent: '0', comment: text,
			author: seededApprovedCommenter.name, email: seededApprovedCommenter.email, url: '',
		});
		assert.equal(response.status, 302);
		const location = response.headers.get('location')!;
		const match = new RegExp(`^${post.link.replaceAll(/[.?]/g, '\\$&')}#comment-(\\d+)$`).exec(location);
		assert.ok(match, location);
		const comments = await restComments(blog, post.id);
		const mine = comments.find(c => c.id === Number(match[1]));
		assert.ok(mine, 'listed by the REST API');
		assert.equal(mine.content.rendered, `<p>${text}</p>\n`);
		assert.equal(mine.author_name, 'Robin Reader');
	});

	test('a first-time commenter is held: the Location carries unapproved and moderation-hash', async () => {
		const text = fresh('Held comment');
		const response = await blog.comment({
			comment_post_ID: String(post.id), comment_parent: '0', comment: text,
			author: 'New Person', email: `new${unique}@example.com`, url: '',
		});
		assert.equal(response.status, 302);
		const location = new URL(response.headers.get('location')!);
		assert.equal(`${location.origin}${location.pathname}`, post.link);
		const id = location.searchParams.get('unapproved');
		assert.match(id ?? '', /^\d+$/);
		assert.match(location.searchParams.get('moderation-hash') ?? '', /^[\da-f]{32}$/);
		assert.equal(location.hash, `#comment-${id}`);

		assert.ok(!(await restComments(blog, post.id)).some(c => c.id === Number(id)), 'not listed by the REST API');
		const single = await blog.fetch(`/wp-json/wp/v2/comments/${id}`);
		assert.equal(single.status, 401);

		const page = await (await blog.fetch(location.href)).text();
		assert.ok(page.includes(`id="comment-${id}"`), 'shown to its writer through the link');
		// Walker_Comment's note to a writer without the comment_author_email cookie.
		assert.ok(page.includes('<em class="comment-awaiting-moderation">Your comment is awaiting moderation. This is a preview; your comment will be visible after it has been approved.</em>'));
		const others = await (await blog.fetch(post.link)).text();
		assert.ok(!others.includes(`id="comment-${id}"`), 'hidden from everyone else');
	});

	test('a held comment sent with cookie consent is recognised by its cookie, as WordPress does', async () => {
		const response = await blog.comment({
			comment_post_ID: String(post.id), comment_parent: '0', comment: fresh('Held with consent'),
			author: 'Cookie Person', email: 'cookie@example.com', url: 'cookie.example.com', 'wp-comment-cookies-consent': 'yes',
		});
		assert.equal(response.status, 302);
		const location = response.headers.get('location')!;
		assert.match(location, /^[^?]+#comment-\d+$/);
		const cookies = response.headers.getSetCookie();
		assert.ok(cookies.some(cookie => /^comment_author_email_[\da-f]{32}=cookie%40example\.com;/.test(cookie)));
		const emailCookie = cookies.find(cookie => cookie.startsWith('comment_author_email_'))!.split(';')[0]!;
		const id = /#comment-(\d+)$/.exec(location)![1];
		const page = await (await blog.fetch(location, {headers: {cookie: emailCookie}})).text();
		assert.ok(page.includes(`id="comment-${id}"`));
		// With the cookie, WordPress's note is the short one (Walker_Comment: the commenter has an email).
		assert.ok(page.includes('<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em>'));
	});

	test('a duplicate is 409 "Comment Submission Failure"', async () => {
		const fields = {
			comment_post_ID: String(post.id), comment_parent: '0', comment: fresh('Said twice'),
			author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
		};
		assert.equal((await blog.comment(fields)).status, 302);
		const response = await blog.comment(fields);
		assert.equal(response.status, 409);
		assert.equal(response.headers.get('content-type'), 'text/html; charset=UTF-8');
		const page = diePage(await response.text());
		assert.equal(page.title, 'Comment Submission Failure');
		assert.equal(page.message, 'Duplicate comment detected; it looks as though you&#8217;ve already said that!');
	});

	test('missing name or email is 200 with "Please fill the required fields."', async () => {
		for (const fields of [{author: '', email: 'someone@example.com'}, {author: 'Someone', email: ''}]) {
			const response = await blog.comment({comment_post_ID: String(post.id), comment: 'Hello', ...fields});
			assert.equal(response.status, 200);
			const page = diePage(await response.text());
			assert.equal(page.title, 'Comment Submission Failure');
			assert.equal(page.message, '<strong>Error:</strong> Please fill the required fields.');
		}
	});

	test('an invalid email is 200 with "Please enter a valid email address."', async () => {
		const response = await blog.comment({comment_post_ID: String(post.id), comment: 'Hello', author: 'Someone', email: 'not-an-email'});
		assert.equal(response.status, 200);
		assert.equal(diePage(await response.text()).message, '<strong>Error:</strong> Please enter a valid email address.');
	});

	test('an empty comment is 200 with "Please type your comment text."', async () => {
		const response = await blog.comment({comment_post_ID: String(post.id), comment: '   ', author: 'Someone', email: 'someone@example.com'});
		assert.equal(response.status, 200);
		assert.equal(diePage(await response.text()).message, '<strong>Error:</strong> Please type your comment text.');
	});

	test('a name longer than 245 bytes is refused, counting bytes not characters', async () => {
		const response = await blog.comment({comment_post_ID: String(post.id), comment: 'Hi', author: 'é'.repeat(123), email: 'someone@example.com'});
		assert.equal(response.status, 200);
		assert.equal(diePage(await response.text()).message, '<strong>Error:</strong> Your name is too long.');
	});

	test('a post with comments closed answers 403', async () => {
		const closed = await postInfo(blog, specialPosts.commentsClosed);
		const response = await blog.comment({
			comment_post_ID: String(closed.id), comment: 'Hello', author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
		});
		assert.equal(response.status, 403);
		assert.equal(diePage(await response.text()).message, 'Sorry, comments are closed for this item.');
	});

	test('an unknown post gets WordPress\'s silent empty 200', async () => {
		const response = await blog.comment({comment_post_ID: '999999', comment: 'Hello', author: 'Someone', email: 'someone@example.com'});
		assert.equal(response.status, 200);
		assert.equal(await response.text(), '');
	});

	test('a comment on a password-protected post gets the same silent empty 200, and is not kept', async () => {
		const locked = await postInfo(blog, specialPosts.passwordProtected);
		const text = fresh('Without the password');
		const response = await blog.comment({comment_post_ID: String(locked.id), comment: text, author: seededApprovedCommenter.name, email: seededApprovedCommenter.email});
		assert.equal(response.status, 200);
		assert.equal(await response.text(), '');
		const kept = (await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${locked.id}&password=sesame`)).body;
		assert.ok(!kept.some(comment => comment.content.rendered.includes(text)));
	});

	test('the password form (wp-login.php?action=postpass) sets the wp-postpass cookie; with it a comment on the protected post is taken, with a wrong one it is dropped as without', async () => {
		const locked = await postInfo(blog, specialPosts.passwordProtected);
		const postpass = async (password: string) => blog.fetch('/wp-login.php?action=postpass', {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams({post_password: password}).toString(),
		});
		const cookieOf = (response: Response) => response.headers.getSetCookie().map(cookie => cookie.split(';')[0]!).find(pair => pair.startsWith('wp-postpass_'));
		const right = await postpass('sesame');
		assert.equal(right.status, 200, 'no Referer: nowhere to go back to, as WordPress');
		const rightCookie = cookieOf(right);
		assert.match(rightCookie ?? '', /^wp-postpass_[\da-f]{32}=\S+$/);
		assert.doesNotMatch(rightCookie!, /sesame/, 'a hash of the password, never the password');
		const withReferer = await blog.fetch('/wp-login.php?action=postpass', {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded', Referer: locked.link},
			body: 'post_password=sesame',
		});
		assert.equal(withReferer.status, 302);
		assert.equal(withReferer.headers.get('location'), locked.link);

		const send = async (text: string, cookie: string) => {
			const response = await blog.fetch('/wp-comments-post.php', {
				method: 'POST',
				headers: {'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie},
				body: new URLSearchParams({comment_post_ID: String(locked.id), comment: text, author: seededApprovedCommenter.name, email: seededApprovedCommenter.email}).toString(),
			});
			return {status: response.status, location: response.headers.get('location'), body: await response.text()};
		};
		const wrongText = fresh('With a wrong password');
		const wrong = await send(wrongText, cookieOf(await postpass('open'))!);
		assert.deepEqual(wrong, {status: 200, location: null, body: ''});
		const text = fresh('With the password');
		const taken = await send(text, rightCookie!);
		assert.equal(taken.status, 302);
		assert.match(taken.location ?? '', /#comment-\d+$/);
		const kept = (await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${locked.id}&password=sesame`)).body;
		assert.ok(kept.some(comment => comment.content.rendered.includes(text)), 'published under the post');
		assert.ok(!kept.some(comment => comment.content.rendered.includes(wrongText)), 'the wrong password\'s comment is not kept');
	});

	test('a reply to an approved comment is threaded under it', async () => {
		const [parent] = await restComments(blog, post.id);
		assert.ok(parent, 'an approved comment to reply to');
		const response = await blog.comment({
			comment_post_ID: String(post.id), comment_parent: String(parent.id), comment: fresh('A reply'),
			author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
		});
		assert.equal(response.status, 302);
		const id = Number(/#comment-(\d+)$/.exec(response.headers.get('location')!)![1]);
		const reply = (await restComments(blog, post.id)).find(c => c.id === id);
		assert.equal(reply?.parent, parent.id);
	});

	test('a reply to a held comment is refused with 403', async () => {
		const held = await blog.comment({comment_post_ID: String(post.id), comment: fresh('Held parent'), author: 'Stranger', email: 'stranger@example.com'});
		const heldId = new URL(held.headers.get('location')!).searchParams.get('unapproved')!;
		const response = await blog.comment({
			comment_post_ID: String(post.id), comment_parent: heldId, comment: fresh('Reply to held'),
			author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
		});
		assert.equal(response.status, 403);
		assert.equal(diePage(await response.text()).message, 'Sorry, replies to unapproved comments are not allowed.');
	});

	test('markup a commenter may not use is removed, and the name is escaped', async () => {
		const response = await blog.comment({
			comment_post_ID: String(post.id), comment: fresh('<script>alert(1)</script><b onclick="x()">bold</b> & more'),
			author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
		});
		const id = Number(/#comment-(\d+)$/.exec(response.headers.get('location')!)![1]);
		const comment = (await restComments(blog, post.id)).find(c => c.id === id);
		assert.ok(comment, 'listed by the REST API');
		assert.ok(!comment.content.rendered.includes('<script'));
		assert.ok(comment.content.rendered.includes('<b>bold</b> &amp; more'));
	});

	test('GET on wp-comments-post.php is 405', async () => {
		const response = await blog.fetch('/wp-comments-post.php');
		assert.equal(response.status, 405);
		assert.equal(response.headers.get('allow'), 'POST');
	});
});

describe('flood protection', () => {
	test('with WordPress\'s default 15 s, a second comment sent at once is 429', async () => {
		const blog = await startTestBlog({floodIntervalMs: undefined});
		try {
			const post = await postInfo(blog, specialPosts.withoutJetpack);
			const send = async (text: string) => blog.comment({
				comment_post_ID: String(post.id), comment: text, author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
			});
			assert.equal((await send('First of two')).status, 302);
			const response = await send('Second of two');
			assert.equal(response.status, 429);
			assert.equal(diePage(await response.text()).message, 'You are posting comments too quickly. Slow down.');
		} finally {
			await blog.dispose();
		}
	});

	test('with a short interval, the next comment is accepted once it has passed, whoever sends it', async () => {
		const blog = await startTestBlog({floodIntervalMs: 300});
		try {
			const post = await postInfo(blog, specialPosts.withoutJetpack);
			const first = await blog.comment({comment_post_ID: String(post.id), comment: 'One', author: 'Ann', email: 'ann@example.com'});
			assert.equal(first.status, 302);
			// Same address (127.0.0.1), different person: WordPress counts the address too.
			const tooSoon = await blog.comment({comment_post_ID: String(post.id), comment: 'Two', author: 'Bob', email: 'bob@example.com'});
			assert.equal(tooSoon.status, 429);
			const later = await waitUntil(
				async () => blog.comment({comment_post_ID: String(post.id), comment: 'Two', author: 'Bob', email: 'bob@example.com'}),
				response => response.status !== 429,
				'the blog takes a comment again',
			);
			assert.equal(later.status, 302);
		} finally {
			await blog.dispose();
		}
	});
});

describe('persistence', () => {
	test('comments left on the demo blog survive a restart', async () => {
		const dataDir = await makeDataDir();
		const first = await startTestBlog({dataDir});
		const post = await postInfo(first, specialPosts.withoutJetpack);
		const text = fresh('Kept across restarts');
		const response = await first.comment({
			comment_post_ID: String(post.id), comment: text, author: seededApprovedCommenter.name, email: seededApprovedCommenter.email,
		});
		const id = Number(/#comment-(\d+)$/.exec(response.headers.get('location')!)![1]);
		await first.dispose();

		const second = await startTestBlog({dataDir});
		try {
			const comment = (await restComments(second, post.id)).find(c => c.id === id);
			assert.equal(comment?.content.rendered, `<p>${text}</p>\n`);
			// A held comment stays held after a restart, and new ids do not collide.
			const next = await second.comment({comment_post_ID: String(post.id), comment: fresh('After restart'), author: 'X', email: 'x@example.com'});
			const nextId = Number(new URL(next.headers.get('location')!).searchParams.get('unapproved'));
			assert.ok(nextId > id);
		} finally {
			await second.dispose();
			const {rm} = await import('node:fs/promises');
			await rm(dataDir, {recursive: true, force: true});
		}
	});

	test('the data directory is created when it does not exist', async () => {
		const parent = await makeDataDir();
		const blog = await startTestBlog({dataDir: `${parent}/nested/demo`});
		try {
			assert.equal((await blog.fetch('/')).status, 200);
		} finally {
			await blog.dispose();
			const {rm} = await import('node:fs/promises');
			await rm(parent, {recursive: true, force: true});
		}
	});
});

test('a held comment\'s moderation link still shows it after a restart', async () => {
	const dataDir = await makeDataDir();
	const first = await startTestBlog({dataDir});
	const post = await postInfo(first, specialPosts.withoutJetpack);
	const sent = await first.comment({comment_post_ID: String(post.id), comment: fresh('Held over a restart'), author: 'Patient', email: 'patient@example.com'});
	const location = new URL(sent.headers.get('location')!);
	const id = location.searchParams.get('unapproved');
	await first.dispose();
	const second = await startTestBlog({dataDir});
	try {
		const html = await (await second.fetch(`${post.link.replace(/^http:\/\/[^/]+/, '')}${location.search}`)).text();
		assert.ok(html.includes(`id="comment-${id}"`));
	} finally {
		await second.dispose();
		const {rm} = await import('node:fs/promises');
		await rm(dataDir, {recursive: true, force: true});
	}
});
