export { createTracker, type Tracker, type TrackerOptions } from './tracker.js';
export type { ConsentMode, Destination, Outbox, ResolvedOptions, Source, SourceContext } from './types.js';
export { collectorDestination } from './destinations/collector.js';
export { customDestination } from './destinations/custom.js';
export { assignVariant } from './experiments.js';
export { isPrivate, scrubUrl } from './privacy.js';
