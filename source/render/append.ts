/**
Appends items to an array one at a time. `target.push(...items)` passes every item as an argument,
and past some 100,000 of them (a 10 MB word cut into lines, 80,000 comments) throws "Maximum call
stack size exceeded": never spread an array whose length comes from the network.
*/
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
	for (const item of items) target.push(item);
	return target;
}

/** The largest of some numbers, or `floor` when there are none or all are smaller (Math.max(...) overflows the same way). */
export function largest(numbers: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
	let result = floor;
	for (const number of numbers) if (number > result) result = number;
	return result;
}
