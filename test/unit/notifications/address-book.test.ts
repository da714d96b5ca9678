// The address items provider feedback writes: one unconditional UpdateItem each, on the keys the
// sender reads, with an append-only history.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { AddressBook } from '../../../shared/adapters/address-book.ts';

function book() {
  const sent: Record<string, any>[] = [];
  const client = { send: async (command: { input: Record<string, any> }) => void sent.push(command.input) } as unknown as DynamoDBDocumentClient;
  return { book: new AddressBook(client, 'State'), sent };
}
const provenance = { at: '2031-01-15T13:00:00.000Z', source: 'ses:Bounce:fb-1', detail: 'Permanent General' };

describe('AddressBook', () => {
  it('suppresses an email on its lowercased address item, appending to its history', async () => {
    const { book: addresses, sent } = book();
    await addresses.suppressEmail('demo-shopify', ' Ada@Example.com', 'bounced', provenance);
    expect(sent).toHaveLength(1);
    const [update] = sent;
    expect(update!.Key).toEqual({ pk: 'CONTACT#demo-shopify#email#ada@example.com', sk: 'CONTACT' });
    expect(update!.ConditionExpression).toBeUndefined();
    expect(update!.UpdateExpression).toMatch(/^SET suppressed = :reason, suppressedAt = :at, .*history = list_append\(if_not_exists\(history, :empty\), :entry\)$/);
    expect(update!.ExpressionAttributeValues).toMatchObject({ ':reason': 'bounced', ':at': provenance.at, ':address': 'ada@example.com', ':entry': [{ at: provenance.at, what: 'bounced', source: 'ses:Bounce:fb-1', detail: 'Permanent General' }] });
  });

  it('stops a number, and START removes the stop', async () => {
    const { book: addresses, sent } = book();
    await addresses.setSmsStopped('demo-generic', '+14255550182', true, { at: provenance.at, source: 'sms:inbound:in-1' });
    await addresses.setSmsStopped('demo-generic', '+14255550182', false, { at: '2031-01-15T14:00:00.000Z', source: 'sms:inbound:in-2' });
    expect(sent.map((update) => update.Key.pk)).toEqual(['CONTACT#demo-generic#sms#+14255550182', 'CONTACT#demo-generic#sms#+14255550182']);
    expect(sent[0]!.UpdateExpression).toMatch(/^SET stopped = :stopped, stoppedAt = :at, /);
    expect(sent[0]!.ExpressionAttributeValues[':stopped']).toBe(true);
    expect(sent[1]!.UpdateExpression).toMatch(/^SET resumedAt = :at, .* REMOVE stopped, stoppedAt$/);
    expect(sent.map((update) => update.ExpressionAttributeValues[':entry'][0].what)).toEqual(['sms_stopped', 'sms_started']);
  });

  it('notes a soft bounce in the history only, and keeps deliveries out of it', async () => {
    const { book: addresses, sent } = book();
    await addresses.note('demo-shopify', 'email', 'ada@example.com', 'soft_bounced', provenance);
    await addresses.delivered('demo-shopify', 'ada@example.com', provenance.at, 'm-1');
    expect(sent[0]!.UpdateExpression).toMatch(/^SET updatedAt = :at, /);
    expect(sent[0]!.UpdateExpression).not.toMatch(/suppressed|stopped/);
    expect(sent[1]!.UpdateExpression).not.toMatch(/history/);
    expect(sent[1]!.ExpressionAttributeValues).toMatchObject({ ':at': provenance.at, ':id': 'm-1' });
  });
});
