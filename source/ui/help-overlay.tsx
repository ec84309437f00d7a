import {useKeys} from './hooks/use-keys.js';
import {Box, Text} from 'ink';
import {theme} from './theme.js';

/** Every key, grouped by screen. The README lists the same. */
export const keyHelp: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
	['Everywhere', [['?', 'this help'], ['Esc q', 'back; q on the list quits'], ['Bksp H', 'back, on a post'], ['Ctrl-C', 'quit']]],
	['Posts list', [['↑↓ j k', 'move'], ['Enter', 'open the post'], ['←→ [ ]', 'previous / next page'], ['g G', 'first / last post'], ['r', 'retry after an error']]],
	['Post', [['↑↓ j k', 'scroll a line'], ['Space PgDn', 'page down'], ['b PgUp', 'page up'], ['g G', 'top / bottom'], ['n p', 'newer / older post'], ['C', 'read the comments'], ['c', 'leave a reply'], ['Tab', 'into Related Posts'], ['h', 'hide / show Related'], ['o', 'open in the browser']]],
	['Comments', [['↑↓ j k', 'choose a comment'], ['Space b g G', 'page'], ['r', 'reply to it'], ['c', 'comment on the post']]],
	['Reply form', [['Tab S-Tab', 'next / previous field'], ['Enter', 'next field or new line'], ['Ctrl-S', 'send'], ['Ctrl-X', 'comment on the post'], ['Space', 'tick the checkbox'], ['Esc', 'close, keeping the draft'], ['Ctrl-Q', 'discard the draft (y/n)']]],
	['Comment field', [['Ctrl-W U K', 'delete word/to start/end'], ['Del Home End', 'delete fwd, row start/end']]],
];

/** The `?` overlay. */
function KeyGroup({group, keys, last}: {readonly group: string; readonly keys: ReadonlyArray<readonly [string, string]>; readonly last: boolean}) {
	return (
		<Box flexDirection="column" marginBottom={last ? 0 : 1}>
			<Text bold>{group}</Text>
			{keys.map(([keyName, what]) => (
				<Text key={keyName} wrap="truncate-end">
					{'  '}<Text color={theme.selection}>{keyName.padEnd(13)}</Text>{what}
				</Text>
			))}
		</Box>
	);
}

export function HelpOverlay({width, height, onClose}: {readonly width: number; readonly height: number; readonly onClose: () => void}) {
	useKeys((input, key) => {
		if (input === '?' || input === 'q' || key.escape || key.return) onClose();
	});
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text bold color={theme.accent}>blogterm keys</Text>
			<Box flexDirection={width >= 80 ? 'row' : 'column'}>
				{[[0, 1, 3, 5], [2, 4]].map(column => (
					<Box key={column.join()} flexDirection="column" width={width >= 80 ? Math.floor(width / 2) : width}>
						{column.map((index, position) => <KeyGroup key={index} group={keyHelp[index]![0]} keys={keyHelp[index]![1]} last={position === column.length - 1} />)}
					</Box>
				))}
			</Box>
			<Text color={theme.muted}>Esc, q or ? closes this help</Text>
		</Box>
	);
}
