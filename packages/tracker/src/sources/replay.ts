import type { Source, SourceContext } from '../types.js';
import type { Recorder } from './replay-recorder.js';

/** Settings of {@link createReplay}. */
export interface ReplayOptions {
  /**
   * Whether this session is recorded. The tracker starts replay only for sessions it sampled in
   * (after consent); the default refuses anyway when `sampleReplay` is 0, so a wiring mistake
   * never records everyone.
   */
  sampled?: (context: SourceContext) => boolean;
}

const sampledByOptions = (context: SourceContext): boolean => context.options.sampleReplay > 0;

/**
 * A session replay source: rrweb is fetched (its own chunk, `replay-recorder.ts`) only when the
 * source starts for a sampled-in session, then records until stopped; stopping emits the last
 * chunk. See `startRecorder` for what is recorded and masked.
 */
export function createReplay(options: ReplayOptions = {}): Source {
  const sampled = options.sampled ?? sampledByOptions;
  return (context) => {
    if (!sampled(context)) return () => undefined;
    let recorder: Recorder | undefined;
    let stopped = false;
    // Registered now, before the tracker's own `pagehide` listener (added after sources start),
    // so the last events are emitted before its final write; gzip is asynchronous, so they go as
    // JSON. When the page is only hidden it lives on: compressing is fine.
    const onPageHide = (): void => recorder?.flush(true);
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') recorder?.flush();
    };
    addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    import('./replay-recorder.js').then(
      (m) => {
        if (!stopped) recorder = m.startRecorder(context);
      },
      (error: unknown) => console.warn(`vitrine tracker: replay could not be loaded: ${String(error)}`),
    );
    return () => {
      stopped = true;
      removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void recorder?.stop();
    };
  };
}

/** Session replay with the tracker's sampling decision (see {@link createReplay}). */
export const replay: Source = createReplay();
