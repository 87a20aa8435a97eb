/// <reference types="node" />
// `vitrine-search`: builds a prebuilt search index ahead of time (issue #4, point 3).
//
//   vitrine-search build catalog.json > index.json
//
// The catalog is an array of products in Vitrine's model, or `{ "products": [...] }`. Each
// product is checked with `validateProduct`; an unusable one is reported on stderr with its
// path and skipped, the rest are indexed. Exit code 0 when at least one product is usable, 1
// for an unreadable file, malformed JSON, or no usable product. Load the output with
// `createSearchIndex.fromJSON(json)`; it needs no pinyin dictionary.
import { readFile } from 'node:fs/promises';
import { validateProduct, type Product } from '@vitrine/core';
import { createSearchIndex } from './engine/index.js';

const USAGE = `usage:
  vitrine-search build catalog.json > index.json
    catalog.json: an array of products (Vitrine's model) or { "products": [...] }`;

const err = (text: string) => process.stderr.write(`vitrine-search: ${text}\n`);

/** The products of a parsed catalog file, validated; problems are reported, bad products skipped. */
function readCatalog(data: unknown): { products: Product[]; skipped: number } {
  const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data);
  const list: unknown = wrapped ? (data as { products?: unknown }).products : data;
  if (!Array.isArray(list)) {
    throw new Error('the catalog must be an array of products or { "products": [...] }');
  }
  const base = wrapped ? 'products' : '';
  const products: Product[] = [];
  const ids = new Set<string>();
  let skipped = 0;
  list.forEach((input, i) => {
    const at = `${base}[${i}]`;
    const { value, problems } = validateProduct(input);
    for (const p of problems) err(`${at}${p.path ? `.${p.path}` : ''}: ${p.message}`);
    if (!value) {
      err(`${at}: skipped (no usable id, title or price)`);
      skipped++;
      return;
    }
    if (ids.has(value.id)) {
      err(`${at}.id: duplicate id ${JSON.stringify(value.id)}, skipped`);
      skipped++;
      return;
    }
    ids.add(value.id);
    products.push(value);
  });
  return { products, skipped };
}

async function build(file: string | undefined): Promise<number> {
  if (!file) {
    err(`missing catalog file\n${USAGE}`);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    err(`cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    err(`${file} is not valid JSON: ${(e as Error).message}`);
    return 1;
  }
  let catalog: { products: Product[]; skipped: number };
  try {
    catalog = readCatalog(data);
  } catch (e) {
    err(`${file}: ${(e as Error).message}`);
    return 1;
  }
  if (!catalog.products.length) {
    err(`${file}: no usable product`);
    return 1;
  }
  const started = performance.now();
  const index = createSearchIndex(catalog.products);
  await index.ready;
  const json = JSON.stringify(index.toJSON());
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(json + '\n', (e) => (e ? reject(e) : resolve())),
  );
  err(
    `indexed ${catalog.products.length} products` +
      (catalog.skipped ? ` (${catalog.skipped} skipped)` : '') +
      ` in ${Math.round(performance.now() - started)} ms, pinyin: ${index.pinyin}`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'build') return build(rest[0]);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  err(command ? `unknown command ${command}\n${USAGE}` : USAGE);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
