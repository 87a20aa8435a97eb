import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Metafile, Plugin } from 'esbuild';

/** A file the benchmark server answers with. */
export interface BenchFile {
  type: string;
  body: Buffer;
  gzip?: Buffer;
}

/** Bundles `entryPoints` as a shop would (ESM, splitting, minified) and gzips every output. */
export declare function bundleForBench(options: {
  entryPoints: string[] | Record<string, string>;
  outdir: string;
  plugins?: Plugin[];
}): Promise<{
  outputs: Metafile['outputs'];
  /** The `.js` outputs. */
  outs: string[];
  /** The URL an output is served at (`/js/…`). */
  urlOf(out: string): string;
  /** `from` and every output it imports statically (the files a page loads with it). */
  staticClosure(from: string): Set<string>;
  /** The output of the entry point whose path passes `test`. */
  entryOf(test: (entryPoint: string) => boolean): string | undefined;
  /** Every output by URL, with its gzip body. */
  files: Map<string, BenchFile>;
  /** Gzip bytes (level 9) of the outputs in `list`, summed. */
  gz(list: Iterable<string>): number;
}>;

/** Serves `files` on 127.0.0.1; `route` may answer a request first (returning true). */
export declare function serveFiles(
  files: Map<string, BenchFile>,
  options?: {
    headers?: Record<string, string>;
    route?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  },
): Promise<{ server: Server; origin: string }>;
