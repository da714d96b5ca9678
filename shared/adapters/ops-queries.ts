// Read models for the ops API: orders and customers by shop (the state table's gsi1, newest first),
// one order or customer by id, and an order's timeline from the journal. Every list is bounded
// and paginated with an opaque cursor.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerState } from '../ingest/customer-state.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { JournalEntry } from '../journal/entries.ts';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import { customerKey, orderKey } from './ingest-store.ts';

export class OpsQueries {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly stateTable: string,
    private readonly journalTable: string,
  ) {}

  /** Items of one shop from gsi1; `range` narrows the sort key (creation time for orders, email for customers). */
  private async byShop<T>(
    prefix: 'ORDERS' | 'CUSTOMERS',
    shopId: string,
    options: {
      limit: number;
      cursor?: string;
      ascending: boolean;
      range?: { from?: string; to?: string; equals?: string };
      filter?: { expression: string; names: Record<string, string>; values: Record<string, string> };
    },
  ): Promise<Page<T>> {
    const values: Record<string, string> = { ':pk': `${prefix}#${shopId}`, ...options.filter?.values };
    let condition = 'gsi1pk = :pk';
    const { from, to, equals } = options.range ?? {};
    if (equals !== undefined) {
      condition += ' AND gsi1sk = :equals';
      values[':equals'] = equals;
    } else if (from !== undefined && to !== undefined) {
      // BETWEEN includes `to`; callers drop items equal to it (key attributes cannot be filtered).
      condition += ' AND gsi1sk BETWEEN :from AND :to';
      Object.assign(values, { ':from': from, ':to': to });
    } else if (from !== undefined) {
      condition += ' AND gsi1sk >= :from';
      values[':from'] = from;
    } else if (to !== undefined) {
      condition += ' AND gsi1sk < :to';
      values[':to'] = to;
    }
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.stateTable,
        IndexName: 'gsi1',
        KeyConditionExpression: condition,
        ...(options.filter ? { FilterExpression: options.filter.expression, ExpressionAttributeNames: options.filter.names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: options.ascending,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.state as T), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /** A page of a shop's orders by creation time; a page may hold fewer than `limit` once filtered. */
  async listOrders(shopId: string, options: { limit: number; cursor?: string; from?: string; to?: string; newestFirst: boolean }): Promise<Page<OrderState>> {
    const page = await this.byShop<OrderState>('ORDERS', shopId, { limit: options.limit, cursor: options.cursor, ascending: !options.newestFirst, range: { from: options.from, to: options.to } });
    return options.to === undefined ? page : { ...page, items: page.items.filter((state) => state.order?.createdAt !== options.to) };
  }

  /** By phone the filter applies to each page read (customers are keyed by email), so a page may hold fewer than `limit`. */
  listCustomers(shopId: string, options: { limit: number; cursor?: string; email?: string; phone?: string }): Promise<Page<CustomerState>> {
    const filter = options.phone ? { expression: '#state.#phone = :phone', names: { '#state': 'state', '#phone': 'phone' }, values: { ':phone': options.phone } } : undefined;
    return this.byShop('CUSTOMERS', shopId, { limit: options.limit, cursor: options.cursor, ascending: true, range: options.email ? { equals: options.email } : undefined, filter });
  }

  async order(shopId: string, orderId: string): Promise<OrderState | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.stateTable, Key: orderKey(shopId, orderId) }));
    return Item?.state as OrderState | undefined;
  }

  async customer(shopId: string, customerId: string): Promise<CustomerState | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.stateTable, Key: customerKey(shopId, customerId) }));
    return Item?.state as CustomerState | undefined;
  }

  async timeline(subject: string, limit: number, cursor?: string): Promise<Page<JournalEntry>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.journalTable,
        KeyConditionExpression: 'subject = :subject',
        ExpressionAttributeValues: { ':subject': subject },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    return { items: (result.Items ?? []) as JournalEntry[], nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }
}
