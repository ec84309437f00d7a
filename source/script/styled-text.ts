import {lineToAnsi} from '../render/ansi.js';
import type {StyledLine} from '../render/styled-line.js';

/** Lines as print mode writes them: SGR styles only when `colour`, no trailing spaces, each ending with a newline. */
export function linesToText(lines: readonly StyledLine[], colour: boolean): string {
	return lines.map(line => `${lineToAnsi(line, colour).trimEnd()}\n`).join('');
}
