/** The limits every request lives within. The figures here are the real ones, named in the README ("Reliability"). */
export type HttpLimits = {
	/** No connection (DNS, TCP, TLS) within this many ms: give up. */
	readonly connectTimeoutMs: number;
	/** No first byte of the answer within this many ms after sending: give up. */
	readonly responseTimeoutMs: number;
	/** The whole request, body included, must be done within this many ms (a server sending a byte a second ends here). */
	readonly requestTimeoutMs: number;
	/** A body larger than this, before or after decompression, is refused (an announced `Content-Length` on the header). */
	readonly maxBodyBytes: number;
	/** `Content-Encoding` layers undone (gzip inside gzip); more is refused on the header. */
	readonly maxContentEncodings: number;
	/** GET retries on 502/503/504 and connection resets (and 429/503 with a short Retry-After). POST never. */
	readonly getRetries: number;
	/** The first retry waits this long, each next one twice as long (and a Retry-After never shorter)… */
	readonly retryDelayMs: number;
	/** …but never longer than this. */
	readonly maxRetryDelayMs: number;
	/** A Retry-After longer than this is not waited for: the answer (429, 503) is given as it is. */
	readonly maxRetryAfterMs: number;
	/** Redirects followed (GET only) before giving up on a loop. */
	readonly maxRedirects: number;
};

export const httpLimits: HttpLimits = {
	connectTimeoutMs: 10_000,
	responseTimeoutMs: 15_000,
	requestTimeoutMs: 30_000,
	maxBodyBytes: 20 * 1024 * 1024,
	maxContentEncodings: 2,
	getRetries: 2,
	retryDelayMs: 1000,
	maxRetryDelayMs: 4000,
	maxRetryAfterMs: 10_000,
	maxRedirects: 10,
};

const timeFigures = ['connectTimeoutMs', 'responseTimeoutMs', 'requestTimeoutMs', 'retryDelayMs', 'maxRetryDelayMs', 'maxRetryAfterMs'] as const;

/**
 * The limits in force: `httpLimits`, with every time figure multiplied by `BLOGTERM_TIMEOUT_SCALE`
 * when it is set (tests run the built CLI with 0.01 rather than wait 15 s). A test that needs other
 * figures gives its own client its own limits.
 */
export function currentHttpLimits(environment: NodeJS.ProcessEnv = process.env): HttpLimits {
	const scale = timeScale(environment);
	const scaled: Record<string, number> = {...httpLimits};
	if (scale !== 1) for (const name of timeFigures) scaled[name] = Math.max(1, Math.round(httpLimits[name] * scale));
	return scaled as HttpLimits;
}

/** How much faster than real time waits run (1 unless `BLOGTERM_TIMEOUT_SCALE` says otherwise). */
export function timeScale(environment: NodeJS.ProcessEnv = process.env): number {
	const value = Number(environment['BLOGTERM_TIMEOUT_SCALE']);
	return Number.isFinite(value) && value > 0 ? value : 1;
}

/** `15000` → `15 s`, `150` → `0.15 s`: a figure for a message. */
export function formatSeconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(2))} s`;
}

/** `20971520` → `20 MB`. */
export function formatMegabytes(bytes: number): string {
	return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}
