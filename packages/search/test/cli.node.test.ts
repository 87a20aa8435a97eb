import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createSearchIndex } from '../src/engine/index.js';
import type { SearchIndexJSON } from '../src/types.js';
import { catalog } from './fixtures/catalog.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', CLI, ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('vitrine-search build', () => {
  let dir = '';
  const file = (name: string) => join(dir, name);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-search-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a prebuilt index that loads and answers like a fresh one', async () => {
    await writeFile(file('catalog.json'), JSON.stringify(catalog()));
    const run = await cli('build', file('catalog.json'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /indexed 30 products/);
    const loaded = createSearchIndex.fromJSON(JSON.parse(run.stdout) as SearchIndexJSON);
    assert.equal(loaded.pinyin, 'prebuilt');
    const fresh = createSearchIndex(catalog());
    for (const q of ['headphnes', 'erji', '耳机', 'head', '']) {
      assert.deepEqual(await loaded.search(q), await fresh.search(q), q);
    }
  });

  it('accepts { products: [...] }, reports invalid products with their path and skips them', async () => {
    await writeFile(
      file('wrapped.json'),
      JSON.stringify({ products: [...catalog().slice(0, 2), { id: 'x' }, 7] }),
    );
    const run = await cli('build', file('wrapped.json'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /products\[2\]\.title: is required/);
    assert.match(run.stderr, /products\[3\]: must be a product object/);
    assert.match(run.stderr, /indexed 2 products \(2 skipped\)/);
    const loaded = createSearchIndex.fromJSON(JSON.parse(run.stdout) as SearchIndexJSON);
    assert.equal(loaded.size, 2);
  });

  it('fails clearly on a missing file, malformed JSON, a wrong shape or no usable product', async () => {
    await writeFile(file('broken.json'), '[{"id": ');
    await writeFile(file('object.json'), '{"items": []}');
    await writeFile(file('empty.json'), '[{"id": 1}]');
    const missing = await cli('build', file('missing.json'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*missing\.json/);
    const broken = await cli('build', file('broken.json'));
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.json is not valid JSON/);
    const object = await cli('build', file('object.json'));
    assert.equal(object.code, 1);
    assert.match(object.stderr, /must be an array of products/);
    const empty = await cli('build', file('empty.json'));
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /no usable product/);
    for (const r of [missing, broken, object, empty]) assert.equal(r.stdout, '');
  });

  it('prints its usage for an unknown command', async () => {
    const run = await cli('frobnicate');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /usage:\n {2}vitrine-search build catalog\.json > index\.json/);
  });
});
