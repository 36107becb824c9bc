// Lint rules, including the layer boundaries of ARCHITECTURE: the core stays pure
// (no Electron, React or DOM), the renderer stays out of Node and SQL.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const coreBans = {
  paths: [
    { name: 'electron', message: 'core/ is pure: Electron belongs in electron/ (the shell).' },
    { name: 'react', message: 'core/ is pure: React belongs in renderer/.' },
    { name: 'react-dom', message: 'core/ is pure: React belongs in renderer/.' },
  ],
  patterns: [
    { group: ['electron/*', 'react/*', 'react-dom/*'], message: 'core/ is pure: no UI or shell.' },
    { group: ['**/renderer/**', '**/electron/**'], message: 'core/ may not import the hosts.' },
  ],
};

const rendererBans = {
  paths: [
    { name: 'better-sqlite3', message: 'renderer/ talks to core/ only through the api client.' },
    { name: 'kysely', message: 'renderer/ has no SQL: call the api client instead.' },
    { name: 'electron', message: 'renderer/ reaches the shell only through the preload bridge.' },
    { name: 'fs', message: 'renderer/ runs in a browser: no Node modules.' },
    { name: 'path', message: 'renderer/ runs in a browser: no Node modules.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'renderer/ runs in a browser: no Node modules.' },
    {
      group: ['**/core/db/**', '**/core/crm/**', '**/core/planning/**', '**/core/scoring/**'],
      message: 'renderer/ may import only core/api types and core/shared helpers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'native',
      'test-results',
      'playwright-report',
      'bench/results',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['core/**/*.ts', 'migrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreBans] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererBans],
    },
  },
  {
    // Scripts, benchmarks, the CLI and tests talk to a terminal on purpose.
    files: ['scripts/**', 'bench/**', 'hosts/cli/**', 'test/**', '*.mjs', '*.ts', '*.mts'],
    rules: { 'no-console': 'off' },
  },
);
