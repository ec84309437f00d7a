import {Box, useIsScreenReaderEnabled, type BoxProps, type DOMElement} from 'ink';
import type {ReactNode, RefObject} from 'react';

/**
 * In screen-reader mode, a column Box around `children` (for a role, a label read instead of them, and a
 * ref for the cursor); otherwise the children alone, laid out as they were (a Box would shrink with them
 * on a short terminal).
 */
export function ReaderBox({box, children, ...aria}: {readonly box: RefObject<DOMElement | null>; readonly children: ReactNode} & Pick<BoxProps, 'aria-role' | 'aria-label'>) {
	if (!useIsScreenReaderEnabled()) return children;
	return <Box ref={box} flexDirection="column" {...aria}>{children}</Box>;
}
