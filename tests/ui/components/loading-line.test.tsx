import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {LoadingLine} from '../../../source/ui/components/loading-line.js';
import {waitForText} from '../helpers.js';

const previous = process.env['INK_SCREEN_READER'];
after(() => {
	if (previous === undefined) delete process.env['INK_SCREEN_READER'];
	else process.env['INK_SCREEN_READER'] = previous;
});

const spinnerFrames = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/u;

test('in Ink\'s screen-reader mode, loading is said in words, with no spinner to be read out at every frame', async () => {
	process.env['INK_SCREEN_READER'] = 'true';
	const app = render(<LoadingLine what="Loading page 2 of posts from blog.example" />);
	try {
		const frame = await waitForText(app, 'Loading page 2 of posts from blog.example… (Esc cancels)');
		assert.doesNotMatch(frame, spinnerFrames);
		assert.equal(frame.trim(), 'Loading page 2 of posts from blog.example… (Esc cancels)');
	} finally {
		app.unmount();
	}
});

test('otherwise, a spinner before the words', async () => {
	delete process.env['INK_SCREEN_READER'];
	const app = render(<LoadingLine what="Loading the post from blog.example" />);
	try {
		const frame = await waitForText(app, 'Loading the post from blog.example…');
		assert.match(frame, spinnerFrames);
	} finally {
		app.unmount();
	}
});
