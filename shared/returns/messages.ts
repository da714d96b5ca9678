// The outbox items of a return case: the canonical events of a transition and the
// NotificationRequested of each customer message, with the template data its message type needs.
// Pure: ids and clock given. Used when a request is decided (request.ts) and for every later
// transition (the ops desk), so both send the same messages the same way.
import type { CustomerRef } from '../events/common.ts';
import type { EventDefinition } from '../events/define.ts';
import { NotificationRequested } from '../events/notifications.ts';
import { TimersRequested } from '../events/timers.ts';
import type { ReturnCase } from './case.ts';
import { caseResolution } from './case-facts.ts';
import { returnEventDefinitions, type CustomerMessage, type TransitionResult } from './lifecycle.ts';

export interface OutboxEvent {
  definition: EventDefinition;
  detail: unknown;
  eventId: string;
}

/** Messages about a return: its lifecycle's, and the refund or credit that settles it. */
export type MessageType = CustomerMessage['messageType'] | 'return_received' | 'refund_issued' | 'store_credit_issued' | 'replacement_on_its_way';
type Message = { messageType: MessageType; deduplicationKey: string; category: CustomerMessage['category'] };

/** Conditions that fail the inspection (as in lifecycle.ts): the item does not count towards the resolution. */
const rejectedAtInspection: readonly string[] = ['wrong_item', 'missing'];

const reachable = (customer: CustomerRef) => Boolean(customer.email || customer.phone);

/** The NotificationRequested event of one customer message about `c`, when the customer can be reached. */
export function returnNotification(c: Pick<ReturnCase, 'id' | 'shopId' | 'orderId' | 'customer'>, message: Message, templateData: Record<string, unknown>, at: string, newId: () => string): OutboxEvent | undefined {
  const { customer } = c;
  if (!reachable(customer)) return undefined;
  return {
    definition: NotificationRequested,
    eventId: newId(),
    detail: {
      version: 1,
      shopId: c.shopId,
      occurredAt: at,
      notificationId: newId(),
      customer,
      messageType: message.messageType,
      category: message.category,
      deduplicationKey: message.deduplicationKey,
      orderId: c.orderId,
      returnId: c.id,
      recipient: { ...(customer.email ? { email: customer.email } : {}), ...(customer.phone ? { phone: customer.phone } : {}) },
      channelPreference: ['email', 'sms'],
      locale: customer.locale,
      templateData,
    },
  };
}

/** Item titles by line id; the line id stands in for a title the case does not know. */
export type Titles = ReadonlyMap<string, string>;

/** What the template of a message type needs, from the case after the transition. */
export function templateDataFor(c: ReturnCase, messageType: MessageType, at: string, titles: Titles = new Map(), extra: Record<string, unknown> = {}): Record<string, unknown> {
  const title = (lineId: string) => (titles.get(lineId) ?? lineId).slice(0, 200);
  const items = c.lines.map((line) => ({ title: title(line.lineItemId), quantity: line.quantity }));
  const common = { ...(c.customer.firstName ? { firstName: c.customer.firstName } : {}), orderNumber: c.orderNumber, items };
  const resolution = caseResolution(c);
  switch (messageType) {
    case 'return_received':
      return { ...common, resolution, ...extra };
    case 'return_approved':
      return { ...common, resolution, ...(c.deadlines.shipBy ? { shipBy: c.deadlines.shipBy } : {}), ...extra };
    case 'return_reminder':
    case 'return_expired':
      return { ...common, ...(c.deadlines.shipBy ? { shipBy: c.deadlines.shipBy } : {}), ...extra };
    case 'return_rejected': {
      const last = [...c.history].reverse().find((entry) => entry.action === 'reject');
      return { ...common, ruleName: 'Return policy', reason: (last?.reason ?? 'Your return request could not be accepted').slice(0, 300), ...extra };
    }
    case 'return_item_received':
      return { ...common, receivedAt: at, inspectionBy: new Date(Date.parse(at) + 2 * 86_400_000).toISOString().slice(0, 10), ...extra };
    case 'return_inspected':
      return {
        ...common,
        resolution,
        items: c.lines.map((line) => ({ title: title(line.lineItemId), quantity: line.quantity, condition: line.condition ?? 'as_new', accepted: !line.condition || !rejectedAtInspection.includes(line.condition) })),
        ...extra,
      };
    default:
      return { ...common, resolution, ...extra };
  }
}

/** The TimersRequested of a transition that sets or cancels the case's reminder and expiry timers. */
export function timersOutbox(result: Extract<TransitionResult, { ok: true }>, newId: () => string): OutboxEvent | undefined {
  const { next, timers } = result;
  if (timers.set.length + timers.cancel.length === 0) return undefined;
  const subject = { returnId: next.id, orderId: next.orderId, ...(next.customer.id ? { customerId: next.customer.id } : {}) };
  return {
    definition: TimersRequested,
    eventId: newId(),
    detail: {
      version: 1,
      shopId: next.shopId,
      occurredAt: next.updatedAt,
      set: timers.set.map((timer) => ({ timerId: timer.timerId, kind: timer.kind, dueAt: timer.dueAt, ...subject })),
      cancel: timers.cancel,
    },
  };
}

/** The outbox items of a successful transition: its events, its timers, then its customer messages. */
export function transitionOutbox(result: Extract<TransitionResult, { ok: true }>, newId: () => string, titles?: Titles): OutboxEvent[] {
  const at = result.next.updatedAt;
  const out: OutboxEvent[] = result.events.map((event) => ({ definition: returnEventDefinitions[event.name], eventId: newId(), detail: event.detail }));
  const timers = timersOutbox(result, newId);
  if (timers) out.push(timers);
  for (const message of result.messages) {
    // Nothing to send back (returnless approval) has no approval message with a ship-by date.
    if (message.messageType === 'return_approved' && !result.next.deadlines.shipBy) continue;
    const notification = returnNotification(result.next, message, templateDataFor(result.next, message.messageType, at, titles), at, newId);
    if (notification) out.push(notification);
  }
  return out;
}
