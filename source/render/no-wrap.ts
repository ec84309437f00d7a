/** A width that never wraps (print mode's `--width 0`): each paragraph is one line. */
export const noWrap = Number.POSITIVE_INFINITY;

/** How long a rule (`<hr>`) is drawn in `width` columns: the width, or 40 columns where nothing wraps. */
export function ruleLength(width: number): number {
	return width === noWrap ? 40 : width;
}
