/** A count as blogterm writes it, in English whatever the system's locale: `10000` → `10,000`. */
export function formatCount(count: number): string {
	return count.toLocaleString('en-US');
}
