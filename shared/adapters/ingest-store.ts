// Order and customer state in the state table. A change is one transaction: the new states (each
// conditioned on the version it was computed from), the outbox items of its events, and the
// delivery marked processed. A concurrent writer makes it fail as a whole, and it is retried.
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { orderNumberKey } from '../customers/order-number.ts';
import type { CustomerState } from '../ingest/customer-state.ts';
import { emptyCustomerState } from '../ingest/customer-state.ts';
import { emptyOrderState, type OrderState, type PendingEvent } from '../ingest/order-state.ts';
import { deadLetterIndexKey } from '../ops/dead-letters.ts';
import { outboxItem } from '../outbox/outbox-item.ts';

export class ConcurrentChangeError extends Error {}

export const orderKey = (shopId: string, orderId: string) => ({ pk: `ORDER#${shopId}#${orderId}`, sk: 'STATE' });
export const customerKey = (shopId: string, customerId: string) => ({ pk: `CUSTOMER#${shopId}#${customerId}`, sk: 'STATE' });

type Put = { Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } };

export class IngestStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async order(shopId: string, orderId: string): Promise<OrderState> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: orderKey(shopId, orderId), ConsistentRead: true }));
    return (Item?.state as OrderState | undefined) ?? emptyOrderState(shopId, orderId);
  }

  async customer(shopId: string, customerId: string): Promise<CustomerState> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: customerKey(shopId, customerId), ConsistentRead: true }));
    return (Item?.state as CustomerState | undefined) ?? emptyCustomerState(shopId, customerId);
  }

  private versioned(key: { pk: string; sk: string }, state: { version: number }, index: Record<string, string>): Put {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...key, ...index, state: { ...state, version: state.version + 1 }, updatedAt: this.now().toISOString() },
        ConditionExpression: state.version === 0 ? 'attribute_not_exists(pk)' : '#state.#version = :version',
        ...(state.version === 0 ? {} : { ExpressionAttributeValues: { ':version': state.version } }),
      },
    };
  }

  /** Writes the change and marks the delivery processed, all or nothing. */
  async commit(change: { order?: OrderState; customer?: CustomerState; events: PendingEvent[]; deliveryKey: string }): Promise<void> {
    const now = this.now();
    const items: Record<string, unknown>[] = [];
    if (change.order) {
      const { shopId, orderId, order } = change.order;
      // gsi2: customers find their order by its number (customer portal sign-in).
      const byNumber: Record<string, string> = order ? { gsi2pk: orderNumberKey(shopId, order.orderNumber), gsi2sk: orderId } : {};
      items.push(this.versioned(orderKey(shopId, orderId), change.order, { gsi1pk: `ORDERS#${shopId}`, gsi1sk: order?.createdAt ?? now.toISOString(), ...byNumber }));
    }
    if (change.customer) {
      const { shopId, customerId } = change.customer;
      items.push(this.versioned(customerKey(shopId, customerId), change.customer, { gsi1pk: `CUSTOMERS#${shopId}`, gsi1sk: change.customer.email ?? customerId }));
    }
    for (const event of change.events) {
      items.push({ Put: { TableName: this.tableName, Item: outboxItem(event.definition, event.detail, { eventId: randomUUID(), now }), ConditionExpression: 'attribute_not_exists(pk)' } });
    }
    items.push({
      Update: {
        TableName: this.tableName,
        Key: { pk: change.deliveryKey, sk: 'DELIVERY' },
        UpdateExpression: 'SET #status = :processed, processedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :processed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':processed': 'processed', ':now': now.toISOString() },
      },
    });
    const names = change.order || change.customer ? { '#state': 'state', '#version': 'version' } : undefined;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: items.map((item) => {
            const put = (item as Put).Put;
            return put && put.ConditionExpression.includes('#state') ? { Put: { ...put, ExpressionAttributeNames: names } } : item;
          }) as never,
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') throw new ConcurrentChangeError(`The state changed while this delivery was mapped: ${(error as Error).message}`);
      throw error;
    }
  }

  async markDelivery(deliveryKey: string, status: 'processed' | 'quarantined', reason?: string, detail?: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: deliveryKey, sk: 'DELIVERY' },
        // A quarantined delivery joins the open dead letters, for ops to re-drive or discard.
        UpdateExpression: `SET #status = :status, reason = :reason, detail = :detail, processedAt = :now${status === 'quarantined' ? ', gsi1pk = :deadLetters' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':reason': reason ?? null,
          ':detail': detail ?? null,
          ':now': this.now().toISOString(),
          ...(status === 'quarantined' ? { ':deadLetters': deadLetterIndexKey('open') } : {}),
        },
      }),
    );
  }
}
