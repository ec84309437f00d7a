import {Box, Text} from 'ink';
import {cleanLine, cleanText} from '../../render/sanitize.js';
import type {BlogError} from '../../errors.js';
import {theme} from '../theme.js';

/**
 * A failure in words (headed "Error:", so that it is not told by its colour alone), and what the user can
 * do about it. A load the user stopped (Esc) is no failure: "Cancelled.", and the same hint.
 */
export function ErrorBox({error, hint = 'r retry · q back'}: {readonly error: BlogError; readonly hint?: string}) {
	if (error.kind === 'cancelled') {
		return (
			<Box flexDirection="column" aria-label={`${cleanLine(error.message)} (${hint})`}>
				<Text>{cleanText(error.message)}</Text>
				<Text color={theme.muted}>{hint}</Text>
			</Box>
		);
	}
	return (
		// One line for a screen reader: what went wrong, then what to do.
		<Box flexDirection="column" aria-label={`Error: ${cleanLine(error.message)} (${hint})`}>
			<Text color={theme.error}><Text bold>Error:</Text> {cleanText(error.message)}</Text>
			<Text color={theme.muted}>{hint}</Text>
		</Box>
	);
}
