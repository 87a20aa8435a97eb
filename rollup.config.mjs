// One build for every package under packages/. Entry points come from each package's `exports`
// map: a subpath whose conditions name a `source` file is built from it to the `default` file,
// with declarations beside it. See docs/adr/0001-tooling.md.
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join, basename, dirname, sep } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const only = process.env.VT_PACKAGES?.split(',');

/** Every publishable package, with its entry points as { name: [source, output] }. */
function packages() {
  return readdirSync('packages')
    .map((dir) => join('packages', dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private && (!only || only.includes(pkg.name)))
    .map(({ dir, pkg }) => {
      const entries = {};
      for (const conditions of Object.values(pkg.exports ?? {})) {
        if (typeof conditions !== 'object' || !conditions.source) continue;
        entries[basename(conditions.default, '.js')] = {
          source: join(dir, conditions.source),
          output: join(dir, conditions.default),
        };
      }
      return { dir, pkg, entries };
    });
}

/**
 * Turns `DEV_MODE` off: every `if (DEV_MODE)` block is then dropped by the minifier. It runs on
 * TypeScript's output, because @rollup/plugin-typescript compiles from disk, not from earlier
 * transforms.
 */
const devModeOff = () =>
  replace({
    include: ['**/dev-mode.ts'],
    preventAssignment: false,
    delimiters: ['', ''],
    values: { 'DEV_MODE = true': 'DEV_MODE = false' },
  });

/**
 * Short names in Lit's own (already minified) code. Terser renames our `_private` members to short
 * names and avoids only the names it sees in the chunk at hand, so in a chunk without Lit it could
 * pick one that Lit's base classes use on the same object (it did: a gallery handler became `C`,
 * a lightbox state `i`, and both broke in the all-in-one bundle). Reserving them keeps our names
 * clear of Lit's.
 */
function litNames() {
  const names = new Set();
  for (const dir of ['lit-html', 'lit-element', '@lit/reactive-element', 'lit']) {
    const root = join('node_modules', dir);
    if (!existsSync(root)) continue;
    const walk = (d) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const path = join(d, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules') walk(path);
        } else if (entry.name.endsWith('.js')) {
          for (const [word] of readFileSync(path, 'utf8').matchAll(/[A-Za-z_$][\w$]*/g))
            if (word.length <= 3) names.add(word);
        }
      }
    };
    walk(root);
  }
  return [...names];
}

// One terser instance with one name cache for the whole build: a private `_member` gets the same
// short name in every package, and no two privates share one, so a subclass in one package
// cannot clobber a base-class private from another. Packages are meant to be used from one
// release together (docs/adr/0001-tooling.md).
const ours = terser({
  ecma: 2022,
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
  mangle: { properties: { regex: /^_[A-Za-z]/, reserved: litNames() } },
  nameCache: {},
});
// A chunk made only of third-party code (libphonenumber, loaded on demand) keeps its property
// names: its `_`-prefixed members are not ours to rename (mangling them broke its parser).
const theirs = terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } });
const minify = {
  name: 'minify',
  renderChunk(code, chunk, options, meta) {
    const vendorOnly =
      chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => id.includes(`${sep}node_modules${sep}`));
    return (vendorOnly ? theirs : ours).renderChunk.call(this, code, chunk, options, meta);
  },
};

/**
 * Web Workers: `new Worker(new URL('./search-worker.js', import.meta.url))` in a source file
 * becomes a chunk of its own, emitted from the `.ts` beside it, with the URL rewritten to that
 * chunk (relative to the chunk that holds the call, wherever it lands). Bundlers recognise the
 * same pattern in the published files; web-test-runner serves the `.ts` for the `.js` URL.
 */
function workerUrls() {
  const PATTERN = /new URL\((['"])(\.{1,2}\/[^'"]+?)\.js\1,\s*import\.meta\.url\)/g;
  return {
    name: 'worker-urls',
    transform(code, id) {
      if (!code.includes('import.meta.url') || id.includes('node_modules')) return null;
      let changed = false;
      const out = code.replace(PATTERN, (match, _quote, rel) => {
        const source = join(dirname(id), `${rel}.ts`);
        if (!existsSync(source)) return match;
        changed = true;
        const ref = this.emitFile({ type: 'chunk', id: source, name: basename(rel) });
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref}, import.meta.url)`;
      });
      return changed ? { code: out, map: null } : null;
    },
    resolveFileUrl: ({ relativePath }) =>
      JSON.stringify(relativePath.startsWith('.') ? relativePath : `./${relativePath}`),
  };
}

/**
 * Node built-ins a browser dependency imports only when it runs on Node (FlexSearch's worker
 * support: `import("worker_threads")`); its package.json maps them to `false` for browsers. In
 * the self-contained bundles such an import becomes a rejected promise instead of a bare
 * specifier no browser can resolve. (Done on the code, not by resolving to a stub module: a stub
 * made Rollup merge the lazy engine into a chunk the page loads at once.)
 */
function nodeOnlyImports(names) {
  const pattern = new RegExp(`import\\((["'])(${names.join('|')})\\1\\)`, 'g');
  return {
    name: 'node-only-imports',
    transform(code) {
      if (!names.some((name) => code.includes(name))) return null;
      const out = code.replace(
        pattern,
        (_m, _q, name) => `Promise.reject(new Error("${name} is Node-only"))`,
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}

const ts = () =>
  typescript({
    tsconfig: 'tsconfig.build.json',
    include: ['packages/*/src/**/*.ts'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: true, outDir: undefined },
    noEmitOnError: true,
  });

const configs = [];
for (const { dir, pkg, entries } of packages()) {
  const input = Object.fromEntries(Object.entries(entries).map(([name, e]) => [name, e.source]));
  if (Object.keys(input).length === 0) continue;
  const bundle = Boolean(pkg.vitrine?.bundle);
  // Per-package files leave their dependencies to the shop's bundler; the all-in-one bundle
  // inlines everything, Lit included.
  const deps = bundle ? [] : Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const outDir = join(dir, 'dist');
  // Chunk names carry hashes: start clean so stale chunks never ship.
  rmSync(outDir, { recursive: true, force: true });
  configs.push({
    input,
    external,
    plugins: [
      ...(bundle ? [nodeOnlyImports(['worker_threads'])] : []),
      nodeResolve({ exportConditions: ['source', 'browser', 'production'] }),
      ts(),
      workerUrls(),
      devModeOff(),
      minify,
    ],
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      // Command-line entries (`bin` in package.json) run as scripts.
      banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
    },
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  configs.push({
    input,
    // Declarations always refer to other packages by name, even in the bundle.
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith(process.cwd()),
    plugins: [dts({ tsconfig: 'tsconfig.build.json', compilerOptions: { customConditions: [] } })],
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].d.ts',
      chunkFileNames: 'chunks/[name]-[hash].d.ts',
    },
  });
}

export default configs;
