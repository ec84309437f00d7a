import {Text} from 'ink';
import {memo} from 'react';
import type {Segment, StyledLine} from '../../render/styled-line.js';
import {roleColours} from '../theme.js';

function SegmentText({segment}: {readonly segment: Segment}) {
	return (
		<Text
			bold={segment.bold}
			italic={segment.italic}
			underline={segment.underline}
			dimColor={segment.dim}
			color={segment.role ? roleColours[segment.role] : undefined}
		>
			{segment.text}
		</Text>
	);
}

/** One rendered line; memoised so paging re-renders only the lines that changed. */
export const StyledLineView = memo(function StyledLineView({line}: {readonly line: StyledLine}) {
	if (line.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end">
			{line.map((segment, index) => <SegmentText key={index} segment={segment} />)}
		</Text>
	);
});

/** A slice of lines, exactly as rendered by the core (already wrapped to the width). */
export function StyledLines({lines}: {readonly lines: readonly StyledLine[]}) {
	return (
		<>
			{lines.map((line, index) => <StyledLineView key={index} line={line} />)}
		</>
	);
}
