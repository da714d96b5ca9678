// The transactional outbox: a state change and the event announcing it are written in one
// DynamoDB transaction; the outbox relay publishes the event from the table's stream. So the two
// never diverge: no event without its change, no change without its event.
import type { EventDefinition } from '../events/define.ts';

export const outboxKeyPrefix = 'OUTBOX#';
/** Outbox items are only needed until the relay has published them; TTL removes them after. */
export const outboxRetentionSeconds = 7 * 86_400;

export interface OutboxItem {
  pk: string;
  sk: 'OUTBOX';
  eventId: string;
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
  createdAt: string;
  expiresAt: number;
}

export class InvalidOutboxEventError extends Error {}

/** Builds the outbox item for an event, validating its detail first (a bad event must fail the write). */
export function outboxItem(
  definition: EventDefinition,
  detail: unknown,
  { eventId, now }: { eventId: string; now: Date },
): OutboxItem {
  const parsed = definition.detail.safeParse(detail);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidOutboxEventError(`${definition.detailType} detail is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return {
    pk: `${outboxKeyPrefix}${eventId}`,
    sk: 'OUTBOX',
    eventId,
    source: definition.source,
    detailType: definition.detailType,
    detail: parsed.data as Record<string, unknown>,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + outboxRetentionSeconds,
  };
}
