import { describe, expect, it } from 'vitest';
import { ReturnCase, ReturnStatus, type CaseActor } from '../../../shared/returns/case.ts';
import { allowedFrom, applyTransition, returnEventDefinitions, type CommandType, type ReturnCommand, type TransitionResult } from '../../../shared/returns/lifecycle.ts';

const agent: CaseActor = { kind: 'staff', sub: 'agent-1', email: 'sam@example.com', role: 'agent' };
const agent2: CaseActor = { kind: 'staff', sub: 'agent-2', role: 'agent' };
const supervisor: CaseActor = { kind: 'staff', sub: 'sup-1', role: 'supervisor' };
const viewer: CaseActor = { kind: 'staff', sub: 'viewer-1', role: 'viewer' };
const customer: CaseActor = { kind: 'customer', id: 'cust-1' };
const t0 = new Date('2031-03-01T10:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

function newCase(overrides: Partial<ReturnCase> = {}): ReturnCase {
  return ReturnCase.parse({
    id: 'ret-1',
    shopId: 'acme',
    orderId: 'ord-1',
    orderNumber: '#1001',
    customer: { id: 'cust-1', email: 'ada@example.com', firstName: 'Ada', locale: 'en' },
    status: 'requested',
    lines: [
      { lineItemId: 'l1', quantity: 1, reason: 'too_small', resolution: 'refund' },
      { lineItemId: 'l2', quantity: 2, reason: 'damaged', resolution: 'refund' },
    ],
    createdAt: t0.toISOString(),
    updatedAt: t0.toISOString(),
    version: 0,
    deadlines: { slaDueAt: at(24).toISOString() },
    history: [],
    timers: [],
    ...overrides,
  });
}

/** Applies and asserts success; checks the invariants every successful transition keeps. */
function step(c: ReturnCase, command: ReturnCommand, now = at(1)) {
  const result = applyTransition(c, command, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
  expect(result.next.version).toBe(c.version + 1);
  expect(result.next.history).toHaveLength(c.history.length + 1);
  expect(result.next.history.at(-1)).toMatchObject({ action: command.type, from: c.status, to: result.next.status, at: now.toISOString() });
  expect(() => ReturnCase.parse(result.next)).not.toThrow();
  for (const event of result.events) expect(() => returnEventDefinitions[event.name].detail.parse(event.detail), event.name).not.toThrow();
  return result;
}
const errorOf = (result: TransitionResult) => (result.ok ? undefined : result.error.code);

const sample: Record<CommandType, ReturnCommand> = {
  approve: { type: 'approve', actor: supervisor, reason: 'photo proves it' },
  reject: { type: 'reject', actor: agent, reason: 'too late', rule: 'outside_window' },
  labelIssued: { type: 'labelIssued', carrierCode: 'usps', trackingNumber: '9400' },
  awaitShipment: { type: 'awaitShipment' },
  shipped: { type: 'shipped', source: 'carrier', carrierCode: 'usps' },
  shipmentDeclared: { type: 'shipmentDeclared', actor: customer, trackingNumber: '1Z999' },
  carrierUpdate: { type: 'carrierUpdate', status: 'out_for_delivery', occurredAt: at(30).toISOString() },
  receive: { type: 'receive', actor: agent },
  inspect: { type: 'inspect', actor: agent, lines: [{ lineItemId: 'l1', condition: 'as_new' }, { lineItemId: 'l2', condition: 'used' }] },
  resolve: { type: 'resolve', actor: agent, outcome: { resolution: 'refund', refundId: 'rf-1' } },
  cancel: { type: 'cancel', actor: agent, reason: 'duplicate request', code: 'duplicate' },
  expire: { type: 'expire', timerId: 'tm-expiry' },
  remind: { type: 'remind', timerId: 'tm-rem', step: 1 },
  reassign: { type: 'reassign', actor: agent, to: { sub: 'agent-9' }, reason: 'holiday' },
};

describe('return lifecycle', () => {
  it('walks requested → approved → awaiting_shipment → in_transit → received → inspected → resolved', () => {
    const approved = step(newCase(), { type: 'approve', actor: agent });
    expect(approved.next.status).toBe('approved');
    expect(approved.events.map((e) => e.name)).toEqual(['ReturnApproved']);
    expect(approved.events[0]!.detail).toMatchObject({ requiresItemBack: true, shipBy: '2031-03-15T11:00:00.000Z', approvedBy: { kind: 'staff', id: 'agent-1' }, lines: [{ lineId: 'l1', quantity: 1 }, { lineId: 'l2', quantity: 2 }] });
    expect(approved.messages).toEqual([{ messageType: 'return_approved', deduplicationKey: 'return_approved:ret-1', category: 'transactional' }]);
    expect(approved.timers.set.map((t) => t.kind)).toEqual(['return_reminder', 'return_reminder', 'return_expiry']);
    expect(approved.next.timers).toEqual(approved.timers.set);
    expect(approved.next.deadlines.shipBy).toBe('2031-03-15T11:00:00.000Z');
    expect(approved.audit).toMatchObject({ action: 'return.approve', before: { status: 'requested', version: 0 }, after: { status: 'approved', version: 1, owner: { sub: 'agent-1' } } });

    const labelled = step(approved.next, { type: 'labelIssued', carrierCode: 'usps', trackingNumber: '9400' });
    expect(labelled.next.status).toBe('awaiting_shipment');
    expect(labelled.events).toEqual([]);
    expect(labelled.messages.map((m) => m.messageType)).toEqual(['return_label_ready']);

    const shipped = step(labelled.next, { type: 'shipped', source: 'label_scan' });
    expect(shipped.next.status).toBe('in_transit');
    expect(shipped.events[0]).toMatchObject({ name: 'ReturnShipped', detail: { tracking: { carrier: { code: 'usps' }, trackingNumber: '9400' } } });
    expect(shipped.timers.cancel).toEqual(approved.timers.set.map((t) => t.timerId));
    expect(shipped.next.timers).toEqual([]);

    const received = step(shipped.next, { type: 'receive', actor: agent, locationId: 'wh-1' });
    expect(received.events[0]).toMatchObject({ name: 'ReturnReceived', detail: { locationId: 'wh-1', receivedBy: { kind: 'staff', id: 'agent-1' } } });
    expect(received.messages.map((m) => m.deduplicationKey)).toEqual(['return_item_received:ret-1']);

    const inspected = step(received.next, { type: 'inspect', actor: agent, lines: [{ lineItemId: 'l1', condition: 'as_new' }, { lineItemId: 'l2', condition: 'damaged', note: 'cracked' }] });
    expect(inspected.events[0]).toMatchObject({ name: 'ReturnInspected', detail: { outcome: 'passed' } });
    expect(inspected.messages.map((m) => m.messageType)).toEqual(['return_inspected']);

    const resolved = step(inspected.next, { type: 'resolve', actor: { kind: 'system' }, outcome: { resolution: 'refund', refundId: 'rf-1', amount: { amount: 2500, currency: 'USD' } } });
    expect(resolved.next.status).toBe('resolved');
    expect(resolved.events[0]).toMatchObject({ name: 'ReturnResolved', detail: { resolution: 'refund', refundId: 'rf-1', resolvedBy: { kind: 'system' } } });
    expect(resolved.next.version).toBe(6);
    expect(resolved.next.history.map((h) => h.to)).toEqual(['approved', 'awaiting_shipment', 'in_transit', 'received', 'inspected', 'resolved']);
  });

  it('refuses every (status, command) pair outside the table with invalid_transition', () => {
    const timers = [
      { timerId: 'tm-rem', kind: 'return_reminder' as const, dueAt: at(72).toISOString(), step: 1 },
      { timerId: 'tm-expiry', kind: 'return_expiry' as const, dueAt: at(336).toISOString() },
    ];
    let refused = 0;
    for (const status of ReturnStatus.options) {
      for (const type of Object.keys(allowedFrom) as CommandType[]) {
        const result = applyTransition(newCase({ status, timers }), sample[type], at(1));
        if (allowedFrom[type].includes(status)) {
          expect(errorOf(result), `${status} + ${type}`).not.toBe('invalid_transition');
        } else {
          expect(errorOf(result), `${status} + ${type}`).toBe('invalid_transition');
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(50);
  });

  it('requires a reason to reject, cancel, reassign or override a rejection', () => {
    expect(errorOf(applyTransition(newCase(), { type: 'reject', actor: agent, reason: '  ' }, at(1)))).toBe('reason_required');
    expect(errorOf(applyTransition(newCase(), { type: 'cancel', actor: agent, reason: '' }, at(1)))).toBe('reason_required');
    expect(errorOf(applyTransition(newCase(), { type: 'reassign', actor: agent, to: { sub: 'x' }, reason: '' }, at(1)))).toBe('reason_required');
    const rejected = step(newCase(), { type: 'reject', actor: agent, reason: 'Window closed on May 8', rule: 'outside_window' });
    expect(rejected.events[0]).toMatchObject({ name: 'ReturnRejected', detail: { reason: 'outside_window', note: 'Window closed on May 8' } });
    expect(rejected.messages.map((m) => m.messageType)).toEqual(['return_rejected']);
    expect(rejected.audit.reason).toBe('Window closed on May 8');
    expect(errorOf(applyTransition(rejected.next, { type: 'approve', actor: supervisor }, at(2)))).toBe('reason_required');
  });

  it('checks roles: agents act, supervisors override, customers only cancel their own', () => {
    expect(errorOf(applyTransition(newCase(), { type: 'approve', actor: viewer }, at(1)))).toBe('forbidden');
    expect(errorOf(applyTransition(newCase(), { type: 'approve', actor: customer }, at(1)))).toBe('forbidden');
    expect(step(newCase(), { type: 'approve', actor: { kind: 'system' } }).next.owner).toBeUndefined();
    const rejected = step(newCase(), { type: 'reject', actor: agent, reason: 'final sale', rule: 'final_sale' }).next;
    expect(errorOf(applyTransition(rejected, { type: 'approve', actor: agent, reason: 'goodwill' }, at(2)))).toBe('forbidden');
    expect(step(rejected, { type: 'approve', actor: supervisor, reason: 'goodwill' }, at(2)).next.status).toBe('approved');
    const cancelled = step(newCase(), { type: 'cancel', actor: customer, reason: 'changed my mind' });
    expect(cancelled.events[0]).toMatchObject({ name: 'ReturnCancelled', detail: { reason: 'customer_request', cancelledBy: { kind: 'customer', id: 'cust-1' } } });
    expect(errorOf(applyTransition(newCase(), { type: 'cancel', actor: { kind: 'customer', id: 'someone-else' }, reason: 'x' }, at(1)))).toBe('forbidden');
    expect(errorOf(applyTransition(newCase({ status: 'received' }), { type: 'inspect', actor: customer, lines: [] }, at(1)))).toBe('forbidden');
  });

  it('ignores stale timers and counts reminders sent', () => {
    const approved = step(newCase(), { type: 'approve', actor: agent }).next;
    const [first, second, expiry] = approved.timers;
    expect(errorOf(applyTransition(approved, { type: 'remind', timerId: 'ret-acme-ret-1-reminder1-g0', step: 1 }, at(72)))).toBe('stale_timer');
    expect(errorOf(applyTransition(approved, { type: 'expire', timerId: first!.timerId }, at(72)))).toBe('stale_timer');
    expect(errorOf(applyTransition(approved, { type: 'remind', timerId: first!.timerId, step: 2 }, at(72)))).toBe('stale_timer');
    const reminded = step(approved, { type: 'remind', timerId: first!.timerId, step: 1 }, at(72));
    expect(reminded.next.status).toBe('approved');
    expect(reminded.messages).toEqual([{ messageType: 'return_reminder', deduplicationKey: 'return_reminder:ret-1:1', category: 'transactional' }]);
    expect(errorOf(applyTransition(reminded.next, { type: 'remind', timerId: first!.timerId, step: 1 }, at(73)))).toBe('stale_timer');
    const again = step(reminded.next, { type: 'remind', timerId: second!.timerId, step: 2 }, at(168));
    const expired = step(again.next, { type: 'expire', timerId: expiry!.timerId }, at(337));
    expect(expired.next.status).toBe('expired');
    expect(expired.events[0]).toMatchObject({ name: 'ReturnExpired', detail: { shipBy: approved.deadlines.shipBy, remindersSent: 2 } });
    expect(expired.messages.map((m) => m.messageType)).toEqual(['return_expired']);
  });

  it('cancels the reminder and expiry timers when the parcel moves, is received or the return is cancelled', () => {
    const approved = step(newCase(), { type: 'approve', actor: agent }).next;
    const ids = approved.timers.map((t) => t.timerId);
    expect(step(approved, { type: 'shipped', source: 'carrier', carrierCode: 'ups', trackingNumber: '1Z' }).timers.cancel).toEqual(ids);
    expect(step(approved, { type: 'receive', actor: agent }).timers.cancel).toEqual(ids);
    expect(step(approved, { type: 'cancel', actor: customer, reason: 'kept it' }).timers.cancel).toEqual(ids);
    const shipped = step(approved, { type: 'shipped', source: 'carrier' }).next;
    expect(errorOf(applyTransition(shipped, { type: 'expire', timerId: ids[2]! }, at(400)))).toBe('invalid_transition');
  });

  it('writes off damaged, defective, wrong and missing items and restocks the rest', () => {
    const lines = (['as_new', 'used', 'damaged', 'defective', 'wrong_item', 'missing'] as const).map((condition, i) => ({ lineItemId: `l${i}`, quantity: 1, reason: 'other' as const, resolution: 'refund' as const, condition }));
    const received = newCase({ status: 'received', lines: lines.map(({ condition: _, ...line }) => line) });
    const result = step(received, { type: 'inspect', actor: agent, lines: lines.map(({ lineItemId, condition }) => ({ lineItemId, condition })) });
    expect(result.next.lines.map((l) => [l.condition, l.restock])).toEqual([['as_new', true], ['used', true], ['damaged', false], ['defective', false], ['wrong_item', false], ['missing', false]]);
    expect(result.events[0]).toMatchObject({ detail: { outcome: 'partially_passed' } });
    expect(errorOf(applyTransition(received, { type: 'inspect', actor: agent, lines: [{ lineItemId: 'l0', condition: 'used' }] }, at(1)))).toBe('invalid_lines');
    expect(errorOf(applyTransition(received, { type: 'inspect', actor: agent, lines: lines.map((l) => ({ lineItemId: l.lineItemId === 'l5' ? 'zz' : l.lineItemId, condition: 'used' as const })) }, at(1)))).toBe('invalid_lines');
  });

  it('gives the case to the first agent who acts, and changes owner only by an audited reassignment', () => {
    const approved = step(newCase(), { type: 'approve', actor: agent }).next;
    expect(approved.owner).toEqual({ sub: 'agent-1', email: 'sam@example.com' });
    const received = step(approved, { type: 'receive', actor: agent2 }).next;
    expect(received.owner?.sub).toBe('agent-1');
    const reassigned = step(received, { type: 'reassign', actor: agent2, to: { sub: 'agent-2' }, reason: 'agent-1 on leave' });
    expect(reassigned.next.owner).toEqual({ sub: 'agent-2' });
    expect(reassigned.next.status).toBe('received');
    expect(reassigned.audit).toEqual({ action: 'return.reassign', before: { status: 'received', version: 2, owner: { sub: 'agent-1', email: 'sam@example.com' } }, after: { status: 'received', version: 3, owner: { sub: 'agent-2' } }, reason: 'agent-1 on leave' });
    expect(errorOf(applyTransition(reassigned.next, { type: 'reassign', actor: agent, to: { sub: 'agent-2' }, reason: 'again' }, at(2)))).toBe('no_change');
    // A reassignment of an unowned case gives it to the named agent, not to the one reassigning.
    expect(step(newCase(), { type: 'reassign', actor: agent, to: { sub: 'agent-7' }, reason: 'specialist' }).next.owner).toEqual({ sub: 'agent-7' });
  });

  it('lets two concurrent actions on one version produce the same next version (the store keeps one)', () => {
    const c = newCase();
    const a = step(c, { type: 'approve', actor: agent });
    const b = step(c, { type: 'reject', actor: agent2, reason: 'final sale' });
    expect(a.next.version).toBe(b.next.version);
    expect(a.audit.before.version).toBe(0);
  });

  it('approves a returnless (keep) return without timers and resolves it straight away', () => {
    const keep = newCase({ lines: [{ lineItemId: 'l1', quantity: 1, reason: 'damaged', resolution: 'keep' }] });
    const approved = step(keep, { type: 'approve', actor: agent });
    expect(approved.events[0]).toMatchObject({ detail: { requiresItemBack: false, resolution: 'refund' } });
    expect(approved.timers.set).toEqual([]);
    expect(approved.messages).toEqual([]);
    expect(step(approved.next, { type: 'resolve', actor: agent, outcome: { resolution: 'refund', refundId: 'rf-2' } }).next.status).toBe('resolved');
    const mailBack = step(newCase(), { type: 'approve', actor: agent }).next;
    expect(errorOf(applyTransition(mailBack, { type: 'resolve', actor: agent, outcome: { resolution: 'refund', refundId: 'rf-3' } }, at(2)))).toBe('item_required');
    const inspected = newCase({ status: 'inspected' });
    expect(errorOf(applyTransition(inspected, { type: 'resolve', actor: agent, outcome: { resolution: 'exchange' } }, at(2)))).toBe('missing_link');
    expect(step(inspected, { type: 'resolve', actor: agent, outcome: { resolution: 'declined' } }).events[0]).toMatchObject({ detail: { resolution: 'declined' } });
  });

  it('honours an explicit ship-by date and a shop reminder ladder', () => {
    const result = step(newCase(), { type: 'approve', actor: agent, shipBy: at(24 * 5).toISOString(), reminders: { reminderDays: [2, 4, 6], expiryDays: 10 } });
    expect(result.timers.set.map((t) => [t.kind, t.dueAt])).toEqual([
      ['return_reminder', at(49).toISOString()],
      ['return_reminder', at(97).toISOString()],
      ['return_expiry', at(120).toISOString()],
    ]);
    expect(errorOf(applyTransition(newCase(), { type: 'approve', actor: agent, shipBy: at(0).toISOString() }, at(1)))).toBe('invalid_deadline');
  });

  describe('return shipment tracking', () => {
    const approved = () => step(newCase(), { type: 'approve', actor: agent }).next;

    it('records the tracking a customer declares, stops the reminders and keeps the expiry', () => {
      const c = approved();
      const [first, second, expiry] = c.timers;
      const declared = step(c, { type: 'shipmentDeclared', actor: customer, carrierCode: 'ups', trackingNumber: ' 1Z 999 ' });
      expect(declared.next.status).toBe('awaiting_shipment');
      expect(declared.next.tracking).toEqual({ trackingNumber: '1Z 999', carrierCode: 'ups' });
      expect(declared.trackingAssigned).toBe('1Z 999');
      expect(declared.timers).toEqual({ set: [], cancel: [first!.timerId, second!.timerId] });
      expect(declared.next.timers).toEqual([expiry]);
      expect(declared.events).toEqual([]);
      expect(declared.next.history.at(-1)?.actor).toEqual(customer);
      // The expiry still fires as the ship-by safety net; the cancelled reminders are stale.
      expect(step(declared.next, { type: 'expire', timerId: expiry!.timerId }, at(400)).next.status).toBe('expired');
      expect(errorOf(applyTransition(declared.next, { type: 'remind', timerId: second!.timerId, step: 2 }, at(168)))).toBe('stale_timer');
    });

    it('answers no_change to the same number again, and takes a corrected number', () => {
      const declared = step(approved(), { type: 'shipmentDeclared', actor: customer, carrierCode: 'ups', trackingNumber: '1Z999' }).next;
      expect(errorOf(applyTransition(declared, { type: 'shipmentDeclared', actor: customer, trackingNumber: '1z 999' }, at(2)))).toBe('no_change');
      const corrected = step(declared, { type: 'shipmentDeclared', actor: customer, trackingNumber: '9400111' }, at(2));
      expect(corrected.next.tracking).toEqual({ trackingNumber: '9400111' });
      expect(corrected.trackingAssigned).toBe('9400111');
      expect(corrected.timers.cancel).toEqual([]);
    });

    it('stops the reminders of a labelled return when the customer confirms its label number, without indexing it again', () => {
      const labelled = step(approved(), { type: 'labelIssued', carrierCode: 'usps', trackingNumber: '9400' });
      expect(labelled.trackingAssigned).toBe('9400');
      const confirmed = step(labelled.next, { type: 'shipmentDeclared', actor: customer, trackingNumber: '9400' }, at(2));
      expect(confirmed.next.tracking).toEqual({ carrierCode: 'usps', trackingNumber: '9400' });
      expect(confirmed.timers.cancel).toHaveLength(2);
      expect(confirmed.trackingAssigned).toBeUndefined();
    });

    it('lets only the return’s own customer, or an agent, declare the shipment', () => {
      const c = approved();
      expect(errorOf(applyTransition(c, { type: 'shipmentDeclared', actor: { kind: 'customer', id: 'someone-else' }, trackingNumber: '1Z' }, at(2)))).toBe('forbidden');
      expect(errorOf(applyTransition(c, { type: 'shipmentDeclared', actor: viewer, trackingNumber: '1Z' }, at(2)))).toBe('forbidden');
      expect(step(c, { type: 'shipmentDeclared', actor: agent2, trackingNumber: '1Z' }).next.status).toBe('awaiting_shipment');
    });

    it('ships on the first carrier scan with its status, then records later news without moving', () => {
      const declared = step(approved(), { type: 'shipmentDeclared', actor: customer, trackingNumber: '1Z999' }).next;
      const scanned = step(declared, { type: 'shipped', source: 'label_scan', carrierCode: 'ups', status: 'label_scanned', occurredAt: at(3).toISOString(), description: 'Drop-off' }, at(4));
      expect(scanned.next.status).toBe('in_transit');
      expect(scanned.next.tracking).toEqual({ carrierCode: 'ups', trackingNumber: '1Z999', status: 'label_scanned', statusAt: at(3).toISOString() });
      expect(scanned.next.history.at(-1)).toMatchObject({ actor: { kind: 'integration', id: 'label_scan' }, reason: 'label_scanned: Drop-off' });
      expect(scanned.events[0]).toMatchObject({ name: 'ReturnShipped', detail: { tracking: { carrier: { code: 'ups' }, trackingNumber: '1Z999' } } });
      expect(scanned.timers.cancel).toHaveLength(1);

      const delivered = step(scanned.next, { type: 'carrierUpdate', status: 'delivered', occurredAt: at(50).toISOString(), description: 'Warehouse dock' }, at(51));
      expect(delivered.next.status).toBe('in_transit');
      expect(delivered.next.tracking).toMatchObject({ status: 'delivered', statusAt: at(50).toISOString() });
      expect(delivered.next.history.at(-1)).toMatchObject({ action: 'carrierUpdate', from: 'in_transit', to: 'in_transit', actor: { kind: 'integration', id: 'carrier' }, reason: 'delivered: Warehouse dock' });
      // Only the delivery is news for the refund engine (a shop may refund at carrier delivery).
      expect(delivered.events).toEqual([{ name: 'ReturnDelivered', detail: expect.objectContaining({ returnId: declared.id, tracking: { carrier: { code: 'ups' }, trackingNumber: '1Z999' }, deliveredAt: at(50).toISOString() }) }]);
      expect(step(scanned.next, { type: 'carrierUpdate', status: 'out_for_delivery', occurredAt: at(40).toISOString() }, at(41)).events).toEqual([]);
      expect(delivered.timers).toEqual({ set: [], cancel: [] });
      // Repeats and news the parcel is already past change nothing.
      expect(errorOf(applyTransition(delivered.next, { type: 'carrierUpdate', status: 'delivered', occurredAt: at(50).toISOString() }, at(52)))).toBe('no_change');
      expect(errorOf(applyTransition(delivered.next, { type: 'carrierUpdate', status: 'out_for_delivery', occurredAt: at(49).toISOString() }, at(52)))).toBe('no_change');
      // The warehouse still records the receipt.
      expect(step(delivered.next, { type: 'receive', actor: agent }, at(53)).next.status).toBe('received');
    });

    it('tells of the delivery when the carrier’s first news is already the delivery', () => {
      const declared = step(approved(), { type: 'shipmentDeclared', actor: customer, trackingNumber: '1Z999' }).next;
      const shipped = step(declared, { type: 'shipped', source: 'carrier', status: 'delivered', occurredAt: at(3).toISOString() }, at(4));
      expect(shipped.events.map((event) => event.name)).toEqual(['ReturnShipped', 'ReturnDelivered']);
      expect(shipped.events[1]!.detail).toMatchObject({ deliveredAt: at(3).toISOString(), occurredAt: at(4).toISOString() });
    });
  });
});
