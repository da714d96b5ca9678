// Which timelines an event belongs to. Plain domain code: the journal consumer writes one entry
// per subject, so an order's timeline shows its shipments, returns, refunds and messages.

/** The fields that identify an entity, in the order their timelines are listed. */
const subjectFields = [
  ['orderId', 'order'],
  ['customerId', 'customer'],
  ['returnId', 'return'],
  ['refundId', 'refund'],
  ['caseId', 'case'],
  ['shipmentId', 'shipment'],
  ['notificationId', 'notification'],
] as const;

export interface CanonicalEvent {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: Record<string, unknown>;
}

export interface JournalEntry {
  /** `<kind>#<shopId>#<id>`, e.g. `order#shop-1#1001`. */
  subject: string;
  /** Sort key: event time then event id, so the timeline reads in order and redeliveries collide. */
  at: string;
  eventId: string;
  source: string;
  detailType: string;
  time: string;
  detail: Record<string, unknown>;
  /** Epoch seconds after which DynamoDB may expire the entry. */
  expiresAt: number;
}

export const journalRetentionDays = 400;

function idAt(detail: Record<string, unknown>, field: string): string | undefined {
  const direct = detail[field];
  if (typeof direct === 'string' && direct) return direct;
  // `customerId` is often nested as `customer.id`.
  const nested = detail[field.replace(/Id$/, '')];
  if (nested && typeof nested === 'object' && 'id' in nested) {
    const id = (nested as { id: unknown }).id;
    if (typeof id === 'string' && id) return id;
  }
  return undefined;
}

/** The journal entries for one event: one per entity it names, or one under its shop. */
export function journalEntriesFor(event: CanonicalEvent): JournalEntry[] {
  const shopId = typeof event.detail.shopId === 'string' ? event.detail.shopId : 'unknown-shop';
  const subjects = subjectFields.flatMap(([field, kind]) => {
    const id = idAt(event.detail, field);
    return id ? [`${kind}#${shopId}#${id}`] : [];
  });
  if (subjects.length === 0) subjects.push(`shop#${shopId}`);
  const expiresAt = Math.floor(Date.parse(event.time) / 1000) + journalRetentionDays * 86_400;
  return subjects.map((subject) => ({
    subject,
    at: `${event.time}#${event.id}`,
    eventId: event.id,
    source: event.source,
    detailType: event['detail-type'],
    time: event.time,
    detail: event.detail,
    expiresAt,
  }));
}
