// A shop's delay settings versions in the state table, kept as any versioned settings document
// (versioned-settings-store.ts): `DELAYS#<shopId>#settings` / `CURRENT` holds the settings in
// effect (attribute `settings`), each published version is kept as `DELAYS#<shopId>#settings` /
// `V#000042`, and a publication is one conditional transaction with its audit record. While the
// shop has published none, its shop config's settings (or the defaults) are in effect as version 0.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { delaySettingsInEffect, type DelaySettingsVersion } from '../delays/settings-publication.ts';
import { defaultDelaySettings, DelaySettings } from '../delays/settings.ts';
import { currentSettingsKey, settingsVersionKey, VersionedSettingsStore, type SettingsDocument } from './versioned-settings-store.ts';

const delaySettingsPartition = (shopId: string) => `DELAYS#${shopId}#settings`;

export const delaySettingsDocument: SettingsDocument<'settings', DelaySettings> = {
  name: 'delay settings',
  partition: delaySettingsPartition,
  attribute: 'settings',
  schema: DelaySettings,
  fallback: defaultDelaySettings,
};

export const delaySettingsKey = (shopId: string) => currentSettingsKey(delaySettingsPartition(shopId));
/** The item keeping published version `version` of the shop's delay settings. */
export const delaySettingsVersionKey = (shopId: string, version: number) => settingsVersionKey(delaySettingsPartition(shopId), version);

export class DelaySettingsStore extends VersionedSettingsStore<'settings', DelaySettings> {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(client, tableName, delaySettingsDocument);
  }

  /** The settings the shop's delay flow runs with: the latest published, else `fromShopConfig`, else the defaults. */
  async inEffect(shopId: string, fromShopConfig: DelaySettings | undefined): Promise<DelaySettingsVersion> {
    return delaySettingsInEffect(await this.current(shopId), fromShopConfig);
  }
}
