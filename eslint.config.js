import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test/fixtures/', 'demo/branding/', 'examples/*/branding/', 'src/config/validators.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The plugin API is untyped JavaScript by nature; `unknown` is preferred, `any` stays visible.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Pexip's typed client is for the tests (its validators judge the wire); the shipped code
    // speaks to Infinity through its own REST client (src/conference/infinity/rest.ts).
    files: ['src/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@pexip/infinity-api', message: 'A devDependency: the runtime uses src/conference/infinity/rest.ts.' }],
          patterns: [{ group: ['@pexip/infinity-api/*'], message: 'A devDependency: the runtime uses src/conference/infinity/rest.ts.' }],
        },
      ],
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`) read as bare expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'tools/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The examples' tests run in the browser under Mocha (web-test-runner).
    files: ['examples/*/test/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
);
