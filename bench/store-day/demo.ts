// `npm run demo`: replays a small synthetic store (a few hundred orders over simulated weeks) into
// the local stack that `npm start` runs, through the same signed webhooks, customer portal and
// local clock as the benchmark, so the mailbox, the SMS sink, the ops API and the console fill
// with realistic data. `npm run demo -- --orders 300 --weeks 3`; PORT as for `npm start`.
import '../../infra/local/quiet-warnings.ts';
import { localWebhookSecret } from '../../infra/local/demo-shops.ts';
import { ordersFromArgv } from '../suites/store-day.ts';
import { generateStoreDay } from './generator.ts';
import { StoreDayReplay } from './replay.ts';

function numberArg(name: string, fallback: number): number {
  const at = process.argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = process.argv[at]!.includes('=') ? process.argv[at]!.split('=')[1] : process.argv[at + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: expected a positive whole number, got ${raw}`);
  return value;
}

const port = Number(process.env.PORT ?? 3000);
const api = `http://127.0.0.1:${port}`;
const mailbox = `http://127.0.0.1:${port + 5}`;
const orders = ordersFromArgv(process.argv) ?? 300;
const weeks = numberArg('weeks', 3);

async function clockNow(): Promise<number> {
  try {
    const response = await fetch(`${api}/_local/clock`, { signal: AbortSignal.timeout(3_000) });
    if (response.status !== 200) throw new Error(`answered ${response.status}`);
    return Date.parse(((await response.json()) as { now: string }).now);
  } catch (error) {
    console.error(`No local stack answers at ${api} (${(error as Error).message}).\nStart it first with \`npm start\` (and the same PORT), then run \`npm run demo\` again.`);
    process.exit(1);
  }
}

function bar(done: number, total: number, simulatedNow: number, startedAt: number): string {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const seconds = Math.round((performance.now() - startedAt) / 1000);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} deliveries, local time ${new Date(simulatedNow).toISOString().slice(0, 16).replace('T', ' ')}, ${seconds} s `;
}

const now = await clockNow();
// Ids from the real time, so a second demo into the same stack adds orders instead of repeating them.
const runTag = `demo${Math.floor(now / 1000) % 1_000_000}`;
const day = generateStoreDay({ orders, orderDays: weeks * 7, seed: now % 100_000, startAfter: now, runTag, orderIdBase: 6_000_000 + (Math.floor(now / 1000) % 900) * 1_000 });
console.error(`Replaying ${orders} orders over ${weeks} weeks (${day.deliveries.length} deliveries) into ${api}, from ${new Date(day.start).toISOString().slice(0, 10)}...`);
const startedAt = performance.now();
const replay = new StoreDayReplay(
  { api, mailbox, webhookSecret: localWebhookSecret() },
  { reconcile: false, onProgress: ({ done, total, simulatedNow }) => process.stderr.write(bar(done, total, simulatedNow, startedAt)) },
);
const result = await replay.run(day);
process.stderr.write('\n');
const fates = day.orders.reduce<Record<string, number>>((counts, order) => {
  counts[order.fate] = (counts[order.fate] ?? 0) + 1;
  if (order.returnCase) counts.returns = (counts.returns ?? 0) + 1;
  if (order.storefrontRefund) counts.refunds = (counts.refunds ?? 0) + 1;
  return counts;
}, {});
console.log(`
Done in ${result.wallSeconds} s: ${orders} orders (${fates.delivered ?? 0} delivered, ${fates.not_shipped ?? 0} never shipped, ${fates.carrier_exception ?? 0} carrier exceptions), ${fates.returns ?? 0} returns, ${fates.refunds ?? 0} storefront refunds, ${result.messages} customer messages (${Object.entries(result.byMessageType).map(([type, count]) => `${type} ${count}`).join(', ')}).
${result.mismatches.length ? `${result.mismatches.length} requests were refused, e.g. ${result.mismatches[0]}\n` : ''}
Where to look:
  Mailbox        ${mailbox}   (every email sent; customers are shopper-N.${runTag}@example.com)
  SMS sink       ${api}/_local/sms
  Ops console    ${api}/console/   (local sign-in: pick any user and role, e.g. supervisor)
  Ops API        ${api}/ops/returns?shopId=demo-shopify, ${api}/ops/delays?shopId=demo-shopify, ${api}/ops/orders?shopId=demo-shopify
                 with a token: curl -s -X POST ${api}/_local/token -H 'content-type: application/json' -d '{"role":"viewer"}'
  Local clock    ${api}/_local/clock   (now ${new Date(day.horizon).toISOString()})`);
process.exit(0);
