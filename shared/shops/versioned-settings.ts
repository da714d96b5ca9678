// A shop's settings documents that a supervisor publishes as numbered versions (the return policy,
// the refund rules): the version a draft becomes, and what the audit record of a publication says
// changed. Pure; shared/adapters/versioned-settings-store.ts keeps the versions.

/** Who published a version. */
export interface Publisher {
  sub: string;
  email?: string;
  role: string;
}

/**
 * A document in effect, held under its attribute `K` (`policy`, `rules`), with where it came from.
 * Version 0: the default, never published.
 */
export type SettingsVersion<K extends string, T> = {
  version: number;
  publishedAt?: string;
  publishedBy?: Publisher;
  reason?: string;
} & { [P in K]: T };

export interface Publication {
  at: Date;
  by: Publisher;
  reason: string;
}

/**
 * The draft as it is published over `current`: its own `version` is the next one, whatever the
 * draft said, so the stored document and the version of the item holding it never disagree.
 */
export function publishedVersion<K extends string, T extends { version: number }>(attribute: K, current: SettingsVersion<K, T>, draft: T, published: Publication): SettingsVersion<K, T> {
  const version = current.version + 1;
  return { version, [attribute]: { ...draft, version }, publishedAt: published.at.toISOString(), publishedBy: published.by, reason: published.reason } as SettingsVersion<K, T>;
}

/**
 * What the audit record shows: the version, and only the top-level settings that differ, before
 * and after. A whole document twice would make the record hard to read (and large: blocklists).
 */
export function settingsChange<K extends string, T>(attribute: K, before: SettingsVersion<K, T>, after: SettingsVersion<K, T>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const previous = before[attribute] as unknown as Record<string, unknown>;
  const next = after[attribute] as unknown as Record<string, unknown>;
  const changed = [...new Set([...Object.keys(previous), ...Object.keys(next)])]
    .filter((key) => key !== 'version' && JSON.stringify(previous[key]) !== JSON.stringify(next[key]))
    .sort();
  const pick = (document: Record<string, unknown>) => Object.fromEntries(changed.filter((key) => document[key] !== undefined).map((key) => [key, document[key]]));
  return { before: { version: before.version, ...pick(previous) }, after: { version: after.version, ...pick(next) } };
}
