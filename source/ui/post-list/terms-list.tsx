import {Box, Text} from 'ink';
import {useCallback, useState} from 'react';
import {hostOf} from '../../http/client.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import type {BlogSource} from '../../sources/blog-source.js';
import type {PostFilter, TermCount} from '../../sources/post-filter.js';
import {ErrorBox} from '../components/error-box.js';
import {useAsync} from '../hooks/use-async.js';
import {useKeys, useMouse} from '../hooks/use-keys.js';
import {clickOnList, listItemAt} from '../hooks/mouse.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';
import {firstInView} from '../home/rows.js';
import {formatCount} from '../../render/format-count.js';

export type TermsListProps = {
	readonly source: BlogSource;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
	/** Enter: the chosen category's or tag's posts. */
	readonly onOpen: (filter: PostFilter) => void;
	readonly onBack: () => void;
};

type Row = {readonly heading: string} | {readonly term: TermCount};

/** The blog's categories, then its tags, each with its number of posts (most first), to choose one: `t` on the list. */
export function TermsList(props: TermsListProps) {
	const {source, width, height} = props;
	const load = useCallback(async (signal: AbortSignal) => {
		const [categories, tags] = await Promise.all([source.fetchTerms?.('category', {signal}) ?? [], source.fetchTerms?.('tag', {signal}) ?? []]);
		return {categories, tags};
	}, [source]);
	const terms = useAsync('terms', load);
	const [selected, setSelected] = useState(0);
	const keyMap = useKeyMap();
	const rows: Row[] = terms.status === 'done'
		? [
			...(terms.value.categories.length > 0 ? [{heading: 'Categories'}, ...terms.value.categories.map(term => ({term}))] : []),
			...(terms.value.tags.length > 0 ? [{heading: 'Tags'}, ...terms.value.tags.map(term => ({term}))] : []),
		]
		: [];
	const choosable = rows.flatMap(row => ('term' in row ? [row.term] : []));
	const current = Math.min(selected, Math.max(0, choosable.length - 1));
	const room = Math.max(1, height - 3);
	// The highlighted row, and the first row shown: what the screen draws and where a click lands.
	const selectedRow = rows.findIndex(row => 'term' in row && row.term === choosable[current]);
	const first = firstInView(Math.max(0, selectedRow), rows.length, room);
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		// Esc goes back, loading or not: this screen is only a way to choose.
		if (is('back-to-list') || is('browse-terms')) return props.onBack();
		if (terms.status === 'error' && is('retry')) return terms.retry();
		if (is('list-down')) setSelected(Math.min(choosable.length - 1, current + 1));
		else if (is('list-up')) setSelected(Math.max(0, current - 1));
		else if (is('next-page')) setSelected(Math.min(choosable.length - 1, current + room));
		else if (is('previous-page')) setSelected(Math.max(0, current - room));
		else if (is('open-post') && choosable[current]) {
			const term = choosable[current];
			props.onOpen({kind: term.taxonomy, term});
		}
	}, {isActive: props.isActive});
	// The wheel moves the highlight; a click on a category or tag (under the heading and a blank line) selects it, a second lists its posts.
	useMouse(event => {
		if (choosable.length === 0) return;
		if (event.kind === 'wheel') return setSelected(Math.max(0, Math.min(choosable.length - 1, current + (event.direction === 'down' ? 1 : -1))));
		if (event.button !== 'left') return;
		const index = listItemAt(event.row - 2, first, Math.min(room, rows.length - first));
		const row = index === undefined ? undefined : rows[index];
		if (!row || !('term' in row)) return;
		const term = choosable.indexOf(row.term);
		if (clickOnList(term, current) === 'open') props.onOpen({kind: row.term.taxonomy, term: row.term});
		else setSelected(term);
	}, {isActive: props.isActive});

	const heading = <Text bold color={theme.accent} wrap="truncate-end">{fitToWidth(`${source.site.name} · categories and tags`, width)}</Text>;
	if (terms.status === 'loading') return <Box flexDirection="column" height={height}>{heading}<Text color={theme.muted}>{`Loading the categories and tags of ${hostOf(source.site.url)}… (Esc back)`}</Text></Box>;
	if (terms.status === 'error') return <Box flexDirection="column" height={height}>{heading}<ErrorBox error={terms.error} hint={`${keyMap.hint('retry', 'retry')} · Esc back`} /></Box>;
	return (
		<Box flexDirection="column" height={height}>
			{heading}
			<Text> </Text>
			{rows.length === 0 ? <Text>This blog shows no categories or tags.</Text> : null}
			{rows.slice(first, first + room).map((row, offset) => {
				if ('heading' in row) return <Text key={`h:${row.heading}`} bold>{row.heading}</Text>;
				const isSelected = first + offset === selectedRow;
				const count = `${formatCount(row.term.count)} ${row.term.count === 1 ? 'post' : 'posts'}`;
				const name = fitToWidth(cleanLine(row.term.name), Math.max(1, width - count.length - 5));
				return (
					<Text key={`${row.term.taxonomy}:${String(row.term.id)}`} wrap="truncate-end">
						<Text color={theme.selection}>{isSelected ? '▸ ' : '  '}</Text>
						<Text bold={isSelected} color={isSelected ? theme.selection : undefined}>{name}</Text>
						<Text>{' '.repeat(Math.max(1, width - 2 - [...name].length - count.length))}</Text>
						<Text color={theme.muted}>{count}</Text>
					</Text>
				);
			})}
			<Box flexGrow={1} />
			<Text color={theme.muted} wrap="truncate-end">{fitToWidth(`${keyMap.hint('open-post', 'list its posts')} · ↓/↑ move · Esc back`, width)}</Text>
		</Box>
	);
}
