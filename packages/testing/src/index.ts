export { fixture, cleanupFixtures } from './fixture.js';
export { expectAccessible } from './axe.js';
export { captureConsole } from './capture-console.js';
export { nextEvent } from './next-event.js';
export { until } from './until.js';
export { isolateCart } from './isolated-cart.js';
export { recordEvents } from './record-events.js';
