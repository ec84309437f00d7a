import {Box, Text} from 'ink';
import {useState} from 'react';
import {formatDateTime} from '../../render/format-date.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import type {StoredReply} from '../../store/replies.js';
import {useKeys, useMouse} from '../hooks/use-keys.js';
import {clickOnList, listItemAt} from '../hooks/mouse.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {theme} from '../theme.js';

export type RepliesViewProps = {
	/** The replies, newest first. */
	readonly replies: readonly StoredReply[];
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
	/** Enter: the thread, at the reply. */
	readonly onOpen: (reply: StoredReply) => void;
	readonly onBack: () => void;
	/** The reply chosen at first (its `replyKey`): the one whose thread was opened, on coming back from it. */
	readonly chosen?: string;
};

/** What tells a reply from every other, on any blog: what `chosen` is. */
export const replyKey = (stored: StoredReply): string => JSON.stringify([stored.siteKey, stored.reply.id]);

const linesPerReply = 5;

const firstLine = (text: string) => cleanLine(text.split('\n').find(line => line.trim() !== '') ?? '');

/** "Replies to you": each reply under the comment of yours it answers, newest first, the unread marked new. */
export function RepliesView({replies, width, height, isActive, onOpen, onBack, chosen}: RepliesViewProps) {
	const [selected, setSelected] = useState(() => Math.max(0, replies.findIndex(stored => replyKey(stored) === chosen)));
	const keyMap = useKeyMap();
	const current = Math.min(selected, Math.max(0, replies.length - 1));
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		if (is('reply-down')) setSelected(Math.min(current + 1, Math.max(0, replies.length - 1)));
		else if (is('reply-up')) setSelected(Math.max(0, current - 1));
		else if ((is('open-reply') || is('answer-reply')) && replies[current]) onOpen(replies[current]);
		else if (is('back')) onBack();
	}, {isActive});

	const unread = replies.filter(reply => !reply.read).length;
	const title = `Replies to you (${replies.length}${unread > 0 ? `, ${unread} new` : ''})`;
	const room = Math.max(1, Math.floor((height - 3) / linesPerReply));
	const first = Math.max(0, Math.min(current - Math.floor(room / 2), replies.length - room));
	const shown = replies.slice(first, first + room);
	const hints = keyMap.hints('replies', width);
	// The wheel moves the highlight; a click on a reply (its four lines, under the title and a blank line) selects it, a second opens its thread.
	useMouse(event => {
		if (replies.length === 0) return;
		if (event.kind === 'wheel') return setSelected(Math.max(0, Math.min(replies.length - 1, current + (event.direction === 'down' ? 1 : -1))));
		const row = event.row - 2;
		if (event.button !== 'left' || row < 0 || row % linesPerReply === linesPerReply - 1) return;
		const index = listItemAt(Math.floor(row / linesPerReply), first, shown.length);
		const click = clickOnList(index, current);
		if (click === 'open') onOpen(replies[current]!);
		else if (click === 'select') setSelected(index!);
	}, {isActive});
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate-end">{fitToWidth(title, width)}</Text>
			<Text> </Text>
			{replies.length === 0 ? <Text>No replies to your comments yet: they are looked for when the blogs are refreshed.</Text> : null}
			<Box flexDirection="column" flexGrow={1}>
				{shown.map((stored, offset) => {
					const index = first + offset;
					const mark = index === current ? '▌ ' : '  ';
					const head = [cleanLine(stored.reply.author), formatDateTime(stored.reply.date), stored.read ? '' : 'new'].filter(Boolean).join(' · ');
					return (
						<Box key={`${stored.siteKey}:${stored.reply.id}`} flexDirection="column">
							<Text wrap="truncate-end" color={theme.muted}>{fitToWidth(`${mark}On “${cleanLine(stored.postTitle)}” · ${cleanLine(stored.siteUrl)}`, width)}</Text>
							<Text wrap="truncate-end" color={theme.muted}>{fitToWidth(`${mark}You: ${firstLine(stored.yourComment.text)}`, width)}</Text>
							<Text wrap="truncate-end" bold={!stored.read}>{fitToWidth(`${mark}  ↳ ${head}`, width)}</Text>
							<Text wrap="truncate-end">{fitToWidth(`${mark}    ${firstLine(stored.reply.text)}`, width)}</Text>
							<Text> </Text>
						</Box>
					);
				})}
			</Box>
			<Text color={theme.muted} wrap="truncate-end">{fitToWidth(hints, width)}</Text>
		</Box>
	);
}
