// Issue 12: a burst of 10,000 signed Shopify deliveries within ten seconds against a fresh local
// stack. Senders retry what is refused, as Shopify does; afterwards every delivery must have been
// stored exactly once: none lost. The mapping behind the receiver is paused, as if it scaled on its
// own as it does in AWS: mapping 10,000 orders on DynamoDB Local takes most of an hour here.
// `npm run bench -- burst --drain` also maps every delivery and checks each OrderPlaced was
// published once (test/clock/webhook-burst.test.ts does so in CI for 200).
// `npm run bench -- burst --deliveries N` sets the burst's size.
import path from 'node:path';
import { BatchGetCommand, DynamoDBDocumentClient, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { localWebhookSecret } from '../../infra/local/demo-shops.ts';
import { burstDeliveries, percentile, sendBurst, withDuplicates, type BurstDelivery } from '../../test/support/webhook-burst.ts';
import { sizeFromArgv, type SuiteResult } from '../results.ts';
import { stateTable } from '../state-table.ts';

const defaultDeliveries = 10_000;
const spreadMs = 10_000;
/** One delivery in 20 is sent twice, as a storefront re-sends one whose answer it did not see. */
const duplicateEvery = 20;
const demoShopId = 'demo-shopify';

/** How many of the deliveries the state table holds as mapped (status processed). */
async function countProcessed(stack: LocalStack, deliveries: readonly BurstDelivery[]): Promise<{ processed: number; stored: number }> {
  const { name: table, client } = stateTable(stack);
  const dynamo = DynamoDBDocumentClient.from(client);
  let processed = 0;
  let stored = 0;
  for (let i = 0; i < deliveries.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = deliveries.slice(i, i + 100).map((delivery) => ({ pk: `DELIVERY#${demoShopId}#shopify#${delivery.webhookId}`, sk: 'DELIVERY' }));
    while (keys?.length) {
      const answer: BatchGetCommandOutput = await dynamo.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ProjectionExpression: '#status', ExpressionAttributeNames: { '#status': 'status' } } } }));
      for (const item of answer.Responses?.[table] ?? []) {
        stored++;
        if (item.status === 'processed') processed++;
      }
      keys = answer.UnprocessedKeys?.[table]?.Keys;
    }
  }
  dynamo.destroy();
  return { processed, stored };
}

export const burstSuite = {
  name: 'burst',
  async run(): Promise<SuiteResult> {
    const count = sizeFromArgv(process.argv, '--deliveries') ?? defaultDeliveries;
    const drain = process.argv.includes('--drain');
    const projectRoot = path.resolve(import.meta.dirname, '../..');
    const stack = await startLocalStack({ projectRoot, port: 0, persist: false, log: () => undefined, eventArchiveLimit: count * 5 });
    try {
      const firstOrderId = 8_000_000;
      const deliveries = burstDeliveries(count, { secret: localWebhookSecret(), firstOrderId });
      const sends = withDuplicates(deliveries, duplicateEvery);
      if (!drain) stack.pauseEventSources();
      // Retry-After is honoured up to 10 s: a long burst is drained by retries, not by patience.
      const burst = await sendBurst({ baseUrl: stack.endpoints.api, sends, spreadMs, maxAttempts: 60, maxRetryDelayMs: 10_000, maxSockets: 512 });
      const answeredAt = performance.now();
      // The receiver's failed invocations among the latest the runtime keeps: why an answer was a bare 500.
      const failures: Record<string, number> = {};
      for (const invocation of stack.runtime.invocations().filter((candidate) => candidate.trigger === 'api' && candidate.outcome !== 'success')) {
        const kind = (invocation.error ?? invocation.outcome).slice(0, 120);
        failures[kind] = (failures[kind] ?? 0) + 1;
      }
      if (drain) await stack.settle(1_800_000);
      const drainMs = burst.elapsedMs + (performance.now() - answeredAt);

      const { processed, stored } = await countProcessed(stack, deliveries);
      const ids = new Set(deliveries.map((delivery) => String(delivery.orderId)));
      const placed = stack.bus.events({ detailType: 'OrderPlaced' }).filter((event) => ids.has(String((event.detail as { orderId?: unknown }).orderId)));
      const published = new Set(placed.map((event) => (event.detail as { orderId: string }).orderId)).size;
      const lost = count - (drain ? Math.min(processed, published) : stored);
      const refusedByStatus = Object.fromEntries(Object.entries(burst.answers).filter(([status]) => !status.startsWith('2')));
      return {
        suite: 'burst',
        figures: [
          { name: drain ? 'deliveries lost (not mapped, or no OrderPlaced)' : 'deliveries lost (acknowledged but not stored)', value: lost, unit: 'deliveries', better: 'lower', comparable: false, target: '0' },
          ...(drain ? [{ name: 'events published twice', value: placed.length - published, unit: 'events', better: 'lower' as const, comparable: false, target: '0' }] : []),
          { name: 'unclear answers (not 2xx, nor 429/503 with Retry-After and problem details)', value: burst.unclear.length, unit: 'answers', better: 'lower', comparable: false, target: '0' },
          { name: 'sends acknowledged', value: burst.acknowledged, unit: 'sends', better: 'higher', comparable: false },
          { name: 'sends refused, retried later', value: burst.refused, unit: 'sends', better: 'lower', comparable: false },
          { name: 'p99 acknowledgement', value: percentile(burst.ackLatenciesMs, 99), unit: 'ms', better: 'lower', comparable: false, target: '< 5000 ms (Shopify gives up)' },
          { name: 'p50 acknowledgement', value: percentile(burst.ackLatenciesMs, 50), unit: 'ms', better: 'lower', comparable: false },
          { name: 'last delivery acknowledged after', value: Math.round(burst.elapsedMs), unit: 'ms', better: 'lower', comparable: false },
          ...(drain ? [{ name: 'time to drain (burst start to every delivery mapped)', value: Math.round(drainMs), unit: 'ms', better: 'lower' as const, comparable: false }] : []),
        ],
        notes: [
          `${count} distinct signed orders/create deliveries (${sends.length - count} sent twice) spread over ${spreadMs / 1000} s, open loop, at most 512 connections; senders retry every non-2xx after its Retry-After (at most 10 s, jittered), up to 60 times.`,
          `Answers by status: ${JSON.stringify(burst.answers)} over ${burst.attempts} sends; refused: ${JSON.stringify(refusedByStatus)}, as ${JSON.stringify(burst.refusalKinds)}.`,
          drain
            ? `Afterwards: ${stored} deliveries stored, ${processed} mapped, ${published} orders with an OrderPlaced event (${placed.length} events); ${burst.abandoned.length} sends given up by their sender.`
            : `Afterwards: ${stored} of ${count} distinct deliveries stored (a duplicate shares its first delivery's record), waiting for the paused mapping; ${burst.abandoned.length} sends given up by their sender.`,
          ...(burst.unclear.length ? [`First unclear answers: ${JSON.stringify(burst.unclear.slice(0, 3))}; failed receiver invocations: ${JSON.stringify(failures)}`] : []),
          'The receiver runs at most 10 execution environments locally, like a reserved concurrency; the gateway refuses what would wait longer than that allows with 429 and Retry-After, as API Gateway does for a throttled function.',
        ],
      };
    } finally {
      await stack.stop();
    }
  },
};
