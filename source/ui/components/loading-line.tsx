import {Text} from 'ink';
import Spinner from 'ink-spinner';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';

/** "⠋ Loading page 2 of posts from blog.example… (Esc cancels)" */
export function LoadingLine({what}: {readonly what: string}) {
	const keyMap = useKeyMap();
	return (
		<Text>
			<Text color={theme.accent}><Spinner type="dots" /></Text>
			{` ${what}… `}
			<Text color={theme.muted}>({keyMap.hint('cancel', 'cancels')})</Text>
		</Text>
	);
}
