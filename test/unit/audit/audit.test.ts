import { describe, expect, it } from 'vitest';
import { auditEventDetail, auditItems, newAuditRecord, ReasonRequiredError } from '../../../shared/audit/audit.ts';
import { OpsActionRecorded } from '../../../shared/events/ops.ts';

const actor = { sub: 'user-1', email: 'sam@example.com', role: 'agent' as const };
const now = new Date('2031-03-01T12:00:00Z');

describe('audit records', () => {
  const record = newAuditRecord(
    { shopId: 'acme', action: 'return.approve', actor, subjects: [{ type: 'return', id: 'r-1' }, { type: 'order', id: 'o-1' }, { type: 'customer', id: 'c-1' }], reason: 'Photo shows damage', before: { status: 'requested' }, after: { status: 'approved' }, requestId: 'req-1' },
    { auditId: 'a-1', now },
  );

  it('keeps one item per subject, only the first indexed under the shop, all sorted by time', () => {
    const items = auditItems(record);
    expect(items.map((item) => item.pk)).toEqual(['AUDIT#acme#return#r-1', 'AUDIT#acme#order#o-1', 'AUDIT#acme#customer#c-1']);
    expect(items.every((item) => item.sk === '2031-03-01T12:00:00.000Z#a-1')).toBe(true);
    expect(items.filter((item) => item.gsi1pk === 'AUDIT#acme')).toHaveLength(1);
  });

  it('announces the action with the ids the journal files it under, as a valid catalogue event', () => {
    const detail = auditEventDetail(record);
    expect(detail).toMatchObject({ orderId: 'o-1', customerId: 'c-1', returnId: 'r-1', action: 'return.approve', reason: 'Photo shows damage' });
    expect(OpsActionRecorded.detail.safeParse(detail).success).toBe(true);
  });

  it('requires a reason where the action says so, and a subject always', () => {
    const base = { action: 'refund.override', actor, subjects: [{ type: 'refund' as const, id: 'f-1' }], requestId: 'req-2', reasonRequired: true };
    expect(() => newAuditRecord({ ...base, reason: '  ' }, { auditId: 'a-2', now })).toThrow(ReasonRequiredError);
    expect(() => newAuditRecord({ ...base, subjects: [], reason: 'why' }, { auditId: 'a-3', now })).toThrow(/subject/);
    expect(newAuditRecord({ ...base, reason: 'Supervisor approved' }, { auditId: 'a-4', now }).scope).toBe('deployment');
  });
});
