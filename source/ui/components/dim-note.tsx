import {Text} from 'ink';
import {lineText} from '../../render/styled-line.js';
import {wrapPlainText} from '../../render/wrap.js';

/**
 * A note a screen gives a row or two (what a blog sent that could not be read, where blogterm stopped
 * reading): wrapped at `width` between words, its end kept where it fits (it says what became of them),
 * at most `maxRows` rows. Its length is the rows the screen gives it.
 */
export function dimNoteLines(text: string, width: number, maxRows = 2): string[] {
	return text === '' ? [] : wrapPlainText(text, width).slice(0, maxRows).map(line => lineText(line));
}

/** The note's lines, dim. */
export function DimNote(props: {readonly lines: readonly string[]}) {
	return props.lines.map((line, index) => <Text key={index} dimColor wrap="truncate-end">{line}</Text>);
}
