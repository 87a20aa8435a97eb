import type { OrderConfirmation, OrderErrorBody, OrderRequest } from './order-types.js';

/** How sending an order ended. */
export type SendOrderResult =
  | { kind: 'placed'; confirmation: OrderConfirmation }
  | { kind: 'refused'; status: number; error: OrderErrorBody['error'] }
  /** The server could not be reached or failed (5xx): nothing is known to be placed; retry with the same key. */
  | { kind: 'unreachable'; message: string };

const RETRY_DELAY_MS = 800;

function isConfirmation(v: unknown): v is OrderConfirmation {
  const o = v as Partial<OrderConfirmation> | null;
  return typeof o === 'object' && o !== null && typeof o.orderId === 'string' && o.orderId !== '';
}

function isErrorBody(v: unknown): v is OrderErrorBody {
  const e = (v as Partial<OrderErrorBody> | null)?.error;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
}

/**
 * POSTs an order as JSON with its idempotency key (body and `Idempotency-Key` header), retrying
 * once after a network error or a 5xx. The key makes retries safe: the server answers a repeat
 * with the order it already placed. Never rejects.
 */
export async function sendOrder(
  action: string,
  order: OrderRequest,
  signal?: AbortSignal,
): Promise<SendOrderResult> {
  let last = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt) await new Promise((ok) => setTimeout(ok, RETRY_DELAY_MS));
    let res: Response;
    try {
      res = await fetch(action, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': order.idempotencyKey,
        },
        body: JSON.stringify(order),
        ...(signal && { signal }),
      });
    } catch (error) {
      last = `${action} could not be reached: ${(error as Error).message}`;
      continue;
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // A proxy's HTML error page: handled by the status below.
    }
    if (res.ok && isConfirmation(body)) return { kind: 'placed', confirmation: body };
    if (res.status >= 400 && res.status < 500 && isErrorBody(body))
      return { kind: 'refused', status: res.status, error: body.error };
    last = `${action} answered HTTP ${res.status}${res.ok ? ' without an order id' : ''}`;
    if (res.status < 500 && !res.ok) break;
  }
  return { kind: 'unreachable', message: last };
}
