// `npm test`: every check the project has, in order, continuing past failures so one run shows
// everything. The last line is `tests: N passed, N failed`, counting each check step and each
// node:test and browser test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'vt-test-'));
const bin = (name) => join('node_modules', '.bin', name);

const steps = [
  { name: 'typecheck', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  // The framework examples (TSX, Vue) against the declarations generated for them.
  { name: 'typecheck react example', cmd: [bin('tsc'), '-p', 'examples/react/tsconfig.json', '--noEmit'] },
  { name: 'typecheck vue example', cmd: [bin('tsc'), '-p', 'examples/vue/tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: [bin('eslint'), '.', '--max-warnings', '0'] },
  { name: 'format', cmd: [bin('prettier'), '--check', '--log-level', 'warn', '.'] },
  { name: 'docs', cmd: [process.execPath, 'scripts/docs.mjs', '--check'] },
  // After docs, which writes the custom elements manifest the declarations come from.
  { name: 'framework types', cmd: [process.execPath, 'scripts/framework-types.mjs', '--check'] },
  { name: 'build', cmd: [bin('rollup'), '-c', 'rollup.config.mjs', '--silent'] },
  { name: 'size', cmd: [process.execPath, 'scripts/size.mjs'] },
  { name: 'node tests', cmd: [process.execPath, 'scripts/test-node.mjs'], counts: join(tmp, 'node.json') },
  {
    name: 'browser tests',
    cmd: [bin('wtr'), '--config', 'web-test-runner.config.mjs'],
    counts: join(tmp, 'browser.json'),
  },
  // Every story, in both languages and themes: renders, no uncaught error, no axe violation.
  { name: 'stories', cmd: [process.execPath, 'scripts/stories.mjs'], counts: join(tmp, 'stories.json') },
];

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...(step.counts ? { VT_COUNTS_FILE: step.counts } : {}), FORCE_COLOR: '0' },
  });
  const ok = run.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (step.counts) {
    const counts = existsSync(step.counts)
      ? JSON.parse(readFileSync(step.counts, 'utf8'))
      : { passed: 0, failed: 1 };
    passed += counts.passed;
    failed += counts.failed;
    if (!ok && counts.failed === 0) failed++; // the runner itself failed
  } else if (ok) passed++;
  else failed++;
  if (!ok) failedSteps.push(step.name);
}

if (failedSteps.length) console.log(`\nfailed: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
