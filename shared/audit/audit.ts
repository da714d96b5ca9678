// The audit trail of ops actions: who did what, when, to which entities, the state before and
// after, and why. Plain domain code; shared/adapters/audit-store.ts writes a record in the same
// transaction as the change it describes, so no change goes unrecorded.
import type { Role } from '../api/define.ts';

export const auditSubjectTypes = ['order', 'customer', 'case', 'return', 'refund', 'deadLetter', 'shop', 'policy'] as const;
export type AuditSubjectType = (typeof auditSubjectTypes)[number];

export interface AuditSubject {
  type: AuditSubjectType;
  id: string;
}

export interface AuditActor {
  sub: string;
  email?: string;
  role: Role;
}

export interface AuditRecord {
  auditId: string;
  /** The shop the action concerns; `deployment` for stack-wide things (a dead message of no shop). */
  scope: string;
  at: string;
  /** `deadLetter.redrive`, `deadLetter.discard`, `return.approve`... */
  action: string;
  actor: AuditActor;
  /** The first is the entity acted on; the others are the entities it belongs to (its order...). */
  subjects: AuditSubject[];
  reason?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  requestId: string;
}

/** The audit scope of records that concern no shop. */
export const deploymentScope = 'deployment';

/** Actions that override a decision must say why; the API requires a reason for them. */
export class ReasonRequiredError extends Error {}

export function newAuditRecord(
  input: Omit<AuditRecord, 'auditId' | 'at' | 'scope'> & { shopId?: string; reasonRequired?: boolean },
  { auditId, now }: { auditId: string; now: Date },
): AuditRecord {
  const { shopId, reasonRequired, ...rest } = input;
  if (rest.subjects.length === 0) throw new Error(`${rest.action}: an audit record names at least one subject`);
  if (reasonRequired && !rest.reason?.trim()) throw new ReasonRequiredError(`${rest.action} requires a reason`);
  return { ...rest, auditId, scope: shopId ?? deploymentScope, at: now.toISOString() };
}

/** Partition of one subject's audit records. */
export const auditSubjectKey = (scope: string, subject: AuditSubject) => `AUDIT#${scope}#${subject.type}#${subject.id}`;
/** Index partition of every record of a scope, newest first. */
export const auditScopeKey = (scope: string) => `AUDIT#${scope}`;

/** One item per subject, so each subject's trail is one query; only the first is indexed by scope. */
export function auditItems(record: AuditRecord): Record<string, unknown>[] {
  const sortKey = `${record.at}#${record.auditId}`;
  return record.subjects.map((subject, index) => ({
    pk: auditSubjectKey(record.scope, subject),
    sk: sortKey,
    ...(index === 0 ? { gsi1pk: auditScopeKey(record.scope), gsi1sk: sortKey } : {}),
    record,
  }));
}

/** The detail of the OpsActionRecorded event that puts the action on the entities' timelines. */
export function auditEventDetail(record: AuditRecord) {
  const idOf = (type: AuditSubjectType) => record.subjects.find((subject) => subject.type === type)?.id;
  return {
    version: 1 as const,
    shopId: record.scope,
    occurredAt: record.at,
    auditId: record.auditId,
    action: record.action,
    actor: record.actor,
    reason: record.reason,
    subjects: record.subjects,
    orderId: idOf('order'),
    customerId: idOf('customer'),
    caseId: idOf('case'),
    returnId: idOf('return'),
    refundId: idOf('refund'),
  };
}
