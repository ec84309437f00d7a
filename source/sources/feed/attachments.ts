import type {Attachment} from '../../model/post.js';
import {attachmentDetails} from '../../render/media.js';
import {networkCount, networkLine, networkUrl} from '../clean.js';
import {escapeHtml} from '../../render/escape-html.js';

/*
The files a feed item carries — RSS `<enclosure url length type>`, Atom `<link rel="enclosure" href
length type title>`, JSON Feed `attachments` (url, mime_type, title, size_in_bytes,
duration_in_seconds), with iTunes's `<itunes:duration>` for an RSS episode — cleaned as they enter: the
URL absolute http(s) or the attachment is dropped (`javascript:`, `data:`), text on one clean line and
short, a size or a duration that is no whole number, 0 or beyond any real file left out.
*/

/** An attachment as a feed gives it, before it is checked. */
export type RawAttachment = {
	readonly url?: unknown;
	readonly type?: unknown;
	readonly length?: unknown;
	readonly title?: unknown;
	readonly duration?: unknown;
};

/** More than this on one item is no podcast: the rest are left out. */
export const maxAttachmentsPerItem = 20;
/** 1 PB: a bigger "size" is no file anyone downloads. */
const maxSizeBytes = 1e15;
/** 100 days. */
const maxDurationSeconds = 100 * 86_400;
const maxTitleLength = 200;

const audioExtensions = /\.(?:mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac)$/i;
const videoExtensions = /\.(?:mp4|m4v|mov|webm|ogv|mkv)$/i;
const imageExtensions = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

function kindOf(mimeType: string | undefined, url: string): Attachment['kind'] {
	const major = mimeType?.split('/')[0];
	if (major === 'audio' || major === 'video' || major === 'image') return major;
	const path = new URL(url).pathname;
	if (audioExtensions.test(path)) return 'audio';
	if (videoExtensions.test(path)) return 'video';
	if (imageExtensions.test(path)) return 'image';
	return 'file';
}

function positive(value: unknown, limit: number): number | undefined {
	// A duration may be fractional (JSON Feed): whole seconds are kept.
	const number = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : networkCount(value);
	return number !== undefined && number > 0 && number <= limit ? number : undefined;
}

/** The attachments of one item, cleaned; `itemTitle` stands in for an attachment without a title of its own. */
export function cleanAttachments(raw: readonly RawAttachment[], base: string, itemTitle: string): Attachment[] {
	const attachments: Attachment[] = [];
	const seen = new Set<string>();
	for (const candidate of raw) {
		if (attachments.length >= maxAttachmentsPerItem) break;
		const url = networkUrl(candidate.url, base);
		if (url === undefined || seen.has(url)) continue;
		seen.add(url);
		const type = typeof candidate.type === 'string' ? candidate.type.trim().toLowerCase() : '';
		const mimeType = /^[a-z]+\/[a-z\d.+-]{1,100}$/.test(type) ? type : undefined;
		const ownTitle = networkLine(candidate.title, 'text');
		const title = (ownTitle || itemTitle).slice(0, maxTitleLength);
		const sizeBytes = positive(candidate.length, maxSizeBytes);
		const durationSeconds = positive(candidate.duration, maxDurationSeconds);
		attachments.push({
			kind: kindOf(mimeType, url),
			url,
			title,
			...(mimeType === undefined ? {} : {mimeType}),
			...(sizeBytes === undefined ? {} : {sizeBytes}),
			...(durationSeconds === undefined ? {} : {durationSeconds}),
		});
	}
	return attachments;
}

/**
 * The attachments as HTML for the end of the item's body, so that every output (the reader, text,
 * Markdown, the store) shows them as media: `<audio src title>` reads `[audio: TITLE (1:02:03, 48 MB) URL]`,
 * numbered. One the body already holds (a WordPress podcast post's own `<audio>`) is not added again.
 */
export function attachmentsHtml(attachments: readonly Attachment[], html: string): string {
	const parts: string[] = [];
	for (const attachment of attachments) {
		if (html.includes(attachment.url) || html.includes(escapeHtml(attachment.url))) continue;
		const label = [attachment.title, attachmentDetails(attachment)].filter(Boolean).join(' ');
		const src = escapeHtml(attachment.url);
		if (attachment.kind === 'audio' || attachment.kind === 'video') {
			parts.push(`<p><${attachment.kind} src="${src}" title="${escapeHtml(label)}" controls></${attachment.kind}></p>`);
		} else if (attachment.kind === 'image') {
			parts.push(`<p><img src="${src}" alt="${escapeHtml(label)}"></p>`);
		} else {
			parts.push(`<p><a href="${src}">${escapeHtml(`[file: ${label || 'attachment'}]`)}</a></p>`);
		}
	}
	return parts.length === 0 ? '' : `\n${parts.join('\n')}`;
}
