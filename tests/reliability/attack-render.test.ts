import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import type {Comment} from '../../source/model/comment.js';
import type {Post} from '../../source/model/post.js';
import {formatPostMarkdown} from '../../source/script/format-post-markdown.js';
import {formatPostText} from '../../source/script/format-post-text.js';
import type {PostView} from '../../source/script/fetch-post-view.js';
import {postToJson, stringifyJson} from '../../source/script/format-json.js';

/*
Attacks on the outputs themselves (issue 12), with a model that holds whatever a hostile blog could
put there: the formats must hold on their own, whatever the sources let through. Each attack says
what it sent and what came back (t.diagnostic). The slow ones (20 MB, deep HTML) are in
tests/attack/render.attack.ts.
*/

export function postOf(fields: Partial<Post> = {}): Post {
	return {
		id: 1,
		title: 'A title',
		link: 'https://blog.example/a-title/',
		date: '2026-11-03T10:00:00Z',
		author: 'Dana',
		commentCount: 0,
		excerpt: '',
		categories: [],
		tags: [],
		html: '<p>Body.</p>',
		isSummaryOnly: false,
		commentsOpen: true,
		...fields,
	};
}

export function viewOf(post: Post, rest: Partial<Omit<PostView, 'post'>> = {}): PostView {
	return {post, neighbours: {previous: undefined, next: undefined}, related: [], comments: undefined, ...rest};
}

/** At most `limit` characters of a value, for a diagnostic. */
export function shown(value: unknown, limit = 200): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length <= limit ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, limit))}… (${text.length} characters)`;
}

function report(t: TestContext, sent: string, got: string): void {
	t.diagnostic(`sent: ${sent}`);
	t.diagnostic(`came back: ${got}`);
}

const formats = {
	text: (view: PostView) => formatPostText(view, {width: 80, colour: false}),
	markdown: formatPostMarkdown,
	json: (view: PostView) => stringifyJson(postToJson(view)),
};

test('a 10 MB title, and a 10 MB word in the body, print in every format (no "Maximum call stack size exceeded")', t => {
	const huge = 'x'.repeat(10_000_000);
	const view = viewOf(postOf({title: huge, html: `<p>${huge}</p>`}));
	for (const [name, format] of Object.entries(formats)) {
		let output: string;
		try {
			output = format(view);
		} catch (error) {
			report(t, `${name}: a title and a body word of 10,000,000 × "x"`, `threw ${String(error)}`);
			throw error;
		}
		report(t, `${name}: a title and a body word of 10,000,000 × "x"`, `${output.length} characters, starting ${shown(output, 60)}`);
		// Both the title and the body are there, whole.
		assert.ok(output.split('x').length - 1 >= 20_000_000, `${name}: all of the title and the word are printed`);
		if (name === 'text') assert.ok(output.split('\n').every(line => line.length <= 80), 'text: cut at 80 columns');
	}
});

test('80,000 comments print with the post as text and Markdown', t => {
	const comments: Comment[] = Array.from({length: 80_000}, (_, index) => ({
		id: index + 1,
		parent: index % 2 === 0 ? 0 : index,
		author: `Reader ${index + 1}`,
		authorUrl: undefined,
		date: undefined,
		html: `<p>Comment ${index + 1}</p>`,
		status: 'approved',
	}));
	const view = viewOf(postOf(), {comments});
	for (const name of ['text', 'markdown'] as const) {
		let output: string;
		try {
			output = formats[name](view);
		} catch (error) {
			report(t, `${name}: 80,000 comments`, `threw ${String(error)}`);
			throw error;
		}
		report(t, `${name}: 80,000 comments`, `${output.length} characters, ending ${shown(output.slice(-60))}`);
		assert.match(output, /80000 comments/);
		assert.match(output, /Comment 80000\b/);
	}
});
