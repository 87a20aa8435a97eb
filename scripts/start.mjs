// `npm start`: builds every package, then serves the demo shop on http://127.0.0.1:4173
// (PORT=… or `npm start -- --port …` to change it).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

console.log('Building Vitrine…');
const build = spawnSync(join('node_modules', '.bin', 'rollup'), ['-c', 'rollup.config.mjs', '--silent'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'examples/shop/server/main.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
