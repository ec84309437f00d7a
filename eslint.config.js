// ESLint over the whole tree: typescript-eslint's type-aware rules and React's rules of hooks.
// Every rule turned off or changed here says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', '.bench-results/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	reactHooks.configs.flat.recommended,
	{
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		rules: {
			// node:test's describe/it/test return promises that the runner itself awaits.
			'@typescript-eslint/no-floating-promises': ['error', {
				allowForKnownSafeCalls: [{from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite']}],
			}],
			// Matching control characters is this project's job: the cleaner removes them from everything the network sends.
			'no-control-regex': 'off',
			// `_name` marks a parameter or binding kept on purpose (a signature to honour, a value destructured away).
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	// Plain JavaScript build and bench scripts run on Node: its globals, and no type information.
	// (The spread's own languageOptions turns the project service off; the globals are merged into it, not put in its place.)
	{
		files: ['**/*.js', '**/*.mjs'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: {
			...tseslint.configs.disableTypeChecked.languageOptions,
			globals: {process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly'},
		},
	},
);
