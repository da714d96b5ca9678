// A shop's return policy versions in the state table. `POLICY#<shopId>#returns` / `CURRENT` holds the
// policy in effect (attribute `policy`, which ReturnStore.policy reads) with its `version`,
// `publishedAt`, `publishedBy` and `reason`; each published version is also kept as
// `POLICY#<shopId>#returns` / `V#000042`, so every change can be audited later. A publication is
// one transaction: CURRENT (conditional on the version the supervisor saw), the version item and
// the audit record. Also the reads a dry run needs: the shop's latest orders and their returns.
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../audit/audit.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { ReturnCase } from '../returns/case.ts';
import type { PolicyVersion } from '../returns/policy-publication.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../returns/policy.ts';
import { auditWrites } from './audit-store.ts';
import { isConditionFailure } from './dynamodb.ts';
import { orderReturnsKey, returnCaseKey, returnPolicyKey } from './return-store.ts';

/** The item keeping published version `version` of the shop's return policy. */
export const returnPolicyVersionKey = (shopId: string, version: number) => ({ pk: returnPolicyKey(shopId).pk, sk: `V#${String(version).padStart(6, '0')}` });

/** Someone published another version since the one the publication started from: nothing was written. */
export class ConcurrentPolicyChangeError extends Error {}

type Key = Record<string, unknown>;

export class ReturnPolicyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The policy in effect; version 0 and the default policy while the shop has published none. */
  async current(shopId: string): Promise<PolicyVersion> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnPolicyKey(shopId), ConsistentRead: true }));
    if (!Item?.policy) return { version: 0, policy: defaultReturnPolicy };
    // An item written without a version (seeded, never published here) is in effect but counts as version 0.
    const current: PolicyVersion = { version: (Item.version as number | undefined) ?? 0, policy: ReturnPolicy.parse(Item.policy) };
    if (Item.publishedAt) current.publishedAt = Item.publishedAt as string;
    if (Item.publishedBy) current.publishedBy = Item.publishedBy as PolicyVersion['publishedBy'];
    if (Item.reason) current.reason = Item.reason as string;
    return current;
  }

  /** Makes `next` the policy in effect if the shop is still at `expectedVersion`, with its version item and audit record. */
  async publish(shopId: string, expectedVersion: number, next: PolicyVersion, audit: AuditRecord): Promise<void> {
    if (next.version !== expectedVersion + 1) throw new Error(`Version ${next.version} does not follow ${expectedVersion}`);
    const fields = { version: next.version, policy: next.policy, publishedAt: next.publishedAt, publishedBy: next.publishedBy, reason: next.reason, shopId };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...returnPolicyKey(shopId), ...fields },
                ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(#version)' : '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
              },
            },
            { Put: { TableName: this.tableName, Item: { ...returnPolicyVersionKey(shopId, next.version), ...fields }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...auditWrites(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      // A transaction conflict is the same race seen from DynamoDB's side: the other publication was in flight.
      if (isConditionFailure(error) || (error as Error).name === 'TransactionConflictException' || /TransactionConflict/.test((error as Error).message ?? '')) {
        throw new ConcurrentPolicyChangeError(`The return policy of ${shopId} changed while version ${next.version} was published`);
      }
      throw error;
    }
  }

  /** The shop's `count` latest known orders, newest first (states holding only fulfilments or refunds are skipped). */
  async latestOrders(shopId: string, count: number): Promise<OrderState[]> {
    const states: OrderState[] = [];
    let start: Key | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `ORDERS#${shopId}` },
          ScanIndexForward: false,
          Limit: count - states.length,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of result.Items ?? []) if ((item.state as OrderState | undefined)?.order) states.push(item.state as OrderState);
      start = result.LastEvaluatedKey;
    } while (start && states.length < count);
    return states.slice(0, count);
  }

  /** The return cases of each of these orders (orders without returns are absent). */
  async casesOfOrders(shopId: string, orderIds: readonly string[]): Promise<Map<string, ReturnCase[]>> {
    const indexes = await this.batchGet(orderIds.map((orderId) => orderReturnsKey(shopId, orderId)));
    const caseIds = indexes.flatMap((index) => (index.caseIds as string[] | undefined) ?? []);
    const byOrder = new Map<string, ReturnCase[]>();
    for (const item of await this.batchGet(caseIds.map((caseId) => returnCaseKey(shopId, caseId)))) {
      const found = item.case as ReturnCase;
      byOrder.set(found.orderId, [...(byOrder.get(found.orderId) ?? []), found]);
    }
    return byOrder;
  }

  /** Every item of `keys` that exists, 100 keys a request, retrying what DynamoDB leaves unprocessed. */
  private async batchGet(keys: readonly Key[]): Promise<Key[]> {
    const items: Key[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, { Keys: Key[] }> | undefined = { [this.tableName]: { Keys: keys.slice(i, i + 100) as Key[] } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        items.push(...(result.Responses?.[this.tableName] ?? []));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return items;
  }
}
