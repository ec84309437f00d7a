/** Gives ink-testing-library's fake terminal a size and tells Ink it changed. */
export function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.EventEmitter).emit('resize');
}
