import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {BlogError} from '../../../source/errors.js';
import {ErrorBox} from '../../../source/ui/components/error-box.js';

test('an error says it is one in words, not by its colour alone, and what can be done', () => {
	const app = render(<ErrorBox error={new BlogError('network', 'Could not reach blog.example: the connection was refused.')} hint="r retry · q back" />);
	try {
		assert.deepEqual((app.lastFrame() ?? '').split('\n'), ['Error: Could not reach blog.example: the connection was refused.', 'r retry · q back']);
	} finally {
		app.unmount();
	}
});
