// The shop's refund rules in the state table, versioned like the return policy
// (versioned-settings-store.ts): `RULES#<shopId>#refunds` / `CURRENT` holds the rules in effect
// (attribute `rules`), each published version is kept as `RULES#<shopId>#refunds` / `V#000042`; the
// default rules, as version 0, while the shop has published none.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RulesVersion } from '../refunds/rules-publication.ts';
import { defaultRefundRules, RefundRules } from '../refunds/rules.ts';
import { currentSettingsKey, settingsVersionKey, VersionedSettingsStore, type SettingsDocument } from './versioned-settings-store.ts';

const refundRulesPartition = (shopId: string) => `RULES#${shopId}#refunds`;

export const refundRulesDocument: SettingsDocument<'rules', RefundRules> = {
  name: 'refund rules',
  partition: refundRulesPartition,
  attribute: 'rules',
  schema: RefundRules,
  fallback: defaultRefundRules,
};

export const refundRulesKey = (shopId: string) => currentSettingsKey(refundRulesPartition(shopId));
/** The item keeping published version `version` of the shop's refund rules. */
export const refundRulesVersionKey = (shopId: string, version: number) => settingsVersionKey(refundRulesPartition(shopId), version);

export class RefundRulesStore extends VersionedSettingsStore<'rules', RefundRules> {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(client, tableName, refundRulesDocument);
  }
}

/** The rules in effect (without their publication). */
export async function currentRefundRules(client: DynamoDBDocumentClient, tableName: string, shopId: string): Promise<RefundRules> {
  const current: RulesVersion = await new RefundRulesStore(client, tableName).current(shopId);
  return current.rules;
}
