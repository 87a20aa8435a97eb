// The two checks `npm run audit` reuses as they are: `scripts/size.mjs` (`npm run size` without its
// build step) and `scripts/stories.mjs` (`npm run test:stories`), each run as its own process and
// read from its output, so the audit and the test suite can never disagree.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a Node script; resolves with its exit code and output. Killed after `timeoutMs`.
 * @param {string[]} args
 * @param {{ timeoutMs: number, env?: NodeJS.ProcessEnv }} options
 */
function runNode(args, { timeoutMs, env }) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${args.join(' ')} did not finish in ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** The ceiling that "measured + 10 %" gives, rounded up to a tenth of a KB. */
export const suggestedCeiling = (gzipKB) => Math.ceil(gzipKB * 1.1 * 10 - 1e-9) / 10;

/**
 * `scripts/size.mjs` on the packages' dist as built (no rebuild): each entry point's min+gzip size
 * against its ceiling, and the ceiling that measured + 10 % would be.
 */
export async function checkSizes() {
  const { code, stdout, stderr } = await runNode(['scripts/size.mjs'], { timeoutMs: 120_000 });
  const rows = [];
  for (const line of stdout.split('\n').slice(1)) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length < 4) continue;
    const [name, , gzip, limit, verdict] = cells;
    const gzipKB = Number.parseFloat(gzip);
    const m = /^([\d.]+)\s*(B|KB)$/.exec(limit);
    const limitKB = m ? Number(m[1]) / (m[2] === 'B' ? 1024 : 1) : NaN;
    const suggestedKB = suggestedCeiling(gzipKB);
    rows.push({ name, gzipKB, limitKB, suggestedKB, loose: limitKB > suggestedKB, ok: verdict === 'ok' });
  }
  const problems = stderr
    .split('\n')
    .filter((l) => l.startsWith('size: '))
    .map((l) => l.slice(6));
  if (!rows.length) problems.push(`scripts/size.mjs printed no table (exit ${code}): ${stderr.trim()}`);
  return { ok: code === 0 && rows.length > 0, rows, problems };
}

/**
 * `scripts/stories.mjs`: every story in English/light and 简体中文/dark, axe-core on each. With
 * `build` false it opens the Storybook already in storybook-static (as `npm test` left it).
 */
export async function checkStories({ build }) {
  const dir = await mkdtemp(join(tmpdir(), 'vt-audit-stories-'));
  const countsFile = join(dir, 'counts.json');
  try {
    const { code, stdout, stderr } = await runNode(
      ['scripts/stories.mjs', ...(build ? [] : ['--no-build'])],
      {
        timeoutMs: 20 * 60_000,
        env: { VT_COUNTS_FILE: countsFile },
      },
    );
    const lines = stdout.split('\n');
    const failures = lines.filter((l) => l.startsWith('✘'));
    const result = lines.find((l) => l.startsWith('stories:')) ?? `stories: no result line (exit ${code})`;
    const counts = await readFile(countsFile, 'utf8')
      .then((text) => /** @type {{ passed: number, failed: number }} */ (JSON.parse(text)))
      .catch(() => ({ passed: 0, failed: Number.NaN }));
    return { ok: code === 0, ...counts, result, failures, errors: stderr.trim() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
