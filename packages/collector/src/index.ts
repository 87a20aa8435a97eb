/// <reference types="node" />
export { createCollector, DEFAULT_SITE, type Collector, type CollectorOptions } from './server.js';
export { openDuckDBStore } from './duckdb-store.js';
export {
  parseBatch,
  DEFAULT_LIMITS,
  type IngestLimits,
  type IngestResult,
  type Problem,
  type Refusal,
} from './ingest.js';
export {
  COLUMNS,
  toRow,
  type EventRow,
  type EventStore,
  type InsertResult,
  type Origin,
  type ReplayChunk,
} from './store.js';
