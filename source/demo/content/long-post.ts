import {blocks, bullets, codeBlock, heading, image, numbered, paragraphs, quote} from './html.js';
import type {DemoPostSource} from './types.js';

// The long post: many screens at 80×24, with every kind of element a reader has to render.

export const longPost: DemoPostSource = {
	id: 59,
	slug: 'a-field-guide-to-the-terminal-garden',
	date: '2024-11-04 08:00',
	title: 'A Field Guide to the Terminal Garden',
	author: 1,
	categories: ['command-line', 'garden-notes'],
	tags: ['shell', 'tmux', 'vim', 'git', 'soil', 'compost'],
	jetpackRelated: ['a-tmux-layout-for-garden-chores', 'version-controlled-planting-plans', 'compost-is-a-queue', 'watering-schedules-with-cron'],
	html: blocks(
		paragraphs(
			'Two months into this blog, people have started asking the same question in different words: <em>where do I start?</em> Some mean the garden, some mean the command line, and a surprising number mean both. This is the long answer, the one I would give over a mug of tea in the shed if you had an afternoon to spare. It is organised like a field guide: first the ground, then the tools, then the seasons, and finally the habits that hold it all together.',
			'Nothing here is the only way. It is simply what has worked on one allotment, with one old laptop, for a few years. Take what is useful and compost the rest.',
		),
		image('/wp-content/uploads/2024/11/allotment-path.jpg', 'A narrow grass path between raised beds, with a wooden shed and a water butt at the far end', 'The allotment in early November, the morning this guide was started.'),
		heading(2, 'Part one: the ground'),
		paragraphs(
			'Everything starts with soil, in the garden and, oddly, at the keyboard. The soil of a computer is its filesystem and its shell: the medium in which everything else grows. If it is compacted, waterlogged or full of old roots, nothing you plant will thrive, however good the seed.',
		),
		heading(3, 'Know what you have'),
		paragraphs(
			'Before you add anything, dig a test hole. In the garden, that means a spade\'s depth of soil in your hand: squeeze it. Sand falls apart, clay holds a shiny sausage, good loam crumbles. On a computer, the test hole is a handful of commands that tell you what you are standing on:',
		),
		codeBlock('uname -a          # which kernel, which machine\necho "$SHELL"     # which shell you log in with\ndf -h             # how much room is left, and where\nls -la ~          # what is already growing in your home directory'),
		paragraphs(
			'Write the answers down. You will be surprised, six months from now, how much you have forgotten about a machine you use every day. I keep mine at the top of <code>~/NOTES</code>, which is the first file I open on any new machine and the last one I back up when I leave it.',
		),
		heading(3, 'Improve it slowly'),
		paragraphs(
			'Heavy clay is improved by adding organic matter every year, not by one heroic dig. The same goes for a shell setup. Resist the urge to copy someone else\'s three-hundred-line configuration on the first evening. You will not understand it, and you will not be able to fix it when it breaks. Add one line at a time, each one because you needed it, and leave a comment saying why.',
		),
		bullets(
			'<strong>Add organic matter:</strong> aliases and small functions for things you actually type every day.',
			'<strong>Do not walk on wet soil:</strong> do not edit your shell configuration in a hurry, in the middle of something else.',
			'<strong>Mulch:</strong> keep your configuration in version control, so that a bad change can be rolled back.',
			'<strong>Feed the soil life:</strong> read the manual pages of the tools you use most; they repay the attention many times over.',
		),
		heading(2, 'Part two: the tools'),
		paragraphs(
			'A gardener needs surprisingly few tools, and so does a person at a terminal. What matters is that each one is good, sharp, and kept where you can find it. Here is the shed inventory, in order of how often I reach for each.',
		),
		heading(3, 'The spade and the fork: a shell and an editor'),
		paragraphs(
			'The shell is the spade: it is how you move anything at all. Whether it is bash, zsh or fish matters less than people say. Learn the one you have, properly, before you change. Learn <em>history search</em> (Ctrl-R), learn to move by word, learn what <code>!!</code> and <code>!$</code> mean. These pay for themselves in a week.',
			'The editor is the fork: for turning things over and working them in. I use Vim, because it is on every machine I will ever sit at and because my fingers learned it a long time ago. If you are starting now, any editor that opens quickly in a terminal is fine. The important thing is that writing a note or fixing a file is never more than a second away.',
		),
		heading(3, 'The wheelbarrow: tmux'),
		paragraphs(
			'A wheelbarrow lets you carry more than you can hold and put it down without losing it. That is tmux: sessions that survive disconnection, windows you can return to, panes side by side. The layout I use every day is described in <a href="/2024/09/30/a-tmux-layout-for-garden-chores/">an earlier post</a>, and the <a href="https://github.com/tmux/tmux/wiki">tmux wiki</a> is the best place to learn the rest.',
		),
		heading(3, 'The notebook: plain text and git'),
		paragraphs(
			'Every gardener who has ever succeeded kept notes. Mine are plain text files in a git repository, because plain text will still open in fifty years and git remembers everything I change. The planting plan, the harvest log, the seed list and the lessons file all live there. See <a href="/2024/10/14/version-controlled-planting-plans/">version-controlled planting plans</a> for how the rotation falls out of a diff.',
		),
		heading(3, 'The small tools'),
		paragraphs('Then there are the hand tools, each small, each doing one thing well. In rough order of usefulness:'),
		numbered(
			'<code>grep</code>, the hand fork: finds the line you want in any file.',
			'<code>awk</code>, the dibber: makes neat holes in columns of data. See <a href="/2024/10/07/harvest-spreadsheet-try-awk/">the harvest post</a>.',
			'<code>sort</code> and <code>uniq</code>, the sieve: separates the lumps from the fine stuff.',
			'<code>cron</code> and systemd timers, the water butt: they do the same thing every day so you do not have to remember.',
			'<code>rsync</code>, the wheelbarrow for data: moves things from one place to another, and only the things that changed.',
		),
		quote(
			'Buy the best tool you can afford, keep it clean, keep it sharp, and put it back where you found it. Everything else is detail.',
			'my grandfather, on the subject of spades, and by extension everything',
		),
		heading(2, 'Part three: the seasons'),
		paragraphs(
			'A garden has a calendar and so, it turns out, does a computer. Not literally, but the work falls into phases, and each phase wants a different kind of attention. Here is the year as I divide it, with what to do in each season both outside and at the keyboard.',
		),
		heading(3, 'Spring: sowing and setting up'),
		bullets(
			'In the garden:<ul><li>Sow under cover from late February: chillies, tomatoes, early brassicas.</li><li>Direct sow from April, once the soil is warm enough to sit on comfortably.</li><li>Harden off the seedlings for a week before they go out.</li></ul>',
			'At the keyboard:<ul><li>Start new projects, try new tools, set up the automation for the season.</li><li>Check that the watering timer still works <em>before</em> the first hot day.</li></ul>',
		),
		heading(3, 'Summer: watching and picking'),
		paragraphs(
			'In summer the garden mostly grows itself, and your job is to notice things early: the first aphids, the first split tomato, the bed that is drying out faster than the others. This is when logs earn their keep. A line a day in a plain file, and by August you can answer questions that would otherwise be guesses.',
			'At the keyboard, summer is for using what you set up in spring. Resist the urge to rebuild it. If it works, it works; write down what annoys you and fix it in winter.',
		),
		heading(3, 'Autumn: clearing and mulching'),
		paragraphs(
			'Clear the spent crops, but leave the roots. Cover every bare bed. Plant garlic. Empty the oldest compost bay onto the beds. At the keyboard, this is the season for cleaning up: delete the experiments that did not work, prune the dead branches in your repositories, and make sure the backups are running and, more importantly, restorable.',
		),
		heading(3, 'Winter: planning and sharpening'),
		paragraphs(
			'Winter is for the shed. Oil the tools, sort the seeds, read the year\'s log and write down the lessons. Plan next year\'s beds. At the keyboard, it is for the maintenance that never happens in summer: sharpen your scripts, read a manual end to end, simplify something. The garden is asleep, so you have time to think.',
		),
		image('/wp-content/uploads/2024/11/seed-envelopes.jpg', 'Brown paper seed envelopes labelled in pencil, sorted into a shoebox by month'),
		heading(2, 'Part four: habits'),
		paragraphs(
			'None of the above matters without habits. Tools and techniques are easy to acquire; the habit of using them, gently and every day, is the hard part. Here are the ones that have stuck.',
		),
		heading(3, 'Ten minutes a day'),
		paragraphs(
			'The single most useful habit: a short, daily walk round the garden, and a short, daily look at the machines. Ten minutes catches almost every problem while it is still small. The slug damage on one lettuce, the disk that is filling up, the valve that did not close. Big problems are almost always small problems that nobody looked at.',
		),
		heading(3, 'Write it down'),
		paragraphs(
			'If it is not written down, it did not happen, or rather, it happened and you will not remember it. One line, every evening, in a file. It takes less time than reading this paragraph. Over a year it becomes the most valuable thing you own, in the garden and out of it. If opening an editor is too much friction, use a tiny script like <a href="/2024/10/21/writing-a-tiny-plant-journal-cli/">jot</a>.',
		),
		heading(3, 'Leave it better'),
		paragraphs(
			'Every time you touch something, leave it a little better than you found it. Pull one weed on the way past. Fix one typo in the comment while you are in the file. Put the spade back clean. These tiny improvements compound the way compost does: slowly, invisibly, and then one spring you notice that the soil is wonderful.',
		),
		heading(2, 'Further reading'),
		paragraphs('A few places to go next, on both sides of the shed door:'),
		bullets(
			'<a href="https://www.gnu.org/software/bash/manual/">The Bash Reference Manual</a>, which is better written than its reputation suggests.',
			'<a href="https://www.rhs.org.uk/advice">The Royal Horticultural Society\'s advice pages</a>, for almost any question about growing anything.',
			'<a href="https://git-scm.com/book/en/v2">Pro Git</a>, free to read, for when version control stops being mysterious.',
			'This blog\'s <a href="/category/garden-notes/">garden notes</a> and <a href="/category/command-line/">command-line</a> archives, and the <a href="/feed/">RSS feed</a> if you would like the next post to find you.',
		),
		paragraphs(
			'That is the field guide. It will be out of date in places by next year, which is as it should be: a garden that stopped changing would be a car park. Leave a comment if you think I have missed something important, or if you have a better spade.',
		),
	),
};
