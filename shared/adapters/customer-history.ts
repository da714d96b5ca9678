// The customer's claims index in the state table, for the refund engine's risk rules: one item per
// claim, `CUSTOMERCLAIMS#<shopId>#<customerId>` / `<createdAt>#<id>`, written in the transaction
// that creates the return case (ReturnStore.create) or the parcel claim's decision
// (RefundDecisionStore.create), so a claim is indexed exactly when it exists. The reader answers
// the history before one claim (shared/refunds/customer-history.ts) with the customer's order count.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { historyBefore, type CurrentClaim, type CustomerClaim } from '../refunds/customer-history.ts';
import type { CustomerHistory } from '../refunds/claim.ts';
import { customerTierKey } from './customer-tier-store.ts';
import { IngestStore } from './ingest-store.ts';

export const customerClaimsKey = (shopId: string, customerId: string) => `CUSTOMERCLAIMS#${shopId}#${customerId}`;

/** A customer's claims read at most: beyond, the oldest are left out (a return rate over thousands of claims is settled). */
const maxClaimsRead = 5000;

/**
 * The index item of a claim, for the creating transaction. Unconditional: the same claim always
 * writes the same item, and the creation it rides with is itself conditional, so it is written once.
 */
export function customerClaimPut(tableName: string, shopId: string, customerId: string, claim: CustomerClaim) {
  return {
    Put: {
      TableName: tableName,
      Item: { pk: customerClaimsKey(shopId, customerId), sk: `${claim.createdAt}#${claim.id}`, shopId, customerId, kind: claim.kind, id: claim.id, orderId: claim.orderId, createdAt: claim.createdAt },
    },
  };
}

export class CustomerHistoryReader {
  private readonly ingest: IngestStore;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.ingest = new IngestStore(client, tableName);
  }

  /** The customer's claims, oldest first. */
  async claims(shopId: string, customerId: string): Promise<CustomerClaim[]> {
    const claims: CustomerClaim[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': customerClaimsKey(shopId, customerId) },
          ProjectionExpression: 'kind, id, orderId, createdAt',
          // Newest first, so a customer with more than we read keeps their recent claims.
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      claims.push(...((result.Items ?? []) as CustomerClaim[]));
      start = result.LastEvaluatedKey;
    } while (start && claims.length < maxClaimsRead);
    return claims.slice(0, maxClaimsRead).reverse();
  }

  /** The history before `current`; an anonymous customer has none. */
  async before(shopId: string, customerId: string | undefined, current: CurrentClaim): Promise<CustomerHistory> {
    if (!customerId) return historyBefore([], current);
    const [claims, customer, tier] = await Promise.all([this.claims(shopId, customerId), this.ingest.customer(shopId, customerId), this.tier(shopId, customerId)]);
    // Version 0: no record (IngestStore answers an empty one).
    return historyBefore(claims, current, { ...(customer.version > 0 ? { orderCount: customer.orderCount } : {}), ...(tier ? { tier } : {}) });
  }

  /** The customer's VIP tier id as the tier keeper keeps it (functions/nudges/tiers.ts), for trusted tiers. */
  private async tier(shopId: string, customerId: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: customerTierKey(shopId, customerId), ProjectionExpression: 'tier' }));
    return (Item?.tier as { id: string } | null | undefined)?.id;
  }
}
