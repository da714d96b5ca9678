// The versioning every published settings document shares (the return policy, the refund rules):
// the version a draft becomes, the audit diff, how a stored item reads, the publication's
// transaction and how a lost race is told apart, against a scripted DynamoDB client.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refundRulesDocument, refundRulesKey, refundRulesVersionKey } from '../../../shared/adapters/refund-rules-store.ts';
import { returnPolicyDocument, returnPolicyVersionKey } from '../../../shared/adapters/return-policy-store.ts';
import { returnPolicyKey } from '../../../shared/adapters/return-store.ts';
import {
  ConcurrentPublicationError,
  isConcurrentPublication,
  publicationWrites,
  versionOfItem,
  VersionedSettingsStore,
  type SettingsDocument,
} from '../../../shared/adapters/versioned-settings-store.ts';
import { newAuditRecord } from '../../../shared/audit/audit.ts';
import { defaultRefundRules } from '../../../shared/refunds/rules.ts';
import { defaultReturnPolicy } from '../../../shared/returns/policy.ts';
import { publishedVersion, settingsChange, type SettingsVersion } from '../../../shared/shops/versioned-settings.ts';

const Limits = z.object({ version: z.int().min(1), maxItems: z.int().default(3), note: z.string().optional() });
type Limits = z.infer<typeof Limits>;
const limitsDocument: SettingsDocument<'limits', Limits> = { name: 'limits', partition: (shopId) => `LIMITS#${shopId}`, attribute: 'limits', schema: Limits, fallback: { version: 1, maxItems: 3 } };
const supervisor = { sub: 'sup-1', email: 'sup@example.com', role: 'supervisor' as const };
const at = new Date('2024-05-20T12:00:00Z');
const audit = newAuditRecord({ shopId: 'acme', action: 'limits.publish', actor: supervisor, subjects: [{ type: 'policy', id: 'limits' }], requestId: 'req-1' }, { auditId: 'aud-1', now: at });
const start: SettingsVersion<'limits', Limits> = { version: 0, limits: limitsDocument.fallback };

describe('publishedVersion and settingsChange', () => {
  it('publish the draft under its attribute as the next version, whatever version the draft names', () => {
    const next = publishedVersion('limits', start, { version: 9, maxItems: 5 }, { at, by: supervisor, reason: 'More items' });
    expect(next).toEqual({ version: 1, limits: { version: 1, maxItems: 5 }, publishedAt: '2024-05-20T12:00:00.000Z', publishedBy: supervisor, reason: 'More items' });
    expect(publishedVersion('limits', next, next.limits, { at, by: supervisor, reason: 'again' }).limits.version).toBe(2);
  });

  it('show the versions and the settings that changed, added or removed', () => {
    const before: SettingsVersion<'limits', Limits> = { version: 2, limits: { version: 2, maxItems: 3, note: 'old' } };
    const after = publishedVersion('limits', before, { version: 2, maxItems: 4 }, { at, by: supervisor, reason: 'r' });
    expect(settingsChange('limits', before, after)).toEqual({ before: { version: 2, maxItems: 3, note: 'old' }, after: { version: 3, maxItems: 4 } });
  });
});

describe('versionOfItem', () => {
  it('reads no item as version 0 and the fallback', () => {
    expect(versionOfItem(limitsDocument, undefined)).toEqual(start);
    expect(versionOfItem(refundRulesDocument, undefined)).toEqual({ version: 0, rules: defaultRefundRules });
    expect(versionOfItem(returnPolicyDocument, { pk: 'x', sk: 'CURRENT' })).toEqual({ version: 0, policy: defaultReturnPolicy });
  });

  it('reads a published item with its publication, defaults applied; a seeded one without a version as version 0', () => {
    const item = { version: 4, limits: { version: 4 }, publishedAt: '2024-05-20T12:00:00.000Z', publishedBy: supervisor, reason: 'r', shopId: 'acme' };
    expect(versionOfItem(limitsDocument, item)).toEqual({ version: 4, limits: { version: 4, maxItems: 3 }, publishedAt: item.publishedAt, publishedBy: supervisor, reason: 'r' });
    expect(versionOfItem(limitsDocument, { limits: { version: 7, maxItems: 1 } })).toEqual({ version: 0, limits: { version: 7, maxItems: 1 } });
  });

  it('refuses a stored document its schema does not accept', () => {
    expect(() => versionOfItem(limitsDocument, { version: 1, limits: { version: 0 } })).toThrow();
  });
});

describe('publicationWrites', () => {
  const next = publishedVersion('limits', start, { version: 1, maxItems: 5 }, { at, by: supervisor, reason: 'More items' });

  it('writes CURRENT only if none was published, the version item once, and the audit record', () => {
    const writes = publicationWrites('state', limitsDocument, 'acme', 0, next, audit);
    const fields = { version: 1, limits: next.limits, publishedAt: next.publishedAt, publishedBy: supervisor, reason: 'More items', shopId: 'acme' };
    expect(writes[0]).toEqual({ Put: { TableName: 'state', Item: { pk: 'LIMITS#acme', sk: 'CURRENT', ...fields }, ConditionExpression: 'attribute_not_exists(#version)', ExpressionAttributeNames: { '#version': 'version' } } });
    expect(writes[1]).toEqual({ Put: { TableName: 'state', Item: { pk: 'LIMITS#acme', sk: 'V#000001', ...fields }, ConditionExpression: 'attribute_not_exists(pk)' } });
    expect(writes.slice(2).length).toBeGreaterThan(0);
    expect(writes.slice(2).every((write) => write.Put?.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
  });

  it('writes CURRENT over a published version only if it is still the one read', () => {
    const second: SettingsVersion<'limits', Limits> = { version: 2, limits: { version: 2, maxItems: 3 } };
    const third = publishedVersion('limits', second, next.limits, { at, by: supervisor, reason: 'r' });
    const [current, kept] = publicationWrites('state', limitsDocument, 'acme', 2, third, audit);
    expect(current!.Put).toMatchObject({ ConditionExpression: '#version = :expected', ExpressionAttributeValues: { ':expected': 2 } });
    expect(kept!.Put!.Item).toMatchObject({ sk: 'V#000003', version: 3 });
  });

  it('refuses a version that does not follow the one expected', () => {
    expect(() => publicationWrites('state', limitsDocument, 'acme', 1, next, audit)).toThrow(/does not follow/);
  });
});

describe('the documents in the state table', () => {
  it('keep the return policy and the refund rules where their readers look', () => {
    expect(returnPolicyDocument.partition('acme')).toBe(returnPolicyKey('acme').pk);
    expect(returnPolicyVersionKey('acme', 42)).toEqual({ pk: 'POLICY#acme#returns', sk: 'V#000042' });
    expect(refundRulesKey('acme')).toEqual({ pk: 'RULES#acme#refunds', sk: 'CURRENT' });
    expect(refundRulesVersionKey('acme', 7)).toEqual({ pk: 'RULES#acme#refunds', sk: 'V#000007' });
    expect([returnPolicyDocument.attribute, refundRulesDocument.attribute]).toEqual(['policy', 'rules']);
  });
});

describe('VersionedSettingsStore.publish', () => {
  const failing = (error: Error) => ({ send: async () => Promise.reject(error) }) as unknown as DynamoDBDocumentClient;
  const named = (name: string, message = name) => Object.assign(new Error(message), { name });
  const next = publishedVersion('limits', start, { version: 1, maxItems: 5 }, { at, by: supervisor, reason: 'r' });

  it('tells a lost race (a failed condition or a transaction conflict) from any other failure', async () => {
    for (const error of [named('TransactionCanceledException', 'Transaction cancelled [ConditionalCheckFailed, None]'), named('TransactionConflictException'), named('TransactionCanceledException', 'reasons [TransactionConflict]')]) {
      expect(isConcurrentPublication(error)).toBe(true);
      await expect(new VersionedSettingsStore(failing(error), 'state', limitsDocument).publish('acme', 0, next, audit)).rejects.toThrow(ConcurrentPublicationError);
    }
    const throttled = named('ProvisionedThroughputExceededException');
    expect(isConcurrentPublication(throttled)).toBe(false);
    await expect(new VersionedSettingsStore(failing(throttled), 'state', limitsDocument).publish('acme', 0, next, audit)).rejects.toBe(throttled);
  });

  it('sends the publication as one transaction, and reads CURRENT consistently', async () => {
    const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
    const client = { send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => (sent.push({ name: command.constructor.name, input: command.input }), {}) } as unknown as DynamoDBDocumentClient;
    const store = new VersionedSettingsStore(client, 'state', limitsDocument);
    await store.publish('acme', 0, next, audit);
    expect(await store.current('acme')).toEqual(start);
    expect(sent.map((command) => command.name)).toEqual(['TransactWriteCommand', 'GetCommand']);
    expect(sent[0]!.input.TransactItems).toEqual(publicationWrites('state', limitsDocument, 'acme', 0, next, audit));
    expect(sent[1]!.input).toEqual({ TableName: 'state', Key: { pk: 'LIMITS#acme', sk: 'CURRENT' }, ConsistentRead: true });
  });
});
