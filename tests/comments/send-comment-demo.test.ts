import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {sendComment, type CommentTarget} from '../../source/comments/send-comment.js';
import {startDemoBlog, type DemoBlog} from '../../source/demo/server.js';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

// The demo blog answers comments the way WordPress does (see tests/wordpress/README-observed.md):
// anonymous REST refused with 401, the form's 302 and wp_die pages, moderation for a first-time commenter.
const dataDir = mkdtempSync(join(tmpdir(), 'blogterm-demo-comments-'));
let blog: DemoBlog;
before(async () => {
	blog = await startDemoBlog({dataDir, floodIntervalMs: 0});
});
after(async () => {
	await blog.close();
	rmSync(dataDir, {recursive: true, force: true});
});

// "Shell History as a Garden Diary" has approved comments by Robin Reader, who is published at once.
const postId = 110;
const target = (): CommentTarget => ({
	postId,
	formActionUrl: new URL('wp-comments-post.php', blog.url).href,
	restCommentsUrl: new URL('wp-json/wp/v2/comments', blog.url).href,
});
const robin: CommentDraft = {comment: '', name: 'Robin Reader', email: 'reader@example.com', website: '', saveIdentity: false, parent: 0};

describe('sending comments to the demo blog', () => {
	test('a known commenter is published', async () => {
		const outcome = await sendComment(http, target(), {...robin, comment: `Published at once ${Date.now()}`});
		assert.equal(outcome.kind, 'approved');
	});

	test('a first-time commenter is held, with or without cookie consent', async () => {
		const olive = {...robin, name: 'Olive Newcomer', email: 'olive@example.org'};
		const without = await sendComment(http, target(), {...olive, comment: `Held, no consent ${Date.now()}`});
		assert.equal(without.kind, 'held');
		const withConsent = await sendComment(http, target(), {...olive, comment: `Held, consent ${Date.now()}`, saveIdentity: true});
		assert.equal(withConsent.kind, 'held');
	});

	test('the same comment twice is a duplicate, in the blog\'s words', async () => {
		const draft = {...robin, comment: `Said once ${Date.now()}`};
		assert.equal((await sendComment(http, target(), draft)).kind, 'approved');
		assert.deepEqual(await sendComment(http, target(), draft), {kind: 'refused', reason: 'duplicate', message: 'Duplicate comment detected; it looks as though you’ve already said that!'});
	});
});
