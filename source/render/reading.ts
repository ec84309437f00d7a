// How a post's text is placed on a wide terminal: apart from post-layout.ts (and its HTML renderer), so
// that the home screen's start, which gives the reader this setting, does not load the renderer.

/** Where the text column sits on a terminal wider than it: at the left edge, or in the middle. */
export type ReadingAlign = 'left' | 'centre';

/** How a post's text is laid out on a wide terminal: wrapped at `width` columns at most, placed by `align`. */
export type Reading = {
	readonly width: number;
	readonly align: ReadingAlign;
};

/** Body text wraps at 100 columns at most, at the left (config.json's `readingWidth`, `readingAlign`). */
export const defaultReading: Reading = {width: 100, align: 'left'};
