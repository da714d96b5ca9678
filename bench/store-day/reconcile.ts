// Reconciles a replayed store day: every expected return case, delay, storefront refund and
// customer message exists exactly once, and nothing else of those kinds exists for the day's
// orders. Reads the ops API (cases, delays, ledgers), the sent messages (NotificationSent) and the
// mailbox (each sent email delivered once, and no email to a day's customer that was not announced).
import type { StoreDay } from './generator.ts';
import { shopId } from './generator.ts';

export interface SentMessage {
  notificationId: string;
  orderId?: string;
  returnId?: string;
  messageType: string;
  deduplicationKey: string;
  channel: string;
  providerMessageId?: string;
  recipient?: string;
  /** Simulated time of the send (epoch ms). */
  sentAt: number;
}

interface Target {
  api: string;
  mailbox: string;
}

/** Messages to people other than the customer (the duty team): not the customer's effects. */
const staffMessageTypes = new Set(['ops_alert']);

async function getJson(url: string, token?: string): Promise<any> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response.json();
}

async function allPages(url: string, token: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await getJson(`${url}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export async function reconcile(day: StoreDay, sent: readonly SentMessage[], target: Target): Promise<string[]> {
  const mismatches: string[] = [];
  const ours = new Map(day.orders.map((order) => [order.orderId, order]));
  const tokenResponse = await fetch(`${target.api}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'viewer' }) });
  const { token } = (await tokenResponse.json()) as { token: string };

  // Return cases: one per order with a return request, none for the others.
  const cases = (await allPages(`${target.api}/ops/returns?shopId=${shopId}`, token)).filter((c) => ours.has(c.orderId));
  const casesByOrder = countBy(cases, (c) => c.orderId);
  for (const order of day.orders) {
    const found = casesByOrder.get(order.orderId) ?? 0;
    const expected = order.returnCase ? 1 : 0;
    if (found !== expected) mismatches.push(`order ${order.orderId}: ${found} return cases, expected ${expected}`);
  }

  // Delays: an open delay for each order that never shipped or met a carrier exception.
  const delayed = (await allPages(`${target.api}/ops/delays?shopId=${shopId}`, token)).filter((d) => ours.has(d.orderId));
  const delayedByOrder = countBy(delayed, (d) => d.orderId);
  for (const order of day.orders) {
    const found = delayedByOrder.get(order.orderId) ?? 0;
    const expected = order.fate === 'delivered' ? 0 : 1;
    if (found !== expected) mismatches.push(`order ${order.orderId} (${order.fate}): ${found} delayed-order entries, expected ${expected}`);
  }

  // Storefront refunds: exactly one external refund of the right amount on the order's ledger.
  for (const order of day.orders.filter((o) => o.storefrontRefund)) {
    const ledger = await getJson(`${target.api}/ops/orders/${order.orderId}/ledger?shopId=${shopId}`, token);
    const entries = (ledger.entries as any[]).filter((entry) => entry.kind === 'external_refund' && entry.key === order.storefrontRefund!.refundId);
    if (entries.length !== 1 || entries[0].amount.amount !== order.storefrontRefund!.amountMinor) {
      mismatches.push(`order ${order.orderId}: storefront refund ${order.storefrontRefund!.refundId} found ${entries.length} times${entries[0] ? ` (${entries[0].amount.amount} minor units, expected ${order.storefrontRefund!.amountMinor})` : ''}`);
    }
  }

  // Customer messages: each expected message type once per order, no others.
  const customerMessages = sent.filter((message) => message.orderId && ours.has(message.orderId) && !staffMessageTypes.has(message.messageType));
  const sentByOrderAndType = countBy(customerMessages, (message) => `${message.orderId} ${message.messageType}`);
  for (const order of day.orders) {
    for (const messageType of order.messages) {
      const found = sentByOrderAndType.get(`${order.orderId} ${messageType}`) ?? 0;
      if (found !== 1) mismatches.push(`order ${order.orderId} (${order.fate}): ${messageType} sent ${found} times, expected once`);
    }
  }
  for (const [key, found] of sentByOrderAndType) {
    const [orderId, messageType] = key.split(' ') as [string, string];
    if (!ours.get(orderId)!.messages.includes(messageType)) mismatches.push(`order ${orderId} (${ours.get(orderId)!.fate}): unexpected ${messageType} sent ${found} times`);
  }

  // The mailbox: every email announced as sent is there once, and the day's customers got no other.
  const { emails } = (await getJson(`${target.mailbox}/store`)) as { emails: { messageId: string; destination: { to: string[] }; subject: string }[] };
  const customers = new Set(day.orders.map((order) => order.email));
  const mailById = countBy(emails, (email) => email.messageId);
  const announcedEmails = customerMessages.filter((message) => message.channel === 'email');
  for (const message of announcedEmails) {
    const found = message.providerMessageId ? (mailById.get(message.providerMessageId) ?? 0) : 0;
    if (found !== 1) mismatches.push(`order ${message.orderId}: ${message.messageType} email ${message.providerMessageId ?? '(no message id)'} is in the mailbox ${found} times`);
  }
  const mailToCustomers = emails.filter((email) => email.destination.to.some((address) => customers.has(address)));
  if (mailToCustomers.length !== announcedEmails.length) {
    const announced = new Set(announcedEmails.map((message) => message.providerMessageId));
    const stray = mailToCustomers.filter((email) => !announced.has(email.messageId)).slice(0, 5);
    mismatches.push(`the mailbox holds ${mailToCustomers.length} emails to the day's customers, ${announcedEmails.length} announced as sent${stray.length ? ` (e.g. "${stray.map((email) => email.subject).join('", "')}")` : ''}`);
  }
  return mismatches;
}
