// A parcel claim decided, and the customer's choice: an offer waits for the customer with one
// message and an expiry timer; a choice settles it once (approved, or a person's review when the
// rules say so); the recommended option applies when the offer expires; ops claims are settled at once.
import { describe, expect, it } from 'vitest';
import { NotificationRequested } from '../../../shared/events/notifications.ts';
import { RefundDecided } from '../../../shared/events/refunds.ts';
import { TimersRequested } from '../../../shared/events/timers.ts';
import { claimTemplates } from '../../../shared/notifications/templates/refunds-claims.ts';
import { claimChoiceUrl } from '../../../shared/refunds/claim-message.ts';
import { cancelOfferTimer, chooseResolution, claimOfferView, decideParcelClaim, expireOffer, offerTimerId, type ParcelClaimDetail } from '../../../shared/refunds/claim-offer.ts';
import { DecisionRecord, reviewDecision } from '../../../shared/refunds/decision-record.ts';
import { line, order, rules, usd } from './fixtures.ts';

const theOrder = order([line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 600)], { shipping: 1000 });
const at = new Date('2024-06-01T12:00:00Z');
let n = 0;
const newId = () => `id-${++n}`;
const choiceUrl = claimChoiceUrl({ supportEmail: 'help@acme.example', customerPortalUrl: 'https://acme.example/claims/{decisionId}' });
const claim = (extra: Partial<ParcelClaimDetail> = {}): ParcelClaimDetail => ({
  version: 1,
  shopId: 'acme',
  occurredAt: at.toISOString(),
  orderId: 'o1',
  customer: { id: 'c1', email: 'ada@example.com', firstName: 'Ada', locale: 'en' },
  claimId: 'clm_1',
  kind: 'not_delivered',
  source: 'customer',
  ...extra,
});
const decide = (extra: Partial<ParcelClaimDetail> = {}, rulesOverride = rules()) =>
  decideParcelClaim({ claim: claim(extra), order: theOrder, history: { orders: 5, returns: 0 }, rules: rulesOverride, now: at, newId, choiceUrl });
const definitions = (events: { definition: unknown }[]) => events.map((event) => event.definition);

describe('decideParcelClaim', () => {
  it('lets the customer choose: the record waits, one message lists the options recommended first, a timer is set', () => {
    const { record, events } = decide();
    expect(DecisionRecord.parse(record)).toEqual(record);
    expect(record).toMatchObject({ decisionId: 'dec_clm_1', status: 'awaiting_customer', parcelClaim: { claimId: 'clm_1', source: 'customer' }, offer: { expiresAt: '2024-06-08T12:00:00.000Z', timerId: 'ref-acme-dec_clm_1-offer' } });
    expect(record.outcome).toBeUndefined();
    expect(record.decision.claim).toEqual({ kind: 'not_delivered', caseId: 'clm_1' });
    expect(definitions(events)).toEqual([NotificationRequested, TimersRequested]);
    const message = NotificationRequested.detail.parse(events[0]!.detail);
    expect(message).toMatchObject({ messageType: 'claim_options', deduplicationKey: 'claim_options:dec_clm_1', caseId: 'clm_1', templateData: { orderNumber: '#1001', claimKind: 'not_delivered', chooseBy: '2024-06-08' } });
    expect(message.templateData.options).toEqual([
      { kind: 'reship', url: 'https://acme.example/claims/dec_clm_1?choice=reship' },
      { kind: 'store_credit', amount: usd(13760), bonus: usd(1160), url: 'https://acme.example/claims/dec_clm_1?choice=store_credit' },
      { kind: 'full_refund', amount: usd(12600), url: 'https://acme.example/claims/dec_clm_1?choice=full_refund' },
    ]);
    // The message's data is what its template accepts.
    expect(claimTemplates[0]!.variables.safeParse(message.templateData).success).toBe(true);
    expect(TimersRequested.detail.parse(events[1]!.detail)).toMatchObject({ set: [{ timerId: 'ref-acme-dec_clm_1-offer', kind: 'claim_offer', dueAt: '2024-06-08T12:00:00.000Z', caseId: 'clm_1', orderId: 'o1' }], cancel: [] });
  });

  it('gives the customer as many days as the rules say', () => {
    const { record } = decide({}, rules({ options: { choiceDays: 2 } }));
    expect(record.offer?.expiresAt).toBe('2024-06-03T12:00:00.000Z');
  });

  it('waits for the delay ladder’s customer too, and names the delay', () => {
    const { record } = decide({ source: 'delay_ladder', delayId: 'dly_1' });
    expect(record).toMatchObject({ status: 'awaiting_customer', parcelClaim: { source: 'delay_ladder', delayId: 'dly_1' } });
  });

  it('settles an ops claim at once with the recommendation, and publishes RefundDecided', () => {
    const { record, events } = decide({ source: 'ops' });
    expect(record).toMatchObject({ status: 'approved', outcome: { kind: 'reship' } });
    expect(record.offer).toBeUndefined();
    expect(definitions(events)).toEqual([RefundDecided]);
    expect(RefundDecided.detail.parse(events[0]!.detail)).toMatchObject({ decisionId: 'dec_clm_1', caseId: 'clm_1', trigger: 'case', kind: 'reship' });
  });

  it('settles at once when there is only one option', () => {
    const { record, events } = decide({}, rules({ reship: { claims: [] }, storeCredit: { enabled: false } }));
    expect(record).toMatchObject({ status: 'approved', outcome: { kind: 'full_refund', amount: usd(12600) } });
    expect(RefundDecided.detail.parse(events[0]!.detail)).toMatchObject({ kind: 'full_refund', refundId: 'rf_dec_clm_1' });
  });

  it('links to an email to support when the shop has no portal page', () => {
    const url = claimChoiceUrl({ supportEmail: 'help@acme.example' })('dec_clm_1', 'store_credit');
    expect(url).toBe('mailto:help@acme.example?subject=Claim%20dec_clm_1%3A%20I%20choose%20store%20credit');
  });

  it('keeps the timer name a valid schedule name for long or odd shop ids', () => {
    expect(offerTimerId('a shop/with spaces', 'dec_clm_1')).toMatch(/^ref-[0-9a-f]{24}-offer$/);
  });
});

describe('chooseResolution', () => {
  const later = new Date('2024-06-02T08:00:00Z');

  it('approves the customer’s pick, records who chose, publishes RefundDecided and cancels the timer', () => {
    const { record } = decide();
    const result = chooseResolution(record, 'full_refund', { kind: 'customer', id: 'c1' }, later, newId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { next, events } = result;
    expect(DecisionRecord.parse(next)).toEqual(next);
    expect(next).toMatchObject({ status: 'approved', version: 1, outcome: { kind: 'full_refund', amount: usd(12600) }, offer: { choice: { kind: 'full_refund', by: 'customer', at: later.toISOString() } } });
    expect(next.decision).toMatchObject({ kind: 'full_refund', amount: usd(12600) });
    expect(next.decision.reasons.find((reason) => reason.rule === 'customer_choice')).toMatchObject({ fired: true, inputs: { chosen: 'full_refund' } });
    expect(next.history.at(-1)).toMatchObject({ action: 'customer_choice', from: 'awaiting_customer', to: 'approved', by: { kind: 'customer', id: 'c1' } });
    expect(definitions(events)).toEqual([RefundDecided, TimersRequested]);
    expect(RefundDecided.detail.parse(events[0]!.detail)).toMatchObject({ kind: 'full_refund', amount: usd(12600), refundId: 'rf_dec_clm_1', decidedBy: { kind: 'customer', id: 'c1' } });
    expect(TimersRequested.detail.parse(events[1]!.detail)).toMatchObject({ set: [], cancel: ['ref-acme-dec_clm_1-offer'] });
  });

  it('refuses a second choice, naming the first', () => {
    const first = chooseResolution(decide().record, 'store_credit', { kind: 'customer', id: 'c1' }, later, newId);
    if (!first.ok) throw new Error(first.message);
    expect(chooseResolution(first.next, 'reship', { kind: 'customer', id: 'c1' }, later, newId)).toEqual({ ok: false, status: 409, message: 'store_credit was already chosen for this claim' });
  });

  it('refuses an option that was not offered', () => {
    expect(chooseResolution(decide().record, 'keep_it', { kind: 'customer', id: 'c1' }, later, newId)).toEqual({ ok: false, status: 422, message: 'keep_it is not offered for this claim: choose one of reship, store_credit, full_refund' });
  });

  it('sends the pick to a person when the rules want one to approve it', () => {
    // Nothing is approved automatically: every pick is reviewed, with the pick as the proposal.
    const strict = rules({ approval: { autoApproveUpTo: [], supervisorAbove: [usd(200000)] } });
    const { record } = decide({}, strict);
    expect(record.status).toBe('awaiting_customer');
    const result = chooseResolution(record, 'store_credit', { kind: 'customer', id: 'c1' }, later, newId);
    if (!result.ok) throw new Error(result.message);
    expect(result.next).toMatchObject({ status: 'awaiting_review', decision: { kind: 'manual_review', proposedKind: 'store_credit' } });
    expect(result.next.outcome).toBeUndefined();
  });

  it('lets only a supervisor settle a waiting claim the rules put above the supervisor threshold', () => {
    const { record } = decide({}, rules({ approval: { autoApproveUpTo: [usd(100)], supervisorAbove: [usd(100)] } }));
    expect(record).toMatchObject({ status: 'awaiting_customer', decision: { needsSupervisor: true } });
    expect(reviewDecision(record, { sub: 'agent-1', role: 'agent' }, { action: 'approve', reason: 'Customer called' }, later)).toMatchObject({ ok: false, status: 403 });
    const chosen = chooseResolution(record, 'full_refund', { kind: 'customer', id: 'c1' }, later, newId);
    expect(chosen.ok && chosen.next.status).toBe('awaiting_supervisor');
  });

  it('refuses a choice once a person settled the claim', () => {
    const { record } = decide();
    const reviewed = reviewDecision(record, { sub: 'agent-1', role: 'agent' }, { action: 'approve', reason: 'Customer called' }, later);
    if (!reviewed.ok) throw new Error(reviewed.message);
    expect(reviewed.next).toMatchObject({ status: 'approved', outcome: { kind: 'reship' } });
    expect(chooseResolution(reviewed.next, 'full_refund', { kind: 'customer', id: 'c1' }, later, newId)).toMatchObject({ ok: false, status: 409, message: 'This claim is approved: it no longer waits for a choice' });
  });
});

describe('cancelOfferTimer', () => {
  it('cancels the expiry timer of a claim still waiting for its customer', () => {
    const { record } = decide();
    const cancel = cancelOfferTimer(record, '2024-06-02T08:00:00.000Z', newId);
    expect(cancel?.definition).toBe(TimersRequested);
    expect(cancel?.detail).toMatchObject({ shopId: 'acme', set: [], cancel: [record.offer!.timerId] });
  });

  it('has nothing to cancel once the claim no longer waits', () => {
    const { record } = decide({ source: 'ops' });
    expect(cancelOfferTimer(record, '2024-06-02T08:00:00.000Z', newId)).toBeUndefined();
  });
});

describe('expireOffer', () => {
  const due = new Date('2024-06-08T12:00:05Z');

  it('applies the recommended option when the customer did not choose', () => {
    const { record } = decide();
    const result = expireOffer(record, 'ref-acme-dec_clm_1-offer', due, newId);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.next).toMatchObject({ status: 'approved', outcome: { kind: 'reship' }, offer: { choice: { kind: 'reship', by: 'expiry' } } });
    expect(result.next.history.at(-1)).toMatchObject({ action: 'offer_expired', by: { kind: 'system' } });
    expect(definitions(result.events)).toEqual([RefundDecided]);
  });

  it('does nothing for a stale timer or an offer already chosen', () => {
    const { record } = decide();
    expect(expireOffer(record, 'ref-other', due, newId)).toBeUndefined();
    const chosen = chooseResolution(record, 'full_refund', { kind: 'customer', id: 'c1' }, due, newId);
    if (!chosen.ok) throw new Error(chosen.message);
    expect(expireOffer(chosen.next, 'ref-acme-dec_clm_1-offer', due, newId)).toBeUndefined();
  });
});

describe('claimOfferView', () => {
  it('shows the options, the recommendation, the deadline and the choice', () => {
    const { record } = decide();
    expect(claimOfferView(record)).toMatchObject({ decisionId: 'dec_clm_1', orderNumber: '#1001', claimKind: 'not_delivered', status: 'awaiting_customer', recommended: 'reship', expiresAt: '2024-06-08T12:00:00.000Z' });
    expect(claimOfferView(record).options.map((option) => option.kind)).toEqual(['reship', 'store_credit', 'full_refund']);
  });
});
