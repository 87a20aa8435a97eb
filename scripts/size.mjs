// Prints the min+gzip size of every entry point of every published package and fails when one is
// over its ceiling in size-budgets.json, has no ceiling, or has not been built.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8')).budgets;

function parseLimit(text) {
  const m = /^([\d.]+)\s*(B|KB)$/.exec(text);
  if (!m) throw new Error(`size-budgets.json: cannot read limit "${text}" (write e.g. "12 KB")`);
  return Math.round(Number(m[1]) * (m[2] === 'KB' ? 1024 : 1));
}

/** The entry file plus every local chunk it imports statically (what the browser must fetch). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(file), m[1]), seen);
  }
  return seen;
}

const rows = [];
const problems = [];
for (const dir of readdirSync('packages').map((d) => join('packages', d))) {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (pkg.private) continue;
  for (const [subpath, conditions] of Object.entries(pkg.exports ?? {})) {
    if (typeof conditions !== 'object' || !conditions.source) continue;
    const name = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    const file = join(dir, conditions.default);
    const budget = budgets[name];
    if (!budget) problems.push(`${name}: no ceiling in size-budgets.json`);
    if (!existsSync(file)) {
      problems.push(`${name}: ${file} is not built (run npm run build)`);
      continue;
    }
    const code = Buffer.concat([...closure(resolve(file))].map((f) => readFileSync(f)));
    const gzip = gzipSync(code, { level: 9 }).length;
    const limit = budget ? parseLimit(budget.limit) : 0;
    const ok = budget && gzip <= limit;
    if (budget && !ok) problems.push(`${name}: ${gzip} B gzip is over its ceiling of ${budget.limit}`);
    rows.push([
      name,
      `${(code.length / 1024).toFixed(2)} KB`,
      `${(gzip / 1024).toFixed(2)} KB`,
      budget?.limit ?? '—',
      ok ? 'ok' : 'OVER',
    ]);
  }
}

const head = ['entry point', 'min', 'min+gzip', 'ceiling', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
for (const p of problems) console.error(`size: ${p}`);
process.exit(problems.length ? 1 : 0);
