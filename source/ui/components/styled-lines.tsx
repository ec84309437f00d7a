import {Text} from 'ink';
import {memo} from 'react';
import type {LinkUrlOf} from '../../render/ansi.js';
import {hyperlink} from '../../render/link-url.js';
import type {Segment, StyledLine} from '../../render/styled-line.js';
import {theme} from '../theme.js';

function SegmentText({segment, linkUrl}: {readonly segment: Segment; readonly linkUrl?: LinkUrlOf}) {
	// A hyperlink (OSC 8) only from blogterm's own, checked URL of the link's number: never from the text.
	const url = segment.link !== undefined && linkUrl ? linkUrl(segment.link) : undefined;
	return (
		<Text
			bold={segment.bold}
			italic={segment.italic}
			underline={segment.underline || (segment.mark === 'current' && theme.warning === undefined)}
			dimColor={segment.dim}
			color={segment.mark === 'current' && theme.warning ? 'black' : segment.role ? theme.roles[segment.role] : undefined}
			backgroundColor={segment.mark === 'current' ? theme.warning : undefined}
			// A match is shown inverted; the current one in the warning colour, or (no colour) inverted and underlined.
			inverse={segment.mark === 'match' || (segment.mark === 'current' && theme.warning === undefined)}
		>
			{url === undefined ? segment.text : hyperlink(url, segment.text)}
		</Text>
	);
}

/** One rendered line; memoised so paging re-renders only the lines that changed. */
export const StyledLineView = memo(function StyledLineView({line, linkUrl}: {readonly line: StyledLine; readonly linkUrl?: LinkUrlOf}) {
	if (line.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end">
			{line.map((segment, index) => <SegmentText key={index} segment={segment} linkUrl={linkUrl} />)}
		</Text>
	);
});

/** A slice of lines, exactly as rendered by the core (already wrapped to the width); links as hyperlinks with `linkUrl`. */
export function StyledLines({lines, linkUrl}: {readonly lines: readonly StyledLine[]; readonly linkUrl?: LinkUrlOf}) {
	return (
		<>
			{lines.map((line, index) => <StyledLineView key={index} line={line} linkUrl={linkUrl} />)}
		</>
	);
}
