import {domainToUnicode} from 'node:url';
import {cleanLine} from './sanitize.js';

/*
A link as blogterm shows it and as it hands it on. Shown: decoded, so that `/2012/07/日本語のタイトル/`
reads as the blog wrote it. Handed on (the browser, the clipboard, a hyperlink): the URL parser's own
serialisation, percent-encoded, checked to be http, https or mailto and nothing but printable ASCII, so
that no escape sequence can ride in it. Only blogterm builds the escape sequences around it.
*/

const handedOnProtocols = new Set(['http:', 'https:', 'mailto:']);
const printableAscii = /^[\u0021-\u007E]+$/;
/** Longer URLs are not handed on: browsers and terminals stop far sooner. */
const maxHandedOnLength = 8192;

/** The URL as it is handed to the browser, the clipboard or a hyperlink: encoded, http/https/mailto, printable ASCII. Undefined for anything else. */
export function handedOnUrl(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(cleanLine(url));
	} catch {
		return undefined;
	}
	if (!handedOnProtocols.has(parsed.protocol)) return undefined;
	const href = parsed.href;
	return href.length <= maxHandedOnLength && printableAscii.test(href) ? href : undefined;
}

const percentRuns = /(?:%[\dA-Fa-f]{2})+/g;
const utf8 = new TextDecoder('utf-8', {fatal: true});

/**
 * Percent-escapes of non-ASCII characters, decoded (`%E6%97%A5` → `日`); escapes of ASCII (`%20`, `%2F`)
 * stay, as do bytes that are not UTF-8 and characters that would not show as themselves (controls, spaces).
 */
function decodePercentRun(run: string): string {
	const bytes = run.split('%').slice(1).map(hex => Number.parseInt(hex, 16));
	let result = '';
	let index = 0;
	while (index < bytes.length) {
		if (bytes[index]! < 0x80) {
			result += run.slice(index * 3, index * 3 + 3);
			index++;
			continue;
		}
		let end = index;
		while (end < bytes.length && bytes[end]! >= 0x80) end++;
		const original = run.slice(index * 3, end * 3);
		let decoded: string;
		try {
			decoded = utf8.decode(Uint8Array.from(bytes.slice(index, end)));
		} catch {
			decoded = original;
		}
		result += cleanLine(decoded) === decoded && !/\s/u.test(decoded) ? decoded : original;
		index = end;
	}
	return result;
}

/** The URL as it is shown: non-ASCII path, query and fragment decoded, an internationalised host in its own letters. Clean. */
export function displayUrl(url: string): string {
	let text = url;
	try {
		const parsed = new URL(url);
		if (parsed.hostname.includes('xn--')) {
			const host = domainToUnicode(parsed.hostname);
			if (host !== '' && cleanLine(host) === host) text = text.replace(parsed.hostname, host);
		}
	} catch {
		// Not a URL: shown as it is (cleaned).
	}
	return cleanLine(text.replace(percentRuns, decodePercentRun));
}

/** OSC 8 around `text`: a hyperlink to `url` (already `handedOnUrl`), as terminals that support them make clickable. */
export function hyperlink(url: string, text: string): string {
	return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}
