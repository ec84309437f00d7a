import {useKeys} from './hooks/use-keys.js';
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {useMemo, useState} from 'react';
import type {Action, HelpGroup, KeyMap, Screen} from './keys/key-map.js';
import {useKeyMap} from './keys/use-key-map.js';
import {wrapPlainText} from '../render/wrap.js';
import {theme} from './theme.js';

// Two columns at 80 columns and wider: screens you read on the left, forms on the right.
const leftColumn = new Set<Screen>(['everywhere', 'home', 'list', 'thread', 'search', 'field']);
/** The reader's screens: the home screen's own keys are shown in its own help. */
const readerScreens: readonly Screen[] = ['everywhere', 'list', 'post', 'related', 'thread', 'search', 'form', 'field', 'help'];
const keyColumnWidth = 14;
const indent = 2;

/** One line of the help: a screen's title, or a row's keys (on its first line) and part of what they do. */
type HelpLine = {readonly title: string} | {readonly keys: string; readonly what: string};

/** The first of a row's keys that fit its column (the README lists them all). */
function keysThatFit(keys: string): string {
	const fitting: string[] = [];
	for (const label of keys.split(' ')) {
		if (fitting.length > 0 && [...fitting, label].join(' ').length > keyColumnWidth - 1) break;
		fitting.push(label);
	}
	return fitting.join(' ');
}

/** A column of groups as lines `width` wide: what a key does wraps under itself, never cut. */
function columnLines(groups: readonly HelpGroup[], width: number): HelpLine[] {
	const whatWidth = Math.max(8, width - indent - keyColumnWidth);
	const lines: HelpLine[] = [];
	for (const group of groups) {
		lines.push({title: group.title});
		for (const row of group.rows) {
			const wrapped = wrapPlainText(row.what, whatWidth).map(line => line.map(segment => segment.text).join(''));
			wrapped.forEach((what, index) => lines.push({keys: index === 0 ? keysThatFit(row.keys) : '', what}));
		}
	}
	return lines;
}

function HelpLineView({line}: {readonly line: HelpLine | undefined}) {
	if (line === undefined) return <Text> </Text>;
	if ('title' in line) return <Text bold wrap="truncate-end">{line.title}</Text>;
	return (
		<Text wrap="truncate-end">
			{' '.repeat(indent)}<Text color={theme.selection}>{line.keys.padEnd(keyColumnWidth)}</Text>{line.what}
		</Text>
	);
}

/** "↓ j" for an action: its first two keys as the map has them. */
const keysOf = (keyMap: KeyMap, action: Action) => keyMap.labels(action).slice(0, 2).join(' ');
const firstKey = (keyMap: KeyMap, action: Action) => keyMap.labels(action)[0] ?? '';
/** The first of `texts` (longest first) that fits `width` columns, or the last. */
const fitFirst = (texts: readonly string[], width: number) => texts.find(text => [...text].length <= width) ?? texts.at(-1)!;

/**
 * The `?` overlay: every key, by screen, as the key map has them. Taller than the terminal, it scrolls
 * (the map's help-down, help-up, help-page-down, help-page-up: j k Space b, arrows, PgDn PgUp), as its last line says.
 */
export function HelpOverlay({width, height, onClose, screens = readerScreens}: {readonly width: number; readonly height: number; readonly onClose: () => void; readonly screens?: readonly Screen[]}) {
	const keyMap = useKeyMap();
	// One column for a screen reader: two side by side would be read a line of each in turn.
	const screenReader = useIsScreenReaderEnabled();
	const twoColumns = width >= 80 && !screenReader;
	const columnWidth = twoColumns ? Math.floor(width / 2) : width;
	// Rows of the screen: each a line of the left column and, on wide terminals, one of the right.
	const rows = useMemo(() => {
		const groups = keyMap.help({all: true}).filter(group => screens.includes(group.screen));
		if (!twoColumns) return columnLines(groups, columnWidth).map(line => [line]);
		const left = columnLines(groups.filter(group => leftColumn.has(group.screen)), columnWidth - 1);
		const right = columnLines(groups.filter(group => !leftColumn.has(group.screen)), columnWidth - 1);
		return Array.from({length: Math.max(left.length, right.length)}, (_, index) => [left[index], right[index]]);
	}, [keyMap, screens, twoColumns, columnWidth]);
	// The title above, where the reader is below.
	const viewport = Math.max(1, height - 2);
	const maxTop = Math.max(0, rows.length - viewport);
	const [wantedTop, setTop] = useState(0);
	const top = Math.min(wantedTop, maxTop);
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		const scrollTo = (to: number) => setTop(Math.max(0, Math.min(maxTop, to)));
		if (is('close-help')) onClose();
		else if (is('help-down')) scrollTo(top + 1);
		else if (is('help-up')) scrollTo(top - 1);
		else if (is('help-page-down')) scrollTo(top + Math.max(1, viewport - 1));
		else if (is('help-page-up')) scrollTo(top - Math.max(1, viewport - 1));
	});
	const closing = keyMap.labels('close-help').join(' ');
	const bottom = Math.min(rows.length, top + viewport);
	const where = maxTop === 0 ? `every key is shown · ${firstKey(keyMap, 'close-help')} closes` : fitFirst([
		`${top + 1}–${bottom} of ${rows.length} lines · ${keysOf(keyMap, 'help-down')}/${keysOf(keyMap, 'help-up')} scroll · ${keysOf(keyMap, 'help-page-down')}/${keysOf(keyMap, 'help-page-up')} page · ${firstKey(keyMap, 'close-help')} closes`,
		`${top + 1}–${bottom} of ${rows.length} lines · ${keysOf(keyMap, 'help-down')}/${keysOf(keyMap, 'help-up')} · ${keysOf(keyMap, 'help-page-down')}/${keysOf(keyMap, 'help-page-up')}`,
		`${top + 1}–${bottom} of ${rows.length} · ${firstKey(keyMap, 'help-down')}/${firstKey(keyMap, 'help-up')} ${firstKey(keyMap, 'help-page-down')}/${firstKey(keyMap, 'help-page-up')}`,
	], width);
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text wrap="truncate-end"><Text bold color={theme.accent}>blogterm keys</Text><Text color={theme.muted}>{fitFirst([` · ${closing} closes this help`, ` · ${firstKey(keyMap, 'close-help')} closes`, ''], width - 'blogterm keys'.length)}</Text></Text>
			<Box flexDirection="column" height={viewport} overflow="hidden">
				{rows.slice(top, top + viewport).map((row, index) => (
					<Box key={top + index} flexDirection="row">
						{row.map((line, column) => (
							<Box key={column} width={columnWidth} flexShrink={0}>
								<HelpLineView line={line} />
							</Box>
						))}
					</Box>
				))}
			</Box>
			<Text color={theme.muted} wrap="truncate-end">{where}</Text>
		</Box>
	);
}
