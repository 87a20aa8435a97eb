/// <reference types="node" />
export { createCollector, DEFAULT_SITE, type Collector, type CollectorOptions } from './server.js';
export { openDuckDBStore } from './duckdb-store.js';
export { openClickHouseStore, type ClickHouseOptions } from './clickhouse-store.js';
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
export {
  funnelReport,
  type FunnelGroup,
  type FunnelOptions,
  type FunnelReport,
  type FunnelStep,
} from './reports/funnel.js';
export { funnelCsv, funnelSvg, toCsv, escapeXml } from './reports/output.js';
export { coverage, coverageLine, rangeWhere, type Coverage, type ReportRange } from './reports/range.js';
export {
  vitalsReport,
  VITAL_THRESHOLDS,
  type VitalName,
  type VitalRow,
  type VitalsReport,
} from './reports/vitals.js';
export {
  experimentsReport,
  type ExperimentResult,
  type ExperimentsReport,
  type VariantResult,
} from './reports/experiments.js';
export {
  pathsReport,
  pathsSvg,
  type PathLink,
  type PathRow,
  type PathsOptions,
  type PathsReport,
} from './reports/paths.js';
export {
  replayHtml,
  replaysCsv,
  replaysReport,
  type RecordedSession,
  type ReplaysReport,
} from './reports/replays.js';
export { insightsRoutes, INSIGHTS_FUNNEL, type InsightsOptions } from './insights.js';
export {
  heatmapReport,
  HEATMAP_VIEWPORTS,
  type HeatmapOptions,
  type HeatmapResult,
  type HeatmapElement,
  type HeatmapProduct,
  type ScrollBand,
  type HeatmapKind,
  type HeatmapDevice,
} from './reports/heatmap.js';
