import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'service/src/**/*.test.ts',
            'service/test/**/*.test.ts',
            'visual/test/**/*.test.ts',
            'visual/src/**/*.test.ts',
            'preview/src/**/*.test.ts',
            'preview/test/**/*.test.ts',
            'tests/unit/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
