import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {StyledLine} from '../../source/render/styled-line.js';

// Colour on for Ink in this process (its colour level is read when it loads), as in a colour terminal.
process.env['FORCE_COLOR'] = '1';
const {render} = await import('ink-testing-library');
const {StyledLineView} = await import('../../source/ui/components/styled-lines.js');
const {linesToText} = await import('../../source/script/styled-text.js');

/** The SGR colour codes (30–37, 90–97) written just before `text`. */
function coloursBefore(output: string, text: string): string[] {
	const at = output.indexOf(text);
	assert.ok(at >= 0, `${JSON.stringify(text)} is in ${JSON.stringify(output)}`);
	const codes = [...output.slice(0, at).matchAll(/\u001B\[([\d;]*)m/g)].flatMap(match => match[1]!.split(';'));
	return codes.filter(code => /^(3[0-7]|9[0-7])$/.test(code));
}

for (const role of ['link', 'heading', 'code', 'quote', 'image'] as const) {
	test(`a ${role} is the same colour in the reader and in print mode`, () => {
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
