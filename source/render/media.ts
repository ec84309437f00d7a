import {cleanLine} from './sanitize.js';

/*
What an embed, a video, an audio file or an image is called in every output: `[video: TITLE URL]`,
`[embed: URL]`, `[audio: TITLE URL]`, `[image: alt]`. Pure string rules, shared by the terminal layout,
plain text and Markdown.
*/

export type MediaKind = 'video' | 'audio' | 'embed';

const videoHosts = /(?:^|\.)(?:youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|ted\.com|wistia\.net|videopress\.com)$/;
const audioHosts = /(?:^|\.)(?:soundcloud\.com|spotify\.com|mixcloud\.com|bandcamp\.com)$/;
const webProtocols = new Set(['http:', 'https:']);

/** An absolute http or https URL, or undefined: media and images are never `javascript:`, `data:` or `mailto:`. */
export function webUrl(url: string | undefined): string | undefined {
	if (url === undefined) return undefined;
	try {
		return webProtocols.has(new URL(url).protocol) ? url : undefined;
	} catch {
		return undefined;
	}
}

/** What an `<iframe>` shows, from its URL and the WordPress embed block around it (`is-type-video`, `wp-block-embed-spotify`). */
export function frameKind(url: string | undefined, blockClass = ''): MediaKind {
	if (/\bis-type-video\b/.test(blockClass)) return 'video';
	if (/\bis-type-audio\b/.test(blockClass)) return 'audio';
	let host = '';
	try {
		host = new URL(url ?? '').hostname;
	} catch {
		// No host: the block's class decides.
	}
	if (videoHosts.test(host) || /\bwp-block-embed-(?:youtube|vimeo|dailymotion|ted|videopress)\b/.test(blockClass)) return 'video';
	if (audioHosts.test(host) || /\bwp-block-embed-(?:soundcloud|spotify|mixcloud|bandcamp)\b/.test(blockClass)) return 'audio';
	return 'embed';
}

/** The kind a WordPress embed block (`figure.wp-block-embed`) says it holds, or undefined when `className` is not one. */
export function embedBlockClass(className: string | undefined): string | undefined {
	return className !== undefined && /\bwp-block-embed\b/.test(className) ? className : undefined;
}

/** `[video: TITLE URL]`, `[embed: URL]`: the title only for video and audio, the URL as shown. */
export function mediaLabel(kind: MediaKind, title: string, shownUrl: string): string {
	const parts = [kind === 'embed' ? '' : cleanLine(title), shownUrl].filter(part => part !== '');
	return parts.length === 0 ? `[${kind}]` : `[${kind}: ${parts.join(' ')}]`;
}

/** The file name at the end of an image's URL (`tomato.jpg`), decoded and clean, or '' when it has none. */
export function fileName(url: string | undefined): string {
	if (url === undefined) return '';
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return '';
	}
	const last = path.split('/').findLast(part => part !== '') ?? '';
	let decoded = last;
	try {
		decoded = decodeURIComponent(last);
	} catch {
		// Not UTF-8: shown encoded.
	}
	return cleanLine(decoded);
}

/** WordPress's emoji images (`<img class="wp-smiley" alt="🎉">`): shown as their alt text. */
export function isEmojiImage(className: string | undefined): boolean {
	return className !== undefined && /\b(?:wp-smiley|emoji)\b/.test(className);
}
