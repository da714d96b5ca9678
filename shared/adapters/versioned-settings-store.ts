// A shop's versioned settings documents in the state table (the return policy, the refund rules).
// `<partition>` / `CURRENT` holds the document in effect under its attribute (`policy`, `rules`),
// with its `version`, `publishedAt`, `publishedBy` and `reason`; each published version is also
// kept as `<partition>` / `V#000042`, so every change can be audited later. A publication is one
// transaction: CURRENT (conditional on the version the supervisor saw), the version item and the
// audit record.
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { AuditRecord } from '../audit/audit.ts';
import type { Publisher, SettingsVersion } from '../shops/versioned-settings.ts';
import { auditWrites } from './audit-store.ts';
import { isConditionFailure } from './dynamodb.ts';

/** Which document, where, and what is in effect before any publication. */
export interface SettingsDocument<K extends string, T extends { version: number }> {
  /** What messages call it: `return policy`. */
  name: string;
  /** The partition of CURRENT and the versions: `POLICY#<shopId>#returns`. */
  partition: (shopId: string) => string;
  /** The attribute holding the document, on the items and in the versions' shape. */
  attribute: K;
  schema: z.ZodType<T>;
  /** In effect, as version 0, while the shop has published none. */
  fallback: T;
}

/** Someone published another version since the one the publication started from: nothing was written. */
export class ConcurrentPublicationError extends Error {}

type Item = Record<string, unknown>;
type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

export const currentSettingsKey = (partition: string) => ({ pk: partition, sk: 'CURRENT' });
export const settingsVersionKey = (partition: string, version: number) => ({ pk: partition, sk: `V#${String(version).padStart(6, '0')}` });

/** The version a CURRENT item holds; version 0 and the fallback when there is none. */
export function versionOfItem<K extends string, T extends { version: number }>(document: SettingsDocument<K, T>, item: Item | undefined): SettingsVersion<K, T> {
  const stored = item?.[document.attribute];
  if (!item || !stored) return { version: 0, [document.attribute]: document.fallback } as SettingsVersion<K, T>;
  // An item written without a version (seeded, never published here) is in effect but counts as version 0.
  const current = { version: (item.version as number | undefined) ?? 0, [document.attribute]: document.schema.parse(stored) } as SettingsVersion<K, T>;
  if (item.publishedAt) current.publishedAt = item.publishedAt as string;
  if (item.publishedBy) current.publishedBy = item.publishedBy as Publisher;
  if (item.reason) current.reason = item.reason as string;
  return current;
}

/** The transaction publishing `next` over `expectedVersion`: CURRENT, the version item, the audit record. */
export function publicationWrites<K extends string, T extends { version: number }>(
  tableName: string,
  document: SettingsDocument<K, T>,
  shopId: string,
  expectedVersion: number,
  next: SettingsVersion<K, T>,
  audit: AuditRecord,
): TransactItems {
  if (next.version !== expectedVersion + 1) throw new Error(`Version ${next.version} does not follow ${expectedVersion}`);
  const partition = document.partition(shopId);
  const fields = { version: next.version, [document.attribute]: next[document.attribute], publishedAt: next.publishedAt, publishedBy: next.publishedBy, reason: next.reason, shopId };
  const first = expectedVersion === 0;
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...currentSettingsKey(partition), ...fields },
        ConditionExpression: first ? 'attribute_not_exists(#version)' : '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ...(first ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    { Put: { TableName: tableName, Item: { ...settingsVersionKey(partition, next.version), ...fields }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...auditWrites(tableName, audit),
  ];
}

/** A failed condition, or DynamoDB seeing the other publication in flight (a transaction conflict): the same race. */
export function isConcurrentPublication(error: unknown): boolean {
  const { name, message } = error as Error;
  return isConditionFailure(error) || name === 'TransactionConflictException' || /TransactionConflict/.test(message ?? '');
}

export class VersionedSettingsStore<K extends string, T extends { version: number }> {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    readonly document: SettingsDocument<K, T>,
  ) {}

  /** The document in effect; version 0 and the fallback while the shop has published none. */
  async current(shopId: string): Promise<SettingsVersion<K, T>> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: currentSettingsKey(this.document.partition(shopId)), ConsistentRead: true }));
    return versionOfItem(this.document, Item);
  }

  /** Makes `next` the document in effect if the shop is still at `expectedVersion`, with its version item and audit record. */
  async publish(shopId: string, expectedVersion: number, next: SettingsVersion<K, T>, audit: AuditRecord): Promise<void> {
    const TransactItems = publicationWrites(this.tableName, this.document, shopId, expectedVersion, next, audit);
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems }));
    } catch (error) {
      if (isConcurrentPublication(error)) throw new ConcurrentPublicationError(`The ${this.document.name} of ${shopId} changed while version ${next.version} was published`);
      throw error;
    }
  }
}
