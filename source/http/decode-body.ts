import {createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type Zlib} from 'node:zlib';
import type {Transform} from 'node:stream';

/** Why a body could not be decoded: it grew past the limit, it is corrupt, it uses an encoding blogterm does not know, or too many of them. */
export class BodyDecodeError extends Error {
	override readonly name = 'BodyDecodeError';
	readonly code: 'ERR_BODY_TOO_LARGE' | 'Z_DATA_ERROR' | 'ERR_UNKNOWN_ENCODING' | 'ERR_TOO_MANY_ENCODINGS';
	readonly encoding: string;

	constructor(code: BodyDecodeError['code'], encoding: string, options: {cause?: unknown} = {}) {
		super(code, options);
		this.code = code;
		this.encoding = encoding;
	}
}

/** What decoding lives within: the size limit, the layers accepted, the request's deadline and its cancel. */
export type DecodeLimits = {
	/** The most bytes any layer may grow to. */
	readonly maxBytes: number;
	/** The most `Content-Encoding` layers undone (a server stacking gzip a thousand times is refused). */
	readonly maxLayers: number;
	/** Epoch ms by which decoding must be done: the rest of the request's time limit. */
	readonly deadline?: number;
	/** Esc: stops decoding at once (the decompressor is destroyed, so no more CPU goes to it). */
	readonly signal?: AbortSignal;
};

/** The encodings of a `Content-Encoding` header, in the order they were applied (`identity` left out). */
export function contentEncodings(contentEncoding: string | undefined): string[] {
	return (contentEncoding ?? '')
		.split(',')
		.map(encoding => encoding.trim().toLowerCase())
		.filter(encoding => encoding !== '' && encoding !== 'identity');
}

/**
 * The body as the server meant it: undoes `Content-Encoding` (gzip, deflate, br; at most `maxLayers`
 * in turn), never letting a layer grow past `maxBytes`. Done here rather than by got, whose progress
 * events stop once a body passes its compressed length, so a small gzip bomb would be inflated in full.
 * Decoding is streamed, so a cancel or the request's deadline stops it between two chunks.
 */
export async function decodeBody(raw: Buffer, contentEncoding: string | undefined, limits: DecodeLimits): Promise<Buffer> {
	const encodings = contentEncodings(contentEncoding);
	if (encodings.length > limits.maxLayers) throw new BodyDecodeError('ERR_TOO_MANY_ENCODINGS', String(encodings.length));
	let body = raw;
	for (const encoding of encodings.toReversed()) {
		body = await decodeOne(body, encoding, limits);
	}
	if (body.length > limits.maxBytes) throw new BodyDecodeError('ERR_BODY_TOO_LARGE', encodings.join(', '));
	return body;
}

function decoderFor(body: Buffer, encoding: string): Transform & Zlib {
	if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
	// "deflate" should be zlib-wrapped; some servers send it raw. A zlib header's low nibble is 8.
	if (encoding === 'deflate') return (body[0]! & 0x0F) === 8 ? createInflate() : createInflateRaw();
	if (encoding === 'br') return createBrotliDecompress();
	throw new BodyDecodeError('ERR_UNKNOWN_ENCODING', encoding);
}

function cancelled(): Error {
	return Object.assign(new Error('The request was cancelled while its answer was being decoded.'), {name: 'AbortError'});
}

function outOfTime(): Error {
	// Read by toBlogError as the request's own time limit running out.
	return Object.assign(new Error('The answer could not be decoded within the request\'s time limit.'), {name: 'TimeoutError', code: 'ETIMEDOUT', event: 'request'});
}

async function decodeOne(body: Buffer, encoding: string, limits: DecodeLimits): Promise<Buffer> {
	if (body.length === 0) return body;
	const decoder = decoderFor(body, encoding);
	const {signal, deadline, maxBytes} = limits;
	if (signal?.aborted) throw cancelled();
	if (deadline !== undefined && Date.now() >= deadline) throw outOfTime();
	return new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let total = 0;
		let timer: NodeJS.Timeout | undefined;
		const onAbort = () => stop(cancelled());
		function cleanUp(): void {
			if (timer) clearTimeout(timer);
			signal?.removeEventListener('abort', onAbort);
		}
		function stop(error: Error): void {
			cleanUp();
			chunks.length = 0;
			decoder.destroy();
			reject(error);
		}
		signal?.addEventListener('abort', onAbort, {once: true});
		if (deadline !== undefined) timer = setTimeout(() => stop(outOfTime()), Math.max(0, deadline - Date.now()));
		decoder.on('data', (chunk: Buffer) => {
			total += chunk.length;
			if (total > maxBytes) {
				stop(new BodyDecodeError('ERR_BODY_TOO_LARGE', encoding));
				return;
			}
			chunks.push(chunk);
		});
		decoder.on('error', error => {
			stop(new BodyDecodeError('Z_DATA_ERROR', encoding, {cause: error}));
		});
		decoder.on('end', () => {
			cleanUp();
			resolve(Buffer.concat(chunks, total));
		});
		decoder.end(body);
	});
}
