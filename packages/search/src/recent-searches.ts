import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The shopper's recent search queries, newest first, kept in IndexedDB so they survive a reload
 * and are shared by every `<vt-search>` of the origin (issue #4, point 1).
 *
 * IndexedDB can be missing or refuse to open (private windows of some browsers, storage blocked
 * by the shopper, quota): then the list lives in memory for this page only. Nothing here ever
 * rejects, so search keeps working whatever the storage does.
 */
export interface RecentSearches {
  /** The stored queries, newest first. */
  list(): Promise<string[]>;
  /** Puts `query` (trimmed) first, dropping an older equal one (case-insensitive) and the oldest past the bound. */
  add(query: string): Promise<string[]>;
  /** Forgets every query. */
  clear(): Promise<void>;
}

/** Most queries kept by default. */
export const RECENT_MAX = 8;
/** Longest query kept: longer ones are pasted text, not searches worth repeating. */
const MAX_LENGTH = 100;

const DB_VERSION = 1;
const STORE = 'recent';
/** The whole list is one record: a put is atomic and the bound holds without counting records. */
const KEY = 'queries';

interface RecentDB extends DBSchema {
  [STORE]: { key: string; value: { v: 1; queries: string[] } };
}

const stores = new Map<string, RecentSearches>();

/**
 * The recent searches kept under database `name` (one shared instance per name and page).
 *
 * @param name - IndexedDB database name; default `vitrine-search`.
 * @param max - Most queries kept; default {@link RECENT_MAX}.
 */
export function recentSearches(name = 'vitrine-search', max = RECENT_MAX): RecentSearches {
  let store = stores.get(name);
  if (!store) stores.set(name, (store = createStore(name, max)));
  return store;
}

function clean(queries: unknown, max: number): string[] {
  if (!Array.isArray(queries)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const q of queries) {
    if (typeof q !== 'string') continue;
    const text = q.trim().slice(0, MAX_LENGTH);
    const key = text.toLocaleLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length >= max) break;
  }
  return out;
}

function createStore(name: string, max: number): RecentSearches {
  /** The in-memory copy: the truth when IndexedDB is unusable, a cache otherwise. */
  let memory: string[] = [];
  let db: Promise<IDBPDatabase<RecentDB> | null> | null = null;
  /** Writes run one after another, so a clear never races an older add. */
  let queue: Promise<unknown> = Promise.resolve();

  const open = (): Promise<IDBPDatabase<RecentDB> | null> => {
    db ??= (async () => {
      try {
        if (typeof indexedDB === 'undefined') return null;
        return await openDB<RecentDB>(name, DB_VERSION, {
          upgrade(d) {
            d.createObjectStore(STORE);
          },
          // Another page upgrades or deletes the database: let it, and reopen on the next call.
          blocking: (_current, _blocked, event) => {
            (event.target as IDBDatabase).close();
            db = null;
          },
          terminated: () => {
            db = null;
          },
        });
      } catch {
        // Private mode or blocked storage: memory only, silently; the shopper loses nothing they can see.
        return null;
      }
    })();
    return db;
  };

  const read = async (): Promise<string[]> => {
    const d = await open();
    if (!d) return memory;
    try {
      memory = clean((await d.get(STORE, KEY))?.queries, max);
    } catch {
      // Keep what we had.
    }
    return memory;
  };

  const write = async (queries: string[]): Promise<void> => {
    memory = queries;
    const d = await open();
    if (!d) return;
    try {
      await d.put(STORE, { v: 1, queries }, KEY);
    } catch {
      // Quota or a closed database: memory keeps the list for this page.
    }
  };

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    list: () => serial(read).then((q) => [...q]),
    add: (query) =>
      serial(async () => {
        const text = query.trim().slice(0, MAX_LENGTH);
        if (!text) return [...(await read())];
        const next = clean([text, ...(await read())], max);
        await write(next);
        return [...next];
      }),
    clear: () => serial(() => write([])),
  };
}
