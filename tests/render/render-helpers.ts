import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {renderHtml} from '../../source/render/render-html.js';
import {type RenderedText, type Segment, type StyledLine, lineText} from '../../source/render/styled-line.js';

export const widths = [20, 40, 80] as const;

/** Control characters, escape introducers and bidi overrides: none may ever reach the terminal. */
export const forbidden = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function texts(lines: readonly StyledLine[]): string[] {
	return lines.map(line => lineText(line));
}

/** Renders and checks what must hold for every rendering, then gives the lines' text. */
export function render(html: string, width: number, baseUrl?: string): string[] {
	const rendered = renderHtml(html, {width, baseUrl});
	assertWellFormed(rendered, width);
	return texts(rendered.lines);
}

/**
string-width's answer for each line measured so far: the same lines come back at every width and in
every test of a file, and string-width measures a line of non-ASCII text slowly (most of what these
checks cost). The answers are still string-width's.
*/
const lineWidths = new Map<string, number>();
function lineWidth(line: string): number {
	let width = lineWidths.get(line);
	if (width === undefined) {
		width = stringWidth(line);
		lineWidths.set(line, width);
	}
	return width;
}

export function assertWellFormed(rendered: RenderedText, width: number): void {
	const lines = texts(rendered.lines);
	for (const [index, line] of lines.entries()) {
		const columns = lineWidth(line);
		assert.ok(columns <= width, `line ${index} is ${columns} columns wide at width ${width}: ${JSON.stringify(line)}`);
		assert.doesNotMatch(line, forbidden, `line ${index} has a control character: ${JSON.stringify(line)}`);
		assert.ok(!line.includes('\n'), `line ${index} has a newline`);
	}
	for (const segment of rendered.lines.flat()) assert.ok(!segment.text.includes('\n') && !segment.text.includes('\t'));
	if (lines.length > 0) {
		assert.notEqual(lines[0]!.trim(), '', 'the first line is blank');
		assert.notEqual(lines.at(-1)!.trim(), '', 'the last line is blank');
	}
	for (let index = 1; index < lines.length; index++) {
		assert.ok(lines[index]!.trim() !== '' || lines[index - 1]!.trim() !== '', `two blank lines in a row at ${index}`);
	}
	for (const link of rendered.links) assert.doesNotMatch(link, forbidden);
}

/** The first segment whose text contains `text`. */
export function segmentWith(lines: readonly StyledLine[], text: string): Segment {
	const segment = lines.flat().find(candidate => candidate.text.includes(text));
	assert.ok(segment, `no segment contains ${JSON.stringify(text)}`);
	return segment;
}
