// A capability writes its state change and an outbox item in one transaction; the relay publishes
// the event from the table's stream.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { OrderCancelled } from '../../shared/events/catalogue.ts';
import { outboxItem } from '../../shared/outbox/outbox-item.ts';
import { api, clients, eventually, resourceName, uniqueId } from './support.ts';

describe('transactional outbox', () => {
  it('publishes an event written with a state change', async () => {
    const orderId = uniqueId('order');
    const item = outboxItem(OrderCancelled, { ...OrderCancelled.example, orderId }, { eventId: uniqueId('evt'), now: new Date() });
    const tableName = resourceName('BackboneStateTable');
    await clients.dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { pk: `ORDER#${orderId}`, sk: 'STATE', status: 'cancelled' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    const published = await eventually(
      async () => {
        const { body } = await api(`/_local/events?source=${OrderCancelled.source}&detailType=${OrderCancelled.detailType}`);
        return body.events.find((event: any) => event.detail.orderId === orderId);
      },
      { what: 'the outbox event on the bus' },
    );
    expect(published.detail).toMatchObject({ orderId, version: 1 });
  });
});
