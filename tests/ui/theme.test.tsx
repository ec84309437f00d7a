import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import type {StyledLine} from '../../source/render/styled-line.js';
import {render} from 'ink-testing-library';
import {StyledLineView} from '../../source/ui/components/styled-lines.js';
import {linesToText} from '../../source/script/styled-text.js';
import {darkTheme, noColourTheme, setTheme, themes} from '../../source/render/theme.js';
import {App} from '../../source/ui/app.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {createHttpClient} from '../../source/http/client.js';
import {startTestDemo} from '../helpers/demo.js';
import {waitForText} from './helpers.js';
import {withColour} from '../helpers/colour.js';

/** The SGR colour codes (30–37, 90–97) written just before `text`. */
function coloursBefore(output: string, text: string): string[] {
	const at = output.indexOf(text);
	assert.ok(at >= 0, `${JSON.stringify(text)} is in ${JSON.stringify(output)}`);
	const codes = [...output.slice(0, at).matchAll(/\u001B\[([\d;]*)m/g)].flatMap(match => match[1]!.split(';'));
	return codes.filter(code => /^(3[0-7]|9[0-7])$/.test(code));
}

describe('the themes', () => {
	// Colour on for Ink, as in a colour terminal.
	withColour();

	after(() => setTheme(darkTheme));

	for (const [name, theme] of Object.entries(themes)) {
		for (const role of ['link', 'heading', 'code', 'quote', 'image'] as const) {
			test(`${name}: a ${role} is the same colour in the reader and in print mode`, () => {
				setTheme(theme);
				const line: StyledLine = [{text: 'before '}, {text: `the ${role}`, role}];
				const printed = linesToText([line], true);
				const reader = render(<StyledLineView line={line} />);
				const shown = reader.lastFrame() ?? '';
				reader.unmount();
				const printColour = coloursBefore(printed, `the ${role}`).at(-1);
				assert.ok(printColour, `print mode gives the ${role} a colour`);
				assert.equal(coloursBefore(shown, `the ${role}`).at(-1), printColour);
			});
		}
	}

	test('no colour (NO_COLOR): the reader draws the list and a post with no colour at all, the selection still marked', async () => {
		setTheme(noColourTheme);
		const demo = await startTestDemo();
		const http = createHttpClient();
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => undefined}} />);
		try {
			const list = await waitForText(app, 'Page 1 of');
			assert.match(list, /^▸ /m, 'the selected post has its marker');
			app.stdin.write('\r');
			await waitForText(app, /lines 1–/);
			const everyColour = app.frames.flatMap(frame => [...frame.matchAll(/\u001B\[([\d;]*)m/g)].flatMap(match => match[1]!.split(';')));
			assert.ok(everyColour.length > 0, 'bold and dim are still written');
			assert.deepEqual(everyColour.filter(code => /^(3[0-8]|9[0-7]|4[0-8]|10[0-7])$/.test(code)), []);
		} finally {
			app.unmount();
			await demo.stop();
			setTheme(darkTheme);
		}
	});
});
