// A shop's delay settings as a versioned document, like the return policy
// (shared/shops/versioned-settings.ts): a supervisor publishes a draft through the ops API and the
// version it becomes is kept with an audit record. Until the shop publishes one, the settings of
// its shop config (the shops secret) are in effect, as version 0, else the defaults. Pure;
// shared/adapters/delay-settings-store.ts keeps the versions.
import type { SettingsVersion } from '../shops/versioned-settings.ts';
import { defaultDelaySettings, type DelaySettings } from './settings.ts';

/** The settings a shop's delay flow runs with, and where they came from. */
export type DelaySettingsVersion = SettingsVersion<'settings', DelaySettings>;

/** A dry run looks at this many of the shop's latest orders, at most. */
export const maxDelayDryRunOrders = 1000;

/**
 * The settings in effect: the latest published version, else (version 0) the shop config's, else
 * the defaults. Publishing through the API takes over from the shop config for good.
 */
export function delaySettingsInEffect(published: DelaySettingsVersion, fromShopConfig: DelaySettings | undefined): DelaySettingsVersion {
  if (published.version > 0) return published;
  return { version: 0, settings: { ...(fromShopConfig ?? defaultDelaySettings), version: 0 } };
}
