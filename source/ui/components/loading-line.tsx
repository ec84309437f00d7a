import {Text, useIsScreenReaderEnabled} from 'ink';
import Spinner from 'ink-spinner';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';

/** "⠋ Loading page 2 of posts from blog.example… (Esc cancels)"; for a screen reader, the words alone, said once. */
export function LoadingLine({what}: {readonly what: string}) {
	const keyMap = useKeyMap();
	// A spinner would be read out at every frame: Ink's screen-reader mode gets a line that stays until the answer.
	if (useIsScreenReaderEnabled()) return <Text>{`${what}… (${keyMap.hint('cancel', 'cancels')})`}</Text>;
	return (
		<Text>
			<Text color={theme.accent}><Spinner type="dots" /></Text>
			{` ${what}… `}
			<Text color={theme.muted}>({keyMap.hint('cancel', 'cancels')})</Text>
		</Text>
	);
}
