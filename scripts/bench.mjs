// `npm run bench`: runs every packages/*/bench/*.bench.ts in its own Node process (TypeScript via
// tsx, sources via the `source` condition). Each benchmark prints its figures as ratios against a
// baseline it measures in the same run. Benchmarks assert nothing about time; they are not tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const files = readdirSync('packages')
  .map((p) => join('packages', p, 'bench'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => join(dir, f)),
  )
  .filter((f) => !only || f.includes(only));
if (files.length === 0) {
  console.error(only ? `bench: no benchmark matches "${only}"` : 'bench: no benchmarks found');
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', file], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
