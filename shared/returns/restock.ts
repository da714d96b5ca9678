// The restock step of a return: once inspected, the lines that passed (`restock: true`) go back on
// the storefront's shelf, one inventory adjustment per line under the key `<caseId>:restock:<line>`,
// whatever the refund's timing or the line's resolution (refund, credit or exchange). Each line
// records what was done on the case, conditionally on the version read, so a redelivered event
// restocks nothing twice. A shop without a storefront service, or a variant the storefront no
// longer has, is recorded as skipped, with why, on the case (ops see it); an unreachable storefront
// throws, and the event is retried. No AWS here.
import type { OrderLine } from '../events/common.ts';
import { ExchangesNotConfiguredError, StorefrontRefusedError, type StorefrontExchangePort } from '../storefronts/exchange-port.ts';
import type { CaseLine, ReturnCase } from './case.ts';
import type { ExchangeCaseStore } from './exchange-steps.ts';

export interface RestockDeps {
  port: Pick<StorefrontExchangePort, 'restock'>;
  store: Pick<ExchangeCaseStore, 'get' | 'update'>;
  /** The order's lines, for the variants; undefined when the order is unknown. */
  orderLines(shopId: string, orderId: string): Promise<readonly OrderLine[] | undefined>;
  now: () => Date;
}

export type RestockOutcome = { restocked: number; skipped: number } | 'nothing_to_do' | 'no_case';

const maxAttempts = 5;

export const restockKey = (caseId: string, lineItemId: string) => `${caseId}:restock:${lineItemId}`;

/** The inspected lines still to put back in stock. */
export const linesToRestock = (c: ReturnCase): CaseLine[] => (c.status === 'inspected' || c.status === 'resolved' ? c.lines.filter((line) => line.restock === true && !line.restocked) : []);

async function restockLine(deps: RestockDeps, c: ReturnCase, line: CaseLine, variantId: string | undefined): Promise<NonNullable<CaseLine['restocked']>> {
  const at = deps.now().toISOString();
  if (!variantId) return { at, skipped: 'The order line names no variant' };
  try {
    const { adjustmentId } = await deps.port.restock(c.shopId, { key: restockKey(c.id, line.lineItemId), variantId, quantity: line.quantity, reason: `Return ${c.id}: inspected ${line.condition ?? ''}`.trim() });
    return { at, adjustmentId };
  } catch (error) {
    if (error instanceof ExchangesNotConfiguredError) return { at, skipped: 'The shop has no storefront service configured (shop setting `exchanges`)' };
    if (error instanceof StorefrontRefusedError) return { at, skipped: `The storefront refused the restock: ${error.message}`.slice(0, 300) };
    throw error;
  }
}

export async function runRestockStep(deps: RestockDeps, shopId: string, caseId: string): Promise<RestockOutcome> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const c = await deps.store.get(shopId, caseId);
    if (!c) return 'no_case';
    const pending = linesToRestock(c);
    if (!pending.length) return 'nothing_to_do';
    const orderLines = await deps.orderLines(shopId, c.orderId);
    if (!orderLines) throw new Error(`Order ${shopId}/${c.orderId} of return ${caseId} is not known yet`);
    const variants = new Map(orderLines.map((line) => [line.lineId, line.variantId]));
    // Sequential: a storefront that fails half way leaves the lines done so far recorded by their keys.
    const done = new Map<string, NonNullable<CaseLine['restocked']>>();
    for (const line of pending) done.set(line.lineItemId, await restockLine(deps, c, line, variants.get(line.lineItemId)));
    const next: ReturnCase = {
      ...c,
      version: c.version + 1,
      updatedAt: deps.now().toISOString(),
      lines: c.lines.map((line) => (done.has(line.lineItemId) ? { ...line, restocked: done.get(line.lineItemId)! } : line)),
    };
    if (await deps.store.update(next, [])) {
      const records = [...done.values()];
      return { restocked: records.filter((record) => record.adjustmentId).length, skipped: records.filter((record) => record.skipped).length };
    }
  }
  throw new Error(`Return ${caseId} kept changing while it was restocked`);
}
