// A shop's return policy versions in the state table, kept as any versioned settings document
// (versioned-settings-store.ts): `POLICY#<shopId>#returns` / `CURRENT` holds the policy in effect
// (attribute `policy`, which ReturnStore.policy reads), each published version is kept as
// `POLICY#<shopId>#returns` / `V#000042`, and a publication is one conditional transaction with its
// audit record. Also the reads a dry run needs: the shop's latest orders and their returns.
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../audit/audit.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { ReturnCase } from '../returns/case.ts';
import type { PolicyVersion } from '../returns/policy-publication.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../returns/policy.ts';
import { orderReturnsKey, returnCaseKey, returnPolicyKey } from './return-store.ts';
import { ConcurrentPublicationError, settingsVersionKey, VersionedSettingsStore, type SettingsDocument } from './versioned-settings-store.ts';

export const returnPolicyDocument: SettingsDocument<'policy', ReturnPolicy> = {
  name: 'return policy',
  partition: (shopId) => returnPolicyKey(shopId).pk,
  attribute: 'policy',
  schema: ReturnPolicy,
  fallback: defaultReturnPolicy,
};

/** The item keeping published version `version` of the shop's return policy. */
export const returnPolicyVersionKey = (shopId: string, version: number) => settingsVersionKey(returnPolicyKey(shopId).pk, version);

/** Someone published another version since the one the publication started from: nothing was written. */
export { ConcurrentPublicationError as ConcurrentPolicyChangeError };

type Key = Record<string, unknown>;

export class ReturnPolicyStore {
  private readonly versions: VersionedSettingsStore<'policy', ReturnPolicy>;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.versions = new VersionedSettingsStore(client, tableName, returnPolicyDocument);
  }

  /** The policy in effect; version 0 and the default policy while the shop has published none. */
  current(shopId: string): Promise<PolicyVersion> {
    return this.versions.current(shopId);
  }

  /** Makes `next` the policy in effect if the shop is still at `expectedVersion`, with its version item and audit record. */
  publish(shopId: string, expectedVersion: number, next: PolicyVersion, audit: AuditRecord): Promise<void> {
    return this.versions.publish(shopId, expectedVersion, next, audit);
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
