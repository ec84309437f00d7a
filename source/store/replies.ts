import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {blogtermPaths} from './paths.js';
import {isPlainObject, moveAsideWithNotice, noteStoreProblem, writePrivateJsonFile} from './settings-files.js';

/*
The replies found to the comments this user sent, kept between runs with whether they were read, and
when each blog was last checked (the next check asks only for what came after). One JSON file beside
the comments you sent (`comments/replies.json`), written whole and renamed over the old one, as
my-comments.ts does.
*/

/** A reply to one of your comments, as found (every string already cleaned where it came in). */
export type FoundReply = {
	readonly siteKey: string;
	/** The blog's address. */
	readonly siteUrl: string;
	readonly postId: string;
	readonly postTitle: string;
	readonly postLink: string;
	/** The comment of yours it answers. */
	readonly yourComment: {readonly id: string; readonly text: string; readonly date: string};
	readonly reply: {readonly id: string; readonly author: string; readonly date: string; readonly text: string; readonly link: string};
};

export type StoredReply = FoundReply & {readonly read: boolean};

export type RepliesStore = {
	/** Every reply kept, newest first. */
	all(): StoredReply[];
	/** Keeps replies not kept yet (unread); answers how many were new. */
	add(replies: readonly FoundReply[]): number;
	markRead(siteKey: string, replyId: string): void;
	unreadCount(): number;
	/** When the blog was last checked (ISO 8601), for `after=`. */
	lastChecked(siteKey: string): string | undefined;
	setLastChecked(siteKey: string, at: string): void;
};

type RepliesFile = {
	readonly version: 1;
	readonly replies: StoredReply[];
	readonly checked: Record<string, string>;
};

/** Replies kept at most: the oldest go first. */
const maxReplies = 1000;
const what = 'The replies to your comments';
const fileName = 'replies.json';

const isString = (value: unknown): value is string => typeof value === 'string';

function isStoredReply(value: unknown): value is StoredReply {
	if (!isPlainObject(value)) return false;
	const your = value['yourComment'];
	const reply = value['reply'];
	return ['siteKey', 'siteUrl', 'postId', 'postTitle', 'postLink'].every(key => isString(value[key])) && typeof value['read'] === 'boolean'
		&& isPlainObject(your) && ['id', 'text', 'date'].every(key => isString(your[key]))
		&& isPlainObject(reply) && ['id', 'author', 'date', 'text', 'link'].every(key => isString(reply[key]));
}

function isRepliesFile(value: unknown): value is RepliesFile {
	return isPlainObject(value) && value['version'] === 1 && Array.isArray(value['replies']) && value['replies'].every(isStoredReply)
		&& isPlainObject(value['checked']) && Object.values(value['checked']).every(isString);
}

const newestFirst = (a: FoundReply, b: FoundReply) => (Date.parse(b.reply.date) || 0) - (Date.parse(a.reply.date) || 0);
const keyOf = (reply: FoundReply) => JSON.stringify([reply.siteKey, reply.reply.id]);

/** The pure part, shared by the file and the memory store. */
function addTo(file: RepliesFile, found: readonly FoundReply[]): {file: RepliesFile; added: number} {
	const known = new Set(file.replies.map(keyOf));
	const fresh = found.filter(reply => !known.has(keyOf(reply))).map(reply => ({...reply, read: false}));
	// One reply found twice in one check counts once.
	const unique = [...new Map(fresh.map(reply => [keyOf(reply), reply])).values()];
	return {file: {...file, replies: [...file.replies, ...unique].sort(newestFirst).slice(0, maxReplies)}, added: unique.length};
}

/** The replies in `replies.json` in blogterm's data folder. */
export class Replies implements RepliesStore {
	readonly #directory: string;
	readonly #path: string;
	#file: RepliesFile | undefined;
	#toldUnwritable = false;

	constructor(directory: string = join(blogtermPaths().data, 'comments')) {
		this.#directory = directory;
		this.#path = join(directory, fileName);
	}

	all(): StoredReply[] {
		return [...this.#read().replies];
	}

	add(replies: readonly FoundReply[]): number {
		this.#readAgain();
		const {file, added} = addTo(this.#read(), replies);
		if (added > 0) this.#write(file);
		return added;
	}

	markRead(siteKey: string, replyId: string): void {
		this.#readAgain();
		const file = this.#read();
		if (!file.replies.some(reply => reply.siteKey === siteKey && reply.reply.id === replyId && !reply.read)) return;
		this.#write({...file, replies: file.replies.map(reply => (reply.siteKey === siteKey && reply.reply.id === replyId ? {...reply, read: true} : reply))});
	}

	unreadCount(): number {
		return this.#read().replies.filter(reply => !reply.read).length;
	}

	lastChecked(siteKey: string): string | undefined {
		return this.#read().checked[siteKey];
	}

	setLastChecked(siteKey: string, at: string): void {
		this.#readAgain();
		const file = this.#read();
		this.#write({...file, checked: {...file.checked, [siteKey]: at}});
	}

	#readAgain(): void {
		if (!this.#toldUnwritable) this.#file = undefined;
	}

	#read(): RepliesFile {
		if (this.#file) return this.#file;
		this.#file = {version: 1, replies: [], checked: {}};
		let text: string;
		try {
			text = readFileSync(this.#path, 'utf8');
		} catch {
			return this.#file;
		}
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			moveAsideWithNotice(this.#path, what, text.trim() === '' ? 'it is empty' : 'not valid JSON');
			return this.#file;
		}
		if (isRepliesFile(value)) this.#file = value;
		else moveAsideWithNotice(this.#path, what, 'not what blogterm wrote there');
		return this.#file;
	}

	#write(file: RepliesFile): void {
		this.#file = file;
		const failed = writePrivateJsonFile(this.#path, file);
		if (failed !== undefined && !this.#toldUnwritable) {
			this.#toldUnwritable = true;
			noteStoreProblem(`the replies to your comments cannot be remembered in ${this.#directory}${failed ? ` (${failed})` : ''}; they are kept until you quit.`);
		}
	}
}

/** The same, in memory only (tests). */
export function repliesInMemory(): RepliesStore {
	let file: RepliesFile = {version: 1, replies: [], checked: {}};
	return {
		all: () => [...file.replies],
		add(replies) {
			const result = addTo(file, replies);
			file = result.file;
			return result.added;
		},
		markRead(siteKey, replyId) {
			file = {...file, replies: file.replies.map(reply => (reply.siteKey === siteKey && reply.reply.id === replyId ? {...reply, read: true} : reply))};
		},
		unreadCount: () => file.replies.filter(reply => !reply.read).length,
		lastChecked: siteKey => file.checked[siteKey],
		setLastChecked(siteKey, at) {
			file = {...file, checked: {...file.checked, [siteKey]: at}};
		},
	};
}
