// The delay desk through the ops API on the local stack, over watches written as the delay store
// keeps them (built with the delay domain from fixture orders): only orders with an open delay are
// listed, oldest detection first, with filters and paging; viewers may read, a request without a
// token may not; the measures count the customers told first.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { onOrderChanged, onTimer } from '../../shared/delays/flow.ts';
import { DelayWatch, openDelays, type TimerSlot } from '../../shared/delays/watch.ts';
import type { OrderState } from '../../shared/ingest/order-state.ts';
import type { DelaySettingsInput } from '../../shared/delays/settings.ts';
import { context, order, parcel, placedAt, state } from '../unit/delays/fixtures.ts';
import { api, clients, endpoints, opsToken, resourceName, uniqueId } from './support.ts';

const shopId = uniqueId('it-delay');
const table = resourceName('BackboneStateTable');

/** An order of the private shop, to `country`, with its parcels. */
function orderState(orderId: string, country: string, parcels: Parameters<typeof parcel>[0][] = []): OrderState {
  const placed = order({ shopId, orderId, orderNumber: `#${orderId}`, shippingAddress: { countryCode: country } });
  return state(placed, parcels.map((p) => parcel({ shopId, orderId, ...p })), { shopId, orderId });
}

/** The watch after the order was placed (as `current`) and the timer of `slot` fired an hour late. */
function watchAfterTimer(current: OrderState, slot: TimerSlot, settings: DelaySettingsInput = {}): DelayWatch {
  const placed = onOrderChanged(undefined, current, context(placedAt, settings)).watch!;
  const timer = placed.timers.find((t) => t.slot === slot)!;
  const fired = onTimer(placed, current, timer, context(new Date(Date.parse(timer.dueAt) + 3_600_000), settings));
  expect(fired.detected).toHaveLength(1);
  return fired.watch!;
}

async function put(orderState: OrderState, watch: DelayWatch) {
  const open = openDelays(DelayWatch.parse(watch)).map((d) => d.detectedAt).sort();
  await clients.dynamo.send(new PutCommand({ TableName: table, Item: { pk: `ORDER#${shopId}#${orderState.orderId}`, sk: 'STATE', state: orderState, gsi1pk: `ORDERS#${shopId}`, gsi1sk: orderState.order!.createdAt } }));
  await clients.dynamo.send(
    new PutCommand({
      TableName: table,
      Item: { pk: `DELAYWATCH#${shopId}#${watch.orderId}`, sk: 'WATCH', watch, version: 1, ...(open[0] ? { gsi1pk: `DELAYS#${shopId}#open`, gsi1sk: `${open[0]}#${watch.orderId}` } : {}) },
    }),
  );
}

const shippedUps = { fulfillmentId: 'f-1', createdAt: '2024-05-07T14:00:00Z', shipmentStatus: 'in_transit' as const };

beforeAll(async () => {
  // A: not shipped by Wednesday, the customer got an apology; still open.
  const a = orderState('A-1', 'FR');
  await put(a, watchAfterTimer(a, 'ship_by'));
  // B: shipped with UPS to Germany, on time: no delay.
  const b = orderState('B-1', 'DE', [shippedUps]);
  await put(b, onOrderChanged(undefined, b, context('2024-05-07T15:00:00Z')).watch!);
  // C: shipped late, the shop tells customers nothing; delivered since, so resolved.
  const c = orderState('C-1', 'FR');
  const late = watchAfterTimer(c, 'ship_by', { notifyCustomerOf: [] });
  const cDelivered = orderState('C-1', 'FR', [{ ...shippedUps, createdAt: '2024-05-10T09:00:00Z', shipmentStatus: 'delivered', deliveredAt: '2024-05-13T09:00:00Z' }]);
  const delivered = onOrderChanged(late, cDelivered, context('2024-05-13T10:00:00Z', { notifyCustomerOf: [] })).watch!;
  expect(openDelays(delivered)).toEqual([]);
  await put(cDelivered, delivered);
  // D: shipped with UPS to Germany, not delivered by its deliver-by: open.
  const d = orderState('D-1', 'DE', [shippedUps]);
  await put(d, watchAfterTimer(d, 'deliver_by'));
});

describe('listDelayedOrders', () => {
  it('lists the orders with an open delay, oldest detection first, for a viewer', async () => {
    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data, error } = await viewer.GET('/ops/delays', { params: { query: { shopId } } });
    expect(error).toBeUndefined();
    expect(data!.items.map((o) => o.orderId)).toEqual(['A-1', 'D-1']);
    const [a, d] = data!.items;
    expect(a).toMatchObject({ orderNumber: '#A-1', destinationCountry: 'FR', phase: 'awaiting_shipment', customerNotified: true, lastNotice: { messageType: 'delay_apology' } });
    expect(a!.openDelays).toEqual([expect.objectContaining({ reason: 'not_shipped_in_time', promisedBy: '2024-05-08T21:59:59.000Z' })]);
    expect(Date.parse(a!.customerNotifiedAt!)).toBeGreaterThanOrEqual(Date.parse(a!.openDelays[0]!.detectedAt));
    expect(d).toMatchObject({ carrier: 'ups', destinationCountry: 'DE', phase: 'in_transit', openDelays: [expect.objectContaining({ reason: 'delivery_overdue' })] });
  });

  it('filters by reason, severity, carrier and destination, and pages with the cursor', async () => {
    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const ids = async (query: Record<string, string | number>) => {
      const { data, error } = await viewer.GET('/ops/delays', { params: { query: { shopId, ...query } } });
      expect(error).toBeUndefined();
      return data!.items.map((o) => o.orderId);
    };
    expect(await ids({ reason: 'delivery_overdue' })).toEqual(['D-1']);
    expect(await ids({ reason: 'lost_in_transit' })).toEqual([]);
    expect(await ids({ carrier: 'UPS' })).toEqual(['D-1']);
    expect(await ids({ destination: 'FR' })).toEqual(['A-1']);
    const all = (await viewer.GET('/ops/delays', { params: { query: { shopId } } })).data!.items;
    expect(await ids({ severity: all[0]!.openDelays[0]!.severity })).toContain('A-1');

    const first = await viewer.GET('/ops/delays', { params: { query: { shopId, limit: 1 } } });
    expect(first.data!.items.map((o) => o.orderId)).toEqual(['A-1']);
    const second = await viewer.GET('/ops/delays', { params: { query: { shopId, limit: 1, cursor: first.data!.nextCursor! } } });
    expect(second.data!.items.map((o) => o.orderId)).toEqual(['D-1']);
  });

  it('refuses a request without a token', async () => {
    expect((await api(`/ops/delays?shopId=${shopId}`)).status).toBe(401);
    expect((await api(`/ops/delays/metrics?shopId=${shopId}`)).status).toBe(401);
  });
});

describe('getDelayMetrics', () => {
  it('measures the orders placed in the period: told first, time to notice, rates by carrier and destination', async () => {
    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data, error } = await viewer.GET('/ops/delays/metrics', { params: { query: { shopId, from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z' } } });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ shopId, ordersPlaced: 4, complete: true, delayedOrders: 3, notifiedOrders: 2, toldFirst: { orders: 2, share: 0.6667 } });
    expect(data!.detectionToNotificationMinutes.count).toBe(2);
    expect(data!.byReason).toEqual([
      { reason: 'not_shipped_in_time', orders: 2 },
      { reason: 'delivery_overdue', orders: 1 },
    ]);
    expect(data!.byCarrier).toEqual([
      { key: 'unknown', shippedOrders: 1, delayedOrders: 1, rate: 1 },
      { key: 'ups', shippedOrders: 3, delayedOrders: 2, rate: 0.6667 },
    ]);
    expect(data!.byDestination).toEqual([
      { key: 'FR', shippedOrders: 2, delayedOrders: 2, rate: 1 },
      { key: 'DE', shippedOrders: 2, delayedOrders: 1, rate: 0.5 },
    ]);
  });

  it('counts nothing outside the period and refuses a period that ends before it starts', async () => {
    const viewer = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const empty = await viewer.GET('/ops/delays/metrics', { params: { query: { shopId, from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z' } } });
    expect(empty.data).toMatchObject({ ordersPlaced: 0, delayedOrders: 0, toldFirst: { orders: 0, share: null }, byCarrier: [], byDestination: [] });
    const backwards = await viewer.GET('/ops/delays/metrics', { params: { query: { shopId, from: '2024-07-01T00:00:00Z', to: '2024-06-01T00:00:00Z' } } });
    expect(backwards.response.status).toBe(400);
  });
});
