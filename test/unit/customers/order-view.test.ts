// What a customer sees of an order, and which order with a number is theirs.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { CustomerOrder } from '#shared/api/schemas-customer.ts';
import { ApiProblem } from '#shared/api/validate.ts';
import { authenticateCustomer, bearerToken } from '#shared/customers/authenticate.ts';
import { customerOrder, ownOrder } from '#shared/customers/order-view.ts';
import { signCustomerSession } from '#shared/customers/session.ts';
import { applyFulfillment, applyOrder, emptyOrderState, type OrderState } from '#shared/ingest/order-state.ts';
import { normalizeShopify } from '#shared/storefronts/shopify.ts';
import { shopifyFulfillment, shopifyOrder } from '../../support/shopify-payloads.ts';

const ctx = { shopId: 'demo-shopify', defaultLocale: 'en' };

function stored(orderId: number, email: string): OrderState {
  const delivery = normalizeShopify('orders/create', shopifyOrder({ orderId, email }), ctx);
  if (delivery.kind !== 'order') throw new Error('expected an order');
  let state = applyOrder(emptyOrderState('demo-shopify', String(orderId)), delivery.order)!.next;
  const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: 91, orderId, shipmentStatus: 'in_transit', updatedAt: '2026-11-22T00:00:00Z' }), ctx);
  if (shipped.kind !== 'fulfillment') throw new Error('expected a fulfillment');
  state = applyFulfillment(state, shipped.fulfillment)!.next;
  return { ...state, version: 2 };
}

describe('customerOrder', () => {
  it('shows lines, totals, parcels with tracking and refunds, and nothing internal', () => {
    const view = customerOrder(ownOrder([stored(5_500_001, 'ada@example.com')], 'ada@example.com')!);
    expect(CustomerOrder.parse(view)).toEqual(view);
    expect(view.lines.map((line) => line.sku)).toEqual(['TENT-2P', 'STAKE-8']);
    expect(view.fulfillments).toHaveLength(1);
    expect(view.fulfillments[0]).toMatchObject({ shipmentStatus: 'in_transit', lines: expect.any(Array) });
    const text = JSON.stringify(view);
    for (const internal of ['version', 'shopId', 'orderId', 'customer', 'tags', 'sourceUpdatedAt', 'shippingAddress', 'ada@example.com']) {
      expect(text, internal).not.toContain(`"${internal}"`);
    }
    expect(text).not.toContain('ada@example.com');
  });
});

describe('ownOrder', () => {
  it('picks the order placed with the email, in any case, and nothing otherwise', () => {
    const mine = stored(5_500_002, 'Ada@Example.com');
    const theirs = stored(5_500_003, 'eve@example.com');
    expect(ownOrder([theirs, mine], 'ADA@example.COM')).toBe(mine);
    expect(ownOrder([theirs], 'ada@example.com')).toBeUndefined();
    expect(ownOrder([emptyOrderState('demo-shopify', '1')], 'ada@example.com')).toBeUndefined();
  });
});

describe('authenticateCustomer', () => {
  const secret = 's'.repeat(64);
  const event = (authorization?: string) => ({ headers: authorization ? { Authorization: authorization } : {} }) as Pick<APIGatewayProxyEventV2, 'headers'>;
  const problem = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ApiProblem) return error;
      throw error;
    }
    throw new Error('expected an ApiProblem');
  };

  it('reads the bearer token, in any header case', () => {
    expect(bearerToken(event('Bearer abc.def.ghi'))).toBe('abc.def.ghi');
    expect(bearerToken(event('bearer abc'))).toBe('abc');
    expect(bearerToken(event('Basic abc'))).toBeUndefined();
    expect(bearerToken(event())).toBeUndefined();
  });

  it('returns the claims of a valid session, 401 otherwise', () => {
    const now = () => new Date('2031-05-01T10:00:00Z');
    const { token, claims } = signCustomerSession({ shopId: 'demo-shopify', email: 'ada@example.com' }, secret, now);
    expect(authenticateCustomer(event(`Bearer ${token}`), secret, now)).toEqual(claims);
    expect(problem(() => authenticateCustomer(event(), secret, now))).toMatchObject({ status: 401, detail: expect.stringContaining('POST /customer/sessions') });
    expect(problem(() => authenticateCustomer(event(`Bearer ${token}x`), secret, now)).status).toBe(401);
    expect(problem(() => authenticateCustomer(event(`Bearer ${token}`), secret, () => new Date('2031-05-01T11:00:01Z'))).detail).toMatch(/expired/);
  });
});
