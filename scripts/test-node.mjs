// Runs every `*.node.test.ts` under packages/*/test and examples/*/test with node:test (TypeScript
// through tsx). Prints `node: N passed, N failed` and, when VT_COUNTS_FILE is set, writes the
// counts there for scripts/test.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.node.test.ts')) out.push(p);
  }
  return out;
}

const files = ['packages', 'examples'].flatMap((root) =>
  existsSync(root) ? readdirSync(root).flatMap((d) => find(join(root, d, 'test'))) : [],
);
const tap = join(mkdtempSync(join(tmpdir(), 'vt-node-')), 'results.tap');
let passed = 0;
let failed = 0;
if (files.length > 0) {
  const run = spawnSync(
    process.execPath,
    [
      // Resolve @vitrine/* to their TypeScript sources, as the browser tests do.
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  if (run.status !== 0 && failed === 0) failed = 1; // crashed before reporting
}
if (process.env.VT_COUNTS_FILE) writeFileSync(process.env.VT_COUNTS_FILE, JSON.stringify({ passed, failed }));
console.log(`node: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
