import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countReporter } from './scripts/count-reporter.mjs';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';

/** Browser tests: every `packages/* /test/**\/*.test.ts` except Node-only `*.node.test.ts`, in Debian's Chromium. */
export default {
  rootDir: '.',
  files: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', '!**/*.node.test.ts'],
  // `source` resolves @vitrine/* to their TypeScript sources (see each package's `exports`).
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
