// The storefront exchange port over HTTP, against each shop's exchange service (`exchanges.apiUrl`
// in the shop configuration). The JSON contract, paths relative to apiUrl:
//   GET    variants/<variantId>     200 ExchangeVariant | 404 no such variant
//   POST   reservations             {key, variantId, quantity} -> 200/201 {reservationId}
//                                   | 409 {error: 'out_of_stock', available}
//   DELETE reservations/<key>       204 (also when the key is unknown or already released)
//   POST   orders                   {key, orderNumberOfOriginal, customer, lines, note} -> 200/201 {orderId, orderNumber}
//   POST   charges                  {key, amount, reason} -> 200/201 {chargeId}
// Every POST is idempotent on `key`: the same key answers the same reservation, order or charge.
// With `apiKey`, requests carry `authorization: Bearer <apiKey>`. Any other answer is an error the
// caller retries (StorefrontExchangeError).
import type { z } from 'zod';
import type { ShopExchanges } from '../shops/config.ts';
import {
  Charge,
  ExchangeOrder,
  ExchangesNotConfiguredError,
  ExchangeVariant,
  OutOfStock,
  Reservation,
  Restock,
  StorefrontExchangeError,
  StorefrontRefusedError,
  type ChargeRequest,
  type RestockRequest,
  type ExchangeOrderRequest,
  type ReservationRequest,
  type ReserveResult,
  type StorefrontExchangePort,
} from '../storefronts/exchange-port.ts';

/** The exchange service of a shop, or undefined when it has none. */
export type ExchangeEndpoints = (shopId: string) => Promise<ShopExchanges | undefined> | ShopExchanges | undefined;

export class HttpStorefrontExchange implements StorefrontExchangePort {
  constructor(
    private readonly endpoints: ExchangeEndpoints,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async variant(shopId: string, variantId: string) {
    const response = await this.send(shopId, 'GET', `variants/${encodeURIComponent(variantId)}`);
    if (response.status === 404) return undefined;
    return this.read(response, ExchangeVariant, 'GET variants');
  }

  async reserve(shopId: string, request: ReservationRequest): Promise<ReserveResult> {
    const response = await this.send(shopId, 'POST', 'reservations', request);
    if (response.status === 409) {
      const { available } = await this.read(response, OutOfStock, 'POST reservations', [409]);
      return { ok: false, reason: 'out_of_stock', available };
    }
    const { reservationId } = await this.read(response, Reservation, 'POST reservations');
    return { ok: true, reservationId };
  }

  async release(shopId: string, key: string): Promise<void> {
    const response = await this.send(shopId, 'DELETE', `reservations/${encodeURIComponent(key)}`);
    if (!response.ok && response.status !== 404) throw new StorefrontExchangeError(`DELETE reservations answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }

  async createExchangeOrder(shopId: string, request: ExchangeOrderRequest) {
    return this.read(await this.send(shopId, 'POST', 'orders', request), ExchangeOrder, 'POST orders');
  }

  async charge(shopId: string, request: ChargeRequest) {
    return this.read(await this.send(shopId, 'POST', 'charges', request), Charge, 'POST charges');
  }

  async restock(shopId: string, request: RestockRequest) {
    return this.read(await this.send(shopId, 'POST', 'inventory/adjustments', request), Restock, 'POST inventory/adjustments');
  }

  private async send(shopId: string, method: string, path: string, body?: unknown): Promise<Response> {
    const endpoint = await this.endpoints(shopId);
    if (!endpoint) throw new ExchangesNotConfiguredError(`Shop ${shopId} has no exchange service configured`);
    const url = `${endpoint.apiUrl.replace(/\/+$/, '')}/${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    try {
      return await this.fetchImpl(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new StorefrontExchangeError(`${method} ${path} failed: ${(error as Error).message}`);
    }
  }

  private async read<S extends z.ZodType>(response: Response, schema: S, what: string, accepted: number[] = [200, 201]): Promise<z.output<S>> {
    const text = await response.text();
    if (!accepted.includes(response.status)) {
      const message = `${what} answered ${response.status}: ${text.slice(0, 200)}`;
      const refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw refused ? new StorefrontRefusedError(message, response.status) : new StorefrontExchangeError(message);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StorefrontExchangeError(`${what} answered ${response.status} with a body that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new StorefrontExchangeError(`${what} answered an invalid body at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return parsed.data;
  }
}
