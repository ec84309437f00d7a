import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readFormResponse, readRestResponse, wpDieMessage} from '../../source/comments/outcome.js';
import type {HttpResponse} from '../../source/http/client.js';
import {criticalErrorPage, formErrors, oldWpDiePage, restComment, restErrors, wpDiePage} from './wordpress-answers.js';

const formUrl = 'https://blog.example/wp-comments-post.php';
const restUrl = 'https://blog.example/wp-json/wp/v2/comments';

function formAnswer(statusCode: number, body = '', headers: Record<string, string> = {}): HttpResponse {
	return {statusCode, url: formUrl, headers: {'content-type': 'text/html; charset=utf-8', ...headers}, body};
}

function restAnswer(statusCode: number, json: unknown): HttpResponse {
	return {statusCode, url: restUrl, headers: {'content-type': 'application/json; charset=UTF-8'}, body: JSON.stringify(json)};
}

function wpDie(error: {status: number; html: string}): HttpResponse {
	return formAnswer(error.status, wpDiePage(error.html));
}

describe('reading the answer of wp-comments-post.php', () => {
	test('a 302 to #comment-ID is a published comment with its ID and link', () => {
		const outcome = readFormResponse(formAnswer(302, '', {location: 'https://blog.example/2024/03/hello-world/#comment-12'}));
		assert.deepEqual(outcome, {kind: 'approved', id: 12, link: 'https://blog.example/2024/03/hello-world/#comment-12'});
	});

	test('a 302 on a later comment page is published too', () => {
		const outcome = readFormResponse(formAnswer(302, '', {location: 'https://blog.example/2024/03/hello-world/comment-page-2/#comment-14'}));
		assert.equal(outcome.kind, 'approved');
		assert.equal(outcome.kind === 'approved' && outcome.id, 14);
	});

	test('unapproved=ID and moderation-hash in the Location mean awaiting moderation', () => {
		const location = 'https://blog.example/2024/03/hello-world/?unapproved=13&moderation-hash=9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e#comment-13';
		const outcome = readFormResponse(formAnswer(302, '', {location}));
		assert.deepEqual(outcome, {kind: 'held', id: 13, link: location, message: 'Your comment is awaiting moderation.'});
	});

	test('a relative Location is read against the form URL', () => {
		const outcome = readFormResponse(formAnswer(302, '', {location: '/2024/03/hello-world/#comment-7'}));
		assert.deepEqual(outcome, {kind: 'approved', id: 7, link: 'https://blog.example/2024/03/hello-world/#comment-7'});
	});

	test('a 200 is never success: missing fields, in the blog\'s words without "Error:"', () => {
		assert.deepEqual(readFormResponse(wpDie(formErrors.requiredFields)), {kind: 'refused', reason: 'invalid', message: 'Please fill the required fields.'});
		assert.deepEqual(readFormResponse(wpDie(formErrors.invalidEmail)), {kind: 'refused', reason: 'invalid', message: 'Please enter a valid email address.'});
		assert.deepEqual(readFormResponse(wpDie(formErrors.noComment)), {kind: 'refused', reason: 'invalid', message: 'Please type your comment text.'});
		assert.deepEqual(readFormResponse(wpDie(formErrors.nameTooLong)), {kind: 'refused', reason: 'invalid', message: 'Your name is too long.'});
	});

	test('the page of WordPress before 5.3 is read too, without its "« Back" link', () => {
		const outcome = readFormResponse(formAnswer(200, oldWpDiePage('<strong>ERROR</strong>: please enter a valid email address.')));
		assert.deepEqual(outcome, {kind: 'refused', reason: 'invalid', message: 'Please enter a valid email address.'});
	});

	test('an empty 200 (post gone, draft, password-protected) is a refusal that says so', () => {
		const outcome = readFormResponse(formAnswer(200, ''));
		assert.equal(outcome.kind, 'refused');
		assert.match(outcome.kind === 'refused' ? outcome.message : '', /did not take the comment and gave no reason/);
	});

	test('a 200 with an ordinary page (not an error page) is not success either', () => {
		const outcome = readFormResponse(formAnswer(200, '<html><head><title>Hello world! &#8211; Blog</title></head><body><p>Lorem</p></body></html>'));
		assert.deepEqual(outcome, {kind: 'refused', reason: 'other', message: 'The blog did not take the comment; it answered with a page titled “Hello world! – Blog” instead.'});
	});

	test('409 is a duplicate, entities decoded', () => {
		assert.deepEqual(readFormResponse(wpDie(formErrors.duplicate)), {
			kind: 'refused',
			reason: 'duplicate',
			message: 'Duplicate comment detected; it looks as though you’ve already said that!',
		});
	});

	test('429 is too fast: "You are posting comments too quickly. Slow down."', () => {
		assert.deepEqual(readFormResponse(wpDie(formErrors.flood)), {kind: 'refused', reason: 'too-fast', message: 'You are posting comments too quickly. Slow down.'});
		// Even when a cache or proxy replaced the page.
		assert.deepEqual(readFormResponse(formAnswer(429, 'Too Many Requests')), {kind: 'refused', reason: 'too-fast', message: 'You are posting comments too quickly. Slow down.'});
	});

	test('403 tells comments closed from login required by the message', () => {
		assert.deepEqual(readFormResponse(wpDie(formErrors.closed)), {kind: 'refused', reason: 'closed', message: 'Sorry, comments are closed for this item.'});
		assert.deepEqual(readFormResponse(wpDie(formErrors.loginRequired)), {kind: 'refused', reason: 'login-required', message: 'Sorry, you must be logged in to comment.'});
		assert.deepEqual(readFormResponse(wpDie(formErrors.replyToUnapproved)), {kind: 'refused', reason: 'other', message: 'Sorry, replies to unapproved comments are not allowed.'});
	});

	test('5xx is a server error that warns the comment may have been kept', () => {
		const outcome = readFormResponse(formAnswer(500, criticalErrorPage));
		assert.equal(outcome.kind, 'refused');
		assert.equal(outcome.kind === 'refused' && outcome.reason, 'server-error');
		const message = outcome.kind === 'refused' ? outcome.message : '';
		assert.match(message, /HTTP 500/);
		assert.match(message, /There has been a critical error on this website\./);
		assert.match(message, /look at the thread before sending it again/);
		assert.doesNotMatch(message, /« Back/);
		const gateway = readFormResponse(formAnswer(502, '<html><body>Bad Gateway</body></html>'));
		assert.equal(gateway.kind === 'refused' && gateway.reason, 'server-error');
	});

	test('a redirect without a comment ID is never taken for success, and never followed', () => {
		const moved = readFormResponse(formAnswer(301, '', {location: 'https://www.blog.example/wp-comments-post.php'}));
		assert.equal(moved.kind, 'refused');
		assert.match(moved.kind === 'refused' ? moved.message : '', /does not send a comment on to another address/);
		const thanks = readFormResponse(formAnswer(302, '', {location: 'https://blog.example/thank-you/'}));
		assert.equal(thanks.kind, 'unknown');
	});

	test('anything else is "other", with the status', () => {
		const outcome = readFormResponse(formAnswer(418, 'I am a teapot'));
		assert.deepEqual(outcome, {kind: 'refused', reason: 'other', message: 'The blog answered HTTP 418 and did not take the comment.'});
	});

	test('escape sequences in the blog\'s message never reach the terminal', () => {
		const outcome = readFormResponse(wpDie({status: 403, html: '<p>Sorry, \u001B]0;pwned\u0007comments are \u001B[31mclosed</p>'}));
		assert.deepEqual(outcome, {kind: 'refused', reason: 'closed', message: 'Sorry, comments are closed'});
	});

	test('wpDieMessage ignores styles and scripts', () => {
		assert.equal(wpDieMessage('<body id="error-page"><style>p{}</style><script>x()</script>Plain words</body>'), 'Plain words');
		assert.equal(wpDieMessage(''), undefined);
	});
});

describe('reading the answer of POST /wp/v2/comments', () => {
	test('201 approved is published, with its ID and link', () => {
		assert.deepEqual(readRestResponse(restAnswer(201, restComment(15, 'approved'))), {
			kind: 'approved',
			id: 15,
			link: 'https://blog.example/2024/03/hello-world/#comment-15',
		});
	});

	test('201 hold is awaiting moderation', () => {
		assert.deepEqual(readRestResponse(restAnswer(201, restComment(16, 'hold'))), {
			kind: 'held',
			id: 16,
			link: 'https://blog.example/2024/03/hello-world/#comment-16',
			message: 'Your comment is awaiting moderation.',
		});
	});

	test('error codes map to their refusals, in the blog\'s words', () => {
		const cases: Array<[keyof typeof restErrors, string, string]> = [
			['loginRequired', 'login-required', 'Sorry, you must be logged in to comment.'],
			['duplicate', 'duplicate', 'Duplicate comment detected; it looks as though you’ve already said that!'],
			['flood', 'too-fast', 'You are posting comments too quickly. Slow down.'],
			['closed', 'closed', 'Sorry, comments are closed for this item.'],
			['authorDataRequired', 'invalid', 'Creating a comment requires valid author name and email values.'],
			['invalidParam', 'invalid', 'author_email: Invalid email address.'],
			['invalidAuthor', 'invalid', 'Sorry, you are not allowed to edit \'author\' for comments.'],
			['badPassword', 'login-required', 'The provided password is an invalid application password.'],
			['noRoute', 'other', 'No route was found matching the URL and request method.'],
		];
		for (const [name, reason, message] of cases) {
			const {status, json} = restErrors[name];
			assert.deepEqual(readRestResponse(restAnswer(status, json)), {kind: 'refused', reason, message}, name);
		}
	});

	test('429 without a known code is still too fast', () => {
		const outcome = readRestResponse(restAnswer(429, {code: 'some_rate_limit', message: 'Slow down, please.'}));
		assert.equal(outcome.kind === 'refused' && outcome.reason, 'too-fast');
	});

	test('a 500 is a server error that warns the comment may have been kept', () => {
		const {status, json} = restErrors.failedCreate;
		const outcome = readRestResponse(restAnswer(status, json));
		assert.equal(outcome.kind === 'refused' && outcome.reason, 'server-error');
		assert.match(outcome.kind === 'refused' ? outcome.message : '', /Creating comment failed\. It may still have kept your comment/);
	});

	test('a 2xx that cannot be read is unknown, not success', () => {
		const outcome = readRestResponse({statusCode: 201, url: restUrl, headers: {}, body: '<html>cached</html>'});
		assert.equal(outcome.kind, 'unknown');
	});
});

describe('an answer built to break the reader', () => {
	test('reads the reason from a wp_die page nested 10,000 deep instead of overflowing the stack', () => {
		const deep = `${'<div>'.repeat(10_000)}<p>Sorry, comments are closed for this item.</p>${'</div>'.repeat(10_000)}`;
		const page = `<!DOCTYPE html><html><head><title>Comment Submission Failure</title></head><body id="error-page"><div class="wp-die-message">${deep}</div></body></html>`;
		assert.equal(wpDieMessage(page), 'Sorry, comments are closed for this item.');
	});
});
