/** What F says when it turns a blog's full-text setting on or off (the list and the home screen). Short enough for a status line at 80 columns. */
export function fullTextNote(on: boolean): string {
	return on ? 'Full text on: summary-only posts read whole (F: off)' : 'Full text off: summaries as the feed gives them';
}
