import {createHash, randomBytes} from 'node:crypto';
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {CommentDraft} from '../model/comment-draft.js';
import type {PostId} from '../model/post.js';
import {blogtermPaths} from './paths.js';
import {makePrivateFolder, moveAsideWithNotice, privateFileMode} from './settings-files.js';

/*
The comment being written, kept on disk as it changes, so nothing is lost to Esc, a refused submission,
a killed program or a closed terminal. One small JSON file per (site, post, parent), written
synchronously to a temporary file and renamed over the old one: a kill leaves the old draft or the new
one, never half of either. A draft is removed only when the blog has accepted the comment.
*/

export type DraftStoreOptions = {
	/** Where drafts live (default: `drafts/` in blogterm's data folder). */
	readonly directory?: string;
};

type DraftFile = {
	readonly version: 1;
	readonly key: string;
	readonly savedAt: string;
	readonly draft: CommentDraft;
};

/** The key of the draft of a comment on a post (parent 0) or of a reply to a comment. */
export function draftKey(siteKey: string, postId: PostId, parent: number | string = 0): string {
	return JSON.stringify([siteKey, String(postId), String(parent || 0)]);
}

/** The folder drafts are kept in. */
export function draftsDirectory(options: DraftStoreOptions = {}): string {
	return options.directory ?? join(blogtermPaths().data, 'drafts');
}

function draftPath(key: string, options: DraftStoreOptions): string {
	return join(draftsDirectory(options), `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
}

function isDraft(value: unknown): value is CommentDraft {
	if (typeof value !== 'object' || value === null) return false;
	const draft = value as Record<string, unknown>;
	return ['comment', 'name', 'email', 'website'].every(field => typeof draft[field] === 'string')
		&& typeof draft['saveIdentity'] === 'boolean'
		&& (typeof draft['parent'] === 'number' || typeof draft['parent'] === 'string');
}

/** The saved draft for `key`, or undefined. A file that cannot be read is moved aside (`.corrupt-<time>`), never a crash. */
export function loadDraft(key: string, options: DraftStoreOptions = {}): CommentDraft | undefined {
	const path = draftPath(key, options);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
	let file: Partial<DraftFile> | undefined;
	try {
		file = JSON.parse(text) as Partial<DraftFile>;
	} catch {
		file = undefined;
	}
	if (!file || file.version !== 1 || !isDraft(file.draft)) {
		// Someone else may have moved or removed it first: nothing to restore either way.
		moveAsideWithNotice(path, 'A saved comment draft', file ? 'not what blogterm wrote there' : 'not valid JSON');
		return undefined;
	}
	if (file.key !== key) return undefined;
	const {comment, name, email, website, saveIdentity, parent} = file.draft;
	return {comment, name, email, website, saveIdentity, parent};
}

/** Saves a draft now (synchronously), replacing the previous one atomically. Readable by the user only. */
export function saveDraft(key: string, draft: CommentDraft, options: DraftStoreOptions = {}): void {
	const path = draftPath(key, options);
	makePrivateFolder(draftsDirectory(options));
	const file: DraftFile = {version: 1, key, savedAt: new Date().toISOString(), draft};
	const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		writeFileSync(temporary, `${JSON.stringify(file)}\n`, {mode: privateFileMode});
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}

/** Removes a draft (when the blog has accepted the comment). Nothing happens when there is none. */
export function deleteDraft(key: string, options: DraftStoreOptions = {}): void {
	rmSync(draftPath(key, options), {force: true});
}
