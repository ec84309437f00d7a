import type {RefreshProgress} from './types.js';

/** The progress line the home screen shows while it refreshes: `Refreshing 37 of 500 · 2 failed`. */
export function refreshProgressLine(progress: RefreshProgress): string {
	const failed = progress.failed > 0 ? ` · ${progress.failed} failed` : '';
	return `Refreshing ${Math.min(progress.done + 1, progress.total)} of ${progress.total}${failed}`;
}
