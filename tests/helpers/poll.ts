/**
The one way tests wait: reads `read` every 10 ms until `done` holds for what it gave, and gives that.
Never passes at its deadline: it fails, saying what it waited for and the last thing it saw. The
deadline is on the monotonic clock: a step of the wall clock (NTP, or a virtual machine's clock set
right after its host paused it) neither ends a wait early nor stretches it. A wait of 5 s once failed
after 1 s that way, with Date.now(), the machine busy.
*/
export async function waitUntil<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}. Last seen:\n${typeof value === 'string' ? value : String(JSON.stringify(value))}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}
