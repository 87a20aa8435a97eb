type Method = 'error' | 'warn' | 'info' | 'log';

/**
 * Replaces `console[method]` with a recorder until `restore()` is called (call it in `finally`). Returns the recorded calls as joined strings.
 */
export function captureConsole(method: Method): { calls: string[]; restore: () => void } {
  const original = console[method];
  const calls: string[] = [];
  console[method] = (...args: unknown[]) => {
    calls.push(args.map(String).join(' '));
  };
  const restore = () => {
    console[method] = original;
  };
  return { calls, restore };
}
