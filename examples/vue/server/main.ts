import { startVueExample } from './example-server.js';

const flag = process.argv.indexOf('--port');
const raw = flag >= 0 ? process.argv[flag + 1] : process.env['PORT'];
const port = Number(raw ?? 4181);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`example:vue: port must be an integer from 0 to 65535, got "${raw}"`);
  process.exit(2);
}
const source = !process.argv.includes('--dist');
const server = await startVueExample({ port, source }).catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `example:vue: port ${port} is taken; add --port 4182` : error);
  process.exit(1);
});
console.log(`Vitrine with Vue 3: ${server.url}  (bundled from ${source ? 'sources' : 'dist/'})`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
