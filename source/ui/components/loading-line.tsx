import {Text} from 'ink';
import Spinner from 'ink-spinner';
import {theme} from '../theme.js';

/** "⠋ Loading page 2 of posts from blog.example… (Esc cancels)" */
export function LoadingLine({what}: {readonly what: string}) {
	return (
		<Text>
			<Text color={theme.accent}><Spinner type="dots" /></Text>
			{` ${what}… `}
			<Text color={theme.muted}>(Esc cancels)</Text>
		</Text>
	);
}
