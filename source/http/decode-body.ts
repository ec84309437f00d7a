import {promisify} from 'node:util';
import {brotliDecompress, gunzip, inflate, inflateRaw} from 'node:zlib';

const decoders = {
	gzip: promisify(gunzip),
	deflate: promisify(inflate),
	deflateRaw: promisify(inflateRaw),
	br: promisify(brotliDecompress),
};

/** Why a body could not be decoded: it grew past the limit, it is corrupt, or it uses an encoding blogterm does not know. */
export class BodyDecodeError extends Error {
	override readonly name = 'BodyDecodeError';
	readonly code: 'ERR_BODY_TOO_LARGE' | 'Z_DATA_ERROR' | 'ERR_UNKNOWN_ENCODING';
	readonly encoding: string;

	constructor(code: BodyDecodeError['code'], encoding: string, options: {cause?: unknown} = {}) {
		super(code, options);
		this.code = code;
		this.encoding = encoding;
	}
}

/**
 * The body as the server meant it: undoes `Content-Encoding` (gzip, deflate, br; several in turn),
 * never letting it grow past `maxBytes`. Done here rather than by got, whose progress events stop
 * once a body passes its compressed length, so a small gzip bomb would be inflated in full.
 */
export async function decodeBody(raw: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
	const encodings = (contentEncoding ?? '')
		.split(',')
		.map(encoding => encoding.trim().toLowerCase())
		.filter(encoding => encoding !== '' && encoding !== 'identity');
	let body = raw;
	for (const encoding of encodings.toReversed()) {
		body = await decodeOne(body, encoding, maxBytes);
	}
	if (body.length > maxBytes) throw new BodyDecodeError('ERR_BODY_TOO_LARGE', encodings.join(', '));
	return body;
}

async function decodeOne(body: Buffer, encoding: string, maxBytes: number): Promise<Buffer> {
	if (body.length === 0) return body;
	const options = {maxOutputLength: maxBytes + 1};
	let decode: (buffer: Buffer, options: {maxOutputLength: number}) => Promise<Buffer>;
	if (encoding === 'gzip' || encoding === 'x-gzip') decode = decoders.gzip;
	// "deflate" should be zlib-wrapped; some servers send it raw. A zlib header's low nibble is 8.
	else if (encoding === 'deflate') decode = (body[0]! & 0x0F) === 8 ? decoders.deflate : decoders.deflateRaw;
	else if (encoding === 'br') decode = decoders.br;
	else throw new BodyDecodeError('ERR_UNKNOWN_ENCODING', encoding);
	try {
		return await decode(body, options);
	} catch (error) {
		const code = (error as {code?: string}).code;
		if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new BodyDecodeError('ERR_BODY_TOO_LARGE', encoding, {cause: error});
		throw new BodyDecodeError('Z_DATA_ERROR', encoding, {cause: error});
	}
}
