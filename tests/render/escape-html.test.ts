import assert from 'node:assert/strict';
import {test} from 'node:test';
import {escapeHtml} from '../../source/render/escape-html.js';
import {htmlToPlainText} from '../../source/render/plain-text.js';

test('text escaped as HTML reads the same, in an element and in a quoted attribute', () => {
	const text = 'Tom & Jerry say "<b>hi</b>" &amp; more';
	assert.equal(escapeHtml(text), 'Tom &amp; Jerry say &quot;&lt;b&gt;hi&lt;/b&gt;&quot; &amp;amp; more');
	assert.equal(htmlToPlainText(`<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`), text);
});
