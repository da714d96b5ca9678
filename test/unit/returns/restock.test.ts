// The restock step against the fake storefront's state and an in-memory case store that writes
// conditionally on the version, as the state table does.
import { describe, expect, it } from 'vitest';
import { StorefrontState } from '../../../infra/local/storefront/catalogue.ts';
import type { OrderLine } from '../../../shared/events/common.ts';
import type { ReturnCase } from '../../../shared/returns/case.ts';
import { restockKey, runRestockStep, type RestockDeps } from '../../../shared/returns/restock.ts';
import { ExchangesNotConfiguredError, StorefrontExchangeError, StorefrontRefusedError } from '../../../shared/storefronts/exchange-port.ts';

const now = new Date('2030-03-10T12:00:00Z');
const usd = (amount: number) => ({ amount, currency: 'USD' });
// The demo catalogue's green 2P tent and 8-pack of stakes.
const tent = '808950810';
const stakes = '808950811';

const orderLines: OrderLine[] = [
  { lineId: 'L1', variantId: tent, title: 'Trail tent 2P', quantity: 1, unitPrice: usd(24900) } as OrderLine,
  { lineId: 'L2', variantId: stakes, title: 'Stakes', quantity: 2, unitPrice: usd(1250) } as OrderLine,
  { lineId: 'L3', title: 'Gift wrap', quantity: 1, unitPrice: usd(500) } as OrderLine,
];

function inspectedCase(lines: ReturnCase['lines'], status: ReturnCase['status'] = 'inspected'): ReturnCase {
  return {
    id: 'ret_7',
    shopId: 'demo-shopify',
    orderId: 'o7',
    orderNumber: '#1007',
    customer: { id: 'c7', email: 'ada@example.com', locale: 'en' },
    status,
    lines,
    createdAt: '2030-03-01T10:00:00Z',
    updatedAt: '2030-03-09T10:00:00Z',
    version: 6,
    deadlines: { slaDueAt: '2030-03-02T10:00:00Z' },
    history: [],
    timers: [],
  } as ReturnCase;
}

const line = (lineItemId: string, quantity: number, restock: boolean | undefined, resolution: ReturnCase['lines'][number]['resolution'] = 'refund'): ReturnCase['lines'][number] => ({
  lineItemId,
  quantity,
  reason: 'too_small',
  resolution,
  ...(restock === undefined ? {} : { restock, condition: restock ? 'as_new' : 'damaged' }),
});

function setup(initial: ReturnCase, restock?: RestockDeps['port']['restock']) {
  const storefront = new StorefrontState(() => now);
  let stored = initial;
  let raceOnce = false;
  const deps: RestockDeps = {
    port: { restock: restock ?? (async (shop, request) => storefront.restock(shop, request).adjustment) },
    store: {
      get: async () => stored,
      update: async (next) => {
        if (raceOnce) {
          raceOnce = false;
          stored = { ...stored, version: stored.version + 1 };
          return false;
        }
        if (next.version !== stored.version + 1) return false;
        stored = next;
        return true;
      },
    },
    orderLines: async () => orderLines,
    now: () => now,
  };
  const stock = (variantId: string) => storefront.snapshot('demo-shopify').variants.find((variant) => variant.variantId === variantId)!.stock;
  return { deps, storefront, stock, current: () => stored, raceNextWrite: () => (raceOnce = true) };
}

describe('the restock step', () => {
  it('puts back what passed inspection, whatever its resolution, and nothing written off', async () => {
    const { deps, stock, current } = setup(inspectedCase([line('L1', 1, true, 'exchange'), line('L2', 2, false)]));
    const before = { tent: stock(tent), stakes: stock(stakes) };
    expect(await runRestockStep(deps, 'demo-shopify', 'ret_7')).toEqual({ restocked: 1, skipped: 0 });
    expect(stock(tent)).toBe(before.tent + 1);
    expect(stock(stakes)).toBe(before.stakes);
    expect(current().lines[0]!.restocked).toEqual({ at: now.toISOString(), adjustmentId: expect.any(String) });
    expect(current().lines[1]!.restocked).toBeUndefined();
  });

  it('restocks once when the event comes again, and once when the case changed under it', async () => {
    const { deps, stock, storefront, raceNextWrite } = setup(inspectedCase([line('L2', 2, true)]));
    const before = stock(stakes);
    raceNextWrite();
    await runRestockStep(deps, 'demo-shopify', 'ret_7');
    expect(await runRestockStep(deps, 'demo-shopify', 'ret_7')).toBe('nothing_to_do');
    expect(stock(stakes)).toBe(before + 2);
    expect(storefront.snapshot('demo-shopify').adjustments.map((adjustment) => adjustment.key)).toEqual([restockKey('ret_7', 'L2')]);
  });

  it('waits for the inspection', async () => {
    const { deps } = setup(inspectedCase([line('L1', 1, undefined)], 'received'));
    expect(await runRestockStep(deps, 'demo-shopify', 'ret_7')).toBe('nothing_to_do');
  });

  it('records why a line was not restocked: no variant, no storefront service, a refusal', async () => {
    const noVariant = setup(inspectedCase([line('L3', 1, true)]));
    expect(await runRestockStep(noVariant.deps, 'demo-shopify', 'ret_7')).toEqual({ restocked: 0, skipped: 1 });
    expect(noVariant.current().lines[0]!.restocked?.skipped).toMatch(/no variant/);

    const unconfigured = setup(inspectedCase([line('L1', 1, true)]), async () => {
      throw new ExchangesNotConfiguredError('no exchanges');
    });
    await runRestockStep(unconfigured.deps, 'demo-shopify', 'ret_7');
    expect(unconfigured.current().lines[0]!.restocked?.skipped).toMatch(/exchanges/);

    const refused = setup(inspectedCase([line('L1', 1, true)]), async () => {
      throw new StorefrontRefusedError('POST inventory/adjustments answered 422: unknown variant', 422);
    });
    await runRestockStep(refused.deps, 'demo-shopify', 'ret_7');
    expect(refused.current().lines[0]!.restocked?.skipped).toMatch(/refused.*422/);
  });

  it('throws, recording nothing, when the storefront cannot be reached (the event is retried)', async () => {
    const { deps, current } = setup(inspectedCase([line('L1', 1, true)]), async () => {
      throw new StorefrontExchangeError('POST inventory/adjustments failed: timeout');
    });
    await expect(runRestockStep(deps, 'demo-shopify', 'ret_7')).rejects.toThrow(StorefrontExchangeError);
    expect(current().lines[0]!.restocked).toBeUndefined();
  });
});
