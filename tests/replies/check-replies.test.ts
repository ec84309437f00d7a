import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {checkReplies} from '../../source/replies/check-replies.js';
import type {Comment} from '../../source/model/comment.js';
import {myCommentsInMemory} from '../../source/store/my-comments.js';
import {repliesInMemory} from '../../source/store/replies.js';
import {fakeSource, post} from '../ui/comment-form/fixtures.js';

const reply = (id: number, parent: number, author = 'Maren Holt'): Comment => ({id, parent, author, authorUrl: undefined, date: '2026-12-01T10:00:00+00:00', html: `<p>Reply ${id}.</p>`, status: 'approved'});

function remembered() {
	const myComments = myCommentsInMemory();
	for (const id of [11, 12]) myComments.remember('blog.example', post.id, {id, parent: 0, author: 'Ada', text: `Mine ${id}`, date: '2026-11-30T10:00:00Z', status: 'approved', siteUrl: 'https://blog.example/', postTitle: post.title});
	return myComments;
}

describe('checking for replies', () => {
	test('a blog that can be asked: one request, parent= your comment IDs, after= the last check less a day; the posts with none are not read', async () => {
		const asked: Array<{ids: ReadonlyArray<number | string>; after: string | undefined}> = [];
		const source = fakeSource(() => Promise.reject(new Error('not sending')));
		source.fetchPost = async () => Promise.resolve(post);
		source.fetchComments = async () => Promise.reject(new Error('each post\'s thread is not read when the blog can be asked for replies'));
		source.fetchReplies = async (ids, after) => {
			asked.push({ids, after});
			return Promise.resolve([reply(20, 11), reply(21, 99)]);
		};
		const replies = repliesInMemory();
		const options = {myComments: remembered(), replies, openSource: async () => Promise.resolve(source)};
		const first = await checkReplies({...options, now: new Date('2026-12-02T12:00:00Z')});
		assert.deepEqual(first, {found: 1, failures: []});
		assert.deepEqual(asked, [{ids: [11, 12], after: undefined}]);
		assert.deepEqual(replies.all().map(stored => [stored.yourComment.id, stored.reply.id, stored.reply.text, stored.read]), [['11', '20', 'Reply 20.', false]]);

		const second = await checkReplies({...options, now: new Date('2026-12-03T12:00:00Z')});
		assert.deepEqual(second, {found: 0, failures: []}, 'a reply found again is kept once');
		assert.equal(asked[1]!.after, '2026-12-01T12:00:00.000Z');
	});

	test('a blog that cannot be asked: each post\'s thread is read; one that fails is said in words, the others still checked', async () => {
		const source = fakeSource(() => Promise.reject(new Error('not sending')));
		source.fetchPost = async () => Promise.resolve(post);
		source.fetchComments = async () => Promise.resolve({comments: [reply(30, 12, 'Eli'), {...reply(31, 12), status: 'held' as const}]});
		const myComments = remembered();
		myComments.remember('down.example', 5, {id: 7, parent: 0, author: 'Ada', text: 'Elsewhere', date: '2026-11-30T10:00:00Z', status: 'approved', siteUrl: 'https://down.example/'});
		const replies = repliesInMemory();
		const result = await checkReplies({
			myComments,
			replies,
			openSource: async url => (url.includes('down.example') ? Promise.reject(new Error('down.example took longer than 15 s to answer.')) : Promise.resolve(source)),
		});
		assert.equal(result.found, 1);
		assert.deepEqual(result.failures, ['https://down.example/: down.example took longer than 15 s to answer.']);
		assert.deepEqual(replies.all().map(stored => [stored.reply.author, stored.reply.link]), [['Eli', `${post.link}#comment-30`]]);
		assert.equal(replies.lastChecked('down.example'), undefined);
		assert.ok(replies.lastChecked('blog.example'));
	});
});
