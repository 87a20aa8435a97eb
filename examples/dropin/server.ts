/**
 * The drop-in example: `node --import tsx examples/dropin/server.ts [--port N]` (after
 * `npm run build`). Serves the Start Bootstrap "Shop Item" page from node_modules with the
 * Vitrine tags and one script added; `?plain=1` shows the page as published.
 */
import { startDropin } from './server/dropin-server.js';

function portFromArgs(): number {
  const flag = process.argv.indexOf('--port');
  const raw = flag >= 0 ? process.argv[flag + 1] : process.env['PORT'];
  const port = Number(raw ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`dropin: port must be an integer from 0 to 65535, got "${raw}"`);
    process.exit(2);
  }
  return port;
}

const port = portFromArgs();
const dropin = await startDropin({ port }).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE' ? `dropin: port ${port} is taken; pick another with --port` : error,
  );
  process.exit(1);
});
const { name, version, license } = dropin.template;
console.log(`Vitrine drop-in on ${name}@${version} (${license}): ${dropin.url}`);
console.log(`The page as published, without Vitrine: ${dropin.url}?plain=1`);
const stop = () => void dropin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
