// A fake storefront exchange service (or several), mounted on the API server under
// /_local/storefront/<store>/, speaking the contract of shared/adapters/storefront-exchange.ts:
//   GET    variants/<variantId>     the variant with its price and units available
//   POST   reservations             {key, variantId, quantity}; 409 {error: 'out_of_stock', available}
//   DELETE reservations/<key>
//   POST   orders                   {key, orderNumberOfOriginal, customer, lines, note}
//   POST   charges                  {key, amount, reason}
//   POST   inventory/adjustments    {key, variantId, quantity, reason}: returned units back in stock
//   POST   discounts                {key, value, expiresAt, usageLimit, ...} (shared/storefronts/discount-port.ts)
// and, for tests and a look by hand:
//   GET    /_local/storefront/<store>   {variants, reservations, orders, charges, adjustments}
//   GET    discounts                    {discounts}: the codes created, with their requests
//   POST   variants                     control: add or replace a variant ({..., stock})
// Every store starts with the demo catalogue (catalogue.ts). Any bearer token is accepted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { EntityId, Money } from '../../../shared/events/common.ts';
import { DiscountRequest } from '../../../shared/storefronts/discount-port.ts';
import { ChargeRequest, ExchangeOrderRequest, ReservationRequest, RestockRequest } from '../../../shared/storefronts/exchange-port.ts';
import { readBody } from '../activity.ts';
import { OutOfStockError, StorefrontState, UnknownVariantError } from './catalogue.ts';
import { DiscountBook } from './discounts.ts';

export { demoCatalogue, StorefrontState } from './catalogue.ts';

export const storefrontPrefix = '/_local/storefront/';
const STORE = /^[A-Za-z0-9._-]{1,100}$/;

const CatalogueVariantInput = z.object({
  variantId: EntityId,
  productId: EntityId,
  title: z.string().min(1).max(200),
  sku: z.string().max(64).optional(),
  price: Money,
  stock: z.int().nonnegative(),
});

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
}

class InvalidBody extends Error {}

async function parseBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req, 256 * 1024)).toString('utf8'));
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw error;
    throw new InvalidBody('The body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidBody(`${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  return parsed.data;
}

export class FakeStorefront {
  readonly state: StorefrontState;
  readonly discounts: DiscountBook;

  constructor(options: { now: () => Date }) {
    this.state = new StorefrontState(options.now);
    this.discounts = new DiscountBook(options.now);
  }

  /** Answers a request under /_local/storefront/; false when the path is not under it. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(storefrontPrefix)) return false;
    const [store, ...rest] = url.pathname.slice(storefrontPrefix.length).split('/').map((segment) => decodeURIComponent(segment));
    const method = req.method ?? 'GET';
    // A trailing slash names the same resource.
    const [resource, id, ...extra] = rest.at(-1) === '' ? rest.slice(0, -1) : rest;
    if (!store || !STORE.test(store) || extra.length > 0) {
      send(res, 404, { error: 'not_found', message: 'No such storefront route' });
      return true;
    }
    try {
      await this.route(req, res, store, method, resource, id);
    } catch (error) {
      if (error instanceof InvalidBody) send(res, 400, { error: 'invalid_request', message: error.message });
      else if (error instanceof UnknownVariantError) send(res, 422, { error: 'unknown_variant', message: error.message });
      else if (error instanceof OutOfStockError) send(res, 409, { error: 'out_of_stock', available: error.available });
      else throw error;
    }
    return true;
  }

  private async route(req: IncomingMessage, res: ServerResponse, store: string, method: string, resource: string | undefined, id: string | undefined): Promise<void> {
    const { state } = this;
    const route = `${method} ${resource ?? ''}${id === undefined ? '' : '/:id'}`;
    switch (route) {
      case 'GET ':
        return send(res, 200, state.snapshot(store));
      case 'GET variants/:id': {
        const variant = state.variant(store, id!);
        return variant ? send(res, 200, variant) : send(res, 404, { error: 'not_found', message: `No variant ${id}` });
      }
      case 'POST variants':
        return send(res, 200, state.upsertVariant(store, await parseBody(req, CatalogueVariantInput)));
      case 'POST reservations': {
        const request = await parseBody(req, ReservationRequest);
        const existed = state.snapshot(store).reservations.some((r) => r.key === request.key);
        const reservation = state.reserve(store, request);
        return send(res, existed ? 200 : 201, reservation);
      }
      case 'DELETE reservations/:id':
        return send(res, state.release(store, id!) ? 204 : 404);
      case 'POST orders': {
        const { order, created } = state.createOrder(store, await parseBody(req, ExchangeOrderRequest));
        return send(res, created ? 201 : 200, order);
      }
      case 'POST charges': {
        const { charge, created } = state.charge(store, await parseBody(req, ChargeRequest));
        return send(res, created ? 201 : 200, charge);
      }
      case 'POST inventory/:id': {
        if (id !== 'adjustments') return send(res, 404, { error: 'not_found', message: `No storefront route ${method} inventory/${id}` });
        const { adjustment, created } = state.restock(store, await parseBody(req, RestockRequest));
        return send(res, created ? 201 : 200, { adjustmentId: adjustment.adjustmentId });
      }
      case 'POST discounts': {
        const { discount, created } = this.discounts.create(store, await parseBody(req, DiscountRequest));
        return send(res, created ? 201 : 200, { discountId: discount.discountId, code: discount.code });
      }
      case 'GET discounts':
        return send(res, 200, { discounts: this.discounts.list(store) });
      default:
        return send(res, 404, { error: 'not_found', message: `No storefront route ${method} ${resource ?? ''}` });
    }
  }
}
