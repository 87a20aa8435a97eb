// The demo shop for `npm run audit`, in its own process so that the audit's own work (Lighthouse
// computes its reports in Node) never delays the shop's answers and skews what is measured.
// Run as `node --import tsx scripts/audit/shop.mjs`: prints `{"url": …}` on one line once it
// listens on 127.0.0.1, keeps its data in a temporary folder, and closes the shop and removes the
// folder when its parent closes stdin or sends SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startShop } from '../../examples/shop/server/shop-server.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'vt-audit-shop-'));
const shop = await startShop({ port: 0, host: '127.0.0.1', dataDir });
process.stdout.write(`${JSON.stringify({ url: shop.url })}\n`);

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await shop.close().catch((error) => console.error('audit shop: close failed:', error));
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent died or is done: do not outlive it.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
