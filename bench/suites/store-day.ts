// "A day of a store": a synthetic day (bench/store-day/generator.ts) replayed as signed Shopify
// webhooks and customer portal requests through a fresh local stack, with the local clock moved
// in steps; wall time, deliveries per second, request → customer message latency, and whether
// every expected case, delay, refund and message exists exactly once.
// `npm run bench -- --orders N` sets the day's size.
import path from 'node:path';
import { startLocalStack } from '../../infra/local/stack.ts';
import { localWebhookSecret } from '../../infra/local/demo-shops.ts';
import { generateStoreDay } from '../store-day/generator.ts';
import { StoreDayReplay } from '../store-day/replay.ts';
import { costPer1000Orders, loadPrices, type CostPer1000Orders } from '../cost.ts';
import type { UsageSnapshot } from '../../infra/local/usage/counters.ts';
import { sizeFromArgv, type StoreDayFigures, type SuiteResult } from '../results.ts';

/**
 * The day the suite replays when `--orders` is not given. The issue's default day is 10,000
 * orders, but the local pipeline replays a store day at about 3.4 deliveries a second here
 * (500 orders, 2,256 deliveries: 655 s, of which 442 s waiting for the stack to settle, on two
 * cores shared with other work), so a full day would take hours: the suite replays a sample that
 * keeps `npm run bench` within its 10 minutes, and says so in its notes.
 */
export const defaultSampleOrders = 200;

export function ordersFromArgv(argv: readonly string[]): number | undefined {
  return sizeFromArgv(argv, '--orders');
}

export const storeDaySuite = {
  name: 'store-day',
  async run(): Promise<SuiteResult & { storeDay: StoreDayFigures; costPer1000Orders?: CostPer1000Orders }> {
    const orders = ordersFromArgv(process.argv) ?? defaultSampleOrders;
    const projectRoot = path.resolve(import.meta.dirname, '../..');
    const stack = await startLocalStack({ projectRoot, port: 0, persist: false, log: () => undefined });
    try {
      const day = generateStoreDay({ orders, seed: 11, startAfter: stack.clock.nowMs(), runTag: 'bench', orderIdBase: 5_100_000 });
      const started = performance.now();
      let printedTenths = 0;
      const replay = new StoreDayReplay({ api: stack.endpoints.api, mailbox: stack.endpoints.sesv2, webhookSecret: localWebhookSecret() }, {
        concurrency: 16,
        // The cost counts the day only, not the stack's start or the jump to the day's Monday.
        beforeStart: async () => void (await fetch(`${stack.endpoints.api}/_local/usage/reset`, { method: 'POST' })),
        onProgress: ({ done, total }) => {
          if (Math.floor((done * 10) / total) === printedTenths) return;
          printedTenths = Math.floor((done * 10) / total);
          process.stderr.write(`  store-day: ${done}/${total} deliveries, ${Math.round((performance.now() - started) / 1000)} s\n`);
        },
      });
      const result = await replay.run(day);
      const usage = await fetch(`${stack.endpoints.api}/_local/usage`);
      const cost = usage.status === 200 ? costPer1000Orders((await usage.json()) as UsageSnapshot, orders, loadPrices()) : undefined;
      const storeDay: StoreDayFigures = {
        orders,
        wallSeconds: result.wallSeconds,
        deliveriesPerSecond: result.deliveriesPerSecond,
        p50WebhookToMessageMs: result.p50WebhookToMessageMs,
        p99WebhookToMessageMs: result.p99WebhookToMessageMs,
        reconciled: result.reconciled,
      };
      const fates = { not_shipped: 0, carrier_exception: 0, returns: 0, exchanges: 0, storefrontRefunds: 0, reorders: 0, partial: 0 };
      for (const order of day.orders) {
        if (order.fate !== 'delivered') fates[order.fate]++;
        if (order.returnCase) fates.returns++;
        if (order.returnCase?.resolution === 'exchange') fates.exchanges++;
        if (order.storefrontRefund) fates.storefrontRefunds++;
        if (order.reorder) fates.reorders++;
        if (order.fulfilments > 1) fates.partial++;
      }
      return {
        suite: 'store-day',
        storeDay,
        ...(cost ? { costPer1000Orders: cost } : {}),
        figures: [
          { name: 'orders', value: orders, unit: 'orders', better: 'higher', comparable: false },
          { name: 'wall time', value: result.wallSeconds, unit: 's', better: 'lower', comparable: false },
          { name: 'deliveries per second', value: result.deliveriesPerSecond, unit: '/s', better: 'higher', comparable: false },
          { name: 'p50 request to customer message', value: result.p50WebhookToMessageMs, unit: 'ms', better: 'lower', comparable: false },
          { name: 'p99 request to customer message', value: result.p99WebhookToMessageMs, unit: 'ms', better: 'lower', comparable: false },
          { name: 'reconciled', value: result.reconciled ? 1 : 0, unit: 'bool', better: 'higher', comparable: true, target: '1' },
        ],
        notes: [
          `${orders} orders${orders < 10_000 ? ` (a sample: the default day is 10,000 orders, which at this machine's rate would take about ${Math.round((10_000 / orders) * result.wallSeconds / 60)} min)` : ''}, ${result.deliveries} deliveries (webhooks and customer portal requests) over ${((day.horizon - day.start) / 86_400_000).toFixed(1)} simulated days, clock moved in 12-hour steps (the timers due in a step fire in order, then the stack settles once), 16 concurrent clients.`,
          `The day: ${fates.reorders} re-orders, ${fates.partial} partial fulfilments, ${fates.returns} return requests (${fates.exchanges} exchanges), ${fates.not_shipped} orders never shipped, ${fates.carrier_exception} carrier exceptions, ${fates.storefrontRefunds} storefront refunds.`,
          `Wall time by phase: ${Object.entries(result.phaseSeconds).map(([phase, seconds]) => `${phase} ${seconds} s`).join(', ')} over ${result.steps} clock steps.`,
          `Customer messages sent: ${Object.entries(result.byMessageType).map(([type, count]) => `${type} ${count}`).join(', ') || 'none'}; latency measured on ${result.latencySamples} messages caused by a request (timer-made ones, such as ship-by apologies, have no request).`,
          ...(cost ? [] : [`No cost per order: the local stack answered ${usage.status} to GET /_local/usage.`]),
          ...(result.retries ? [`${result.retries} webhook deliveries were sent again after a 5xx or no answer, as Shopify retries.`] : []),
          result.reconciled ? 'Reconciled: every expected return case, delay, storefront refund and customer message exists exactly once.' : `NOT reconciled, ${result.mismatches.length} mismatches: ${result.mismatches.slice(0, 10).join('; ')}`,
        ],
      };
    } finally {
      await stack.stop();
    }
  },
};
