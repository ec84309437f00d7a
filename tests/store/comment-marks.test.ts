import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {CommentMarks, newCommentCount, newCommentIds, newCommentsText} from '../../source/store/comment-marks.js';
import {setStoreNoticeSink} from '../../source/store/settings-files.js';

const root = mkdtempSync(join(tmpdir(), 'blogterm-comment-marks-'));
after(() => rmSync(root, {recursive: true, force: true}));
let count = 0;
const freshDirectory = () => join(root, `case-${++count}`, 'comments');

describe('the comments you have seen', () => {
	test('are found again by a new store over the same folder, per blog and post', () => {
		const directory = freshDirectory();
		new CommentMarks(directory).markSeen('blog.example', 42, [1, 2, '3']);
		const next = new CommentMarks(directory);
		assert.deepEqual([...next.seen('blog.example', '42')!], ['1', '2', '3']);
		assert.equal(next.seen('blog.example', 43), undefined, 'a thread never opened');
		assert.equal(next.seen('other.example', 42), undefined);
		assert.deepEqual([...next.seenCounts('blog.example')], [['42', 3]]);
		assert.equal(statSync(join(directory, 'comment-marks.json')).mode & 0o777, 0o600);
	});

	test('what is new: not there last time, not yours; nothing the first time', () => {
		assert.deepEqual([...newCommentIds(new Set(['1', '2']), [1, 2, 3, 4], [4])], ['3']);
		assert.deepEqual([...newCommentIds(undefined, [1, 2, 3])], []);
		assert.equal(newCommentCount(5, 8), 3);
		assert.equal(newCommentCount(undefined, 8), 0);
		assert.equal(newCommentCount(8, 6), 0, 'comments deleted since');
		assert.equal(newCommentsText(3), '3 new comments');
		assert.equal(newCommentsText(1), '1 new comment');
	});

	test('past the limit, the threads opened longest ago are forgotten first', () => {
		const marks = new CommentMarks(freshDirectory(), 2);
		marks.markSeen('blog.example', 1, [1], new Date('2026-01-01T00:00:00Z'));
		marks.markSeen('blog.example', 2, [1], new Date('2026-01-02T00:00:00Z'));
		marks.markSeen('blog.example', 3, [1], new Date('2026-01-03T00:00:00Z'));
		assert.equal(marks.seen('blog.example', 1), undefined);
		assert.ok(marks.seen('blog.example', 2));
		assert.ok(marks.seen('blog.example', 3));
	});

	test('a file that is not what blogterm wrote is moved aside with a note, and the marks start afresh', () => {
		const directory = freshDirectory();
		mkdirSync(directory, {recursive: true});
		writeFileSync(join(directory, 'comment-marks.json'), '{"version": 1, "sites": {"x": {"1": {"seen": [1]}}}}');
		const notes: string[] = [];
		const restore = setStoreNoticeSink(note => notes.push(note));
		try {
			assert.equal(new CommentMarks(directory).seen('x', 1), undefined);
		} finally {
			restore();
		}
		assert.equal(notes.length, 1);
		assert.match(notes[0]!, /The comments you have seen/);
		assert.ok(readdirSync(directory).some(name => name !== 'comment-marks.json'), 'the old file is kept aside');
	});
});
