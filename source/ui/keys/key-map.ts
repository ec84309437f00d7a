// The one list of blogterm's keys: every action, per screen, with its keys and what it does. The
// screens' handlers ask it (`keyMap.matches('next-post', input, key)`), and the help overlay, the
// status-line hints and the README's keys table are made from it, so a key changed here (or, later,
// in the settings file) changes everywhere at once. Plain TypeScript: no Ink, no React.

/** The parts of a key press the map looks at (Ink's `Key` has them all). */
export type KeyPress = {
	readonly upArrow: boolean;
	readonly downArrow: boolean;
	readonly leftArrow: boolean;
	readonly rightArrow: boolean;
	readonly pageDown: boolean;
	readonly pageUp: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return: boolean;
	readonly escape: boolean;
	readonly ctrl: boolean;
	readonly shift: boolean;
	readonly tab: boolean;
	readonly backspace: boolean;
	readonly delete: boolean;
	readonly meta: boolean;
};

export type Screen = 'everywhere' | 'home' | 'river' | 'list' | 'post' | 'related' | 'thread' | 'search' | 'form' | 'field' | 'replies' | 'help';

/** Each screen's title in the help overlay and the README. */
export const screenTitles: Record<Screen, string> = {
	everywhere: 'Everywhere',
	home: 'Followed blogs',
	river: 'What is new',
	list: 'Posts list',
	post: 'Post',
	related: 'Related Posts',
	thread: 'Comments',
	search: 'Search in a post or its comments',
	form: 'Reply form',
	field: 'Comment field',
	replies: 'Replies to you',
	help: 'This help',
};

type ActionSpec = {
	readonly screen: Screen;
	/** Key names (see `keyLabel`): a printable character as it is typed ('G' is Shift-g), or a named key. */
	readonly keys: readonly string[];
	/** One line: what the action does. */
	readonly description: string;
};

/** Every action, by screen. The names are what the settings file will remap (`"keys": {"next-post": "J"}`). */
const actions = {
	// Everywhere
	help: {screen: 'everywhere', keys: ['?'], description: 'this help'},
	back: {screen: 'everywhere', keys: ['escape', 'q'], description: 'back to where you came from, at the line you left'},
	cancel: {screen: 'everywhere', keys: ['escape'], description: 'stop loading'},
	retry: {screen: 'everywhere', keys: ['r'], description: 'try again after an error'},
	quit: {screen: 'everywhere', keys: ['ctrl+c'], description: 'quit'},
	// Followed blogs (the home screen)
	'blog-down': {screen: 'home', keys: ['down', 'j'], description: 'next blog'},
	'blog-up': {screen: 'home', keys: ['up', 'k'], description: 'previous blog'},
	'open-blog': {screen: 'home', keys: ['enter'], description: 'open the blog’s posts (Esc comes back)'},
	'follow-blog': {screen: 'home', keys: ['a'], description: 'follow a blog: its address, then what was found, then Enter'},
	'unfollow-blog': {screen: 'home', keys: ['d'], description: 'unfollow the blog (asked once: y/n)'},
	'mark-blog-read': {screen: 'home', keys: ['A'], description: 'mark every post of the blog read'},
	'mark-all-read': {screen: 'home', keys: ['C'], description: 'mark every post of every blog read (asked once: y/n)'},
	'switch-view': {screen: 'home', keys: ['tab', 'w'], description: 'between the blogs and What is new'},
	'refresh-all': {screen: 'home', keys: ['r'], description: 'refresh every blog now'},
	'home-starred': {screen: 'home', keys: ['S'], description: 'the Starred folder: the posts you starred'},
	'full-text-home-blog': {screen: 'home', keys: ['F'], description: 'every summary-only post of the blog whole, read from its page: on / off (the row says “full text”)'},
	'quit-home': {screen: 'home', keys: ['q'], description: 'quit'},
	'search-followed': {screen: 'home', keys: ['/'], description: 'search every post of the blogs you follow (those read in): type, then Enter'},
	// What is new (the river)
	'river-down': {screen: 'river', keys: ['down', 'j'], description: 'next post'},
	'river-up': {screen: 'river', keys: ['up', 'k'], description: 'previous post'},
	'river-page-down': {screen: 'river', keys: ['space', 'pagedown'], description: 'page down'},
	'river-page-up': {screen: 'river', keys: ['b', 'pageup'], description: 'page up'},
	'river-first': {screen: 'river', keys: ['g', 'home'], description: 'first post'},
	'river-last': {screen: 'river', keys: ['G', 'end'], description: 'last post'},
	'open-river-post': {screen: 'river', keys: ['enter'], description: 'read the post (Esc comes back)'},
	'next-unread': {screen: 'river', keys: ['n'], description: 'next unread post, across blogs'},
	'toggle-read': {screen: 'river', keys: ['N'], description: 'mark the post read / unread'},
	'mark-river-blog-read': {screen: 'river', keys: ['A'], description: 'mark every post of its blog read'},
	'mark-river-all-read': {screen: 'river', keys: ['C'], description: 'mark every post of every blog read (asked once: y/n)'},
	'star-river-post': {screen: 'river', keys: ['s'], description: 'star / unstar the post (with a sync server, there too)'},
	'river-starred': {screen: 'river', keys: ['S'], description: 'the Starred folder, and back to What is new'},
	'river-to-blogs': {screen: 'river', keys: ['tab', 'w', 'escape'], description: 'back to the blogs'},
	'search-river': {screen: 'river', keys: ['/'], description: 'search every post of the blogs you follow: type, then Enter (Esc: back from the results)'},
	// Posts list
	'list-down': {screen: 'list', keys: ['down', 'j'], description: 'next post (past the last: the next page)'},
	'list-up': {screen: 'list', keys: ['up', 'k'], description: 'previous post'},
	'open-post': {screen: 'list', keys: ['enter'], description: 'open the post'},
	'next-page': {screen: 'list', keys: ['right', ']', 'pagedown', 'space'], description: 'next page'},
	'previous-page': {screen: 'list', keys: ['left', '[', 'pageup', 'b'], description: 'previous page'},
	'first-page': {screen: 'list', keys: ['<'], description: 'first page'},
	'last-page': {screen: 'list', keys: ['>'], description: 'last page (of those known, when the blog does not say how many)'},
	'first-post': {screen: 'list', keys: ['g', 'home'], description: 'first post on the page'},
	'last-post': {screen: 'list', keys: ['G', 'end'], description: 'last post on the page'},
	refresh: {screen: 'list', keys: ['r'], description: 'ask the blog again'},
	'search-blog': {screen: 'list', keys: ['/'], description: 'search the blog: type, then Enter (Esc cancels)'},
	'browse-terms': {screen: 'list', keys: ['t'], description: 'the blog’s categories and tags, with their counts: Enter lists one'},
	'back-to-list': {screen: 'list', keys: ['escape'], description: 'from search results (or a category, a tag, an author) back to the list you came from'},
	'quit-list': {screen: 'list', keys: ['q'], description: 'quit'},
	'full-text-blog': {screen: 'list', keys: ['F'], description: 'every summary-only post of this blog whole, read from its page: on / off'},
	'star-list-post': {screen: 'list', keys: ['s'], description: 'star / unstar the post (a followed blog’s; with a sync server, there too)'},
	// Post
	'line-down': {screen: 'post', keys: ['down', 'j', 'enter'], description: 'scroll down a line'},
	'line-up': {screen: 'post', keys: ['up', 'k'], description: 'scroll up a line'},
	'page-down': {screen: 'post', keys: ['space', 'pagedown'], description: 'page down'},
	'page-up': {screen: 'post', keys: ['b', 'pageup'], description: 'page up'},
	top: {screen: 'post', keys: ['g', 'home'], description: 'top'},
	bottom: {screen: 'post', keys: ['G', 'end'], description: 'bottom'},
	'next-post': {screen: 'post', keys: ['n'], description: 'next (newer) post'},
	'previous-post': {screen: 'post', keys: ['p'], description: 'previous (older) post'},
	'read-comments': {screen: 'post', keys: ['C'], description: 'read the comments'},
	'leave-reply': {screen: 'post', keys: ['c'], description: 'leave a reply'},
	'focus-related': {screen: 'post', keys: ['tab'], description: 'into Related Posts'},
	'toggle-related': {screen: 'post', keys: ['h'], description: 'hide / show Related Posts'},
	'open-in-browser': {screen: 'post', keys: ['o'], description: 'open in the browser'},
	'full-text': {screen: 'post', keys: ['F'], description: 'a summary-only post whole: the article read from its page'},
	'star-post': {screen: 'post', keys: ['s'], description: 'star / unstar the post (a followed blog’s; with a sync server, there too)'},
	'follow-link': {screen: 'post', keys: ['f'], description: 'follow link N (f, the number, Enter; f alone with one link)'},
	'copy-link': {screen: 'post', keys: ['y'], description: 'copy link N to the clipboard (y, the number, Enter; y Enter: the post’s own link)'},
	'copy-post-link': {screen: 'post', keys: ['Y'], description: 'copy the post’s own link'},
	'read-link': {screen: 'post', keys: ['a'], description: 'read link N here as an article (a, the number, Enter; Esc back to the post, o then opens it in the browser)'},
	'back-from-post': {screen: 'post', keys: ['backspace', 'delete', 'H'], description: 'back'},
	'choose-term': {screen: 'post', keys: ['t'], description: 'choose the byline’s author, a category or a tag (t again: the next); Enter lists its posts, Esc lets go'},
	// Related Posts, once Tab has moved into them
	'related-down': {screen: 'related', keys: ['down', 'j'], description: 'next related post'},
	'related-up': {screen: 'related', keys: ['up', 'k'], description: 'previous related post'},
	'open-related': {screen: 'related', keys: ['enter'], description: 'open it'},
	'leave-related': {screen: 'related', keys: ['tab', 'shift+tab', 'escape'], description: 'back to the post'},
	// Comments
	'comment-down': {screen: 'thread', keys: ['down', 'j'], description: 'next comment'},
	'comment-up': {screen: 'thread', keys: ['up', 'k'], description: 'previous comment'},
	'comments-page-down': {screen: 'thread', keys: ['space', 'pagedown', 'f'], description: 'page down'},
	'comments-page-up': {screen: 'thread', keys: ['b', 'pageup'], description: 'page up'},
	'first-comment': {screen: 'thread', keys: ['g', 'home'], description: 'first comment'},
	'last-comment': {screen: 'thread', keys: ['G', 'end'], description: 'last comment'},
	'reply-to-comment': {screen: 'thread', keys: ['r'], description: 'reply to the chosen comment'},
	'comment-on-post': {screen: 'thread', keys: ['c'], description: 'comment on the post'},
	// Searching the text of a post or its comments
	'search-text': {screen: 'search', keys: ['/'], description: 'search the text as you type (case ignored unless you type a capital)'},
	'keep-search': {screen: 'search', keys: ['enter'], description: 'close the search line, keeping the matches for n/N'},
	'next-match': {screen: 'search', keys: ['n'], description: 'next match (past the last: the first)'},
	'previous-match': {screen: 'search', keys: ['N'], description: 'previous match (before the first: the last)'},
	'clear-search': {screen: 'search', keys: ['escape'], description: 'clear the search'},
	'toggle-fold': {screen: 'thread', keys: ['z', 'enter'], description: 'fold / unfold the chosen comment’s replies (folded: `+ 4 replies`)'},
	'fold-all': {screen: 'thread', keys: ['Z'], description: 'fold every comment’s replies / unfold them all'},
	'parent-comment': {screen: 'thread', keys: ['p'], description: 'to the comment it replies to'},
	'previous-sibling': {screen: 'thread', keys: ['K'], description: 'previous reply to the same comment'},
	'next-sibling': {screen: 'thread', keys: ['J'], description: 'next reply to the same comment'},
	'next-top-level': {screen: 'thread', keys: [']'], description: 'next top-level comment'},
	'next-new-comment': {screen: 'thread', keys: ['n'], description: 'next comment marked new (since you last opened the thread)'},
	// Reply form
	'next-field': {screen: 'form', keys: ['tab'], description: 'next field'},
	'previous-field': {screen: 'form', keys: ['shift+tab'], description: 'previous field'},
	'enter-field': {screen: 'form', keys: ['enter'], description: 'next field (a new line in Comment)'},
	send: {screen: 'form', keys: ['ctrl+s'], description: 'send'},
	'comment-instead': {screen: 'form', keys: ['ctrl+x'], description: 'comment on the post instead of replying (the draft goes with it)'},
	tick: {screen: 'form', keys: ['space'], description: 'tick the checkbox'},
	'close-form': {screen: 'form', keys: ['escape'], description: 'close (the draft is kept)'},
	discard: {screen: 'form', keys: ['ctrl+q'], description: 'discard the draft (asked once: y/n)'},
	// Comment field
	'cursor-up': {screen: 'field', keys: ['up'], description: 'up a row (from the first row: the field before)'},
	'cursor-down': {screen: 'field', keys: ['down'], description: 'down a row (from the last row: the next field)'},
	'cursor-left': {screen: 'field', keys: ['left'], description: 'back a character'},
	'cursor-right': {screen: 'field', keys: ['right'], description: 'on a character'},
	'delete-word': {screen: 'field', keys: ['ctrl+w', 'meta+backspace'], description: 'delete a word back'},
	'delete-to-start': {screen: 'field', keys: ['ctrl+u'], description: 'delete to the line’s start'},
	'delete-to-end': {screen: 'field', keys: ['ctrl+k'], description: 'delete to the line’s end'},
	'delete-forward': {screen: 'field', keys: ['ctrl+d', 'delete'], description: 'delete forward'},
	'row-start': {screen: 'field', keys: ['home', 'ctrl+a'], description: 'start of the row'},
	'row-end': {screen: 'field', keys: ['end'], description: 'end of the row'},
	'open-editor': {screen: 'field', keys: ['ctrl+e'], description: 'write the comment in your editor ($VISUAL, else $EDITOR, else vi)'},
	'preview-comment': {screen: 'form', keys: ['ctrl+p'], description: 'preview the comment as the blog will show it (again: back to the form)'},
	// Replies to you
	'open-replies': {screen: 'home', keys: ['R'], description: 'Replies to you: replies to the comments you sent'},
	'list-replies': {screen: 'list', keys: ['R'], description: 'Replies to you on this blog: replies to the comments you sent'},
	'reply-down': {screen: 'replies', keys: ['down', 'j'], description: 'next reply'},
	'reply-up': {screen: 'replies', keys: ['up', 'k'], description: 'previous reply'},
	'open-reply': {screen: 'replies', keys: ['enter'], description: 'open the thread at the reply'},
	'answer-reply': {screen: 'replies', keys: ['r'], description: 'open the thread at the reply, to answer it (r there)'},
	// The help overlay
	'close-help': {screen: 'help', keys: ['escape', 'q', '?', 'enter'], description: 'close this help'},
	'help-down': {screen: 'help', keys: ['down', 'j'], description: 'scroll this help down a line'},
	'help-up': {screen: 'help', keys: ['up', 'k'], description: 'scroll this help up a line'},
	'help-page-down': {screen: 'help', keys: ['pagedown', 'space'], description: 'this help a page down'},
	'help-page-up': {screen: 'help', keys: ['pageup', 'b'], description: 'this help a page up'},
} as const satisfies Record<string, ActionSpec>;

export type Action = keyof typeof actions;

/**
 * One row of the help, the hints and the README: one or more actions told together ("n/p newer / older
 * post"). `hint` is its text on the status line; `rank` orders the hints, most useful first.
 */
type Row = {
	readonly actions: readonly Action[];
	readonly help: string;
	readonly hint?: string;
	readonly rank?: number;
	/** Said where it applies (the loading line, the error box) and in the README, not in the overlay, which must fit 80×24. */
	readonly notInOverlay?: boolean;
};

const rows: Record<Screen, readonly Row[]> = {
	everywhere: [
		{actions: ['help'], help: 'this help', hint: 'help'},
		{actions: ['back'], help: 'back where you were'},
		{actions: ['cancel'], help: 'stop loading', notInOverlay: true},
		{actions: ['retry'], help: 'try again after an error', notInOverlay: true},
		{actions: ['quit'], help: 'quit'},
	],
	home: [
		{actions: ['blog-down', 'blog-up'], help: 'move', hint: 'move', rank: 1},
		{actions: ['open-blog'], help: 'open the blog', hint: 'open', rank: 2},
		{actions: ['switch-view'], help: 'What is new', hint: 'what is new', rank: 3},
		{actions: ['follow-blog'], help: 'follow a blog', hint: 'follow', rank: 4},
		{actions: ['unfollow-blog'], help: 'unfollow (y/n)', hint: 'unfollow', rank: 6},
		{actions: ['mark-blog-read', 'mark-all-read'], help: 'mark the blog / all read (all: y/n)', hint: 'blog/all read', rank: 7},
		{actions: ['refresh-all'], help: 'refresh every blog', hint: 'refresh', rank: 5},
		{actions: ['home-starred'], help: 'the Starred folder', hint: 'starred', rank: 9},
		{actions: ['full-text-home-blog'], help: 'full text for the blog: on / off', hint: 'full text', rank: 10, notInOverlay: true},
		{actions: ['search-followed'], help: 'search every blog', hint: 'search', rank: 5},
		{actions: ['quit-home'], help: 'quit', hint: 'quit', rank: 8},
		{actions: ['open-replies'], help: 'replies to you', hint: 'replies', rank: 9},
	],
	river: [
		{actions: ['river-down', 'river-up'], help: 'move', hint: 'move', rank: 1},
		{actions: ['river-page-down', 'river-page-up'], help: 'page down / up', hint: 'page', rank: 7},
		{actions: ['river-first', 'river-last'], help: 'first / last post', hint: 'first/last', rank: 11},
		{actions: ['open-river-post'], help: 'read the post', hint: 'read', rank: 2},
		{actions: ['next-unread'], help: 'next unread (any blog)', hint: 'next unread', rank: 3},
		{actions: ['toggle-read'], help: 'mark read / unread', hint: 'read/unread', rank: 4},
		{actions: ['mark-river-blog-read', 'mark-river-all-read'], help: 'mark its blog / all read (all: y/n)', hint: 'blog/all read', rank: 6},
		{actions: ['star-river-post', 'river-starred'], help: 'star it / Starred folder', hint: 'star', rank: 10},
		{actions: ['river-to-blogs'], help: 'back to the blogs', hint: 'blogs', rank: 5},
		{actions: ['search-river'], help: 'search every blog', hint: 'search', rank: 5},
		{actions: ['refresh-all'], help: 'refresh every blog', hint: 'refresh', rank: 8},
		{actions: ['quit-home'], help: 'quit', hint: 'quit', rank: 9},
	],
	list: [
		{actions: ['list-down', 'list-up'], help: 'move', hint: 'move', rank: 1},
		{actions: ['open-post'], help: 'open the post', hint: 'open', rank: 2},
		{actions: ['previous-page', 'next-page'], help: 'previous / next page', hint: 'page', rank: 3},
		{actions: ['first-post', 'last-post'], help: 'first / last post', hint: 'first/last', rank: 6},
		{actions: ['first-page', 'last-page'], help: 'first / last page', hint: 'first/last page', rank: 8},
		{actions: ['refresh'], help: 'ask the blog again', hint: 'refresh', rank: 5},
		{actions: ['search-blog'], help: 'search the blog', hint: 'search', rank: 4, notInOverlay: true},
		{actions: ['browse-terms'], help: 'categories and tags', hint: 'categories', rank: 7, notInOverlay: true},
		{actions: ['back-to-list'], help: 'back to the list', hint: 'back', rank: 3, notInOverlay: true},
		{actions: ['quit-list'], help: 'quit', hint: 'quit', rank: 4},
		// In the README and the list's hints, not the overlay, which must fit 80×24.
		{actions: ['full-text-blog'], help: 'full text for every summary-only post: on / off', hint: 'full text', rank: 7, notInOverlay: true},
		// Not in the overlay, which must fit 80×24: the README and the home screen's help say it.
		{actions: ['list-replies'], help: 'replies to you', notInOverlay: true},
		{actions: ['star-list-post'], help: 'star / unstar the post', hint: 'star', rank: 8, notInOverlay: true},
	],
	post: [
		{actions: ['line-down', 'line-up'], help: 'scroll a line', hint: 'line', rank: 9},
		{actions: ['page-down', 'page-up'], help: 'page down / up', hint: 'page', rank: 1},
		{actions: ['top', 'bottom'], help: 'top / bottom', hint: 'top/end', rank: 10},
		{actions: ['next-post', 'previous-post'], help: 'newer / older post', hint: 'next/prev post', rank: 2},
		{actions: ['read-comments'], help: 'read the comments', hint: 'comments', rank: 3},
		{actions: ['leave-reply'], help: 'leave a reply', hint: 'reply', rank: 4},
		{actions: ['focus-related', 'toggle-related'], help: 'into / hide Related', hint: 'related', rank: 5},
		{actions: ['open-in-browser'], help: 'open in the browser', hint: 'browser', rank: 6},
		// F the post's own page, a N Enter a link's. Said in the hints (first, on a summary-only post) and the
		// README: the overlay's Post column is full at 80×24 (a row more pushes `o` out of it).
		{actions: ['full-text', 'read-link'], help: 'the whole article, read from the post’s page / link N’s page (a N Enter)', hint: 'full text', rank: 1.5, notInOverlay: true},
		{actions: ['follow-link'], help: 'follow link N (f N Enter)', hint: 'follow link', rank: 8},
		{actions: ['copy-link', 'copy-post-link'], help: 'copy link N / the post’s link', hint: 'copy link', rank: 11},
		{actions: ['back-from-post'], help: 'back', hint: 'back', rank: 7},
		{actions: ['choose-term'], help: 'author, category or tag: Enter lists', hint: 'browse', rank: 12, notInOverlay: true},
		{actions: ['star-post'], help: 'star / unstar the post', hint: 'star', rank: 13, notInOverlay: true},
	],
	related: [
		{actions: ['related-down', 'related-up'], help: 'choose', hint: 'choose', rank: 1},
		{actions: ['open-related'], help: 'open it', hint: 'open', rank: 2},
		{actions: ['leave-related'], help: 'back to the post', hint: 'back', rank: 3},
	],
	thread: [
		{actions: ['comment-down', 'comment-up'], help: 'choose a comment', hint: 'move', rank: 4},
		{actions: ['comments-page-down', 'comments-page-up', 'first-comment', 'last-comment'], help: 'page, first / last', hint: 'page', rank: 6},
		{actions: ['reply-to-comment'], help: 'reply to it', hint: 'reply', rank: 1},
		{actions: ['comment-on-post'], help: 'comment on the post', hint: 'comment', rank: 2},
		// Esc is in Everywhere: one line fewer, so the overlay still fits 80×24.
		{actions: ['back'], help: 'back', hint: 'back', rank: 3, notInOverlay: true},
		{actions: ['next-new-comment'], help: 'next new comment', hint: 'next new', rank: 3.5},
		{actions: ['toggle-fold', 'fold-all'], help: 'fold replies / fold all', hint: 'fold', rank: 5},
		{actions: ['parent-comment', 'previous-sibling', 'next-sibling', 'next-top-level'], help: 'parent, sibling, top', hint: 'parent/sibling/top', rank: 7},
	],
	search: [
		{actions: ['search-text'], help: 'search the text', hint: 'search', rank: 1},
		{actions: ['next-match', 'previous-match'], help: 'next / previous match', hint: 'next/prev match', rank: 2},
		{actions: ['keep-search'], help: 'keep the search', hint: 'keep', rank: 4, notInOverlay: true},
		{actions: ['clear-search'], help: 'clear the search', hint: 'clear', rank: 3},
	],
	form: [
		{actions: ['next-field', 'previous-field'], help: 'next / previous field', hint: 'next/back', rank: 2},
		{actions: ['enter-field'], help: 'next field or new line', hint: 'next', rank: 7},
		{actions: ['send', 'preview-comment'], help: 'send / preview it', hint: 'send/preview', rank: 1},
		{actions: ['comment-instead'], help: 'comment on the post'},
		{actions: ['tick'], help: 'tick the checkbox', hint: 'tick/untick', rank: 5},
		{actions: ['close-form'], help: 'close, keeping the draft', hint: 'close (draft kept)', rank: 3},
		{actions: ['discard'], help: 'discard the draft (y/n)', hint: 'discard', rank: 4},
	],
	field: [
		{actions: ['cursor-up', 'cursor-down', 'cursor-left', 'cursor-right'], help: 'move', notInOverlay: true},
		{actions: ['delete-word', 'delete-to-start', 'delete-to-end', 'delete-forward'], help: 'delete word/start/end/fwd'},
		{actions: ['row-start', 'row-end'], help: 'start / end of the row'},
		{actions: ['open-editor'], help: 'write it in your editor'},
	],
	replies: [
		{actions: ['reply-down', 'reply-up'], help: 'move', hint: 'move', rank: 1},
		{actions: ['open-reply'], help: 'the thread, at the reply', hint: 'open', rank: 2},
		{actions: ['answer-reply'], help: 'answer it', hint: 'answer', rank: 3},
		{actions: ['back'], help: 'back', hint: 'back', rank: 4},
	],
	help: [
		{actions: ['close-help'], help: 'close this help', notInOverlay: true},
		{actions: ['help-down', 'help-up'], help: 'scroll a line', notInOverlay: true},
		{actions: ['help-page-down', 'help-page-up'], help: 'page down / up', notInOverlay: true},
	],
};

const namedKeys: Record<string, {readonly label: string; readonly test: (input: string, key: KeyPress) => boolean}> = {
	up: {label: '↑', test: (_, key) => key.upArrow},
	down: {label: '↓', test: (_, key) => key.downArrow},
	left: {label: '←', test: (_, key) => key.leftArrow},
	right: {label: '→', test: (_, key) => key.rightArrow},
	pageup: {label: 'PgUp', test: (_, key) => key.pageUp},
	pagedown: {label: 'PgDn', test: (_, key) => key.pageDown},
	home: {label: 'Home', test: (_, key) => key.home === true},
	end: {label: 'End', test: (_, key) => key.end === true},
	enter: {label: 'Enter', test: (_, key) => key.return},
	escape: {label: 'Esc', test: (_, key) => key.escape},
	tab: {label: 'Tab', test: (_, key) => key.tab && !key.shift},
	'shift+tab': {label: 'Shift-Tab', test: (_, key) => key.tab && key.shift},
	backspace: {label: 'Backspace', test: (_, key) => key.backspace && !key.meta},
	'meta+backspace': {label: 'Alt-Backspace', test: (_, key) => key.backspace && key.meta},
	delete: {label: 'Delete', test: (_, key) => key.delete},
	space: {label: 'Space', test: (input, key) => input === ' ' && !key.ctrl},
};

const controlKey = /^ctrl\+([a-z])$/;

/** Whether a key name is one blogterm can read: a named key, Ctrl and a letter, or one printable character. */
export function isKeyName(name: string): boolean {
	return name in namedKeys || controlKey.test(name) || ([...name].length === 1 && !/[\u0000-\u0020\u007F-\u009F]/u.test(name));
}

/** How a key is written on screen: `↓`, `Space`, `Ctrl-S`, `G`. */
export function keyLabel(name: string): string {
	const control = controlKey.exec(name);
	if (control) return `Ctrl-${control[1]!.toUpperCase()}`;
	return namedKeys[name]?.label ?? name;
}

function keyMatches(name: string, input: string, key: KeyPress): boolean {
	const named = namedKeys[name];
	if (named) return named.test(input, key);
	const control = controlKey.exec(name);
	if (control) return key.ctrl && input === control[1];
	// A typed character (Alt with it too: blogterm binds no Alt-character, and Esc then `?` in one read is Esc, then `?`).
	return input === name && !key.ctrl;
}

/** A row's keys: each action's keys side by side ("↓/↑ j/k"), or the one action's keys ("Esc q"). */
function rowKeys(bindings: Record<Action, readonly string[]>, row: Row, join: (labels: string[]) => string): string {
	const lists = row.actions.map(action => bindings[action].map(keyLabel));
	const widest = Math.max(...lists.map(list => list.length));
	const columns: string[] = [];
	for (let index = 0; index < widest; index++) {
		const column = lists.map(list => list[index]).filter((label): label is string => label !== undefined);
		// Ctrl-W, Ctrl-U and Ctrl-K side by side: Ctrl-W/U/K.
		const allControl = column.length > 1 && column.every(label => /^Ctrl-.$/.test(label));
		columns.push(allControl ? `Ctrl-${column.map(label => label.slice(5)).join('/')}` : column.join('/'));
	}
	return join(columns);
}

export type HelpRow = {readonly keys: string; readonly what: string};
export type HelpGroup = {readonly screen: Screen; readonly title: string; readonly rows: readonly HelpRow[]};

export type HintOptions = {
	/** Actions that do nothing here now (no reply on a closed thread): not hinted. */
	readonly omit?: readonly Action[];
	/** Words about the screen put before the help hint ("Comments are closed."). */
	readonly notes?: readonly string[];
	/** Other words for a hint, by its row's first action (Enter in the Comment field: "new line"). */
	readonly words?: Partial<Record<Action, string>>;
	/** `? help` at the end (default true; not on the form, where `?` is typed). */
	readonly withHelp?: boolean;
};

export type KeyMap = {
	/** Whether this key press is one of the action's keys. */
	matches(action: Action, input: string, key: KeyPress): boolean;
	/** The action's keys, as written on screen (`['↓', 'j']`). */
	labels(action: Action): string[];
	/** One action's first key and some words: `r retry`. */
	hint(action: Action, words: string): string;
	/** The help's groups, in order: those the overlay shows, or (`all`) every row, for the README. */
	help(options?: {readonly all?: boolean}): HelpGroup[];
	/** The status line's hints for a screen in at most `width` columns: the most useful that fit, `? help` always last. */
	hints(screen: Screen, width: number, options?: HintOptions): string;
};

/** Default keys of every action (what `createKeyMap` changes). */
export const allActions = Object.keys(actions) as Action[];

export const defaultBindings: Readonly<Record<Action, readonly string[]>> = Object.fromEntries(allActions.map(action => [action, actions[action].keys as readonly string[]])) as Record<Action, readonly string[]>;

/** Each action's screen and one-line description. */
export function describeAction(action: Action): {readonly screen: Screen; readonly description: string} {
	return actions[action];
}

const separator = ' · ';

/**
 * The key map, with some actions bound to other keys (`{'next-post': ['J']}`). Key names must pass
 * `isKeyName`: checking the settings file and reporting a bad binding in words is the caller's part.
 */
export function createKeyMap(changes: Partial<Record<Action, readonly string[]>> = {}): KeyMap {
	const bindings: Record<Action, readonly string[]> = {...defaultBindings, ...changes};
	for (const [action, names] of Object.entries(changes)) {
		if (!(action in actions)) throw new Error(`There is no action called "${action}".`);
		for (const name of names ?? []) if (!isKeyName(name)) throw new Error(`"${name}" is not a key blogterm can read (for ${action}).`);
	}
	const hintText = (row: Row, words?: string) => `${rowKeys(bindings, row, columns => columns[0] ?? '')} ${words ?? row.hint ?? row.help}`;
	const width = (text: string) => [...text].length;
	return {
		matches: (action, input, key) => bindings[action].some(name => keyMatches(name, input, key)),
		labels: action => bindings[action].map(keyLabel),
		hint: (action, words) => `${keyLabel(bindings[action][0] ?? '')} ${words}`.trim(),
		help: ({all = false} = {}) => (Object.keys(rows) as Screen[])
			.map(screen => ({
				screen,
				title: screenTitles[screen],
				rows: rows[screen].filter(row => all || !row.notInOverlay).map(row => ({keys: rowKeys(bindings, row, columns => columns.join(' ')), what: row.help})),
			}))
			.filter(group => group.rows.length > 0),
		hints(screen, columns, options = {}) {
			const last = [...(options.notes ?? []), ...(options.withHelp === false ? [] : [hintText(rows.everywhere[0]!)])];
			const omit = new Set(options.omit ?? []);
			const candidates = rows[screen]
				.filter(row => row.hint !== undefined && !row.actions.some(action => omit.has(action)))
				.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
				.map(row => hintText(row, options.words?.[row.actions[0]!]));
			const chosen: string[] = [];
			const fits = (parts: string[]) => width([...parts, ...last].join(separator)) <= columns;
			for (const candidate of candidates) if (fits([...chosen, candidate])) chosen.push(candidate);
			// Most useful first; the notes and `? help` always, after them.
			return [...chosen, ...last].join(separator);
		},
	};
}

/** blogterm's keys as they are until the settings file changes them. */
export const defaultKeyMap: KeyMap = createKeyMap();

/** The README's keys table (Markdown), made from the map: `npm run docs:keys` writes it. */
export function keysTable(keyMap: KeyMap = defaultKeyMap): string {
	const lines = ['| where | keys |', '| --- | --- |'];
	for (const group of keyMap.help({all: true})) {
		const cells = group.rows.map(row => `${row.keys.split(' ').map(label => `\`${label}\``).join(' ')} ${row.what}`);
		lines.push(`| ${group.title.toLowerCase()} | ${cells.join(' · ').replaceAll('|', '\\|')} |`);
	}
	return lines.join('\n');
}
