// The exchange steps against the fake storefront's state and an in-memory case store that writes
// conditionally on the version, as the state table does.
import { describe, expect, it } from 'vitest';
import { StorefrontState } from '../../../infra/local/storefront/catalogue.ts';
import type { ReturnCase } from '../../../shared/returns/case.ts';
import { priceDifference, type LineExchange } from '../../../shared/returns/exchange.ts';
import { runExchangeStep, type ExchangeCaseStore, type ExchangeTrigger } from '../../../shared/returns/exchange-steps.ts';
import type { OutboxEvent } from '../../../shared/returns/messages.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../../../shared/returns/policy.ts';
import type { StorefrontExchangePort } from '../../../shared/storefronts/exchange-port.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const now = new Date('2030-03-01T12:00:00Z');

function exchange(variantId: string, original: number, replacement: number, quantity: number): LineExchange {
  return { variantId, title: `Variant ${variantId}`, unitPrice: usd(replacement), originalUnitPrice: usd(original), priceDifference: priceDifference(usd(original), usd(replacement), quantity, 'charge_or_refund') };
}

/** A case approved by policy: the 2P tent (249.00) exchanged for the variant given. */
function approvedCase(variantId: string, replacement: number, extra: Partial<ReturnCase> = {}): ReturnCase {
  return {
    id: 'ret_1',
    shopId: 'demo-shopify',
    orderId: 'o1',
    orderNumber: '#1001',
    customer: { id: 'c1', email: 'ada@example.com', locale: 'en' },
    status: 'approved',
    lines: [{ lineItemId: 'L1', quantity: 1, reason: 'too_small', resolution: 'exchange', exchangeVariantId: variantId, exchange: exchange(variantId, 24900, replacement, 1) }],
    createdAt: '2030-03-01T10:00:00Z',
    updatedAt: '2030-03-01T10:00:00Z',
    version: 1,
    deadlines: { shipBy: '2030-03-15T23:59:59Z', slaDueAt: '2030-03-02T10:00:00Z' },
    history: [],
    timers: [],
    ...extra,
  };
}

function setup(initial: ReturnCase, policy: ReturnPolicy = defaultReturnPolicy) {
  const storefront = new StorefrontState(() => now);
  const calls: string[] = [];
  const port: StorefrontExchangePort = {
    variant: async (shop, id) => storefront.variant(shop, id),
    reserve: async (shop, request) => {
      calls.push(`reserve ${request.key}`);
      const available = storefront.available(shop, request.variantId);
      const existing = storefront.snapshot(shop).reservations.find((r) => r.key === request.key);
      if (!existing && available < request.quantity) return { ok: false, reason: 'out_of_stock', available };
      return { ok: true, reservationId: storefront.reserve(shop, request).reservationId };
    },
    release: async (shop, key) => void storefront.release(shop, key),
    createExchangeOrder: async (shop, request) => {
      calls.push(`order ${request.key}`);
      return storefront.createOrder(shop, request).order;
    },
    charge: async (shop, request) => {
      calls.push(`charge ${request.key}`);
      return storefront.charge(shop, request).charge;
    },
    restock: async (shop, request) => storefront.restock(shop, request).adjustment,
  };
  let current = structuredClone(initial);
  const events: OutboxEvent[] = [];
  let interfere = 0;
  const write = (next: ReturnCase): boolean => {
    if (interfere > 0) {
      // Someone else moves the case between this step's read and its write.
      interfere--;
      current = { ...current, version: current.version + 1, history: [...current.history, { at: now.toISOString(), action: 'reassign', from: current.status, to: current.status, actor: { kind: 'system' } }] };
      return false;
    }
    if (next.version !== current.version + 1) return false;
    current = structuredClone(next);
    return true;
  };
  const store: ExchangeCaseStore = {
    get: async () => structuredClone(current),
    policy: async () => policy,
    update: async (next, outbox) => {
      const ok = write(next);
      if (ok) events.push(...outbox);
      return ok;
    },
    transition: async (result) => {
      const ok = write(result.next);
      if (ok) events.push(...result.events.map((event) => ({ definition: { detailType: event.name } as never, eventId: 'x', detail: event.detail })));
      return ok;
    },
  };
  const step = (trigger: ExchangeTrigger) => runExchangeStep({ port, store, now: () => now }, initial.shopId, initial.id, trigger);
  return { storefront, calls, step, events, case: () => current, interfereOnce: () => void (interfere = 1), move: (patch: Partial<ReturnCase>) => void (current = { ...current, ...patch, version: current.version + 1 }) };
}

const eventNames = (events: OutboxEvent[]) => events.map((event) => (event.definition as { detailType: string }).detailType);

describe('exchange steps', () => {
  it('at approval reserves the dearer replacement and charges the difference, once', async () => {
    const run = setup(approvedCase('808950830', 29900));
    expect(await run.step({ kind: 'approved' })).toBe('recorded');
    expect(run.case().exchange).toEqual({
      instant: false,
      reservations: [{ lineItemId: 'L1', variantId: '808950830', quantity: 1, key: 'ret_1:L1', status: 'reserved', reservationId: expect.any(String) }],
      differenceCharge: { chargeId: expect.any(String), amount: usd(5000) },
    });
    expect(run.case().history.at(-1)).toMatchObject({ action: 'exchange_reserved', from: 'approved', to: 'approved', actor: { kind: 'system' } });
    expect(await run.step({ kind: 'approved' })).toBe('nothing_to_do');
    expect(run.storefront.snapshot('demo-shopify').charges).toEqual([expect.objectContaining({ key: 'ret_1:difference', amount: usd(5000) })]);
    expect(run.case().version).toBe(2);
  });

  it('charges nothing for a cheaper replacement at approval', async () => {
    const run = setup(approvedCase('808950840', 19900));
    await run.step({ kind: 'approved' });
    expect(run.case().exchange?.differenceCharge).toBeUndefined();
    expect(run.storefront.snapshot('demo-shopify').charges).toEqual([]);
  });

  it('records an out-of-stock replacement and neither charges nor ships', async () => {
    const run = setup(approvedCase('808950850', 24900), ReturnPolicy.parse({ ...defaultReturnPolicy, exchanges: { instant: true } }));
    await run.step({ kind: 'approved' });
    expect(run.case().exchange).toMatchObject({ reservations: [{ status: 'out_of_stock' }] });
    expect(run.case().exchange?.order).toBeUndefined();
    expect(run.calls).toEqual(['reserve ret_1:L1']);
  });

  it('retries on a concurrent change without reserving or charging twice', async () => {
    const run = setup(approvedCase('808950830', 29900));
    run.interfereOnce();
    expect(await run.step({ kind: 'approved' })).toBe('recorded');
    expect(run.case().version).toBe(3);
    const snapshot = run.storefront.snapshot('demo-shopify');
    expect(snapshot.reservations).toHaveLength(1);
    expect(snapshot.charges).toHaveLength(1);
  });

  it('with instant exchange ships the replacement at approval and announces it', async () => {
    const run = setup(approvedCase('808950830', 29900), ReturnPolicy.parse({ ...defaultReturnPolicy, exchanges: { instant: true } }));
    await run.step({ kind: 'approved' });
    expect(run.case().exchange).toMatchObject({ instant: true, order: { orderId: expect.stringMatching(/^EX/), shippedEarly: true }, reservations: [{ status: 'ordered' }], differenceCharge: { amount: usd(5000) } });
    expect(eventNames(run.events)).toEqual(['ExchangeOrderCreated']);
    expect(run.events[0]?.detail).toMatchObject({ returnId: 'ret_1', exchangeOrderId: run.case().exchange?.order?.orderId, priceDifference: usd(5000), lines: [{ variantId: '808950830', quantity: 1, unitPrice: usd(29900), total: usd(29900) }] });
    expect(run.storefront.snapshot('demo-shopify').orders).toEqual([expect.objectContaining({ key: 'ret_1', lines: [{ variantId: '808950830', quantity: 1, reservationKey: 'ret_1:L1' }] })]);
  });

  it('when the items pass inspection creates the replacement order, records a refund owed, and resolves the case', async () => {
    const run = setup(approvedCase('808950840', 19900));
    await run.step({ kind: 'approved' });
    run.move({ status: 'inspected', lines: run.case().lines.map((line) => ({ ...line, condition: 'as_new', restock: true })) });
    expect(await run.step({ kind: 'inspected', outcome: 'passed' })).toBe('resolved');
    const resolved = run.case();
    expect(resolved.status).toBe('resolved');
    expect(resolved.exchange).toMatchObject({ order: { shippedEarly: false }, refundDue: usd(5000), reservations: [{ status: 'ordered' }] });
    expect(eventNames(run.events)).toEqual(['ExchangeOrderCreated', 'ReturnResolved']);
    expect(run.events[1]?.detail).toMatchObject({ resolution: 'exchange', exchangeOrderId: resolved.exchange?.order?.orderId, resolvedBy: { kind: 'system' } });
    expect(await run.step({ kind: 'inspected', outcome: 'passed' })).toBe('nothing_to_do');
    expect(run.storefront.snapshot('demo-shopify').orders).toHaveLength(1);
  });

  it('tries again at inspection to reserve a replacement that was out of stock, and ships only when it is in', async () => {
    const run = setup(approvedCase('808950850', 24900));
    await run.step({ kind: 'approved' });
    run.move({ status: 'inspected' });
    expect(await run.step({ kind: 'inspected', outcome: 'passed' })).toBe('nothing_to_do');
    expect(run.case().status).toBe('inspected');
    run.storefront.upsertVariant('demo-shopify', { variantId: '808950850', productId: '632910392', title: 'Trail tent 2P - Orange', price: usd(24900), stock: 3 });
    expect(await run.step({ kind: 'inspected', outcome: 'passed' })).toBe('resolved');
    expect(run.case().exchange).toMatchObject({ reservations: [{ status: 'ordered', reservationId: expect.any(String) }], order: { shippedEarly: false } });
    expect(run.calls).toEqual(['reserve ret_1:L1', 'reserve ret_1:L1', 'reserve ret_1:L1', 'order ret_1']);
  });

  it('leaves a case with other resolutions to whoever pays them', async () => {
    const base = approvedCase('808950830', 29900);
    const run = setup({ ...base, status: 'inspected', lines: [...base.lines, { lineItemId: 'L2', quantity: 1, reason: 'too_small', resolution: 'refund', condition: 'as_new' }] });
    expect(await run.step({ kind: 'inspected', outcome: 'passed' })).toBe('recorded');
    expect(run.case().status).toBe('inspected');
    expect(run.case().exchange?.order).toBeDefined();
    expect(run.calls).toEqual(['charge ret_1:difference', 'order ret_1']);
  });

  it('when the inspection fails releases the reservation and owes back the difference charged', async () => {
    const run = setup(approvedCase('808950830', 29900));
    await run.step({ kind: 'approved' });
    run.move({ status: 'inspected' });
    await run.step({ kind: 'inspected', outcome: 'failed' });
    expect(run.case().exchange).toMatchObject({ reservations: [{ status: 'released' }], refundDue: usd(5000) });
    expect(run.storefront.available('demo-shopify', '808950830')).toBe(100);
    expect(await run.step({ kind: 'inspected', outcome: 'failed' })).toBe('nothing_to_do');
  });

  it('charges the original items once when an instant exchange’s items never come back', async () => {
    const run = setup(approvedCase('808950830', 29900), ReturnPolicy.parse({ ...defaultReturnPolicy, exchanges: { instant: true } }));
    await run.step({ kind: 'approved' });
    run.move({ status: 'expired' });
    expect(await run.step({ kind: 'expired' })).toBe('recorded');
    expect(await run.step({ kind: 'expired' })).toBe('nothing_to_do');
    expect(run.case().exchange?.unreturnedCharge).toEqual({ chargeId: expect.any(String), amount: usd(24900) });
    expect(run.storefront.snapshot('demo-shopify').charges.map((charge) => charge.key)).toEqual(['ret_1:difference', 'ret_1:unreturned']);
  });

  it('releases the reservation of a return that expired or was cancelled before anything shipped', async () => {
    for (const kind of ['expired', 'cancelled'] as const) {
      const run = setup(approvedCase('808950840', 19900));
      await run.step({ kind: 'approved' });
      run.move({ status: kind });
      await run.step({ kind });
      expect(run.case().exchange).toMatchObject({ reservations: [{ status: 'released' }] });
      expect(run.case().exchange?.refundDue).toBeUndefined();
    }
  });

  it('does nothing for a return without exchange lines', async () => {
    const run = setup({ ...approvedCase('808950830', 29900), lines: [{ lineItemId: 'L1', quantity: 1, reason: 'too_small', resolution: 'store_credit' }] });
    expect(await run.step({ kind: 'approved' })).toBe('nothing_to_do');
    expect(run.calls).toEqual([]);
  });
});
