import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {findNotifyCheckbox, fetchNotifyCheckbox} from '../../source/comments/notify-checkbox.js';
import {formFields, sendComment} from '../../source/comments/send-comment.js';
import {createHttpClient} from '../../source/http/client.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

// As Jetpack writes it into the comment form (comment-subscription-form), and Subscribe to Comments Reloaded.
const jetpackForm = `<form action="https://blog.example/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-form-comment"><textarea id="comment" name="comment"></textarea></p>
<p class="comment-subscription-form"><input type="checkbox" name="subscribe_comments" id="subscribe_comments" value="subscribe" style="width: auto; -moz-appearance: checkbox; -webkit-appearance: checkbox;" /> <label class="subscribe-label" id="subscribe-label" for="subscribe_comments">Notify me of follow-up comments by email.</label></p>
<p class="comment-subscription-form"><input type="checkbox" name="subscribe_blog" id="subscribe_blog" value="subscribe" /> <label for="subscribe_blog">Notify me of new posts by email.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" value="Post Comment" /></p></form>`;
const reloadedForm = `<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-form-subscriptions"><label for="subscribe-reloaded"><input style="width:30px" type="checkbox" name="subscribe-reloaded" id="subscribe-reloaded" value="yes" checked="checked" /> Notify me of followup comments via e-mail. You can also <a href="https://blog.example/comment-subscriptions/?srp=1">subscribe</a> without commenting.</label></p></form>`;

describe('the "Notify me of follow-up comments" checkbox', () => {
	test('found in a Jetpack comment form (not the new-posts one beside it)', () => {
		assert.deepEqual(findNotifyCheckbox(`<html><body><article>…</article>${jetpackForm}</body></html>`), {
			field: 'subscribe_comments', value: 'subscribe', label: 'Notify me of follow-up comments by email.', checked: false,
		});
	});

	test('found in Subscribe to Comments Reloaded\'s form, ticked as the blog has it', () => {
		const found = findNotifyCheckbox(reloadedForm);
		assert.equal(found?.field, 'subscribe-reloaded');
		assert.equal(found?.value, 'yes');
		assert.equal(found?.checked, true);
		assert.match(found.label, /^Notify me of followup comments via e-mail\./);
	});

	test('none: a form without it, or a checkbox outside the comment form', () => {
		assert.equal(findNotifyCheckbox('<form action="/wp-comments-post.php"><textarea name="comment"></textarea></form>'), undefined);
		assert.equal(findNotifyCheckbox('<form action="/search"><input type="checkbox" name="subscribe_comments"></form>'), undefined);
	});

	test('ticked, the form sends its field; unticked, nothing more', () => {
		const draft = {comment: 'Hi', name: 'Ada', email: 'ada@example.org', website: '', saveIdentity: false, parent: 0};
		assert.equal(formFields({postId: 7}, {...draft, notify: {field: 'subscribe_comments', value: 'subscribe'}})['subscribe_comments'], 'subscribe');
		assert.ok(!('subscribe_comments' in formFields({postId: 7}, draft)));
		// It cannot stand in for a field of the form itself.
		assert.equal(formFields({postId: 7}, {...draft, notify: {field: 'comment', value: 'x'}})['comment'], 'Hi');
	});

	describe('on a blog that has it', () => {
		let server: TestServer;
		const posted: URLSearchParams[] = [];
		before(async () => {
			server = await startTestServer((request, response) => {
				if (request.method === 'POST' && request.url === '/wp-comments-post.php') {
					posted.push(new URLSearchParams(request.body));
					return response.writeHead(302, {location: `${server.url}hello/#comment-41`}).end();
				}
				if (request.url === '/hello/') return response.writeHead(200, {'content-type': 'text/html; charset=UTF-8'}).end(`<!doctype html><title>Hello</title>${jetpackForm.replace('https://blog.example/', server.url)}`);
				return response.writeHead(404).end();
			});
		});
		after(async () => server.close());

		test('is found on the post\'s page and sent with the comment', async () => {
			const http = createHttpClient();
			const checkbox = await fetchNotifyCheckbox(http, `${server.url}hello/`);
			assert.equal(checkbox?.field, 'subscribe_comments');
			const outcome = await sendComment(http, {postId: 7, formActionUrl: `${server.url}wp-comments-post.php`}, {
				comment: 'Tell me when someone answers.', name: 'Ada', email: 'ada@example.org', website: '', saveIdentity: false, parent: 0,
				notify: {field: checkbox.field, value: checkbox.value},
			});
			assert.equal(outcome.kind, 'approved');
			assert.equal(posted.length, 1);
			assert.equal(posted[0]!.get('subscribe_comments'), 'subscribe');
			assert.equal(posted[0]!.get('comment'), 'Tell me when someone answers.');
		});
	});
});
