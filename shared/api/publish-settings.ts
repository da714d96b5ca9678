// A supervisor publishes the next version of a shop's settings document (the return policy, the
// refund rules): only from the version they read (409 otherwise, or when another publication wins
// the race), in one transaction with its audit record naming the settings that changed and why.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ConcurrentPublicationError } from '../adapters/versioned-settings-store.ts';
import { newAuditRecord, type AuditRecord } from '../audit/audit.ts';
import { publishedVersion, settingsChange, type SettingsVersion } from '../shops/versioned-settings.ts';
import { ApiProblem, type Caller } from './validate.ts';

export interface VersionedSettings<K extends string, T extends { version: number }> {
  current(shopId: string): Promise<SettingsVersion<K, T>>;
  publish(shopId: string, expectedVersion: number, next: SettingsVersion<K, T>, audit: AuditRecord): Promise<void>;
}

export interface SettingsKind<K extends string> {
  /** Where the document is held in a version: `policy`, `rules`. */
  attribute: K;
  /** For messages: "return policy". */
  label: string;
  /** The audit action (`returnPolicy.publish`) and the policy subject id (`returns`). */
  action: string;
  subjectId: string;
}

export async function publishSettings<K extends string, T extends { version: number }>(
  store: VersionedSettings<K, T>,
  kind: SettingsKind<K>,
  request: { event: APIGatewayProxyEventV2; caller: Caller; shopId: string; expectedVersion: number; draft: T; reason: string },
): Promise<SettingsVersion<K, T>> {
  const { shopId, expectedVersion, reason } = request;
  const current = await store.current(shopId);
  if (current.version !== expectedVersion) throw new ApiProblem(409, `The ${kind.label} of ${shopId} is at version ${current.version}, not ${expectedVersion}: someone published since you read it`);
  const { sub, email, role } = request.caller;
  const by = { sub, role, ...(email ? { email } : {}) };
  const now = new Date();
  const next = publishedVersion(kind.attribute, current, request.draft, { at: now, by, reason });
  const audit = newAuditRecord(
    { shopId, action: kind.action, actor: by, subjects: [{ type: 'policy', id: kind.subjectId }], reason, ...settingsChange(kind.attribute, current, next), requestId: request.event.requestContext.requestId },
    { auditId: randomUUID(), now },
  );
  try {
    await store.publish(shopId, current.version, next, audit);
  } catch (error) {
    if (error instanceof ConcurrentPublicationError) throw new ApiProblem(409, `Another version of the ${kind.label} of ${shopId} was published at the same moment: read it again`);
    throw error;
  }
  return next;
}
