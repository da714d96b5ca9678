import { describe, expect, it } from 'vitest';
import { OrderCancelled, OrderPlaced, ShipmentDelivered, TimerFired } from '../../../shared/events/catalogue.ts';
import {
  EventPublishError,
  EventPublisher,
  EventTooLargeError,
  EventValidationError,
  maxRequestBytes,
  putEventsEntrySize,
  type EventPublisherOptions,
} from '../../../shared/events/publisher.ts';
import { detailsOf, FakeEventBridge, type FailurePlan } from './fake-event-bridge.ts';

function setup(plan?: FailurePlan, options: Partial<EventPublisherOptions> = {}) {
  const client = new FakeEventBridge(plan);
  const sleeps: number[] = [];
  const publisher = new EventPublisher({
    client,
    eventBusName: 'aftersales-bus',
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps, publisher };
}

const order = (n: number) => ({ ...OrderCancelled.example, orderId: `order-${n}` });
const orders = (count: number) => Array.from({ length: count }, (_, n) => ({ definition: OrderCancelled, detail: order(n) }));

describe('EventPublisher', () => {
  it('puts a valid event on the bus and returns its id', async () => {
    const { client, publisher } = setup();
    const eventId = await publisher.publish(OrderPlaced, OrderPlaced.example, { resources: ['order/5012345678901'] });
    expect(client.requests).toHaveLength(1);
    const [entry] = client.requests[0]!;
    expect(entry).toMatchObject({ EventBusName: 'aftersales-bus', Source: 'aftersales.orders', DetailType: 'OrderPlaced', Resources: ['order/5012345678901'] });
    expect(JSON.parse(entry!.Detail!)).toEqual(OrderPlaced.example);
    expect(client.accepted[0]).toMatchObject({ id: eventId });
  });

  it('validates before sending: an invalid detail sends nothing and names the event and the field', async () => {
    const { client, publisher } = setup();
    const bad = { ...OrderPlaced.example, lines: [{ ...OrderPlaced.example.lines[0]!, quantity: 0 }] };
    const error = await publisher.publish(OrderPlaced, bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as Error).message).toMatch(/aftersales\.orders OrderPlaced/);
    expect((error as Error).message).toContain('lines[0].quantity');
    expect((error as EventValidationError).paths).toEqual(['lines[0].quantity']);
    expect(client.requests).toHaveLength(0);
  });

  it('sends nothing from a batch when one item of it is invalid', async () => {
    const { client, publisher } = setup();
    const items = [...orders(12), { definition: TimerFired, detail: { ...TimerFired.example, kind: 'someday' as never } }];
    await expect(publisher.publishMany(items)).rejects.toThrow(/aftersales\.timers TimerFired detail \(item 12\): kind/);
    expect(client.requests).toHaveLength(0);
  });

  it('publishes the parsed detail: unknown fields never reach the bus', async () => {
    const { client, publisher } = setup();
    await publisher.publish(OrderCancelled, { ...OrderCancelled.example, shopifyAccessToken: 'shpat_123' } as never);
    expect(detailsOf(client.requests[0]!)[0]).not.toHaveProperty('shopifyAccessToken');
  });

  it('splits into requests of at most 10 entries and returns ids in order', async () => {
    const { client, publisher } = setup();
    const ids = await publisher.publishMany(orders(23));
    expect(client.requests.map((entries) => entries.length)).toEqual([10, 10, 3]);
    expect(ids).toHaveLength(23);
    expect(new Set(ids).size).toBe(23);
    expect(client.requests.flatMap(detailsOf).map((detail) => detail.orderId)).toEqual(orders(23).map((item) => item.detail.orderId));
    expect(client.accepted.map((event) => event.id)).toEqual(ids);
  });

  it('splits into requests under 256 KB', async () => {
    const { client, publisher } = setup();
    const line = OrderPlaced.example.lines[0]!;
    const big = (n: number) => ({
      ...OrderPlaced.example,
      orderId: `big-${n}`,
      lines: Array.from({ length: 250 }, (_, index) => ({ ...line, lineId: `line-${index}`, title: 'T'.repeat(200), variantTitle: 'V'.repeat(100) })),
    });
    await publisher.publishMany(Array.from({ length: 5 }, (_, n) => ({ definition: OrderPlaced, detail: big(n) })));
    expect(client.requests.length).toBeGreaterThan(1);
    for (const entries of client.requests) {
      expect(entries.reduce((sum, entry) => sum + putEventsEntrySize(entry), 0)).toBeLessThanOrEqual(maxRequestBytes);
    }
    expect(client.requests.flat()).toHaveLength(5);
  });

  it('refuses, before sending, an event over the entry size limit', async () => {
    const { client, publisher } = setup();
    const line = OrderPlaced.example.lines[0]!;
    const huge = {
      ...OrderPlaced.example,
      lines: Array.from({ length: 250 }, (_, index) => ({
        ...line,
        lineId: `${'L'.repeat(90)}${index}`,
        productId: 'P'.repeat(100),
        variantId: 'V'.repeat(100),
        sku: 'S'.repeat(64),
        title: 'é'.repeat(200),
        variantTitle: 'é'.repeat(100),
      })),
    };
    await expect(publisher.publishMany([...orders(2), { definition: OrderPlaced, detail: huge }])).rejects.toBeInstanceOf(EventTooLargeError);
    expect(client.requests).toHaveLength(0);
  });

  it('retries only the failed entries, with growing backoff', async () => {
    // order-1 fails twice, order-3 once: then everything goes through.
    const plan: FailurePlan = (entry, attempt) => {
      const { orderId } = JSON.parse(entry.Detail!);
      if (orderId === 'order-1' && attempt <= 2) return { code: 'InternalFailure' };
      if (orderId === 'order-3' && attempt === 1) return { code: 'ThrottlingException' };
      return undefined;
    };
    const { client, publisher, sleeps } = setup(plan, { maxAttempts: 3, baseDelayMs: 100 });
    const ids = await publisher.publishMany(orders(5));
    expect(client.requests.map((entries) => detailsOf(entries).map((detail) => detail.orderId))).toEqual([
      ['order-0', 'order-1', 'order-2', 'order-3', 'order-4'],
      ['order-1', 'order-3'],
      ['order-1'],
    ]);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(5);
    // Equal jitter with random 0.5: 3/4 of 100 ms, then of 200 ms.
    expect(sleeps).toEqual([75, 150]);
  });

  it('throws after maxAttempts, listing what still failed and keeping the ids of what went through', async () => {
    const plan: FailurePlan = (entry) => (JSON.parse(entry.Detail!).orderId === 'order-2' ? { code: 'ThrottlingException', message: 'Rate exceeded' } : undefined);
    const { client, publisher, sleeps } = setup(plan, { maxAttempts: 4 });
    const error = (await publisher.publishMany(orders(12)).catch((caught: unknown) => caught)) as EventPublishError;
    expect(error).toBeInstanceOf(EventPublishError);
    expect(error.failures).toEqual([
      { index: 2, source: 'aftersales.orders', detailType: 'OrderCancelled', errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded', attempts: 4 },
    ]);
    expect(error.message).toContain('1 of 12 event(s) could not be published');
    expect(error.message).toContain('#2 aftersales.orders OrderCancelled: ThrottlingException');
    expect(error.eventIds.filter(Boolean)).toHaveLength(11);
    expect(error.eventIds[2]).toBeUndefined();
    // First batch: 10, then order-2 alone three more times; second batch: 2.
    expect(client.requests.map((entries) => entries.length)).toEqual([10, 1, 1, 1, 2]);
    expect(sleeps).toHaveLength(3);
  });

  it('does not retry entries failing with a permanent error', async () => {
    const { client, publisher, sleeps } = setup((entry) => (entry.DetailType === 'ShipmentDelivered' ? { code: 'NotAuthorizedForSourceException' } : undefined));
    const error = (await publisher
      .publishMany([
        { definition: OrderCancelled, detail: order(1) },
        { definition: ShipmentDelivered, detail: ShipmentDelivered.example },
      ])
      .catch((caught: unknown) => caught)) as EventPublishError;
    expect(error.failures).toMatchObject([{ index: 1, detailType: 'ShipmentDelivered', errorCode: 'NotAuthorizedForSourceException', attempts: 1 }]);
    expect(client.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reports every unsent event when the request itself fails', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: events:PutEvents'), { name: 'AccessDeniedException' });
    const client = new FakeEventBridge(undefined, denied);
    const publisher = new EventPublisher({ client, eventBusName: 'aftersales-bus', sleep: async () => {} });
    const error = (await publisher.publishMany(orders(3)).catch((caught: unknown) => caught)) as EventPublishError;
    expect(error).toBeInstanceOf(EventPublishError);
    expect(error.cause).toBe(denied);
    expect(error.failures.map((failure) => [failure.index, failure.errorCode])).toEqual([
      [0, 'AccessDeniedException'],
      [1, 'AccessDeniedException'],
      [2, 'AccessDeniedException'],
    ]);
  });

  it('types details per definition', () => {
    const { publisher } = setup();
    // @ts-expect-error: an OrderCancelled detail is not a TimerFired detail
    void publisher.publish(TimerFired, OrderCancelled.example).catch(() => {});
    // @ts-expect-error: the second item's detail does not match its definition
    void publisher.publishMany([{ definition: OrderCancelled, detail: order(1) }, { definition: TimerFired, detail: order(2) }]).catch(() => {});
  });
});
