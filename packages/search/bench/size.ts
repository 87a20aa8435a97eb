import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { bundleForBench } from '../../../scripts/bench-kit.mjs';
import { kb } from './stats.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The budget for the `<vt-search>` entry, gzip, without the engine (nor Lit, core, schema, as in size-budgets.json). */
const ENTRY_BUDGET = 12 * 1024;
const ELEMENT_ENTRY = 'packages/search/src/components/search/search.ts';
const WORKER_ENTRY = 'packages/search/src/source/search-worker.ts';

/** Marks the packages matching `filter` external: the page gets them from elsewhere. */
const external = (name: string, filter: RegExp): Plugin => ({
  name,
  setup(build) {
    build.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
  },
});
/** Lit: a shop has it once for every Vitrine element. */
const LIT = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/.*)?$/;
/** Core and schema too: what `npm run size` and size-budgets.json count for a package's entry. */
const SHARED = /^(lit|lit-html|lit-element|@lit\/reactive-element|@vitrine\/core|@vitrine\/schema)(\/.*)?$/;

/** What a bundle output holds, by its inputs. */
export type ChunkKind = 'pinyin' | 'engine' | 'other';
export function kindOf(inputs: readonly string[]): ChunkKind {
  if (inputs.some((i) => i.includes('node_modules/pinyin-pro/'))) return 'pinyin';
  if (inputs.some((i) => i.includes('packages/search/src/engine/') || i.includes('node_modules/minisearch/')))
    return 'engine';
  return 'other';
}

interface Bundle {
  /** The entry and what it imports statically: loaded on every page with the element. */
  initial: string[];
  lazy: Record<ChunkKind, string[]>;
  gz(files: Iterable<string>): number;
}

/** Bundles the element entry into `outdir` with `externals` left out, and sorts its outputs. */
async function bundle(outdir: string, externals: Plugin): Promise<Bundle> {
  const { outputs, outs, entryOf, gz } = await bundleForBench({
    entryPoints: [ELEMENT_ENTRY],
    outdir,
    plugins: [externals],
  });
  const entry = entryOf((e) => e.endsWith('components/search/search.ts'));
  if (!entry) throw new Error('the bundle has no <vt-search> entry');
  // bench-kit's staticClosure follows every import, external ones too: walk our own.
  const initial = new Set<string>();
  const visit = (o: string) => {
    if (initial.has(o)) return;
    initial.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  const lazy: Record<ChunkKind, string[]> = { engine: [], pinyin: [], other: [] };
  for (const o of outs) if (!initial.has(o)) lazy[kindOf(Object.keys(outputs[o]!.inputs))].push(o);
  const leaked = [...initial].filter((o) => kindOf(Object.keys(outputs[o]!.inputs)) !== 'other');
  if (leaked.length) console.log('  NOTE: the entry holds engine or pinyin code statically; it is not lazy.');
  return { initial: [...initial], lazy, gz };
}

/**
 * Bundles `<vt-search>` as a shop would (esbuild, code splitting, minified) and prints the gzip
 * size of what every page loads, and of the lazy chunks apart: the engine, the pinyin dictionary,
 * the rest (sources, worker client), and the worker script.
 */
export async function measureSize(): Promise<void> {
  const outdir = await mkdtemp(join(tmpdir(), 'vt-search-size-'));
  try {
    console.log('\n4. Size: esbuild, ESM, code splitting, minified, gzip level 9.\n');
    const own = await bundle(join(outdir, 'own'), external('shared-external', SHARED));
    const page = await bundle(join(outdir, 'page'), external('lit-external', LIT));
    const line = (label: string, b: Bundle, files: string[], note = '') =>
      console.log(
        `  ${label.padEnd(62)}${kb(b.gz(files)).padStart(9)}  ${files.length} file${files.length === 1 ? '' : 's'}${note}`,
      );
    line(
      '<vt-search> entry without the engine (Lit, core, schema external)',
      own,
      own.initial,
      ` — budget ${kb(ENTRY_BUDGET)}: ${own.gz(own.initial) <= ENTRY_BUDGET ? 'met' : 'NOT met'} (counted as npm run size does)`,
    );
    line(
      'the same with @vitrine/core and schema (Lit external)',
      page,
      page.initial,
      ' — what a page with only this element loads besides Lit',
    );
    line('engine chunk (engine + FlexSearch), lazy', page, page.lazy.engine);
    line(
      'pinyin chunk (pinyin-pro dictionary), lazy',
      page,
      page.lazy.pinyin,
      ' — only for catalogs with Chinese text',
    );
    line('other lazy chunks (sources, worker client)', page, page.lazy.other);
    // The worker is started with `new Worker(new URL(…))`, which esbuild does not follow: built apart.
    await build({
      entryPoints: [WORKER_ENTRY],
      absWorkingDir: ROOT,
      conditions: ['source'],
      format: 'esm',
      bundle: true,
      minify: true,
      outfile: join(outdir, 'worker.js'),
      logLevel: 'warning',
    });
    const worker = gzipSync(await readFile(join(outdir, 'worker.js')), { level: 9 }).length;
    console.log(
      `  ${'search worker script (engine and pinyin inlined), lazy'.padEnd(62)}${kb(worker).padStart(9)}  1 file — worker mode only`,
    );
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
