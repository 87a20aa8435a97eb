/** Flags that let Debian's Chromium run headless as root on a machine with no outside network. */
export declare const CHROME_ARGS: string[];
/** Path of the Chromium to test in: `CHROME_PATH`, then Debian's `/usr/bin/chromium`; exits when none. */
export declare function findChrome(): string;
