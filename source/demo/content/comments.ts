import type {DemoCommentSource} from './types.js';

/*
 * The comments already on the demo blog, all approved.
 *
 * Try both outcomes of leaving a comment (WordPress's "Comment author must have a previously
 * approved comment" rule, which matches the name AND the email of an earlier approved comment):
 *   - Name "Robin Reader", email "reader@example.com": published at once.
 *   - Any other name or email: held for moderation ("Your comment is awaiting moderation.").
 */
export const seededApprovedCommenter = {name: 'Robin Reader', email: 'reader@example.com'} as const;

const robin = {authorName: seededApprovedCommenter.name, authorEmail: seededApprovedCommenter.email, authorUrl: ''};
const maren = {authorName: 'Maren Holt', authorEmail: 'maren@terminal-gardener.example', authorUrl: ''};
const ilya = {authorName: 'Ilya Brandt', authorEmail: 'ilya@terminal-gardener.example', authorUrl: ''};
const priya = {authorName: 'Priya N.', authorEmail: 'priya@example.org', authorUrl: 'https://priya.example.org/'};
const jonah = {authorName: 'Jonah Fieldfare', authorEmail: 'jonah@example.net', authorUrl: ''};
const dana = {authorName: 'Dana', authorEmail: 'dana@example.com', authorUrl: 'https://dana.example.com/garden/'};

export const seededComments: readonly DemoCommentSource[] = [
	// Hello from the Potting Bench
	{id: 1, post: 'hello-from-the-potting-bench', parent: 0, ...robin, date: '2024-09-02 12:10', content: 'A blog about tomatoes and tmux. I did not know I needed this, but I did. Subscribed.'},
	{id: 2, post: 'hello-from-the-potting-bench', parent: 1, ...maren, date: '2024-09-02 18:30', content: 'Welcome, Robin! The first reader. There will be a lot of tomatoes.'},
	{id: 3, post: 'hello-from-the-potting-bench', parent: 0, ...dana, date: '2024-09-03 08:05', content: 'Is the shed laptop the same one that runs the watering? Asking because mine would definitely spill tea on it.'},
	{id: 4, post: 'hello-from-the-potting-bench', parent: 3, ...ilya, date: '2024-09-03 09:40', content: 'No, the watering runs on a Raspberry Pi in the greenhouse. The laptop only watches. Tea has been spilled on both.'},

	// Watering Schedules with cron
	{id: 5, post: 'watering-schedules-with-cron', parent: 0, ...priya, date: '2024-09-05 19:20', content: 'Why cron and not a systemd timer? Timers would catch up a missed run if the Pi was off at 6:30.'},
	{id: 6, post: 'watering-schedules-with-cron', parent: 5, ...maren, date: '2024-09-05 21:00', content: 'Good point, and I may switch. Although a watering that runs three hours late, in full sun, is arguably worse than one that does not run at all.'},
	{id: 7, post: 'watering-schedules-with-cron', parent: 6, ...priya, date: '2024-09-06 07:15', content: 'Fair. Persistent=false, then, and a message when it was skipped.'},
	{id: 8, post: 'watering-schedules-with-cron', parent: 7, ...ilya, date: '2024-09-06 08:02', content: 'Adding that to the list. The list is getting long.'},
	{id: 9, post: 'watering-schedules-with-cron', parent: 0, ...robin, date: '2024-09-07 10:45', content: 'The trap that closes the valve is the best line in the post.\n\nI learned that one the wet way too.'},

	// A Field Guide to the Terminal Garden
	{id: 10, post: 'a-field-guide-to-the-terminal-garden', parent: 0, ...jonah, date: '2024-11-04 13:30', content: 'Printed this and pinned it up in the shed. The bit about not walking on wet soil applies to production servers too.'},
	{id: 11, post: 'a-field-guide-to-the-terminal-garden', parent: 10, ...maren, date: '2024-11-04 17:55', content: 'Especially on a Friday afternoon.'},
	{id: 12, post: 'a-field-guide-to-the-terminal-garden', parent: 11, ...jonah, date: '2024-11-04 18:20', content: 'Nothing good has ever been deployed on a Friday afternoon. Or sown, come to that.'},
	{id: 13, post: 'a-field-guide-to-the-terminal-garden', parent: 0, ...priya, date: '2024-11-05 08:40', content: 'You missed a tool: the kneeling pad. In terminal terms, a good chair.'},
	{id: 14, post: 'a-field-guide-to-the-terminal-garden', parent: 13, ...robin, date: '2024-11-05 09:10', content: 'And a second monitor is a cold frame: optional, but once you have one you wonder how you managed.'},
	{id: 15, post: 'a-field-guide-to-the-terminal-garden', parent: 0, ...dana, date: '2024-11-06 20:00', content: 'Lovely guide. One question: how deep do you put the garlic? The post says a finger, but whose finger?'},

	// Harvest Spreadsheet? Try awk
	{id: 16, post: 'harvest-spreadsheet-try-awk', parent: 0, ...robin, date: '2024-10-08 07:50', content: 'Nineteen kilos of Black Krim from how many plants?'},
	// A pingback: another blog linked here. WordPress counts it with the comments; its REST API lists it to no visitor.
	{id: 25, post: 'harvest-spreadsheet-try-awk', parent: 0, type: 'pingback', authorName: 'Allotment Almanac &raquo; Weighing the harvest with awk', authorEmail: '', authorUrl: 'https://allotment-almanac.example/2024/10/weighing-with-awk/', date: '2024-10-09 10:00', content: '[&#8230;] Maren weighs her harvest with awk, and so do we now [&#8230;]'},
	{id: 17, post: 'harvest-spreadsheet-try-awk', parent: 16, ...maren, date: '2024-10-08 12:00', content: 'Four. They were very happy plants.'},

	// Notes from the Winter Shed (comments closed; the thread stays readable)
	{id: 18, post: 'notes-from-the-winter-shed', parent: 0, ...jonah, date: '2024-12-02 17:30', content: 'Linseed oil and paraffin. I can smell this post from here.'},
	{id: 19, post: 'notes-from-the-winter-shed', parent: 18, ...dana, date: '2024-12-02 19:05', content: 'Add apples and it is every shed I have ever loved.'},
	{id: 20, post: 'notes-from-the-winter-shed', parent: 19, ...maren, date: '2024-12-02 21:40', content: 'The apples are Bramleys, and they are nearly gone. Crumble season.'},

	// Shell History as a Garden Diary
	{id: 21, post: 'shell-history-as-a-garden-diary', parent: 0, ...priya, date: '2025-01-28 08:30', content: 'histappend saved me so many times. Also try HISTCONTROL=ignorespace so you can keep a command out of the diary.'},
	{id: 22, post: 'shell-history-as-a-garden-diary', parent: 21, ...robin, date: '2025-01-28 10:15', content: 'The garden equivalent of not writing down the day you forgot to close the greenhouse door.'},

	// The Committee's Compost Recipe (password-protected: this thread is not given out without the password)
	{id: 24, post: 'the-committee-compost-recipe', parent: 0, ...robin, date: '2024-11-02 16:40', content: 'The chair\'s opinions are the secret ingredient. Every heap needs some heat.'},

	// Greenhouse Heater Alerts
	{id: 23, post: 'greenhouse-heater-alerts', parent: 0, ...robin, date: '2024-12-20 09:00', content: 'Three in the morning is when all real alerts fire. It is a law.'},
];
