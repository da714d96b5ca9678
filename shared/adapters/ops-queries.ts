// Read models for the ops API: orders and customers by shop (the state table's gsi1, newest first),
// one order or customer by id, and an order's timeline from the journal. Every list is bounded
// and paginated with an opaque cursor.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerState } from '../ingest/customer-state.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { JournalEntry } from '../journal/entries.ts';
import { customerKey, orderKey } from './ingest-store.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export class InvalidCursorError extends Error {}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && !Array.isArray(key)) return key;
  } catch {
    // Reported below.
  }
  throw new InvalidCursorError('cursor: not a cursor this API returned');
}

export class OpsQueries {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly stateTable: string,
    private readonly journalTable: string,
  ) {}

  private async byShop<T>(prefix: 'ORDERS' | 'CUSTOMERS', shopId: string, limit: number, cursor?: string): Promise<Page<T>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.stateTable,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `${prefix}#${shopId}` },
        ScanIndexForward: prefix === 'CUSTOMERS',
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.state as T), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  listOrders(shopId: string, limit: number, cursor?: string): Promise<Page<OrderState>> {
    return this.byShop('ORDERS', shopId, limit, cursor);
  }

  listCustomers(shopId: string, limit: number, cursor?: string): Promise<Page<CustomerState>> {
    return this.byShop('CUSTOMERS', shopId, limit, cursor);
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
