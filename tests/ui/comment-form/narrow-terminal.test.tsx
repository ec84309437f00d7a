import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {requiredFieldsNote, saveIdentityLabel} from '../../../source/comments/validation.js';
import {draftKey} from '../../../source/store/drafts.js';
import {CommentForm} from '../../../source/ui/comment-form/comment-form.js';
import {textWidth} from '../../../source/render/text-width.js';
import {keys, press, renderWithKeys, waitForText} from '../helpers.js';
import {dana, fakeSource, post} from './fixtures.js';
import {withEnvironment} from '../../helpers/environment.js';

const root = mkdtempSync(join(tmpdir(), 'blogterm-form-narrow-'));
after(() => {
	rmSync(root, {recursive: true, force: true});
});

function formAt(width: number, height: number, replyTo?: typeof dana) {
	const source = fakeSource(() => Promise.resolve({kind: 'approved', id: 115, link: `${post.link}#comment-115`}));
	return renderWithKeys(<CommentForm source={source} post={post} replyTo={replyTo} width={width} height={height} draftKey={draftKey(source.site.key, post.id, replyTo?.id ?? 0)} onClose={() => {}} />);
}

/** The frame's text with its lines joined: a note wrapped over lines reads whole. */
const joined = (frame: string) => frame.split('\n').map(line => line.trim()).join(' ');

describe('the comment form in a small terminal', () => {
	withEnvironment({BLOGTERM_HOME: root});

	// 40×11: the form's room in a 40×12 terminal, under which the reader keeps its last row.
	for (const [width, height] of [[50, 24], [40, 12], [40, 11]] as const) {
		test(`at ${width}×${height} the notes wrap instead of being cut, the title stays on the first line, and the form fits`, async () => {
			const app = formAt(width, height);
			try {
				const frame = await waitForText(app, 'Post Comment');
				const lines = frame.split('\n');
				assert.match(lines[0]!, /^Leave a Reply/, `the title is on the first line:\n${frame}`);
				assert.ok(lines.length <= height && lines.every(line => textWidth(line) <= width), `fits ${width}×${height}:\n${frame}`);
				assert.ok(joined(frame).includes(requiredFieldsNote), `the note reads whole:\n${frame}`);
				assert.ok(joined(frame).includes(saveIdentityLabel), `the checkbox's label reads whole:\n${frame}`);
				for (const label of ['Comment *', 'Name *', 'Email *', 'Website']) assert.ok(frame.includes(label), `${label} is there`);
				// Moving through the fields keeps the title where it is.
				await press(app, keys.tab, keys.tab, keys.tab, keys.tab);
				const lower = await waitForText(app, /›\s*\[ \]/);
				assert.match(lower.split('\n')[0]!, /^Leave a Reply/, `the title stays:\n${lower}`);
			} finally {
				app.unmount();
			}
		});
	}
});
