/**
 * `text` as UTF-8, gzip-compressed by the browser's `CompressionStream` (Chrome 80, Firefox 113,
 * Safari 16.4); `undefined` where the browser cannot gzip. Asynchronous: the stream runs in tasks,
 * so a page that is being unloaded may never see the result — callers that must send from a
 * `pagehide` handler send plain text instead.
 */
export const gzip = (text: string): Promise<ArrayBuffer> | undefined =>
  typeof CompressionStream === 'function'
    ? new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()
    : undefined;
