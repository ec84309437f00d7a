// The bench's fixed content, generated the same way every run (no randomness): a small WordPress
// blog with one normal post, a post of about 20,000 lines, a 1 MB HTML post, and a 10,000-item RSS feed.

/** A word list to build text from; the text is nonsense but reads like prose to a line wrapper. */
const words = [
	'the', 'garden', 'terminal', 'soil', 'compost', 'shell', 'window', 'pane', 'seed', 'bed', 'spade', 'history',
	'evening', 'rain', 'allotment', 'keyboard', 'season', 'frost', 'cron', 'schedule', 'water', 'butt', 'shed',
	'and', 'of', 'in', 'a', 'is', 'with', 'for', 'every', 'quietly', 'slowly', 'again', 'which', 'was', 'under',
	'tomatoes', 'beans', 'leeks', 'onions', 'mulch', 'roots', 'worms', 'sessions', 'scripts', 'backups', 'notes',
];

/** `count` words, the same for the same seed. */
function prose(seed: number, count: number): string {
	const out: string[] = [];
	// mulberry32: a small generator with no visible pattern in its low bits.
	let state = (seed * 2_654_435_761) >>> 0;
	for (let index = 0; index < count; index++) {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		out.push(words[((mixed ^ (mixed >>> 14)) >>> 0) % words.length]!);
	}
	const text = out.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(seed: number, count: number): string {
	// Some inline markup in most paragraphs, as in real posts.
	const text = prose(seed, count);
	const cut = text.indexOf(' ', Math.floor(text.length / 3));
	const cut2 = text.indexOf(' ', Math.floor(text.length * 2 / 3));
	if (seed % 3 === 0 && cut > 0 && cut2 > cut) {
		return `<p>${text.slice(0, cut)} <a href="/2024/0${1 + (seed % 9)}/notes-${seed}/">${text.slice(cut + 1, cut2)}</a>${text.slice(cut2)}</p>`;
	}
	if (seed % 3 === 1 && cut > 0) return `<p>${text.slice(0, cut)} <em>${text.slice(cut + 1, cut + 30)}</em>${text.slice(cut + 30)}</p>`;
	return `<p>${text}</p>`;
}

function codeBlock(seed: number, lines: number): string {
	const body = Array.from({length: lines}, (_, index) => `  tmux send-keys -t garden:${(seed + index) % 9} 'water --bed ${index}' Enter`).join('\n');
	return `<pre class="wp-block-code"><code>${body.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</code></pre>`;
}

function list(seed: number, items: number): string {
	return `<ul class="wp-block-list">\n${Array.from({length: items}, (_, index) => `<li><strong>${prose(seed + index, 2)}</strong> ${prose(seed + index + 7, 14)}</li>`).join('\n')}\n</ul>`;
}

/** A post as long as a normal blog post (about 1,200 words): paragraphs, headings, a list, code, a quote. */
export function normalPostHtml(): string {
	const parts: string[] = [];
	for (let section = 0; section < 4; section++) {
		parts.push(`<h2 class="wp-block-heading">${prose(section + 100, 5)}</h2>`);
		for (let index = 0; index < 4; index++) parts.push(paragraph(section * 10 + index, 60));
		if (section === 1) parts.push(list(section, 5));
		if (section === 2) parts.push(codeBlock(section, 6));
		if (section === 3) parts.push(`<blockquote class="wp-block-quote"><p>${prose(77, 40)}</p><cite>A gardener</cite></blockquote>`);
	}
	return parts.join('\n\n');
}

/**
 * A very long post: short paragraphs, so that at `columns` it renders to about `lines` lines.
 * Each paragraph is one to three lines at 100 columns, plus the blank line after it.
 */
export function longPostHtml(lines = 20_000): string {
	const parts: string[] = [];
	// About 3 lines per block (2 of text, 1 blank) at 100 columns, with a heading every 40 blocks.
	const blocks = Math.round(lines / 3);
	for (let index = 0; index < blocks; index++) {
		if (index % 40 === 0) parts.push(`<h3 class="wp-block-heading">Part ${index / 40 + 1}: ${prose(index, 4)}</h3>`);
		else parts.push(paragraph(index, 22));
	}
	return parts.join('\n\n');
}

/** About `bytes` of HTML (1 MB by default) mixing every common element, as a huge real post would. */
export function largeHtml(bytes = 1_000_000): string {
	const parts: string[] = [];
	let size = 0;
	for (let index = 0; size < bytes; index++) {
		let part: string;
		switch (index % 12) {
			case 0: part = `<h2 class="wp-block-heading">${prose(index, 6)}</h2>`; break;
			case 4: part = list(index, 6); break;
			case 7: part = codeBlock(index, 12); break;
			case 9: part = `<blockquote class="wp-block-quote"><p>${prose(index, 50)}</p></blockquote>`; break;
			case 11: part = `<figure class="wp-block-image"><img src="/wp-content/uploads/${index}.jpg" alt="${prose(index, 6)}"/><figcaption>${prose(index + 1, 10)}</figcaption></figure>`; break;
			default: part = paragraph(index, 90);
		}
		parts.push(part);
		size += part.length + 2;
	}
	return parts.join('\n\n');
}

export type FixturePost = {
	readonly id: number;
	readonly slug: string;
	readonly title: string;
	/** Local time, WordPress's `date`; all fixtures are in UTC so it is also `date_gmt`. */
	readonly date: string;
	readonly html: string;
	readonly categories: readonly number[];
	readonly tags: readonly number[];
	readonly commentCount: number;
};

/** IDs the bench asks for by number. */
export const fixtureIds = {normal: 1, long: 39, large: 40} as const;

/** The fixture blog's posts, newest first: 38 normal ones, then the long post and the 1 MB post (four list pages of 10). */
export function fixturePosts(): FixturePost[] {
	const posts: FixturePost[] = [];
	const dateOf = (index: number) => new Date(Date.UTC(2025, 0, 1) - index * 86_400_000).toISOString().slice(0, 19);
	const normal = normalPostHtml();
	for (let index = 0; index < 40; index++) {
		const id = index + 1;
		const html = id === fixtureIds.long ? longPostHtml() : id === fixtureIds.large ? largeHtml() : index === 0 ? normal : normalPostHtml().replaceAll('garden', `garden ${id}`);
		posts.push({
			id,
			slug: id === fixtureIds.long ? 'a-very-long-post' : id === fixtureIds.large ? 'a-megabyte-of-html' : `post-number-${id}`,
			title: id === fixtureIds.long ? 'A very long post (20,000 lines)' : id === fixtureIds.large ? 'A megabyte of HTML' : `${prose(id + 300, 6).slice(0, -1)} ${id}`,
			date: dateOf(index),
			html,
			categories: [1 + (id % 3)],
			tags: [10 + (id % 5), 10 + ((id + 2) % 5)],
			commentCount: id % 4,
		});
	}
	return posts;
}

export const fixtureTerms: Record<number, {name: string; taxonomy: 'category' | 'post_tag'}> = {
	1: {name: 'Garden notes', taxonomy: 'category'},
	2: {name: 'Command line', taxonomy: 'category'},
	3: {name: 'Seasons', taxonomy: 'category'},
	10: {name: 'tmux', taxonomy: 'post_tag'},
	11: {name: 'compost', taxonomy: 'post_tag'},
	12: {name: 'soil', taxonomy: 'post_tag'},
	13: {name: 'cron', taxonomy: 'post_tag'},
	14: {name: 'vim', taxonomy: 'post_tag'},
};

/** An RSS 2.0 feed of `count` items (summaries, as most big feeds are), newest first, not from WordPress. */
export function bigRssFeed(siteUrl: string, count = 10_000): string {
	const items: string[] = [];
	const start = Date.UTC(2025, 0, 1);
	for (let index = 0; index < count; index++) {
		const link = `${siteUrl}notes/${count - index}/`;
		items.push(`<item>
<title>${prose(index + 5000, 7).slice(0, -1)} (${count - index})</title>
<link>${link}</link>
<guid isPermaLink="true">${link}</guid>
<pubDate>${new Date(start - index * 3_600_000).toUTCString()}</pubDate>
<dc:creator><![CDATA[Dana]]></dc:creator>
<category><![CDATA[Garden notes]]></category>
<category><![CDATA[tmux]]></category>
<description><![CDATA[<p>${prose(index, 45)}</p>]]></description>
</item>`);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Ten Thousand Notes</title>
<link>${siteUrl}</link>
<description>A static site with a very long feed</description>
<generator>Hugo</generator>
<atom:link href="${siteUrl}feed.xml" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
}
