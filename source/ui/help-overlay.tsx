import {useKeys} from './hooks/use-keys.js';
import {Box, Text} from 'ink';
import type {HelpGroup, Screen} from './keys/key-map.js';
import {useKeyMap} from './keys/use-key-map.js';
import {theme} from './theme.js';

// Two columns of about the same height at 80 columns and wider: screens you read on the left, forms on the right.
const leftColumn = new Set<Screen>(['everywhere', 'home', 'list', 'thread', 'search', 'field']);
/** The reader's screens: the home screen's own keys are shown in its own help (both would not fit 80×24). */
const readerScreens: readonly Screen[] = ['everywhere', 'list', 'post', 'related', 'thread', 'form', 'field', 'help'];
/** Search's keys, in a terminal tall enough for them too (the README lists them always). */
const searchRows = 27;
const keyColumnWidth = 14;

/** The first of a row's keys that fit its column (the README lists them all). */
function keysThatFit(keys: string): string {
	const fitting: string[] = [];
	for (const label of keys.split(' ')) {
		if (fitting.length > 0 && [...fitting, label].join(' ').length > keyColumnWidth - 1) break;
		fitting.push(label);
	}
	return fitting.join(' ');
}

function KeyGroup({group}: {readonly group: HelpGroup}) {
	return (
		<Box flexDirection="column">
			<Text bold>{group.title}</Text>
			{group.rows.map(row => (
				<Text key={row.keys} wrap="truncate-end">
					{'  '}<Text color={theme.selection}>{keysThatFit(row.keys).padEnd(keyColumnWidth)}</Text>{row.what}
				</Text>
			))}
		</Box>
	);
}

/** The `?` overlay: every key, by screen, as the key map has them. */
export function HelpOverlay({width, height, onClose, screens = readerScreens}: {readonly width: number; readonly height: number; readonly onClose: () => void; readonly screens?: readonly Screen[]}) {
	const keyMap = useKeyMap();
	useKeys((input, key) => {
		if (keyMap.matches('close-help', input, key)) onClose();
	});
	const shown = screens === readerScreens && height >= searchRows ? [...screens, 'search' as const] : screens;
	const groups = keyMap.help().filter(group => shown.includes(group.screen));
	const twoColumns = width >= 80;
	const columns = twoColumns
		? [groups.filter(group => leftColumn.has(group.screen)), groups.filter(group => !leftColumn.has(group.screen))]
		: [groups];
	const closing = keyMap.labels('close-help').join(' ');
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text wrap="truncate-end"><Text bold color={theme.accent}>blogterm keys</Text><Text color={theme.muted}>{` · ${closing} closes this help`}</Text></Text>
			<Box flexDirection={twoColumns ? 'row' : 'column'}>
				{columns.map(column => (
					<Box key={column.map(group => group.screen).join()} flexDirection="column" width={twoColumns ? Math.floor(width / 2) : width}>
						{column.map(group => <KeyGroup key={group.screen} group={group} />)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
