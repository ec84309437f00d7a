import type {Comment} from '../../../source/model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../../source/model/comment-draft.js';
import type {Post} from '../../../source/model/post.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';

export const post: Post = {
	id: 25,
	title: 'Leave a comment here',
	link: 'https://blog.example/2024/02/12/leave-a-comment-here/',
	date: '2024-02-12T09:30:00',
	author: 'Ada Lovelace',
	commentCount: 2,
	excerpt: '',
	categories: [],
	tags: [],
	html: '<p>Say something.</p>',
	isSummaryOnly: false,
	commentsOpen: true,
};

export const dana: Comment = {
	id: 2,
	parent: 0,
	author: 'Dana',
	authorUrl: undefined,
	date: '2024-02-12T10:00:00',
	html: '<p>First!</p>',
	status: 'approved',
};

const unused = () => Promise.reject(new Error('not used by the comment form'));

/** A blog whose submitComment is `submit`; every comment sent is kept in `sent`. */
export function fakeSource(submit: (draft: CommentDraft) => Promise<CommentOutcome>): BlogSource & {sent: CommentDraft[]} {
	const sent: CommentDraft[] = [];
	return {
		description: 'test blog',
		site: {name: 'Test blog', description: '', url: 'https://blog.example/', key: 'blog.example'},
		fetchPostPage: unused,
		fetchPost: unused,
		fetchNeighbours: unused,
		fetchComments: unused,
		fetchRelated: unused,
		canComment: () => true,
		checkHeldComment: async () => Promise.resolve('unknown' as const),
		async submitComment(_post, draft) {
			sent.push(draft);
			return submit(draft);
		},
		sent,
	};
}
