import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {LoadingLine} from '../../../source/ui/components/loading-line.js';
import {waitForText} from '../helpers.js';
import {withEnvironment} from '../../helpers/environment.js';

const spinnerFrames = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/u;

describe('the loading line', () => {
	// Ink reads INK_SCREEN_READER when each render starts; put back when the suite ends.
	const environment = withEnvironment();

	test('in Ink\'s screen-reader mode, loading is said in words, with no spinner to be read out at every frame', async () => {
		environment.set('INK_SCREEN_READER', 'true');
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
		environment.set('INK_SCREEN_READER', undefined);
		const app = render(<LoadingLine what="Loading the post from blog.example" />);
		try {
			const frame = await waitForText(app, 'Loading the post from blog.example…');
			assert.match(frame, spinnerFrames);
		} finally {
			app.unmount();
		}
	});
});
