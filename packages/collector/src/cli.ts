/// <reference types="node" />
// `vitrine`: the collector's command line.
//
//   vitrine serve [--db events.duckdb] [--port 8787] [--host 127.0.0.1] [--origin URL]... [--site KEY]...
//
// `serve` prints `listening on <url>` once it accepts requests and stops cleanly on SIGINT/SIGTERM
// (what was acknowledged is already in the file; a kill -9 loses nothing acknowledged either).
import { parseArgs } from 'node:util';
import { createCollector } from './server.js';
import { openDuckDBStore } from './duckdb-store.js';

const USAGE = `usage: vitrine serve [--db events.duckdb] [--port 8787] [--host 127.0.0.1] [--origin URL]... [--site KEY]...`;

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string', default: 'events.duckdb' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true },
      site: { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port} is not a port`);
  const store = await openDuckDBStore(values.db);
  const collector = createCollector({
    store,
    ...(values.origin?.length ? { allowOrigins: values.origin } : {}),
    ...(values.site?.length ? { sites: values.site } : {}),
  });
  const url = await collector.listen(port, values.host);
  console.log(`listening on ${url} (DuckDB ${values.db})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void collector.close().then(() => process.exit(0));
    });
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'serve') await serve(rest);
  else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`vitrine: ${(error as Error).message}`);
  process.exitCode = 1;
}
