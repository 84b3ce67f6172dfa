import { defineConfig } from 'vitest/config';

// One runner, four projects. e2e runs separately, after `vite build` (see package.json).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // A few tests generate 100k-operation ledgers; a loaded 2-core CI box needs the room.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'client',
          root: './client',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sync-server',
          root: './sync-server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // Integration tests share one real Redis; run files one after another.
          fileParallelism: false,
          testTimeout: 20_000,
        },
      },
      {
        // The client's sync stack against the real server hub and stores (integration/README.md).
        test: {
          name: 'integration',
          root: './integration',
          // Each simulated device loads its own copy of RxDB (sync-world.ts), as each real device
          // has its own JavaScript realm; that needs RxDB transformed by vitest, not by Node.
          server: { deps: { inline: [/rxdb/] } },
          include: ['**/*.test.ts'],
          environment: 'node',
          // Shares the machine's Redis with the sync-server project; one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'models',
          root: './models',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Suites over the reference material in ../shared (beside the checkout, not in it):
        // `npm run test:conformance`, which CI runs when that folder exists.
        test: {
          name: 'conformance',
          root: '.',
          include: ['*/src/**/*.conformance.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: './client',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
