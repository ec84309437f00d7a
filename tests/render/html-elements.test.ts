import {test} from 'node:test';
import assert from 'node:assert/strict';
import {htmlToMarkdown} from '../../source/render/markdown.js';
import {htmlToPlainText} from '../../source/render/plain-text.js';
import {type ElementRole, knownElements} from '../../source/render/html-elements.js';
import {render} from './render-helpers.js';

// Elements the HTML parser never lets hold text: what follows them is not their content.
const voidElements = new Set(['br', 'wbr', 'img', 'hr', 'input', 'meta', 'link', 'base', 'param', 'source', 'track', 'embed', 'frame']);
// Table parts only mean something inside a table; the table tests cover them.
const tableParts = new Set<ElementRole>(['table-section', 'table-row', 'table-cell', 'table-header-cell']);
const inlineRoles = new Set<ElementRole>(['word-break', 'image', 'media', 'superscript', 'subscript', 'link', 'inline-quote', 'code', 'bold', 'italic', 'underline', 'strike']);

/** The three outputs blogterm writes for the same HTML, each as its lines of text. */
function outputs(html: string): Record<'terminal' | 'plain text' | 'Markdown', string[]> {
	return {
		terminal: render(html, 80, 'https://blog.example/'),
		'plain text': htmlToPlainText(html, 'https://blog.example/').split('\n'),
		Markdown: htmlToMarkdown(html, 'https://blog.example/').split('\n'),
	};
}

test('every output hides the contents of the same elements: scripts, styles, embeds, videos', () => {
	for (const [name, role] of knownElements()) {
		if (voidElements.has(name)) continue;
		const hidden = role === 'hidden' || role === 'media';
		for (const [output, lines] of Object.entries(outputs(`<div>before <${name}>inside</${name}> after</div>`))) {
			const text = lines.join('\n');
			assert.equal(text.includes('inside'), !hidden, `<${name}> (${role}) in ${output}: ${JSON.stringify(text)}`);
			assert.ok(text.includes('before') && text.includes('after'), `<${name}> in ${output} lost its neighbours: ${JSON.stringify(text)}`);
		}
	}
});

test('every output starts a new line at the same elements, and keeps inline ones in the line', () => {
	for (const [name, role] of knownElements()) {
		if (role === 'hidden' || tableParts.has(role)) continue;
		const html = voidElements.has(name) ? `<div>before <${name}> after</div>` : `<div>before <${name}>inside</${name}> after</div>`;
		for (const [output, lines] of Object.entries(outputs(html))) {
			const oneLine = lines.some(line => line.includes('before') && line.includes('after'));
			assert.equal(oneLine, inlineRoles.has(role), `<${name}> (${role}) in ${output}: ${JSON.stringify(lines)}`);
		}
	}
});

test('an element blogterm does not know is inline text in every output', () => {
	for (const [output, lines] of Object.entries(outputs('<div>before <x-widget>inside</x-widget> after</div>'))) {
		assert.ok(lines.some(line => line.includes('before inside after')), `${output}: ${JSON.stringify(lines)}`);
	}
});

test('a quotation is between quotation marks in every output', () => {
	for (const [output, lines] of Object.entries(outputs('<p>She said <q>grow it</q> twice.</p>'))) {
		assert.ok(lines.includes('She said “grow it” twice.'), `${output}: ${JSON.stringify(lines)}`);
	}
});
