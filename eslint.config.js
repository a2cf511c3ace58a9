// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Personal-data tables may be imported only by the access choke point (DESIGN §4). */
const personalSchemaBoundary = {
  patterns: [
    {
      group: ['**/db/personal.schema', '**/db/personal.schema.ts', '**/personal.schema', '**/personal.schema.ts'],
      message:
        'Bara src/access/ får importera personuppgiftstabellerna. Gå via den avgränsade repositoryn (runScoped). / Only src/access/ may import the personal-data tables.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['packages/server/src/**/*.ts', 'packages/server/test/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['packages/server/src/access/**', 'packages/server/src/db/personal.schema.ts'],
    rules: { 'no-restricted-imports': ['error', personalSchemaBoundary] },
  },
);
