// An event put on the bus reaches the handler its rule names, and not others; a handler that keeps
// failing leaves the event among the dead letters after the retries.
import { ListRulesCommand, PutEventsCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { OrderPlaced } from '../../shared/events/catalogue.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { api, clients, endpoints, findDeadMessage, opsToken, resourceName, settle, uniqueId } from './support.ts';

const busName = resourceName('BackboneBus');
const journalRule = resourceName('OpsApiJournalRule');
const journalFunction = resourceName('OpsApiJournalFunction');
const journalTable = resourceName('BackboneJournalTable');

async function put(source: string, detailType: string, detail: unknown) {
  const result = await clients.events.send(
    new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: source, DetailType: detailType, Detail: JSON.stringify(detail) }] }),
  );
  expect(result.FailedEntryCount).toBe(0);
  return result.Entries![0]!.EventId!;
}

async function archived(eventId: string) {
  const { body } = await api(`/_local/events`);
  return body.events.find((event: any) => event.id === eventId);
}

describe('event routing', () => {
  it('delivers a canonical event to the journal rule only, and the journal records it', async () => {
    const orderId = uniqueId('order');
    const eventId = await put(OrderPlaced.source, OrderPlaced.detailType, { ...OrderPlaced.example, orderId });
    await settle();

    const event = await archived(eventId);
    // Exactly the rules whose patterns match, as EventBridge itself would judge them.
    const { Rules = [] } = await clients.events.send(new ListRulesCommand({ EventBusName: busName }));
    const expected: string[] = [];
    const { matchedRules, ...plain } = event;
    for (const rule of Rules) {
      const { Result } = await clients.events.send(new TestEventPatternCommand({ EventPattern: rule.EventPattern!, Event: JSON.stringify(plain) }));
      if (Result) expected.push(rule.Name!);
    }
    expect(expected).toContain(journalRule);
    expect(matchedRules.map((match: any) => match.rule).sort()).toEqual(expected.sort());
    const { Items = [] } = await clients.dynamo.send(
      new QueryCommand({ TableName: journalTable, KeyConditionExpression: 'subject = :s', ExpressionAttributeValues: { ':s': `order#acme-outdoor#${orderId}` } }),
    );
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({ eventId, detailType: 'OrderPlaced', detail: { orderId } });
  });

  it('routes an event outside the aftersales sources nowhere', async () => {
    const eventId = await put('partner.crm', 'ContactUpdated', { contactId: uniqueId('contact') });
    expect((await archived(eventId)).matchedRules).toEqual([]);
  });

  it('ends among the dead letters when the handler keeps failing', async () => {
    const orderId = uniqueId('broken-order');
    // Valid JSON, but not a valid OrderPlaced: the journal refuses it on every delivery.
    await put(OrderPlaced.source, OrderPlaced.detailType, { ...OrderPlaced.example, orderId, currency: 'dollars' });
    // The dead-letter desk takes it off the queue into the ops API's dead letters.
    const client = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const deadLetter = await findDeadMessage(client, OrderPlaced.example.shopId, orderId);
    expect(deadLetter).toMatchObject({ source: 'OpsApi/JournalQueue/DeadLetters', topic: 'OrderPlaced' });
    // The queue allows three receives before it dead-letters a message.
    const failures = (await api(`/_local/invocations?function=${journalFunction}`)).body.invocations.filter((i: any) => i.outcome === 'error');
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });
});
