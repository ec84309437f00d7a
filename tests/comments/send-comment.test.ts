import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import type {AddressInfo} from 'node:net';
import {after, describe, test} from 'node:test';
import {
	credentialsForSite,
	isAnonymousRestRefusal,
	mayCarryCredentials,
	outcomeOfSendError,
	restItemUrl,
	sendComment,
	type CommentTarget,
} from '../../source/comments/send-comment.js';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {BlogError} from '../../source/errors.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {formErrors, restComment, restErrors, wpDiePage} from './wordpress-answers.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

const draft: CommentDraft = {
	comment: 'Nice post.\nTwo lines, & an ampersand.',
	name: 'Dana',
	email: 'dana@example.com',
	website: 'https://dana.example/',
	saveIdentity: false,
	parent: 0,
};

type Seen = {method: string; path: string; headers: import('node:http').IncomingHttpHeaders; body: string};

/** A blog on 127.0.0.1 that answers each path with `routes[path]`, and remembers every request. */
async function blog(routes: Record<string, (seen: Seen, response: import('node:http').ServerResponse) => void>): Promise<TestServer & {seen: Seen[]}> {
	const seen: Seen[] = [];
	const server = await startTestServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		const entry = {method: request.method ?? '', path, headers: request.headers, body: request.body};
		seen.push(entry);
		const route = routes[path];
		if (route) {
			route(entry, response);
		} else {
			response.writeHead(404, {'content-type': 'text/html'}).end('<html><body>Not found</body></html>');
		}
	});
	servers.push(server);
	return Object.assign(server, {seen});
}

const servers: TestServer[] = [];
after(async () => {
	await Promise.all(servers.map(async server => server.close()));
});

function json(status: number, body: unknown) {
	return (_seen: Seen, response: import('node:http').ServerResponse) => {
		response.writeHead(status, {'content-type': 'application/json; charset=UTF-8'}).end(JSON.stringify(body));
	};
}

function redirect(location: string) {
	return (_seen: Seen, response: import('node:http').ServerResponse) => {
		response.writeHead(302, {location, 'x-redirect-by': 'WordPress', 'content-type': 'text/html; charset=UTF-8'}).end();
	};
}

function targetOf(server: TestServer, options: Partial<CommentTarget> = {}): CommentTarget {
	return {postId: 25, formActionUrl: `${server.url}wp-comments-post.php`, ...options};
}

describe('sending a comment', () => {
	test('the form route sends the fields WordPress reads, form-encoded, and reads the 302', async () => {
		const server = await blog({'/wp-comments-post.php': redirect('/?p=25#comment-115')});
		const outcome = await sendComment(http, targetOf(server), {...draft, parent: 7});
		assert.deepEqual(outcome, {kind: 'approved', id: 115, link: `${server.url}?p=25#comment-115`});
		assert.equal(server.seen.length, 1);
		const [request] = server.seen;
		assert.equal(request!.method, 'POST');
		assert.match(String(request!.headers['content-type']), /application\/x-www-form-urlencoded/);
		assert.deepEqual(Object.fromEntries(new URLSearchParams(request!.body)), {
			comment_post_ID: '25',
			author: 'Dana',
			email: 'dana@example.com',
			url: 'https://dana.example/',
			comment: 'Nice post.\nTwo lines, & an ampersand.',
			comment_parent: '7',
		});
	});

	test('a ticked "Save my name…" adds wp-comment-cookies-consent=yes', async () => {
		const server = await blog({'/wp-comments-post.php': redirect('/?p=25#comment-116')});
		await sendComment(http, targetOf(server), {...draft, saveIdentity: true});
		assert.equal(new URLSearchParams(server.seen[0]!.body).get('wp-comment-cookies-consent'), 'yes');
	});

	test('anonymous REST refused with 401 rest_comment_login_required falls back to the form', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json),
			'/wp-comments-post.php': redirect('/?p=25&unapproved=117&moderation-hash=c1d6c152bd6d518bebe0f299d339372f#comment-117'),
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), draft);
		assert.equal(outcome.kind, 'held');
		assert.deepEqual(server.seen.map(request => `${request.method} ${request.path}`), ['POST /wp-json/wp/v2/comments', 'POST /wp-comments-post.php']);
		assert.deepEqual(JSON.parse(server.seen[0]!.body), {post: 25, parent: 0, content: draft.comment, author_name: 'Dana', author_email: 'dana@example.com', author_url: 'https://dana.example/'});
		assert.equal(server.seen[0]!.headers.authorization, undefined);
	});

	test('a blog that allows anonymous REST comments gets the comment there, once', async () => {
		const server = await blog({'/wp-json/wp/v2/comments': json(201, restComment(118, 'hold'))});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), draft);
		assert.equal(outcome.kind, 'held');
		assert.equal(server.seen.length, 1);
	});

	test('a real refusal from anonymous REST is the answer: the form is not tried', async () => {
		const server = await blog({'/wp-json/wp/v2/comments': json(409, restErrors.duplicate.json)});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), draft);
		assert.equal(outcome.kind === 'refused' && outcome.reason, 'duplicate');
		assert.equal(server.seen.length, 1);
	});

	test('credentials go to a loopback host as Basic auth, without the author fields', async () => {
		const server = await blog({'/wp-json/wp/v2/comments': json(201, restComment(119, 'approved'))});
		const target = targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`, credentials: {user: 'ada', password: 'abcd efgh ijkl mnop', hosts: [new URL(server.url).host]}});
		const outcome = await sendComment(http, target, draft);
		assert.equal(outcome.kind, 'approved');
		assert.equal(server.seen[0]!.headers.authorization, `Basic ${Buffer.from('ada:abcd efgh ijkl mnop').toString('base64')}`);
		assert.deepEqual(JSON.parse(server.seen[0]!.body), {post: 25, parent: 0, content: draft.comment});
	});

	test('wrong credentials are said, not silently replaced by an anonymous comment', async () => {
		const server = await blog({'/wp-json/wp/v2/comments': json(401, restErrors.badPassword.json)});
		const target = targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`, credentials: {user: 'ada', password: 'wrong', hosts: [new URL(server.url).host]}});
		const outcome = await sendComment(http, target, draft);
		assert.deepEqual(outcome, {kind: 'refused', reason: 'login-required', message: 'The provided password is an invalid application password.'});
		assert.equal(server.seen.length, 1);
	});

	test('credentials never go over plain http to another host: the comment goes by the form, anonymously', async () => {
		const server = await blog({'/wp-comments-post.php': redirect('/?p=25#comment-120')});
		const target = targetOf(server, {restCommentsUrl: 'http://blog.invalid/wp-json/wp/v2/comments', credentials: {user: 'ada', password: 'secret', hosts: ['blog.invalid']}});
		const outcome = await sendComment(http, target, draft, {tryAnonymousRest: false});
		assert.equal(outcome.kind, 'approved');
		assert.deepEqual(server.seen.map(request => request.path), ['/wp-comments-post.php']);
		assert.equal(server.seen[0]!.headers.authorization, undefined);
		assert.equal(mayCarryCredentials('http://blog.example/wp-json/wp/v2/comments'), false);
		assert.equal(mayCarryCredentials('https://blog.example/wp-json/wp/v2/comments'), true);
		assert.equal(mayCarryCredentials('http://localhost:8080/wp-json/'), true);
		assert.equal(mayCarryCredentials('http://127.0.0.1:8080/wp-json/'), true);
		assert.equal(mayCarryCredentials('http://[::1]:8080/wp-json/'), true);
		assert.equal(mayCarryCredentials('http://127.0.0.1.evil.example/'), false);
	});

	test('credentials never go to a REST root on another host than the one they are for, even a loopback one: the comment goes anonymously', async () => {
		const named = await blog({});
		const other = await blog({'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json), '/wp-comments-post.php': redirect('/?p=25#comment-124')});
		const target = targetOf(other, {restCommentsUrl: `${other.url}wp-json/wp/v2/comments`, credentials: {user: 'ada', password: 'secret', hosts: [new URL(named.url).host]}});
		const outcome = await sendComment(http, target, draft);
		assert.equal(outcome.kind, 'approved');
		assert.deepEqual(other.seen.map(request => `${request.method} ${request.path} ${request.headers.authorization ?? 'anonymous'}`), ['POST /wp-json/wp/v2/comments anonymous', 'POST /wp-comments-post.php anonymous']);
		assert.equal(named.seen.length, 0);
	});

	test('a dropped connection after sending is "unknown", and the POST is not sent again', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json),
			'/wp-comments-post.php'(_seen, response) {
				response.socket?.destroy();
			},
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), draft);
		assert.equal(outcome.kind, 'unknown');
		assert.match(outcome.kind === 'unknown' ? outcome.message : '', /It is not known whether your comment arrived\. Look at the thread before sending it again\./);
		assert.equal(server.seen.filter(request => request.path === '/wp-comments-post.php').length, 1);
	});

	test('a dropped REST connection is "unknown" too, and the form is not tried after it', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments'(_seen, response) {
				response.socket?.destroy();
			},
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), draft);
		assert.equal(outcome.kind, 'unknown');
		assert.equal(server.seen.length, 1);
	});

	test('connection refused before sending is "failed": the comment was not sent', async () => {
		const port = await freePort();
		const outcome = await sendComment(http, {postId: 1, formActionUrl: `http://127.0.0.1:${port}/wp-comments-post.php`}, draft);
		assert.equal(outcome.kind, 'failed');
		assert.match(outcome.kind === 'failed' ? outcome.message : '', /connection refused.*not sent/);
	});

	test('a redirect is never followed: the comment is not re-posted anywhere', async () => {
		const server = await blog({
			'/wp-comments-post.php'(_seen, response) {
				response.writeHead(307, {location: '/moved/wp-comments-post.php'}).end();
			},
			'/moved/wp-comments-post.php': redirect('/?p=25#comment-121'),
		});
		const outcome = await sendComment(http, targetOf(server), draft);
		assert.equal(outcome.kind, 'refused');
		assert.deepEqual(server.seen.map(request => request.path), ['/wp-comments-post.php']);
	});

	test('a wp_die page is read as the blog\'s refusal', async () => {
		const server = await blog({
			'/wp-comments-post.php'(_seen, response) {
				response.writeHead(formErrors.flood.status, {'content-type': 'text/html; charset=UTF-8'}).end(wpDiePage(formErrors.flood.html));
			},
		});
		const outcome = await sendComment(http, targetOf(server), draft);
		assert.deepEqual(outcome, {kind: 'refused', reason: 'too-fast', message: 'You are posting comments too quickly. Slow down.'});
	});

	test('with cookie consent, a held comment looks published in the Location: the REST API tells', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json),
			'/wp-comments-post.php': redirect('/?p=25#comment-122'),
			'/wp-json/wp/v2/comments/122': json(401, {code: 'rest_cannot_read', message: 'Sorry, you are not allowed to read this comment.', data: {status: 401}}),
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), {...draft, saveIdentity: true});
		assert.deepEqual(outcome, {kind: 'held', id: 122, link: `${server.url}?p=25#comment-122`, message: 'Your comment is awaiting moderation.'});
		assert.deepEqual(server.seen.map(request => `${request.method} ${request.path}`), [
			'POST /wp-json/wp/v2/comments',
			'POST /wp-comments-post.php',
			'GET /wp-json/wp/v2/comments/122',
		]);
	});

	test('with cookie consent, a published comment readable over REST stays published', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json),
			'/wp-comments-post.php': redirect('/?p=25#comment-123'),
			'/wp-json/wp/v2/comments/123': json(200, restComment(123, 'approved')),
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), {...draft, saveIdentity: true});
		assert.equal(outcome.kind, 'approved');
	});
});

describe('with "Save my name…" ticked, the status is read where WordPress shows it', () => {
	// As WordPress answers a comment sent with wp-comment-cookies-consent (tests/wordpress/README-observed.md):
	// the Location says nothing of moderation, and the comment_author_* cookies are set.
	const hash = 'c7fbdc8331a10085558c93258e213c9e';
	const postPath = '/2024/02/12/leave-a-comment-here/';
	const expires = 'expires=Fri, 05-Nov-2027 10:00:00 GMT; Max-Age=30000000; path=/';
	const setCookies = [
		`comment_author_${hash}=Dana; ${expires}`,
		`comment_author_email_${hash}=dana%40example.com; ${expires}`,
		`comment_author_url_${hash}=https%3A%2F%2Fdana.example%2F; ${expires}`,
	];
	function consented(id: number, location = `${postPath}#comment-${id}`) {
		return (_seen: Seen, response: import('node:http').ServerResponse) => {
			response.writeHead(302, {location, 'set-cookie': setCookies, 'content-type': 'text/html; charset=UTF-8'}).end();
		};
	}
	/** The post's page as WordPress shows it: comment `id` held (to whoever carries its writer's email cookie), approved, or not there. */
	function postPage(id: number, state: 'held' | 'approved' | 'not there') {
		return (seen: Seen, response: import('node:http').ServerResponse) => {
			const writer = String(seen.headers.cookie ?? '').includes(`comment_author_email_${hash}=dana%40example.com`);
			const shown = state === 'approved' || (state === 'held' && writer);
			const note = state === 'held' ? '<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em>' : '';
			const own = shown ? `<li id="comment-${id}" class="comment"><article id="div-comment-${id}" class="comment-body"><footer>${note}</footer><p>Nice post.</p></article></li>` : '';
			response.writeHead(200, {'content-type': 'text/html; charset=UTF-8'}).end(`<html><body><div id="comments" class="comments-area"><ol class="comment-list">
<li id="comment-7" class="comment"><article id="div-comment-7"><p>Someone else’s.</p></article></li>
${own}
</ol></div></body></html>`);
		};
	}
	const ticked = {...draft, saveIdentity: true};

	test('on a blog without a REST API, the post\'s page, asked with the cookies WordPress set, tells held from published', async () => {
		const server = await blog({'/wp-comments-post.php': consented(130), [postPath]: postPage(130, 'held')});
		const outcome = await sendComment(http, targetOf(server), ticked);
		assert.deepEqual(outcome, {kind: 'held', id: 130, link: `${server.url}${postPath.slice(1)}#comment-130`, message: 'Your comment is awaiting moderation.'});
		assert.deepEqual(server.seen.map(request => `${request.method} ${request.path}`), ['POST /wp-comments-post.php', `GET ${postPath}`]);
		assert.equal(server.seen[1]!.headers.cookie, `comment_author_${hash}=Dana; comment_author_email_${hash}=dana%40example.com; comment_author_url_${hash}=https%3A%2F%2Fdana.example%2F`);

		const published = await blog({'/wp-comments-post.php': consented(131), [postPath]: postPage(131, 'approved')});
		assert.equal((await sendComment(http, targetOf(published), ticked)).kind, 'approved', 'on the page without the mark: published');
	});

	test('a page that does not show it: received, not known whether published; never "published"', async () => {
		const server = await blog({'/wp-comments-post.php': consented(132), [postPath]: postPage(132, 'not there')});
		assert.deepEqual(await sendComment(http, targetOf(server), ticked), {
			kind: 'held',
			id: 132,
			link: `${server.url}${postPath.slice(1)}#comment-132`,
			message: 'Your comment was received; the blog did not say whether it is published.',
			unconfirmed: true,
		});
	});

	test('a REST API that cannot say (no such route) leaves it to the post\'s page', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json),
			'/wp-comments-post.php': consented(133),
			[postPath]: postPage(133, 'held'),
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), ticked);
		assert.equal(outcome.kind === 'held' && outcome.message, 'Your comment is awaiting moderation.');
		assert.deepEqual(server.seen.map(request => `${request.method} ${request.path}`), ['POST /wp-json/wp/v2/comments', 'POST /wp-comments-post.php', 'GET /wp-json/wp/v2/comments/133', `GET ${postPath}`]);
	});

	test('a REST address answered with a page that is not the comment (a home page, 200) says nothing: the post\'s page tells', async () => {
		const server = await blog({
			'/wp-json/wp/v2/comments': json(401, restErrors.loginRequired.json),
			'/wp-comments-post.php': consented(136),
			'/wp-json/wp/v2/comments/136'(_seen, response) {
				response.writeHead(200, {'content-type': 'text/html; charset=UTF-8'}).end('<html><body>Home</body></html>');
			},
			[postPath]: postPage(136, 'held'),
		});
		const outcome = await sendComment(http, targetOf(server, {restCommentsUrl: `${server.url}wp-json/wp/v2/comments`}), ticked);
		assert.equal(outcome.kind === 'held' && outcome.message, 'Your comment is awaiting moderation.');
	});

	test('the cookies go to no other site: a page elsewhere is not asked', async () => {
		const elsewhere = await blog({[postPath]: postPage(134, 'held')});
		const server = await blog({'/wp-comments-post.php': consented(134, `${elsewhere.url.replace('127.0.0.1', 'localhost')}${postPath.slice(1)}#comment-134`)});
		const outcome = await sendComment(http, targetOf(server), ticked);
		assert.equal(outcome.kind === 'held' && outcome.unconfirmed, true);
		assert.equal(elsewhere.seen.length, 0);
	});

	test('without the email cookie (WordPress set none) the page is not asked: received, not known', async () => {
		const server = await blog({
			'/wp-comments-post.php': redirect(`${postPath}#comment-135`),
			[postPath]: postPage(135, 'approved'),
		});
		const outcome = await sendComment(http, targetOf(server), ticked);
		assert.equal(outcome.kind === 'held' && outcome.unconfirmed, true);
		assert.deepEqual(server.seen.map(request => request.path), ['/wp-comments-post.php']);
	});
});

describe('helpers of sending', () => {
	test('credentials come from BLOGTERM_WP_USER and BLOGTERM_WP_APP_PASSWORD, both or none, for the site named and those in settings', () => {
		const environment = {BLOGTERM_WP_USER: 'ada', BLOGTERM_WP_APP_PASSWORD: 'abcd efgh'};
		assert.deepEqual(credentialsForSite('Blog.Example', environment), {user: 'ada', password: 'abcd efgh', hosts: ['blog.example']});
		assert.deepEqual(credentialsForSite('http://127.0.0.1:8080/blog/', environment, ['https://notes.example/', 'other.example:8443']), {user: 'ada', password: 'abcd efgh', hosts: ['127.0.0.1:8080', 'notes.example', 'other.example:8443']});
		assert.equal(credentialsForSite('blog.example', {BLOGTERM_WP_USER: 'ada'}), undefined);
		assert.equal(credentialsForSite('blog.example', {}), undefined);
	});

	test('a password may go only to a host it is for, over https or to that loopback host', () => {
		const credentials = {hosts: ['blog.example', '127.0.0.1:8080']};
		assert.equal(mayCarryCredentials('https://blog.example/wp-json/wp/v2/comments', credentials), true);
		assert.equal(mayCarryCredentials('https://BLOG.example/?rest_route=/wp/v2/comments', credentials), true);
		assert.equal(mayCarryCredentials('http://blog.example/wp-json/wp/v2/comments', credentials), false, 'not over plain http');
		assert.equal(mayCarryCredentials('https://api.blog.example/wp-json/wp/v2/comments', credentials), false, 'not to another host, even a subdomain');
		assert.equal(mayCarryCredentials('https://evil.example/wp-json/wp/v2/comments', credentials), false);
		assert.equal(mayCarryCredentials('http://127.0.0.1:8080/wp-json/', credentials), true);
		assert.equal(mayCarryCredentials('http://127.0.0.1:9090/wp-json/', credentials), false, 'not to another port of this machine');
		assert.equal(mayCarryCredentials('https://blog.example:8443/wp-json/', credentials), false, 'not to another port');
	});

	test('the REST URL of one comment, for pretty and plain permalinks', () => {
		assert.equal(restItemUrl('https://blog.example/wp-json/wp/v2/comments', 12), 'https://blog.example/wp-json/wp/v2/comments/12');
		assert.equal(restItemUrl('http://127.0.0.1:8080/index.php?rest_route=/wp/v2/comments', 12), 'http://127.0.0.1:8080/index.php?rest_route=%2Fwp%2Fv2%2Fcomments%2F12');
	});

	test('a timeout while connecting is "failed"; after sending it is "unknown"', () => {
		const connecting = new BlogError('timeout', 'blog.example could not be connected to within 10 s.', {cause: Object.assign(new Error('timeout'), {name: 'TimeoutError', event: 'connect'})});
		assert.equal(outcomeOfSendError(connecting, 'https://blog.example/').kind, 'failed');
		const waiting = new BlogError('timeout', 'blog.example took longer than 15 s to answer.', {cause: Object.assign(new Error('timeout'), {name: 'TimeoutError', event: 'response'})});
		assert.deepEqual(outcomeOfSendError(waiting, 'https://blog.example/'), {
			kind: 'unknown',
			message: 'blog.example took longer than 15 s to answer. It is not known whether your comment arrived. Look at the thread before sending it again.',
		});
	});

	test('anonymous REST turned away at the door, not a refusal of the comment', () => {
		const answer = (statusCode: number, body: string) => ({statusCode, url: 'https://blog.example/wp-json/wp/v2/comments', headers: {}, body});
		assert.equal(isAnonymousRestRefusal(answer(401, JSON.stringify(restErrors.loginRequired.json))), true);
		assert.equal(isAnonymousRestRefusal(answer(404, JSON.stringify(restErrors.noRoute.json))), true);
		assert.equal(isAnonymousRestRefusal(answer(403, '<html>Forbidden by the firewall</html>')), true);
		assert.equal(isAnonymousRestRefusal(answer(403, JSON.stringify(restErrors.closed.json))), false);
		assert.equal(isAnonymousRestRefusal(answer(409, JSON.stringify(restErrors.duplicate.json))), false);
	});
});

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}
