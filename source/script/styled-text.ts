import {lineToAnsi, type LinkUrlOf} from '../render/ansi.js';
import type {StyledLine} from '../render/styled-line.js';

/** Lines as print mode writes them: SGR styles only when `colour`, hyperlinks with `linkUrl`, no trailing spaces, each ending with a newline. */
export function linesToText(lines: readonly StyledLine[], colour: boolean, linkUrl?: LinkUrlOf): string {
	return lines.map(line => `${lineToAnsi(line, colour, linkUrl).trimEnd()}\n`).join('');
}
