/**
 * Third-party destinations, a separate entry point so the core script stays small:
 * `import { posthogDestination, ga4Destination, segmentDestination } from '@vitrine/tracker/destinations'`.
 */
export { posthogDestination } from './posthog.js';
export { ga4Destination } from './ga4.js';
export { segmentDestination } from './segment.js';
export { collectorDestination } from './collector.js';
export { customDestination } from './custom.js';
