import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {longThread} from './long-thread.js';
import {buildThread, commentFromDraft, layoutComment, placeMyComments, renderThread, withMyComments} from '../../source/comments/thread.js';
import {lineOfPlace, placeOfLine} from '../../source/render/line-offsets.js';
import type {SentComment} from '../../source/store/my-comments.js';
import type {Comment} from '../../source/model/comment.js';
import {lineText} from '../../source/render/styled-line.js';
import {textWidth} from '../../source/render/text-width.js';

function comment(id: number, parent: number, date: string | undefined, author = `Author ${id}`, html = `<p>Comment ${id}</p>`): Comment {
	return {id, parent, author, authorUrl: undefined, date, html, status: 'approved'};
}

const shape = (entries: ReturnType<typeof buildThread>) => entries.map(entry => `${'  '.repeat(entry.depth)}${entry.comment.id}`);

describe('building a thread', () => {
	test('oldest first, replies under their parent, depth first', () => {
		const comments = [
			comment(5, 0, '2024-02-09T10:00:00'),
			comment(2, 0, '2024-02-08T10:00:00'),
			comment(4, 3, '2024-02-08T12:00:00'),
			comment(3, 2, '2024-02-08T11:00:00'),
			comment(6, 5, '2024-02-09T11:00:00'),
			comment(7, 2, '2024-02-10T11:00:00'),
		];
		assert.deepEqual(shape(buildThread(comments)), ['2', '  3', '    4', '  7', '5', '  6']);
	});

	test('a reply whose parent is not there is shown at the top level', () => {
		const entries = buildThread([comment(10, 0, '2024-01-01T00:00:00'), comment(11, 99, '2024-01-02T00:00:00')]);
		assert.deepEqual(shape(entries), ['10', '11']);
	});

	test('a loop of parents is shown once, not followed forever', () => {
		const entries = buildThread([comment(1, 2, '2024-01-01T00:00:00'), comment(2, 1, '2024-01-02T00:00:00'), comment(3, 3, '2024-01-03T00:00:00')]);
		assert.deepEqual(shape(entries), ['3', '1', '  2']);
	});

	test('deep threads are capped at the deepest level shown', () => {
		const chain = Array.from({length: 8}, (_, index) => comment(index + 1, index, `2024-01-0${index + 1}T00:00:00`));
		assert.deepEqual(buildThread(chain).map(entry => entry.depth), [0, 1, 2, 3, 4, 4, 4, 4]);
		assert.deepEqual(buildThread(chain, 3).map(entry => entry.depth), [0, 1, 2, 2, 2, 2, 2, 2]);
	});

	test('without dates, the blog\'s order stands', () => {
		assert.deepEqual(shape(buildThread([comment(9, 0, undefined), comment(8, 0, '2024-01-01T00:00:00')])), ['9', '8']);
	});

	test('string IDs (and "0" parents) work too', () => {
		const entries = buildThread([
			{...comment(1, 0, undefined), id: 'a', parent: '0'},
			{...comment(2, 0, undefined), id: 'b', parent: 'a'},
		]);
		assert.deepEqual(entries.map(entry => [entry.comment.id, entry.depth]), [['a', 0], ['b', 1]]);
	});
});

describe('rendering a thread', () => {
	const thread = buildThread([
		comment(2, 0, '2024-02-08T10:00:00', 'Dana Scully', '<p>First! This is a top-level comment.</p>\n'),
		comment(3, 2, '2024-02-08T11:00:00', 'Eli Wallach', '<p>A reply to Dana, one level down.</p>\n'),
		comment(4, 3, '2024-02-08T12:00:00', 'Dana Scully', '<p>And a reply to the reply &#038; a second level.</p>\n'),
	]);

	test('each comment shows its author in bold, its date and time as WordPress shows them, and its body; replies are indented', () => {
		const {lines, starts} = renderThread(thread, 80);
		const text = lines.map(lineText);
		assert.deepEqual(text, [
			'Dana Scully · February 8, 2024 at 10:00 am',
			'First! This is a top-level comment.',
			'',
			'   Eli Wallach · February 8, 2024 at 11:00 am',
			'   A reply to Dana, one level down.',
			'',
			'      Dana Scully · February 8, 2024 at 12:00 pm',
			'      And a reply to the reply & a second level.',
		]);
		assert.deepEqual(starts, [0, 3, 6]);
		assert.deepEqual(lines[0]![0], {text: 'Dana Scully', bold: true});
	});

	test('no line is wider than the width, however deep the thread', () => {
		const deep = buildThread(Array.from({length: 12}, (_, index) => comment(index + 1, index, `2024-01-${String(index + 1).padStart(2, '0')}T00:00:00`, 'A rather long author name for a narrow terminal', '<p>Words words words words words words words words words words.</p>')), 12);
		for (const width of [30, 40, 80]) {
			const {lines} = renderThread(deep, width);
			for (const line of lines) assert.ok(textWidth(lineText(line)) <= width, `${width}: ${lineText(line)}`);
			// The deepest comment's text still has at least half the width.
			const last = lines.at(-1)!;
			assert.ok(width - (lineText(last).length - lineText(last).trimStart().length) >= Math.min(24, width / 2));
		}
	});

	test('the user\'s comments are marked "(yours)", held ones "Your comment is awaiting moderation."', () => {
		const held: Comment = {...comment(9, 2, '2024-02-08T13:00:00', 'Olive'), status: 'held', isMine: true};
		const {lines} = renderThread(buildThread([...thread.map(entry => entry.comment), held]), 80, {mineIds: [3]});
		const text = lines.map(lineText);
		assert.ok(text.includes('   Eli Wallach · February 8, 2024 at 11:00 am · (yours)'));
		assert.ok(text.includes('   Olive · February 8, 2024 at 1:00 pm · (yours)'));
		assert.ok(text.includes('   Your comment is awaiting moderation.'));
		// On a narrow terminal the date gives way, not the mark.
		const narrow = renderThread(buildThread([...thread.map(entry => entry.comment), held]), 32, {mineIds: [3]}).lines.map(lineText);
		assert.ok(narrow.some(line => line.trim() === 'Eli Wallach · (yours)'), narrow.join('\n'));
		for (const line of narrow) assert.ok(textWidth(line) <= 32, line);
	});

	test('links in a comment are numbered and listed under it', () => {
		const {lines} = renderThread(buildThread([comment(1, 0, undefined, 'Fay', '<p>See <a href="/notes">my notes</a>.</p>')]), 60, {baseUrl: 'https://blog.example/post/'});
		const text = lines.map(lineText);
		assert.ok(text.some(line => line.includes('my notes[1]')));
		assert.ok(text.some(line => line.includes('[1] https://blog.example/notes')));
	});

	test('each line of a comment knows where it starts in its text: a body line is found again at another width', () => {
		const words = Array.from({length: 60}, (_, index) => `word${index + 1}`).join(' ');
		const thread = buildThread([comment(1, 0, '2024-02-08T10:00:00', 'Dana Scully', `<p>${words}</p><blockquote><p>${words}</p></blockquote>`)]);
		const wide = layoutComment(thread, 0, 80);
		const narrow = layoutComment(thread, 0, 30);
		assert.equal(wide.offsets.starts.length, wide.lines.length);
		assert.equal(narrow.offsets.end, wide.offsets.end);
		for (const [index, line] of wide.lines.entries()) {
			const first = lineText(line).replace(/^[\s│]+/u, '').split(' ')[0]!;
			const found = lineText(narrow.lines[lineOfPlace(narrow.offsets.starts, placeOfLine(wide.offsets.starts, index))]!);
			assert.ok(found.replace(/^[\s│]+/u, '').split(' ').includes(first), `“${first}” is on “${found}”`);
		}
	});

	test('an author name cannot carry escape sequences to the terminal', () => {
		const {lines} = renderThread(buildThread([comment(1, 0, undefined, 'Mallory\u001B]0;owned\u0007\u001B[2J')]), 80);
		assert.equal(lineText(lines[0]!), 'Mallory');
	});
});

describe('a long thread, read on a terminal', () => {
	const deep = buildThread(longThread);

	test('past the deepest indent a reply says whom it answers (↳ NAME); within it, the indent says so', () => {
		const text = renderThread(deep, 80).lines.map(lineText);
		// Level 4 is indented 12 columns; level 5 as deep, and says it answers Reader 5.
		assert.ok(text.includes('            Reader 5 · March 1, 2024 at 9:05 am'), text.join('\n'));
		assert.ok(text.includes('            Reader 6 ↳ Reader 5 · March 1, 2024 at 9:06 am'), text.join('\n'));
		assert.ok(!text.some(line => line.includes('Reader 4 ↳')));
		// On a narrow terminal fewer levels are indented, so more replies say whom they answer.
		const narrow = renderThread(deep, 30).lines.map(lineText);
		assert.ok(narrow.some(line => line.trimEnd() === '      Reader 5 ↳ Reader 4'), narrow.join('\n'));
		// The date, when the whole one does not fit, is the short one; with no room for that, left out (not cut).
		assert.ok(narrow.includes('Reader 1 · Mar 1, 2024'), narrow.join('\n'));
		for (const line of narrow) assert.ok(textWidth(line) <= 30, line);
	});

	test('the commenter’s website is link [1] on their name; the comment’s own links follow', () => {
		const withSite: Comment = {...comment(1, 0, '2024-02-08T10:00:00', 'Fay', '<p>See <a href="https://fay.example/notes">my notes</a>.</p>'), authorUrl: 'https://fay.example/'};
		const {lines} = renderThread(buildThread([withSite]), 80);
		const text = lines.map(lineText);
		assert.equal(text[0], 'Fay[1] · February 8, 2024 at 10:00 am');
		assert.deepEqual(lines[0]![0], {text: 'Fay', bold: true, link: 1});
		assert.ok(text.includes('See my notes[2].'));
		assert.deepEqual(text.slice(-3), ['Links:', '[1] https://fay.example/', '[2] https://fay.example/notes']);
	});

	test('a website that is not a web address is not a link', () => {
		const withScript: Comment = {...comment(1, 0, undefined, 'Mallory'), authorUrl: 'javascript:alert(1)'};
		const text = renderThread(buildThread([withScript]), 80).lines.map(lineText);
		assert.equal(text[0], 'Mallory');
		assert.ok(!text.includes('Links:'));
	});

	test('a URL WordPress made a link of is shown once, numbered where it is, not listed again', () => {
		const html = '<p>The docs: <a href="https://docs.example/cron" rel="nofollow ugc">https://docs.example/cron</a> and <a href="https://other.example/">this page</a>.</p>';
		const text = renderThread(buildThread([comment(1, 0, undefined, 'Gus', html)]), 80).lines.map(lineText);
		assert.ok(text.includes('The docs: https://docs.example/cron[1] and this page[2].'), text.join('\n'));
		assert.deepEqual(text.slice(-2), ['Links:', '[2] https://other.example/']);
		const only = renderThread(buildThread([comment(1, 0, undefined, 'Gus', '<p><a href="https://docs.example/">https://docs.example/</a></p>')]), 80).lines.map(lineText);
		assert.deepEqual(only, ['Gus', 'https://docs.example/[1]'], 'no "Links:" when every link is shown whole');
	});

	test('a comment that arrived since the last visit is marked new', () => {
		const text = renderThread(buildThread(longThread.slice(0, 3)), 80, {newIds: ['3']}).lines.map(lineText);
		assert.ok(text.includes('      Reader 3 · March 1, 2024 at 9:03 am · new'), text.join('\n'));
		assert.ok(text.includes('Reader 1 · March 1, 2024 at 9:01 am'));
	});

	test('new and yours are found whether the IDs come as numbers or text, in a set or a list', () => {
		const thread = buildThread(longThread.slice(0, 3));
		const marked = (options: Parameters<typeof renderThread>[2]) => renderThread(thread, 80, options).lines.map(lineText).filter(line => / · (?:new|\(yours\))/.test(line)).map(line => line.trim());
		for (const newIds of [new Set(['3']), new Set([3]), [3], ['3']]) {
			assert.deepEqual(marked({newIds}), ['Reader 3 · March 1, 2024 at 9:03 am · new'], JSON.stringify([...newIds]));
		}
		assert.deepEqual(marked({mineIds: new Set([2]), newIds: new Set(['02', '3.0', 'x'])}), ['Reader 2 · March 1, 2024 at 9:02 am · (yours)']);
	});
});

describe('the user\'s own comments', () => {
	const draft = {comment: 'Line one\nline two\n\nA <b>second</b> paragraph', name: 'Olive', email: 'olive@example.org', website: '', saveIdentity: false, parent: 2};

	test('a sent comment is shown as its writer wrote it, escaped', () => {
		const sent = commentFromDraft(draft, {kind: 'held', id: 12, link: undefined, message: 'Your comment is awaiting moderation.'}, new Date('2024-02-08T13:00:00Z'));
		assert.deepEqual(sent, {
			id: 12,
			parent: 2,
			author: 'Olive',
			authorUrl: undefined,
			date: '2024-02-08T13:00:00.000Z',
			html: '<p>Line one<br>line two</p>\n<p>A &lt;b&gt;second&lt;/b&gt; paragraph</p>',
			status: 'held',
			isMine: true,
		});
	});

	test('a sent comment with quotes, ampersands and angle brackets reads in the thread as it was written, its lines and paragraphs kept', () => {
		const written = 'Use "<b>x</b>" &amp; a < b';
		const sent = commentFromDraft({...draft, comment: `${written}\nits next line\n\nA second paragraph`}, {kind: 'approved', id: 13, link: undefined}, new Date('2024-02-08T13:00:00Z'));
		const text = renderThread(buildThread([sent]), 80).lines.map(lineText).map(line => line.trim());
		const at = text.indexOf(written);
		assert.deepEqual(text.slice(at, at + 4), [written, 'its next line', '', 'A second paragraph'], text.join('\n'));
	});

	test('held comments the blog does not list are added; listed ones are marked as mine', () => {
		const listed = [comment(2, 0, undefined), comment(12, 2, undefined)];
		const mine = [{...comment(12, 2, undefined), isMine: true}, {...comment(13, 2, undefined), status: 'held' as const, isMine: true}];
		const merged = withMyComments(listed, mine);
		assert.deepEqual(merged.map(entry => [entry.id, entry.isMine ?? false, entry.status]), [[2, false, 'approved'], [12, true, 'approved'], [13, true, 'held']]);
	});
});

describe('your comments in the blog’s thread', () => {
	const listed = [comment(1, 0, '2026-11-01T10:00:00Z'), comment(2, 0, '2026-11-05T10:00:00Z')];
	const mine = (id: number | string, status: 'approved' | 'held', date: string): SentComment => ({id, parent: 0, author: 'Ada', text: `Mine ${id}`, date, status});

	test('a listed one is marked yours; a held one now listed is approved', () => {
		const placed = placeMyComments(listed, [mine(2, 'held', '2026-11-05T10:00:00Z')]);
		assert.deepEqual(placed.comments.map(entry => [entry.id, entry.isMine === true, entry.status]), [[1, false, 'approved'], [2, true, 'approved']]);
		assert.deepEqual(placed.approved.map(sent => sent.id), [2]);
		assert.deepEqual(placed.gone, []);
	});

	test('a held one not listed is shown to you, awaiting moderation', () => {
		const placed = placeMyComments(listed, [mine(9, 'held', '2026-11-06T10:00:00Z')]);
		assert.deepEqual(placed.comments.at(-1), {...placed.comments.at(-1), id: 9, status: 'held', isMine: true});
		assert.deepEqual(placed.stillHeld.map(sent => sent.id), [9]);
	});

	test('one the blog took without saying whether it is published is shown as received, and never called gone', () => {
		const sent = {...mine(9, 'held', '2026-11-03T10:00:00Z'), unconfirmed: true as const};
		const placed = placeMyComments(listed, [sent]);
		assert.deepEqual(placed.gone, []);
		assert.deepEqual(placed.stillHeld.map(each => each.id), [9]);
		const text = renderThread(buildThread(placed.comments), 80).lines.map(lineText);
		assert.ok(text.includes('Your comment was received; the blog did not say whether it is published.'), text.join('\n'));
		assert.ok(!text.includes('Your comment is awaiting moderation.'));
	});

	test('a published one no longer listed has gone, but only where the thread reaches back to it', () => {
		assert.deepEqual(placeMyComments(listed, [mine(3, 'approved', '2026-11-03T10:00:00Z')]).gone.map(sent => sent.id), [3]);
		// A comment feed holds only the newest comments: one older than all it holds may still be on the blog.
		const older = placeMyComments(listed, [mine(3, 'approved', '2026-10-01T10:00:00Z')]);
		assert.deepEqual(older.gone, []);
		assert.ok(older.comments.some(entry => entry.id === 3 && entry.isMine), 'still shown as yours');
	});
});
