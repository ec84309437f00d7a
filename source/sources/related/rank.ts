import type {PostSummary, Term} from '../../model/post.js';
import type {RelatedPost} from '../../model/related.js';
import {htmlWords} from '../../render/plain-text.js';

/** A post to rank or rank against: a summary, with its body when the source has it (a feed item, a full Post). */
export type RankablePost = PostSummary & {readonly html?: string};

/** A shared tag weighs this many shared categories. */
const tagWeight = 2;
const categoryWeight = 1;
/** Below this cosine similarity, posts sharing no term are not offered as related. */
const minimumSimilarity = 0.1;
/** Enough of a body to know what it is about; keeps ranking 500 feed items quick. */
const maxBodyChars = 8000;

/**
 * Up to `limit` posts related to `post`, best first: by shared terms (a tag counts more than a
 * category), then by how alike their titles and bodies read, then newest first. Never the post
 * itself (by id or link), never the same post twice. Candidates sharing no term and no words are left out.
 */
export function rankRelatedPosts(post: RankablePost, candidates: readonly RankablePost[], limit: number): RelatedPost[] {
	if (limit <= 0) return [];
	const ownTags = termKeys(post.tags);
	const ownCategories = termKeys(post.categories);
	const ownVector = termFrequencies(post);
	const seen = new Set<string>([idKey(post.id), ...linkKeys(post.link)]);
	const scored: Array<{candidate: RankablePost; score: number; sharedTags: number; sharedCategory: Term | undefined; similarity: number; time: number}> = [];
	for (const candidate of candidates) {
		const keys = [idKey(candidate.id), ...linkKeys(candidate.link)];
		if (keys.some(key => seen.has(key))) continue;
		for (const key of keys) seen.add(key);
		const sharedTags = candidate.tags.filter(term => ownTags.has(termKey(term))).length;
		const sharedCategories = candidate.categories.filter(term => ownCategories.has(termKey(term)));
		const score = (sharedTags * tagWeight) + (sharedCategories.length * categoryWeight);
		const similarity = cosine(ownVector, termFrequencies(candidate));
		if (score === 0 && similarity < minimumSimilarity) continue;
		const time = candidate.date ? Date.parse(candidate.date) : Number.NaN;
		scored.push({candidate, score, sharedTags, sharedCategory: sharedCategories[0], similarity, time: Number.isNaN(time) ? -Infinity : time});
	}
	scored.sort((a, b) => b.score - a.score || b.similarity - a.similarity || b.time - a.time);
	return scored.slice(0, limit).map(({candidate, sharedTags, sharedCategory}) => ({
		id: candidate.id,
		title: candidate.title,
		...(candidate.untitled ? {untitled: true as const} : {}),
		link: candidate.link,
		date: candidate.date,
		context: sharedTags > 0
			? `Shares ${sharedTags} ${sharedTags === 1 ? 'tag' : 'tags'}`
			: sharedCategory ? `In ${sharedCategory.name}` : 'Similar words',
	}));
}

function termKey(term: Term): string {
	return `${term.taxonomy}:${String(term.id).toLowerCase()}`;
}

function termKeys(terms: readonly Term[]): Set<string> {
	return new Set(terms.map(term => termKey(term)));
}

function idKey(id: number | string): string {
	return `id:${String(id)}`;
}

/** The link without scheme, fragment or trailing slash, so that `http://x/a/` and `https://x/a` are one post. */
function linkKeys(link: string): string[] {
	if (!link) return [];
	try {
		const url = new URL(link);
		return [`link:${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`];
	} catch {
		return [`link:${link}`];
	}
}

// ---- text similarity: cosine over term frequencies ----

const stopWords = new Set(`a about above after again against all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each even few for from further get got had has have having he her here hers herself him himself his how i if in
into is it its itself just like made make many may me might more most much must my myself new no nor not now of off on once one only or other our ours
ourselves out over own really same say says see she should so some still such than that the their theirs them themselves then there these they this
those through to too two under until up upon us use used using very via want was way we well were what when where which while who whom why will with
within without would yes yet you your yours yourself yourselves`.split(/\s+/));

type Vector = {readonly counts: Map<string, number>; readonly norm: number};

function termFrequencies(post: RankablePost): Vector {
	const counts = new Map<string, number>();
	const add = (text: string, weight: number) => {
		for (const token of tokens(text)) counts.set(token, (counts.get(token) ?? 0) + weight);
	};
	// A title says more about a post than any one sentence of its body.
	add(post.title, 3);
	add(post.html === undefined ? post.excerpt : htmlWords(startOf(post.html), maxBodyChars), 1);
	let sum = 0;
	for (const count of counts.values()) sum += count * count;
	return {counts, norm: Math.sqrt(sum)};
}

function cosine(a: Vector, b: Vector): number {
	if (a.norm === 0 || b.norm === 0) return 0;
	const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
	let dot = 0;
	for (const [token, count] of small.counts) dot += count * (large.counts.get(token) ?? 0);
	return dot / (a.norm * b.norm);
}

/** Lowercased words of two letters or more, stop words out, a plural's final s off. */
export function tokens(text: string): string[] {
	const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
	const result: string[] = [];
	for (const raw of words) {
		const word = raw.replace(/['’].*$/, '');
		if (word.length < 2 || stopWords.has(word) || /^\d+$/.test(word)) continue;
		result.push(stem(word));
	}
	return result;
}

/** A light stemmer: enough that "garden" meets "gardens" and "stories" meets "story". */
function stem(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
	return word;
}

/** Enough of a post's HTML for its first words, cut after a tag so that no half tag is read as text. */
function startOf(html: string): string {
	const limit = maxBodyChars * 4;
	if (html.length <= limit) return html;
	const end = html.lastIndexOf('>', limit);
	return end === -1 ? html.slice(0, limit) : html.slice(0, end + 1);
}
