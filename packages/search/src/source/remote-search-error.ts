/**
 * A failed request to a remote search server. The message says what failed in one sentence
 * (`the search server answered HTTP 500: index unavailable`); `status` is the HTTP status, or 0
 * when no answer came (network error, invalid JSON, unknown protocol version).
 */
export class RemoteSearchError extends Error {
  override readonly name = 'RemoteSearchError';

  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
  }
}
