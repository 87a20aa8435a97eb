import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway ClickHouse server for the tests: Debian's `clickhouse-server` run as a plain
 * process on 127.0.0.1 with its own ports and data folder, stopped and deleted at the end.
 * `.ci/run` installs the package; on a machine without it the ClickHouse tests are skipped,
 * unless `VT_REQUIRE_CLICKHOUSE=1` (set by `.ci/run`) makes that an error.
 */
export interface ClickHouseServer {
  url: string;
  stop(): Promise<void>;
}

/** Path of the server binary, or null when ClickHouse is not installed. */
export function clickhouseBinary(): string | null {
  for (const bin of ['clickhouse-server', 'clickhouse']) {
    const found = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  if (process.env['VT_REQUIRE_CLICKHOUSE'] === '1')
    throw new Error(
      'VT_REQUIRE_CLICKHOUSE=1 but clickhouse-server is not installed (apt-get install clickhouse-server)',
    );
  return null;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startClickHouse(binary: string): Promise<ClickHouseServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-clickhouse-'));
  const [http, tcp] = [await freePort(), await freePort()];
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709120</mark_cache_size>
</yandex>
`,
  );
  writeFileSync(
    join(dir, 'users.xml'),
    `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`,
  );
  const args = binary.endsWith('/clickhouse')
    ? ['server', '--config-file', join(dir, 'config.xml')]
    : ['--config-file', join(dir, 'config.xml')];
  const child: ChildProcess = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${http}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((ok) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          ok();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          ok();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/ping`);
      if (res.ok) {
        await res.text();
        return { url, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`clickhouse-server did not start: ${log}`);
}
