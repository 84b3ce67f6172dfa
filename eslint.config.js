// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint encodes the dependency rule (docs/ARCHITECTURE.md):
 * - shared/ is pure domain: no other package of ours, no Node API, no DOM (its tsconfig has no DOM lib).
 * - client UI and use cases never import adapters; only client/src/main.ts and worker entry
 *   points wire them. The same holds for the sync-server.
 */
const nodeBuiltins = [
  'fs',
  'path',
  'crypto',
  'http',
  'https',
  'net',
  'os',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'util',
  'buffer',
  'events',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'models/artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': 'allow-with-description', 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Name what a module exports: no `export *`.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.e2e.ts', '**/*.contract.ts'],
    rules: {
      // Tests assert on values they just checked exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name="only"]',
          message: 'No stray .only in tests.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node API.' })),
          patterns: [
            { group: ['@tirelire/*'], message: 'shared/ imports no other package of ours.' },
            { group: ['node:*'], message: 'shared/ is pure: no Node API.' },
            {
              group: ['rxdb*', 'dexie', 'ioredis', 'uWebSockets.js', 'preact*', 'comlink'],
              message: 'shared/ is pure domain: no adapters or UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'localStorage', message: 'shared/ does no I/O.' },
        { name: 'fetch', message: 'shared/ does no I/O.' },
        { name: 'setTimeout', message: 'Inject time: shared/ never schedules.' },
        { name: 'process', message: 'shared/ has no Node API.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject a Clock.' },
        { object: 'Math', property: 'random', message: 'Inject a RandomSource.' },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts', 'client/src/**/*.tsx'],
    ignores: [
      'client/src/main.ts',
      'client/src/**/main.ts',
      'client/src/adapters/**',
      'client/src/**/*.test.ts',
      'client/src/**/*.test.tsx',
      'client/src/**/*.contract.ts',
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', 'rxdb*', 'dexie', 'fake-indexeddb*'],
              message: 'Only main.ts wires adapters; UI and use cases use ports.',
            },
            {
              group: ['@tirelire/sync-server', '@tirelire/models'],
              message: 'The client talks to the server over the network only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/ui/**/*.ts', 'client/src/ui/**/*.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'UI reads time through the app clock.' },
      ],
    },
  },
  {
    files: ['sync-server/src/**/*.ts'],
    ignores: [
      'sync-server/src/main.ts',
      'sync-server/src/adapters/**',
      'sync-server/src/**/*.test.ts',
      'sync-server/src/**/*.contract.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', 'ioredis', 'uWebSockets.js'],
              message: 'Only main.ts wires adapters; the core uses ports.',
            },
            {
              group: ['@tirelire/client', '@tirelire/models'],
              message: 'The server shares code only through @tirelire/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'sync-server/**/*.ts',
      'models/**/*.ts',
      'client/bench/**/*.ts',
      'vite.config.ts',
      'vitest.config.ts',
      'client/e2e/**/*.ts',
      '.ci/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
