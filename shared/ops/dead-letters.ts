// Dead letters as ops see them: authentic webhook deliveries we could not use (quarantined in the
// state table) and messages a consumer gave up on (archived from the dead-letter queues into the
// state table, so they can be listed, paged and resolved with conditional writes). Plain mappings.
import type { z } from 'zod';
import type { DeadLetter } from '../api/schemas.ts';

export const deadLetterStatuses = ['open', 'redriven', 'discarded'] as const;
export type DeadLetterStatus = (typeof deadLetterStatuses)[number];

/** Index partition of the dead letters in one status (quarantined deliveries and archived messages together). */
export const deadLetterIndexKey = (status: DeadLetterStatus) => `DEADLETTERS#${status}`;
export const archivedMessagePrefix = 'DEADLETTER#';
const deliveryPrefix = 'DELIVERY#';

/** Where a message of a dead-letter queue goes back to when re-driven. */
export type RedriveTarget = { kind: 'queue'; url: string } | { kind: 'none'; why: string };

/** A dead-letter queue of the stack, as the archiver knows it. */
export interface DeadLetterSource {
  arn: string;
  /** Where the queue sits in the stack: `Ingest/DeliveryQueue/DeadLetters`. */
  name: string;
  redrive: RedriveTarget;
}

export interface ArchivedMessage {
  pk: string;
  sk: 'DEADLETTER';
  status: DeadLetterStatus;
  gsi1pk: string;
  gsi1sk: string;
  source: string;
  redrive: RedriveTarget;
  messageId: string;
  body: string;
  /** Why it failed, as SQS, EventBridge or Lambda recorded it (ERROR_CODE, ERROR_MESSAGE...). */
  failure: Record<string, string>;
  shopId?: string;
  topic?: string;
  receivedAt: string;
  archivedAt: string;
  attempts?: number;
  expiresAt: number;
  resolution?: Resolution;
  /** When a re-drive put it back on its queue. */
  sentAt?: string;
}

export interface Resolution {
  status: Exclude<DeadLetterStatus, 'open'>;
  at: string;
  by: string;
  reason: string;
}

/** Archived messages are kept as long as quarantined deliveries. */
export const archiveRetentionDays = 30;

/** The opaque id of a dead letter: its key, base64url. */
export const deadLetterId = (pk: string) => Buffer.from(pk, 'utf8').toString('base64url');

/** The key a dead-letter id stands for; undefined for anything this API did not hand out. */
export function deadLetterKey(id: string): string | undefined {
  const pk = Buffer.from(id, 'base64url').toString('utf8');
  return (pk.startsWith(archivedMessagePrefix) || pk.startsWith(deliveryPrefix)) && deadLetterId(pk) === id ? pk : undefined;
}

export interface SqsRecordLike {
  messageId: string;
  body: string;
  attributes: { ApproximateReceiveCount?: string; SentTimestamp?: string };
  messageAttributes: Record<string, { stringValue?: string }>;
  eventSourceARN: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What the body says about itself: an EventBridge event, or one of our queue messages. */
function describeBody(body: string): { shopId?: string; topic?: string } {
  const value = parseJson(body) as Record<string, any> | undefined;
  if (!value || typeof value !== 'object') return {};
  if (typeof value['detail-type'] === 'string') {
    const shopId = typeof value.detail?.shopId === 'string' ? value.detail.shopId : undefined;
    return { shopId, topic: value['detail-type'] };
  }
  if (typeof value.deliveryKey === 'string') {
    // DELIVERY#<shop>#<provider>#<dedupe key>
    const [, shopId, provider] = value.deliveryKey.split('#');
    return { shopId, topic: provider ? `${provider} delivery` : undefined };
  }
  if (value.DDBStreamBatchInfo) return { topic: 'DynamoDB stream batch' };
  return {};
}

/** The archive item for a message taken off a dead-letter queue. */
export function archivedMessage(record: SqsRecordLike, source: DeadLetterSource, now: Date): ArchivedMessage {
  const sent = Number(record.attributes.SentTimestamp);
  const receivedAt = Number.isFinite(sent) && sent > 0 ? new Date(sent).toISOString() : now.toISOString();
  const failure = Object.fromEntries(
    Object.entries(record.messageAttributes ?? {}).flatMap(([name, value]) => (value?.stringValue ? [[name, value.stringValue.slice(0, 2000)]] : [])),
  );
  const attempts = Number(record.attributes.ApproximateReceiveCount);
  return {
    pk: `${archivedMessagePrefix}${source.name}#${record.messageId}`,
    sk: 'DEADLETTER',
    status: 'open',
    gsi1pk: deadLetterIndexKey('open'),
    gsi1sk: receivedAt,
    source: source.name,
    redrive: source.redrive,
    messageId: record.messageId,
    body: record.body,
    failure,
    ...describeBody(record.body),
    receivedAt,
    archivedAt: now.toISOString(),
    ...(Number.isFinite(attempts) ? { attempts } : {}),
    expiresAt: Math.floor(now.getTime() / 1000) + archiveRetentionDays * 86_400,
  };
}

/** A quarantined (or once quarantined) webhook delivery, as stored by the delivery store. */
export interface DeliveryLike {
  pk: string;
  status: string;
  shopId: string;
  provider: string;
  topic: string;
  receivedAt: string;
  reason?: string | null;
  detail?: string | null;
  gsi1pk?: string;
  resolution?: Resolution;
  sentAt?: string;
}

export function statusOf(item: { gsi1pk?: string }): DeadLetterStatus {
  const status = item.gsi1pk?.slice('DEADLETTERS#'.length);
  return (deadLetterStatuses as readonly string[]).includes(status ?? '') ? (status as DeadLetterStatus) : 'open';
}

export type DeadLetterView = z.input<typeof DeadLetter>;

export function deliveryDeadLetter(item: DeliveryLike): DeadLetterView {
  return {
    deadLetterId: deadLetterId(item.pk),
    kind: 'quarantined_delivery',
    status: statusOf(item),
    shopId: item.shopId,
    source: item.provider,
    topic: item.topic,
    reason: item.reason ?? 'quarantined',
    detail: item.detail ?? undefined,
    receivedAt: item.receivedAt,
    redrivable: true,
    resolution: item.resolution,
  };
}

export function messageDeadLetter(item: ArchivedMessage): DeadLetterView {
  const failureText = item.failure.ERROR_MESSAGE ?? item.failure.ErrorMessage ?? item.failure.ERROR_CODE ?? item.failure.ErrorCode;
  return {
    deadLetterId: deadLetterId(item.pk),
    kind: 'failed_message',
    status: item.status,
    shopId: item.shopId,
    source: item.source,
    topic: item.topic,
    reason: item.failure.ERROR_CODE ?? item.failure.ErrorCode ?? 'max_receives',
    detail: failureText ?? `A consumer of ${item.source.replace(/\/DeadLetters$/, '')} failed on it until it was dead-lettered`,
    receivedAt: item.receivedAt,
    attempts: item.attempts,
    redrivable: item.redrive.kind !== 'none',
    resolution: item.resolution,
  };
}
