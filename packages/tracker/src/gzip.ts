/** True where the browser can gzip (`CompressionStream`: Chrome 80, Firefox 113, Safari 16.4). */
export const canGzip = (): boolean => typeof CompressionStream === 'function';

/**
 * `text` as UTF-8, gzip-compressed by the browser's `CompressionStream`. Asynchronous: the stream
 * runs in tasks, so a page that is being unloaded may never see the result — callers that must
 * send from a `pagehide` handler send plain text instead.
 */
export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
