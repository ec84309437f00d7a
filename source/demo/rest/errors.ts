import type {Json} from './context.js';

/** A refusal, as WordPress's WP_Error becomes JSON. */
export class RestError extends Error {
	/** The methods the route takes, when WordPress got as far as the route's own code before refusing. */
	allow?: string;

	constructor(readonly status: number, readonly code: string, message: string, readonly extra: Json = {}) {
		super(message);
	}

	toBody(): Json {
		return {code: this.code, message: this.message, data: {status: this.status, ...this.extra}};
	}
}

export function invalidParam(param: string, message: string, code: string): RestError {
	return new RestError(400, 'rest_invalid_param', `Invalid parameter(s): ${param}`, {
		params: {[param]: message},
		details: {[param]: {code, message, data: null}},
	});
}

export const cannotReadPost = () => new RestError(401, 'rest_cannot_read_post', 'Sorry, you are not allowed to read the post for this comment.');

export const noRoute = () => new RestError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
