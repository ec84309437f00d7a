import type {DemoTerm, DemoUser} from './types.js';

export const siteName = 'The Terminal Gardener';
export const siteDescription = 'Command-line tools and the patient art of growing things';

export const demoUsers: readonly DemoUser[] = [
	{id: 1, name: 'Maren Holt', slug: 'maren', description: 'Grows tomatoes, writes shell scripts, and keeps both under version control.'},
	{id: 2, name: 'Ilya Brandt', slug: 'ilya', description: 'Solders sensors to things that were perfectly happy without them.'},
];

const category = (id: number, name: string, slug: string, description = ''): DemoTerm =>
	({id, name, slug, description, taxonomy: 'category'});
const tag = (id: number, name: string, slug = name): DemoTerm =>
	({id, name, slug, description: '', taxonomy: 'post_tag'});

export const demoCategories: readonly DemoTerm[] = [
	category(1, 'Uncategorized', 'uncategorized'),
	category(2, 'Command Line', 'command-line', 'Shells, pipes and small programs.'),
	category(3, 'Garden Notes', 'garden-notes', 'What grew, what did not, and why.'),
	category(4, 'Tools', 'tools', 'Editors, multiplexers, spades and secateurs.'),
	category(5, 'Workshop', 'workshop', 'Sensors, single-board computers and solder.'),
	category(6, 'Seasons', 'seasons', 'The garden calendar.'),
	category(7, 'Miscellany', 'miscellany'),
];

export const demoTags: readonly DemoTerm[] = [
	tag(10, 'shell'),
	tag(11, 'scripts'),
	tag(12, 'git'),
	tag(13, 'tmux'),
	tag(14, 'vim'),
	tag(15, 'awk'),
	tag(16, 'automation'),
	tag(17, 'logging'),
	tag(18, 'notes'),
	tag(19, 'backups'),
	tag(20, 'Raspberry Pi', 'raspberry-pi'),
	tag(21, 'sensors'),
	tag(22, 'watering'),
	tag(23, 'soil'),
	tag(24, 'compost'),
	tag(25, 'seeds'),
	tag(26, 'tomatoes'),
	tag(27, 'herbs'),
	tag(28, 'pruning'),
	tag(29, 'winter'),
	tag(30, 'pests'),
	tag(31, 'beekeeping'),
	tag(32, 'hive diary', 'hive-diary'),
];
