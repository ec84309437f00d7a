/*
Superscript and subscript as a terminal can show them: `E=mc²`, `H₂O`, footnote marks `¹`, and where
Unicode has no such letters, `^st` / `_x` as plain text writes them.
*/

const superscripts: Readonly<Record<string, string>> = {
	0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const subscripts: Readonly<Record<string, string>> = {
	0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
};

function converted(text: string, letters: Readonly<Record<string, string>>, mark: string): string {
	const trimmed = text.trim();
	if (trimmed === '') return text;
	const characters = Array.from(trimmed);
	if (characters.every(character => letters[character] !== undefined)) return characters.map(character => letters[character]).join('');
	return `${mark}${trimmed.replaceAll(/\s+/g, ' ')}`;
}

/** `2` → `²`, `[1]` → `^[1]`. */
export function superscriptText(text: string): string {
	return converted(text, superscripts, '^');
}

/** `2` → `₂`, `max` → `_max`. */
export function subscriptText(text: string): string {
	return converted(text, subscripts, '_');
}
