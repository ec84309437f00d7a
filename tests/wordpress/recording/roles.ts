import {postsOf} from '../helpers/checks.js';
import type {Commenter, Target} from '../helpers/target.js';
import type {BlogTruth} from '../helpers/truth.js';
import type {ProbeRoles} from './probes.js';

/** The posts the probes are about, found on a blog by what they are, as the end-to-end checks find them. */
export function rolesOf(name: string, siteUrl: string, restRoot: string, truth: BlogTruth, knownCommenter: Commenter, newCommenter: Commenter): ProbeRoles {
	const find = postsOf({name, truth} as Target);
	return {
		siteUrl,
		restRoot,
		newest: find.newest(),
		readable: find.readable(),
		threaded: find.threaded(),
		busy: find.busy(),
		closed: find.closed(),
		protectedPost: find.protectedPost(),
		commentable: find.commentable(),
		knownCommenter,
		newCommenter,
		totalPostPages: Math.ceil(truth.total / 10),
	};
}
