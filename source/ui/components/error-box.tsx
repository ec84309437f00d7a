import {Box, Text} from 'ink';
import {cleanLine, cleanText} from '../../render/sanitize.js';
import type {BlogError} from '../../errors.js';
import {theme} from '../theme.js';

/** A failure in words (headed "Error:", so that it is not told by its colour alone), and what the user can do about it. */
export function ErrorBox({error, hint = 'r retry · q back'}: {readonly error: BlogError; readonly hint?: string}) {
	return (
		// One line for a screen reader: what went wrong, then what to do.
		<Box flexDirection="column" aria-label={`Error: ${cleanLine(error.message)} (${hint})`}>
			<Text color={theme.error}><Text bold>Error:</Text> {cleanText(error.message)}</Text>
			<Text color={theme.muted}>{hint}</Text>
		</Box>
	);
}
