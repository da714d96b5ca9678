// Issue 12's long variant: a 100-order store day replayed through a fresh local stack with 10 % of
// the system's own requests failing (every fault kind), then dead letters re-driven through the ops
// API and the day reconciled. Figures: faults injected per kind, dead letters re-driven, reconciled.
// `npm run bench -- faults --fault-orders N` sets the day's size.
import path from 'node:path';
import { startLocalStack } from '../../infra/local/stack.ts';
import { localWebhookSecret } from '../../infra/local/demo-shops.ts';
import { replayUnderFaults } from '../store-day/fault-day.ts';
import { generateStoreDay } from '../store-day/generator.ts';
import { sizeFromArgv, type SuiteResult } from '../results.ts';

const faultRate = 0.1;
const defaultFaultOrders = 50;

export const faultsSuite = {
  name: 'faults',
  async run(): Promise<SuiteResult> {
    const orders = sizeFromArgv(process.argv, '--fault-orders') ?? defaultFaultOrders;
    const projectRoot = path.resolve(import.meta.dirname, '../..');
    const stack = await startLocalStack({ projectRoot, port: 0, persist: false, log: () => undefined });
    try {
      const day = generateStoreDay({ orders, seed: 12, startAfter: stack.clock.nowMs(), runTag: 'faults', orderIdBase: 5_300_000 });
      const started = performance.now();
      let printedTenths = 0;
      const result = await replayUnderFaults(day, {
        api: stack.endpoints.api,
        mailbox: stack.endpoints.sesv2,
        webhookSecret: localWebhookSecret(),
        rate: faultRate,
        seed: 12,
        onProgress: ({ done, total }) => {
          if (Math.floor((done * 10) / total) === printedTenths) return;
          printedTenths = Math.floor((done * 10) / total);
          process.stderr.write(`  faults: ${done}/${total} deliveries, ${Math.round((performance.now() - started) / 1000)} s\n`);
        },
      });
      return {
        suite: 'faults',
        figures: [
          { name: 'orders', value: orders, unit: 'orders', better: 'higher', comparable: false },
          { name: 'fault rate', value: faultRate, unit: 'ratio', better: 'higher', comparable: false },
          { name: 'faults injected', value: result.faultsInjected, unit: 'faults', better: 'higher', comparable: false },
          ...Object.entries(result.injected).map(([kind, count]) => ({ name: `injected ${kind}`, value: count, unit: 'faults', better: 'higher' as const, comparable: false })),
          { name: 'dead letters re-driven', value: result.redriven.length, unit: 'messages', better: 'lower', comparable: false },
          { name: 'dead letters discarded (not re-drivable: the next scheduled run covers them)', value: result.discarded.length, unit: 'messages', better: 'lower', comparable: false },
          { name: 'wall time', value: result.wallSeconds, unit: 's', better: 'lower', comparable: false },
          { name: 'reconciled under faults', value: result.reconciled && result.openDeadLettersAtEnd === 0 && result.deadLetterQueueMessages === 0 ? 1 : 0, unit: 'bool', better: 'higher', comparable: true, target: '1' },
        ],
        notes: [
          `${orders} orders, ${result.deliveries} deliveries, ${faultRate * 100} % of the system's own requests failing (DynamoDB, EventBridge, SQS, SES, SMS, handler crashes and timeouts); ${result.faultsInjected} faults injected, ${result.retries} webhook deliveries sent again after a 5xx.`,
          ...(result.slowSettles.length ? [`The stack took longer than its settle limit ${result.slowSettles.length} times; the first: ${result.slowSettles[0]}`] : []),
          `${result.redriven.length} dead letters re-driven and ${result.discarded.length} discarded as not re-drivable through the ops API${result.notRedriven.length ? `, ${result.notRedriven.length} refused: ${result.notRedriven.slice(0, 5).join('; ')}` : ''}; ${result.openDeadLettersAtEnd} left open, ${result.deadLetterQueueMessages} messages left in dead-letter queues.`,
          result.reconciled ? 'Reconciled: the same cases, delays, refunds and messages as a fault-free day, once each.' : `NOT reconciled, ${result.mismatches.length} mismatches: ${result.mismatches.slice(0, 10).join('; ')}`,
        ],
      };
    } finally {
      await stack.stop();
    }
  },
};
