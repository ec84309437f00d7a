import type {Exit} from './html-events.js';
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

/**
 * The WordPress embed block being read (`figure.wp-block-embed`), and the bare URL its wrapper
 * (`div.wp-block-embed__wrapper`) may hold instead of a frame: one per walk over a post, the same for the
 * terminal layout and the Markdown writer, which each say how to show text and a found URL.
 */
export class EmbedBlocks {
	/** The block's class while inside one (frameKind reads the kind from it). */
	block: string | undefined;
	#wrapper: {text: string} | undefined;

	constructor(private readonly show: {
		/** A web URL from an address in the post (resolved, http or https), or undefined. */
		readonly resolve: (address: string) => string | undefined;
		/** Text the wrapper held that was not a URL after all. */
		readonly text: (text: string) => void;
		/** The URL a wrapper held, as an embed of this kind. */
		readonly url: (url: string, kind: MediaKind) => void;
	}) {}

	/** Text met while reading: true when a wrapper keeps it (it may be the embed's URL), so the walker does not show it. */
	keep(text: string): boolean {
		if (!this.#wrapper) return false;
		this.#wrapper.text += text;
		return true;
	}

	/** An element starts inside a wrapper: the wrapper held more than a URL, and what it held so far is text. */
	interrupt(): void {
		const wrapper = this.#wrapper;
		this.#wrapper = undefined;
		if (wrapper) this.show.text(wrapper.text);
	}

	/** Enters an element (`enterElement`), noting a block (where `canStart`) or a wrapper it opens, and their ends. */
	enter(className: string | undefined, canStart: boolean, enterElement: () => Exit | boolean): Exit | boolean {
		const blockClass = embedBlockClass(className);
		if (blockClass !== undefined && this.block === undefined && canStart) {
			this.block = blockClass;
			const exit = enterElement();
			return () => {
				if (typeof exit === 'function') exit();
				this.block = undefined;
			};
		}
		if (this.block !== undefined && /\bwp-block-embed__wrapper\b/.test(className ?? '')) {
			const exit = enterElement();
			this.#wrapper = {text: ''};
			return () => {
				this.#flush();
				if (typeof exit === 'function') exit();
			};
		}
		return enterElement();
	}

	#flush(): void {
		const wrapper = this.#wrapper;
		this.#wrapper = undefined;
		if (wrapper === undefined) return;
		const bare = wrapper.text.trim();
		const url = /^\S+$/.test(bare) ? this.show.resolve(bare) : undefined;
		if (url === undefined) this.show.text(wrapper.text);
		else this.show.url(url, frameKind(url, this.block));
	}
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

/** `1:02:03`, `4:05`: a duration in seconds as a player shows it. */
export function formatDuration(seconds: number): string {
	const whole = Math.max(0, Math.round(seconds));
	const hours = Math.floor(whole / 3600);
	const minutes = Math.floor((whole % 3600) / 60);
	const rest = String(whole % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** `48 MB`, `4.6 MB`, `820 kB`, `12 bytes`: a file's size in decimal units, as browsers' download lists show it. */
export function formatSize(bytes: number): string {
	if (bytes < 1000) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
	const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
	let value = bytes / 1000;
	let unit = 0;
	while (value >= 999.5 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** `(1:02:03, 48 MB)`, `(PDF, 2.1 MB)`: what an attachment's label says of it; '' when nothing is known. */
export function attachmentDetails(attachment: {readonly kind: string; readonly mimeType?: string; readonly sizeBytes?: number; readonly durationSeconds?: number}): string {
	const subtype = attachment.kind === 'file' ? attachment.mimeType?.split('/')[1]?.replace(/^x-/, '').toUpperCase() : undefined;
	const parts = [
		subtype,
		attachment.durationSeconds === undefined ? undefined : formatDuration(attachment.durationSeconds),
		attachment.sizeBytes === undefined ? undefined : formatSize(attachment.sizeBytes),
	].filter(Boolean);
	return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}
