import { existsSync } from 'node:fs';

/** Flags that let Debian's Chromium run headless as root on a machine with no outside network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Path of the Chromium to test in: `CHROME_PATH`, then Debian's `/usr/bin/chromium`.
 * Exits the process with a clear message when neither exists.
 */
export function findChrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    console.error(
      `No Chromium found (looked at ${candidates.join(', ')}).\n` +
        'Install Debian\'s package with "apt-get install -y chromium", or set CHROME_PATH to a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  return found;
}
