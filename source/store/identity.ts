import Conf from 'conf';
import type {CommentDraft} from '../model/comment-draft.js';
import {blogtermPaths} from './paths.js';

/*
"Save my name, email, and website for the next time I comment.": ticked, they are kept and filled in on
any blog; unticked, they are forgotten. Kept with conf in blogterm's config folder, in a file of its own
(identity.json) that only the user can read.
*/

/** Who the user says they are when they comment. */
export type SavedIdentity = {
	readonly name: string;
	readonly email: string;
	readonly website: string;
};

export type IdentityStoreOptions = {
	/** The folder of the file (default: blogterm's config folder). */
	readonly directory?: string;
};

type IdentityFile = {identity?: SavedIdentity};

function open(options: IdentityStoreOptions): Conf<IdentityFile> {
	return new Conf<IdentityFile>({
		projectName: 'blogterm',
		cwd: options.directory ?? blogtermPaths().config,
		configName: 'identity',
		configFileMode: 0o600,
		clearInvalidConfig: true,
	});
}

/** The saved identity, or undefined when none is saved. */
export function loadIdentity(options: IdentityStoreOptions = {}): SavedIdentity | undefined {
	const identity = open(options).get('identity') as Partial<SavedIdentity> | undefined;
	if (!identity || typeof identity.name !== 'string' || typeof identity.email !== 'string') return undefined;
	return {name: identity.name, email: identity.email, website: typeof identity.website === 'string' ? identity.website : ''};
}

export function saveIdentity(identity: SavedIdentity, options: IdentityStoreOptions = {}): void {
	open(options).set('identity', {name: identity.name.trim(), email: identity.email.trim(), website: identity.website.trim()});
}

export function forgetIdentity(options: IdentityStoreOptions = {}): void {
	open(options).delete('identity');
}

/** Keeps the draft's name, email and website when its box is ticked, forgets them when it is not. */
export function rememberIdentity(draft: CommentDraft, options: IdentityStoreOptions = {}): void {
	if (draft.saveIdentity) {
		saveIdentity({name: draft.name, email: draft.email, website: draft.website}, options);
	} else {
		forgetIdentity(options);
	}
}
