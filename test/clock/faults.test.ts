// Issue 12: a small store day replayed with 10 % of the system's own requests failing (DynamoDB
// throttles, 500s and applied-but-lost answers, partial PutEvents, SQS receive errors, SES 5xx and
// hangs, SMS 5xx, handler crashes and timeouts) ends as a fault-free day does: every expected case,
// delay, refund and message exactly once, and nothing left in a dead-letter queue once ops re-drove
// what the day left there. It runs on a fresh local stack of its own, as `npm run bench -- faults`
// does: the clock project's shared stack carries the timers of every file before it, whose
// firings would be faulted too and make the day's length depend on the order files run in.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayUnderFaults } from '../../bench/store-day/fault-day.ts';
import { generateStoreDay, type StoreDay } from '../../bench/store-day/generator.ts';
import { localWebhookSecret } from '../../infra/local/demo-shops.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ projectRoot: path.resolve(import.meta.dirname, '../..'), port: 0, persist: false, log: () => undefined });
}, 180_000);
afterAll(() => stack?.stop());

/** The first seed whose day holds a return, a delay and a storefront refund. */
function dayWithEachEffect(startAfter: number, orderIdBase: number): StoreDay {
  for (let seed = 1; ; seed++) {
    const day = generateStoreDay({ orders: 12, seed, startAfter, runTag: `faults${orderIdBase}`, orderIdBase });
    const has = (predicate: (order: StoreDay['orders'][number]) => boolean) => day.orders.some(predicate);
    if (has((o) => o.returnCase?.resolution === 'refund') && has((o) => o.fate !== 'delivered') && has((o) => o.storefrontRefund !== undefined)) return day;
  }
}

describe('a store day under 10 % injected faults', () => {
  it('ends in the state of a fault-free day, with no dead letter left', async () => {
    const now = stack.clock.nowMs();
    const day = dayWithEachEffect(now, 5_900_000 + Math.floor(Math.random() * 900) * 100);
    const result = await replayUnderFaults(day, { api: stack.endpoints.api, mailbox: stack.endpoints.sesv2, webhookSecret: localWebhookSecret(), rate: 0.1, seed: 12,
      onSlowSettle: (detail) => console.log(`faults: slow settle: ${detail}`),
    });
    console.log(`faults injected: ${JSON.stringify(result.injected)}; re-driven: ${result.redriven.length}; discarded: ${result.discarded.length}; wall ${result.wallSeconds} s ${JSON.stringify(result.phaseSeconds)}; mismatches: ${JSON.stringify(result.mismatches)}; slow settles: ${JSON.stringify(result.slowSettles)}`);

    expect(result.faultsInjected).toBeGreaterThan(0);
    for (const kind of ['dynamodb-throttle', 'dynamodb-error', 'dynamodb-lost-answer', 'eventbridge-partial', 'sqs-receive', 'lambda-crash-before', 'lambda-crash-after', 'lambda-timeout'] as const) {
      expect(result.injected[kind], kind).toBeGreaterThan(0);
    }
    expect(result.mismatches).toEqual([]);
    expect(result.reconciled).toBe(true);
    expect(result.notRedriven).toEqual([]);
    expect(result.openDeadLettersAtEnd).toBe(0);
    expect(result.deadLetterQueueMessages).toBe(0);
  });
});
