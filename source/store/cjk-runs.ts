/*
Chinese, Japanese and Korean text as the full-text index reads it. FTS5's unicode61 tokenizer (posts_text)
parts words at spaces and punctuation, and CJK writes none between its words: `日本語のタイトル` is one
word there, so a search for 日本語 never found it. The CJK runs of each post are also kept in posts_cjk
as words of two characters (日本 本語 語の …) and of one (日 本 語 …), as search engines index CJK: a run
searched for is the phrase of its pairs (日本語: "日本 本語"), a pair or a character itself, so any part
of a run is found, from the index. (FTS5's trigram tokenizer finds three characters or more only; a
Chinese word is often two, and LIKE over 100,000 posts took 330–390 ms.)
*/

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]+/gu;

/** Between the pairs of two runs, so that no phrase runs from one into the next: any word not CJK. */
const runBreak = 'x';

/** The pairs of characters of a run, in order (none for one character). */
function pairsOf(run: string): string[] {
	const characters = [...run];
	return characters.slice(1).map((character, index) => `${characters[index]!}${character}`);
}

/** What posts_cjk indexes of `text`: the pairs of each CJK run, then every CJK character ('' when there is no CJK). */
export function cjkWords(text: string): string {
	const runs = text.match(cjkRun);
	if (!runs) return '';
	const pairs = runs.map(run => pairsOf(run).join(' ')).filter(Boolean).join(` ${runBreak} `);
	return `${pairs} ${runBreak} ${runs.map(run => [...run].join(' ')).join(' ')}`.trim();
}

/** The FTS5 phrase that finds a CJK run in posts_cjk: its pairs in a row, or the character alone. */
export function cjkPhrase(run: string): string {
	const pairs = pairsOf(run);
	return `"${pairs.length === 0 ? run : pairs.join(' ')}"`;
}

/** The CJK runs of what was typed, and the rest of it (each split off where a run starts or ends). */
export function splitCjk(words: readonly string[]): {readonly words: string[]; readonly cjk: string[]} {
	const rest: string[] = [];
	const cjk: string[] = [];
	for (const word of words) {
		cjk.push(...word.match(cjkRun) ?? []);
		rest.push(...word.split(cjkRun).filter(Boolean));
	}
	return {words: rest, cjk};
}
