import {useStdout} from 'ink';
import {useLayoutEffect, useState} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

function read(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The terminal's size, updated on resize. */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useLayoutEffect(() => {
		const onResize = () => setSize(read(stdout));
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
