import assert from 'node:assert/strict';
import {test} from 'node:test';
import {textWidth} from '../../../source/render/text-width.js';
import type {FollowedBlog} from '../../../source/ui/home/home-data.js';
import {blogLine, headerLine, statusLine} from '../../../source/ui/home/home-lines.js';
import type {StoredReply} from '../../../source/store/replies.js';
import {defaultKeyMap} from '../../../source/ui/keys/key-map.js';

const text = (line: ReturnType<typeof statusLine>) => line.map(span => span.text).join('');

test('the status line gives the keys the columns a wide notice leaves, whole, not cut by "…"', () => {
	// A notice naming a blog in Japanese: 14 characters, 28 columns.
	const notice = '日本語のブログを更新しました';
	for (const width of [60, 80, 120]) {
		const line = text(statusLine(notice, defaultKeyMap, 'home', width, false));
		assert.ok(line.startsWith(notice), line);
		assert.ok(textWidth(line) <= width, `${line} is wider than ${width}`);
		assert.ok(!line.endsWith('…'), `the keys are cut at ${width}: ${line}`);
		assert.match(line.slice(notice.length), /^ {2}\S/, 'the keys follow the notice');
	}
});

test('the header says the replies to you whole at 80 columns, shorter, never wider than the terminal; at 160 in full', () => {
	const blog = (index: number): FollowedBlog => ({url: `https://b${index}.example/`, title: `Blog ${index}`, folder: undefined, unread: 240, total: 300, lastUpdated: undefined, lastError: undefined});
	const reply = (id: string): StoredReply => ({
		siteKey: 'b0.example', siteUrl: 'https://b0.example/', postId: '1', postTitle: 'A post', postLink: 'https://b0.example/1',
		yourComment: {id: '9', text: 'Mine', date: '2026-12-01T10:00:00Z'},
		reply: {id, author: 'Ann', date: '2026-12-01T11:00:00Z', text: 'Yes', link: 'https://b0.example/1#c'},
		read: false,
	});
	// As QA saw it: six blogs, 1,440 unread, the Starred list, one reply.
	const stored = {blogs: Array.from({length: 6}, (_, index) => blog(index)), starred: [], replies: [reply('r1')]};
	const header = (width: number, replies = stored.replies) => text(headerLine({...stored, replies}, {view: 'blogs', hasStars: true, keyMap: defaultKeyMap}, width));
	assert.match(header(160), /^blogterm {2}Followed blogs \(6\) {2}What is new \(1440 unread\) {2}Starred \(0\) {2}1 reply to you \(R\)$/);
	for (const width of [80, 72, 60, 40, 20]) {
		const line = header(width);
		assert.ok(textWidth(line) <= width, `${line} is wider than ${width}`);
		assert.match(line, /1 reply \(R\)$/, `the notice is whole at ${width}: ${line}`);
	}
	assert.match(header(80), /^(?:blogterm {2})?Followed blogs \(6\) {2}What is new \(1440 unread\) {2}Starred \(0\) {2}1 reply \(R\)$/, 'the lists whole at 80');
	assert.match(header(80, [reply('r1'), reply('r2'), reply('r3')]), /3 replies \(R\)$/);
	assert.ok(textWidth(header(8)) <= 8, 'narrower than the notice itself: cut, not wider');
});

test('a blog whose refresh failed keeps its unread count on its row, the reason after it cut to fit', () => {
	const error = 'Could not read 127.0.0.1:8801: connection refused (nothing answers at that address and port).';
	const blog: FollowedBlog = {url: 'http://127.0.0.1:8801/', title: 'Alpha Blog', folder: undefined, unread: 12, total: 30, lastUpdated: undefined, lastError: error};
	const row = (width: number) => blogLine({kind: 'blog', blog}, {selected: undefined, width, now: 0, fullText: false});
	for (const width of [80, 60, 40]) {
		const line = text(row(width).spans);
		assert.ok(textWidth(line) <= width, `${line} is wider than ${width}`);
		assert.match(line, /^ {2}Alpha Blog +12 unread · ✗ \S/, `the count, then the reason, at ${width}: ${line}`);
		assert.match(row(width).label, /^Alpha Blog · 12 unread · error: /);
	}
	assert.ok(text(row(80).spans).endsWith('…'), 'cut at 80');
	assert.ok(text(row(240).spans).endsWith(`12 unread · ✗ ${error}`), 'whole where there is room');
	// The count in the muted colour of every row's counts, the reason in the error's.
	const spans = row(80).spans;
	assert.notEqual(spans.find(span => span.text === '12 unread')?.colour, spans.find(span => span.text.includes('✗'))?.colour);
});
