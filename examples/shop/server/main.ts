import { startShop } from './shop-server.js';

function portFromArgs(): number {
  const flag = process.argv.indexOf('--port');
  const raw = flag >= 0 ? process.argv[flag + 1] : process.env['PORT'];
  const port = Number(raw ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`shop: port must be an integer from 0 to 65535, got "${raw}"`);
    process.exit(2);
  }
  return port;
}

const shop = await startShop({ port: portFromArgs() }).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `shop: port ${portFromArgs()} is taken; start with PORT=4174 npm start or npm start -- --port 4174`
      : error,
  );
  process.exit(1);
});
console.log(`Vitrine demo shop: ${shop.url}  (中文: ${shop.url}?lang=zh-CN)`);
const stop = () => void shop.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
