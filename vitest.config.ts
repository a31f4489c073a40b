// Two projects: "unit" is the existing tests (tests/*.test.ts and any other *.test.ts, run as
// before), "browser" is tests/browser/, whose global setup builds and serves the site (only when
// a browser test file is selected, e.g. `npx vitest run tests/browser`).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Several tests run the command-line tools as child processes; on a busy 2-core machine
          // one tsx start can take seconds.
          testTimeout: 60_000,
          exclude: [...configDefaults.exclude, 'tests/browser/**', 'dist/**', '.test-dist/**', '**/*.build-tmp/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
