// A fake WooCommerce store (or several), for reconciliation to read locally. Mounted on the API
// server under /_local/woocommerce/<store>/:
//   GET  wp-json/wc/v3/orders        REST API v3: modified_after/_before, after/before, status,
//                                    orderby (date|id|modified), order, page, per_page (<= 100);
//                                    X-WP-Total and X-WP-TotalPages headers
//   GET  wp-json/wc/v3/orders/<id>
//   POST orders                      control: upsert a WooCommerce order JSON by its `id`
//   GET  orders                      control: every order of the store
// The REST API wants a consumer key and secret (HTTP Basic, or consumer_key/consumer_secret in the
// query); locally any non-empty pair is accepted. Orders are kept in memory.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../activity.ts';
import { parseOrderQuery, WooOrderStore, WooQueryError, type WooOrder } from './store.ts';

export { WooOrderStore, parseOrderQuery, wooDate, type WooOrder } from './store.ts';

export const wooCommercePrefix = '/_local/woocommerce/';
const STORE = /^[A-Za-z0-9._-]{1,100}$/;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

/** WordPress REST errors: `{code, message, data: {status}}`. */
function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  send(res, status, { code, message, data: { status, ...extra } });
}

function authorized(req: IncomingMessage, url: URL): boolean {
  const header = String(req.headers.authorization ?? '');
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 && colon < decoded.length - 1;
  }
  return !!url.searchParams.get('consumer_key') && !!url.searchParams.get('consumer_secret');
}

export class FakeWooCommerce {
  readonly store = new WooOrderStore();

  constructor(private readonly options: { now: () => Date }) {}

  /** Adds or updates an order in `store` (what `POST /_local/woocommerce/<store>/orders` does). */
  upsert(store: string, order: WooOrder): WooOrder {
    return this.store.upsert(store, order, this.options.now()).order;
  }

  /** Answers a request under /_local/woocommerce/; false when the path is not under it. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(wooCommercePrefix)) return false;
    const [store, ...rest] = url.pathname.slice(wooCommercePrefix.length).split('/').map((segment) => decodeURIComponent(segment));
    const method = req.method ?? 'GET';
    const path = rest.join('/');
    if (!store || !STORE.test(store)) {
      sendError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
      return true;
    }
    if (path === 'orders' && method === 'POST') {
      await this.post(req, res, store);
    } else if (path === 'orders' && method === 'GET') {
      send(res, 200, { orders: this.store.all(store) });
    } else if (/^wp-json\/wc\/v3\/orders\/?$/.test(path) && method === 'GET') {
      if (!authorized(req, url)) sendError(res, 401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
      else this.list(res, store, url);
    } else if (/^wp-json\/wc\/v3\/orders\/\d+$/.test(path) && method === 'GET') {
      const order = this.store.get(store, Number(rest[rest.length - 1]));
      if (!authorized(req, url)) sendError(res, 401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.');
      else if (!order) sendError(res, 404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
      else send(res, 200, order);
    } else {
      sendError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
    }
    return true;
  }

  private list(res: ServerResponse, store: string, url: URL): void {
    try {
      const { orders, total, totalPages } = this.store.query(store, parseOrderQuery(url.searchParams));
      send(res, 200, orders, { 'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages) });
    } catch (error) {
      if (!(error instanceof WooQueryError)) throw error;
      sendError(res, 400, 'rest_invalid_param', `Invalid parameter(s): ${error.param}`, { params: { [error.param]: error.message } });
    }
  }

  private async post(req: IncomingMessage, res: ServerResponse, store: string): Promise<void> {
    let order: unknown;
    try {
      order = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8'));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 413) throw error;
      return sendError(res, 400, 'rest_invalid_json', 'The body is not valid JSON.');
    }
    if (!order || typeof order !== 'object' || Array.isArray(order)) return sendError(res, 400, 'rest_invalid_param', 'The body must be a WooCommerce order object.');
    const id = (order as { id?: unknown }).id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
      return sendError(res, 400, 'rest_invalid_param', 'The order needs an `id`: a positive integer.', { params: { id: 'id must be a positive integer' } });
    }
    const { order: stored, created } = this.store.upsert(store, order as WooOrder, this.options.now());
    send(res, created ? 201 : 200, stored);
  }
}
