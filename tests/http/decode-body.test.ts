import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {gzipSync} from 'node:zlib';
import {httpLimits, toBlogError} from '../../source/http/client.js';
import {decodeBody} from '../../source/http/decode-body.js';

const limits = {maxBytes: httpLimits.maxBodyBytes, maxLayers: 2};
/** Two layers of gzip over 19 MB: small on the wire, many chunks to inflate. */
const twoLayers = gzipSync(gzipSync(Buffer.alloc(19 * 1024 * 1024, 'a'), {level: 1}));

async function rejection(promise: Promise<unknown>): Promise<Error & {code?: string; event?: string}> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	assert.fail('expected decoding to stop');
}

describe('decoding an answer', () => {
	test('two layers within the limit are undone', async () => {
		assert.equal((await decodeBody(twoLayers, 'gzip, gzip', limits)).length, 19 * 1024 * 1024);
	});

	test('stops when the request is cancelled (Esc) in the middle of decoding, without finishing the work', async () => {
		const controller = new AbortController();
		const pending = rejection(decodeBody(twoLayers, 'gzip, gzip', {...limits, signal: controller.signal}));
		setImmediate(() => controller.abort());
		const error = await pending;
		assert.equal(error.name, 'AbortError');
		const said = toBlogError(error, 'https://blog.example/');
		assert.equal(said.kind, 'cancelled');
		assert.equal(said.message, 'Loading blog.example was cancelled.');
	});

	test('counts against the request\'s time limit: past the deadline it stops with the request\'s timeout', async () => {
		const error = await rejection(decodeBody(twoLayers, 'gzip, gzip', {...limits, deadline: Date.now() - 1}));
		assert.equal(error.name, 'TimeoutError');
		assert.equal(error.event, 'request');
		assert.equal(toBlogError(error, 'https://blog.example/', httpLimits).message, 'blog.example did not finish answering within 30 s.');
	});

	test('a first layer that grows past the limit is stopped there', async () => {
		const error = await rejection(decodeBody(gzipSync(gzipSync(Buffer.alloc(2048))), 'gzip, gzip', {maxBytes: 1024, maxLayers: 2}));
		assert.equal(error.code, 'ERR_BODY_TOO_LARGE');
	});

});
