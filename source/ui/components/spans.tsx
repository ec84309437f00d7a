import {Text} from 'ink';
import type {SpanLine} from '../home/home-lines.js';

/** One line of runs of styled text (home-lines.ts), as made: already cut to the width. `label`: what a screen reader says for it. */
export function Spans({line, label}: {readonly line: SpanLine; readonly label?: string}) {
	return (
		<Text wrap="truncate-end" aria-label={label}>
			{line.map((span, index) => <Text key={index} bold={span.bold} underline={span.underline} color={span.colour}>{span.text}</Text>)}
		</Text>
	);
}
