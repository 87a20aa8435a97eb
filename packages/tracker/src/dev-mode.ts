/**
 * True in source, tests and Storybook. The production build (`rollup.config.mjs`) rewrites this
 * line to `false`, so everything guarded by `if (DEV_MODE)` is removed from the shipped files.
 */
export const DEV_MODE: boolean = true;
