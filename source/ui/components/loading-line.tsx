import {Text, useIsScreenReaderEnabled} from 'ink';
import Spinner from 'ink-spinner';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';

/**
 * "⠋ Loading page 2 of posts from blog.example… (Esc cancels)"; for a screen reader, the words alone, said
 * once. `escGoesBack`: a screen that Esc leaves while it loads (a post, a thread), "(Esc goes back)".
 */
export function LoadingLine({what, escGoesBack = false}: {readonly what: string; readonly escGoesBack?: boolean}) {
	const keyMap = useKeyMap();
	const escape = escGoesBack ? keyMap.hint('back', 'goes back') : keyMap.hint('cancel', 'cancels');
	// A spinner would be read out at every frame: Ink's screen-reader mode gets a line that stays until the answer.
	if (useIsScreenReaderEnabled()) return <Text>{`${what}… (${escape})`}</Text>;
	return (
		<Text>
			<Text color={theme.accent}><Spinner type="dots" /></Text>
			{` ${what}… `}
			<Text color={theme.muted}>({escape})</Text>
		</Text>
	);
}
