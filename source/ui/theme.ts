// The reader's colours are the one theme's (render/theme.ts), shared with print mode: a live binding,
// so the theme chosen at start-up is the one every view reads when it draws.
export {theme} from '../render/theme.js';
