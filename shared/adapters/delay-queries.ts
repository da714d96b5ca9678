// Read models of the delay flow for the ops API, against the layout the delay store writes: one
// item per watched order (pk `DELAYWATCH#<shopId>#<orderId>`, sk `WATCH`, `watch`, `version`),
// indexed on gsi1 `DELAYS#<shopId>#open` (sort key: earliest open detection, then order id)
// while the order has an open delay. Read-only: the delay store owns every write.
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { DelayWatch } from '../delays/watch.ts';
import type { OrderState } from '../ingest/order-state.ts';
import { delayWatchKey, openDelaysIndexKey } from './delay-store.ts';

type Key = Record<string, unknown>;

/** What a metrics read reached: the orders placed in the period and the watches among them. */
export interface PeriodWatches {
  orders: OrderState[];
  watches: DelayWatch[];
  /** False when the period held more orders than one read takes: the figures cover the first ones. */
  complete: boolean;
}

export class DelayQueries {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly stateTable: string,
  ) {}

  /** A page of the shop's watches with an open delay, oldest detection first. */
  async openDelays(shopId: string, options: { limit: number; cursor?: string }): Promise<Page<DelayWatch>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.stateTable,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': openDelaysIndexKey(shopId) },
        ScanIndexForward: true,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.watch as DelayWatch), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /** Every watch of the shop with an open delay, up to `max` (the daily digest); `complete` false when there were more. */
  async allOpen(shopId: string, max: number): Promise<{ watches: DelayWatch[]; complete: boolean }> {
    const watches: DelayWatch[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.openDelays(shopId, { limit: Math.min(500, max - watches.length + 1), ...(cursor ? { cursor } : {}) });
      watches.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && watches.length <= max);
    return { watches: watches.slice(0, max), complete: watches.length <= max && !cursor };
  }

  /**
   * The orders placed in [from, to) (gsi1 `ORDERS#<shopId>`, by creation time) and the watches of
   * those orders, read by key: every watch of the period, open or resolved, without a scan or a
   * further index. At most `maxOrders` orders are read.
   */
  async placedIn(shopId: string, range: { from: string; to: string }, maxOrders: number): Promise<PeriodWatches> {
    const orders: OrderState[] = [];
    let start: Key | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.stateTable,
          IndexName: 'gsi1',
          // BETWEEN includes `to`: orders placed exactly then are dropped below.
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `ORDERS#${shopId}`, ':from': range.from, ':to': range.to },
          ProjectionExpression: '#state',
          ExpressionAttributeNames: { '#state': 'state' },
          Limit: Math.min(1000, maxOrders - orders.length + 1),
          ExclusiveStartKey: start,
        }),
      );
      orders.push(...(result.Items ?? []).map((item) => item.state as OrderState).filter((state) => state.order && state.order.createdAt !== range.to));
      start = result.LastEvaluatedKey;
    } while (start && orders.length <= maxOrders);
    const complete = orders.length <= maxOrders && !start;
    const reached = orders.slice(0, maxOrders);
    const items = await this.batchGet(reached.map((state) => delayWatchKey(shopId, state.orderId)));
    return { orders: reached, watches: items.map((item) => item.watch as DelayWatch), complete };
  }

  /** The watches of these orders, by order id (orders the delay flow does not watch are absent). */
  async watchesOf(shopId: string, orderIds: readonly string[]): Promise<Map<string, DelayWatch>> {
    const items = await this.batchGet(orderIds.map((orderId) => delayWatchKey(shopId, orderId)));
    return new Map(items.map((item) => [(item.watch as DelayWatch).orderId, item.watch as DelayWatch]));
  }

  /** Every item of `keys` that exists, 100 keys a request, retrying what DynamoDB leaves unprocessed. */
  private async batchGet(keys: readonly Key[]): Promise<Key[]> {
    const items: Key[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, { Keys: Key[]; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }> | undefined = {
        [this.stateTable]: { Keys: keys.slice(i, i + 100) as Key[], ProjectionExpression: '#watch', ExpressionAttributeNames: { '#watch': 'watch' } },
      };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        items.push(...(result.Responses?.[this.stateTable] ?? []));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return items.filter((item) => item.watch !== undefined);
  }
}
