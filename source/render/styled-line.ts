import type {LineOffsets} from './line-offsets.js';

/** How a piece of text is emphasised. The UI maps these to Ink <Text> props, print mode to ANSI or nothing. */
export type SegmentStyle = {
	readonly bold?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly dim?: boolean;
	/** Semantic colour role, not a colour: the theme decides what it looks like. */
	readonly role?: 'heading' | 'link' | 'code' | 'quote' | 'image' | 'muted' | 'error' | 'success';
	/** The text is (part of) link N of its document's numbered links (1-based): a hyperlink can be put around it. */
	readonly link?: number;
	/** A search match (`current`: the one n/N is on): shown inverted, whatever its colour. */
	readonly mark?: 'match' | 'current';
};

/** A run of text with one style. `text` is clean (no control characters) and has no newline. */
export type Segment = SegmentStyle & {
	readonly text: string;
};

/** One terminal line: its segments together are at most the width it was rendered for (display columns). */
export type StyledLine = readonly Segment[];

/** A post or comment body laid out for a width. */
export type RenderedText = {
	readonly lines: readonly StyledLine[];
	/** The numbered links, in order: links[0] is "[1]". Absolute, cleaned URLs. */
	readonly links: readonly string[];
	/** Where each element `id` (or `<a name>`) of the body lands: what an in-page link (`#fn1`) moves to. */
	readonly anchors?: ReadonlyMap<string, Anchor>;
	/** Where each line starts in the text, the same at any width: how a re-wrapped line is found again (see line-offsets.ts). */
	readonly offsets?: LineOffsets;
};

/** A place in a laid-out body: its line, and whether it is a footnote or a footnote's reference. */
export type Anchor = {
	readonly line: number;
	readonly kind: 'footnote' | 'reference' | 'place';
};

/** The plain text of a line (no styles). */
export function lineText(line: StyledLine): string {
	return line.map(segment => segment.text).join('');
}
