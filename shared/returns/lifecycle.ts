// The return case lifecycle as pure transitions: `applyTransition(case, command, now)` checks the
// command against the status table, the actor's role and the command's own rules, and returns the
// next case (version + 1, history appended) with what must happen alongside it: events to
// publish, customer messages, Scheduler timers to set or cancel, and the audit record. The caller
// writes `next` conditionally on the old version, so of two concurrent actions only one applies.
//
//   requested -> approved | rejected;  rejected -> approved (supervisor override, with a reason)
//   approved -> awaiting_shipment (label issued, or the customer tells us the tracking number)
//   approved | awaiting_shipment -> in_transit (carrier event or label scan) -> received
//   in_transit -> in_transit (carrier news: out for delivery, delivered, exception; history only)
//   received -> inspected -> resolved;  approved -> resolved when nothing has to come back
//   requested | approved | awaiting_shipment -> cancelled;  approved | awaiting_shipment -> expired
//
// Roles (keep-simple policy): staff commands need at least `agent`; approving a rejected case
// needs `supervisor`. The platform (`system`) may approve/reject by policy and drives timers.
// Timer commands in a status outside the table are refused like any other (the parcel moved on):
// a timer consumer treats `invalid_transition` and `stale_timer` alike, as nothing to do.
import { roles, type Role } from '../api/define.ts';
import type { DetailInputOf } from '../events/define.ts';
import { ReturnApproved, ReturnCancelled, ReturnDelivered, ReturnExpired, ReturnInspected, ReturnReceived, ReturnRejected, ReturnShipped, ReturnResolved, type ItemCondition, type ReturnResolution } from '../events/returns.ts';
import type { CaseActor, CaseLine, CaseOwner, CaseTimer, ReturnCase, ReturnStatus } from './case.ts';
import { caseResolution, eventActor, requiresItemBack, writtenOff } from './case-facts.ts';
import { returnTimers, type ReminderConfig } from './reminders.ts';
import { carrierNote, isCarrierNews, sameTrackingNumber, type CarrierNews, type CarrierStatus } from './shipment.ts';

type Condition = (typeof ItemCondition.options)[number];
type RejectRule = DetailInputOf<typeof ReturnRejected>['reason'];
type CancelCode = DetailInputOf<typeof ReturnCancelled>['reason'];

export type ReturnCommand =
  | { type: 'approve'; actor: CaseActor; reason?: string; shipBy?: string; reminders?: ReminderConfig }
  | { type: 'reject'; actor: CaseActor; reason: string; rule?: RejectRule }
  | { type: 'labelIssued'; actor?: CaseActor; carrierCode?: string; trackingNumber?: string; labelId?: string }
  | { type: 'awaitShipment'; actor?: CaseActor }
  | ({ type: 'shipped'; source: 'carrier' | 'label_scan'; trackingNumber?: string } & CarrierNews)
  | { type: 'shipmentDeclared'; actor: CaseActor; carrierCode?: string; trackingNumber: string }
  | ({ type: 'carrierUpdate'; status: CarrierStatus; occurredAt: string } & CarrierNews)
  | { type: 'receive'; actor: CaseActor; locationId?: string }
  | { type: 'inspect'; actor: CaseActor; lines: { lineItemId: string; condition: Condition; note?: string }[] }
  | { type: 'resolve'; actor: CaseActor; outcome: { resolution: ReturnResolution | 'declined'; refundId?: string; storeCreditId?: string; exchangeOrderId?: string; amount?: { amount: number; currency: string } } }
  | { type: 'cancel'; actor: CaseActor; reason: string; code?: CancelCode }
  | { type: 'expire'; timerId: string }
  | { type: 'remind'; timerId: string; step: number }
  | { type: 'reassign'; actor: CaseActor; to: CaseOwner; reason: string };
export type CommandType = ReturnCommand['type'];

/** From which statuses each command may be applied; the single source of truth for guards. */
export const allowedFrom: Readonly<Record<CommandType, readonly ReturnStatus[]>> = {
  approve: ['requested', 'rejected'],
  reject: ['requested'],
  labelIssued: ['approved'],
  awaitShipment: ['approved'],
  shipped: ['approved', 'awaiting_shipment'],
  shipmentDeclared: ['approved', 'awaiting_shipment'],
  carrierUpdate: ['in_transit'],
  receive: ['approved', 'awaiting_shipment', 'in_transit'],
  inspect: ['received'],
  resolve: ['approved', 'inspected'],
  cancel: ['requested', 'approved', 'awaiting_shipment'],
  expire: ['approved', 'awaiting_shipment'],
  remind: ['approved', 'awaiting_shipment'],
  reassign: ['requested', 'approved', 'rejected', 'awaiting_shipment', 'in_transit', 'received', 'inspected'],
};

export type TransitionErrorCode = 'invalid_transition' | 'forbidden' | 'reason_required' | 'stale_timer' | 'invalid_lines' | 'item_required' | 'missing_link' | 'no_change' | 'invalid_deadline';

export const returnEventDefinitions = { ReturnApproved, ReturnRejected, ReturnShipped, ReturnDelivered, ReturnReceived, ReturnInspected, ReturnResolved, ReturnExpired, ReturnCancelled } as const;
type Defs = typeof returnEventDefinitions;
export type ReturnEvent = { [N in keyof Defs]: { name: N; detail: DetailInputOf<Defs[N]> } }[keyof Defs];

export interface CustomerMessage {
  messageType: 'return_approved' | 'return_rejected' | 'return_label_ready' | 'return_reminder' | 'return_expired' | 'return_item_received' | 'return_inspected';
  deduplicationKey: string;
  category: 'transactional';
}

type Snapshot = { status: ReturnStatus; version: number; owner?: CaseOwner };
export type TransitionResult =
  | { ok: false; error: { code: TransitionErrorCode; message: string } }
  | {
      ok: true;
      next: ReturnCase;
      events: ReturnEvent[];
      messages: CustomerMessage[];
      timers: { set: CaseTimer[]; cancel: string[] };
      /** A tracking number the case did not have before: the store indexes it so carrier updates find the case. */
      trackingAssigned?: string;
      audit: { action: string; before: Snapshot; after: Snapshot; reason?: string };
    };

const fail = (code: TransitionErrorCode, message: string): TransitionResult => ({ ok: false, error: { code, message } });

const atLeast = (actor: CaseActor, role: Role) => actor.kind === 'staff' && roles.indexOf(actor.role) >= roles.indexOf(role);

/** Who may issue a command, beyond the status table. */
function permitted(c: ReturnCase, command: ReturnCommand, actor: CaseActor): string | undefined {
  switch (command.type) {
    case 'approve':
      if (c.status === 'rejected') return atLeast(actor, 'supervisor') ? undefined : 'approving a rejected return needs a supervisor';
      return atLeast(actor, 'agent') || actor.kind === 'system' ? undefined : 'approving needs an agent';
    case 'reject':
      return atLeast(actor, 'agent') || actor.kind === 'system' ? undefined : 'rejecting needs an agent';
    case 'receive':
    case 'inspect':
    case 'reassign':
      return atLeast(actor, 'agent') ? undefined : `${command.type} needs an agent`;
    case 'shipmentDeclared':
      if (actor.kind === 'customer') return actor.id === c.customer.id ? undefined : 'only the customer of the return may tell us it was sent';
      return atLeast(actor, 'agent') ? undefined : 'recording a shipment needs an agent';
    case 'cancel':
      if (actor.kind === 'customer') return actor.id === c.customer.id ? undefined : 'only the customer of the return may cancel it';
      return atLeast(actor, 'agent') || actor.kind === 'system' ? undefined : 'cancelling needs an agent';
    default:
      return actor.kind === 'customer' || (actor.kind === 'staff' && !atLeast(actor, 'agent')) ? `${command.type} is not for ${actor.kind === 'staff' ? actor.role : actor.kind}` : undefined;
  }
}

const actorOf = (command: ReturnCommand): CaseActor => {
  if (command.type === 'shipped') return { kind: 'integration', id: command.source };
  if (command.type === 'carrierUpdate') return { kind: 'integration', id: 'carrier' };
  if (command.type === 'expire' || command.type === 'remind') return { kind: 'system' };
  return command.actor ?? { kind: 'system' };
};

const rejectedAtInspection: readonly Condition[] = ['wrong_item', 'missing'];

const blank = (text: string | undefined) => !text?.trim();
const snapshot = (c: ReturnCase): Snapshot => ({ status: c.status, version: c.version, ...(c.owner ? { owner: c.owner } : {}) });

type ReturnEventBase = { version: 1; shopId: string; occurredAt: string; returnId: string; orderId: string; customer: ReturnCase['customer'] };

type ParcelTracking = { carrierCode?: string; trackingNumber?: string };

/** The parcel as events carry it: nothing without a carrier. */
const eventTrackingOf = (tracking: ParcelTracking) => (tracking.carrierCode ? { tracking: { carrier: { code: tracking.carrierCode }, ...(tracking.trackingNumber ? { trackingNumber: tracking.trackingNumber } : {}) } } : {});

/** ReturnDelivered: the refund engine refunds then when the shop's rules say `carrier_delivery`. */
const deliveredEvent = (base: ReturnEventBase, tracking: ParcelTracking, deliveredAt: string): ReturnEvent => ({ name: 'ReturnDelivered', detail: { ...base, ...eventTrackingOf(tracking), deliveredAt } });

export function applyTransition(c: ReturnCase, command: ReturnCommand, now: Date): TransitionResult {
  if (!allowedFrom[command.type].includes(c.status)) return fail('invalid_transition', `cannot ${command.type} a return that is ${c.status}`);
  const actor = actorOf(command);
  const refused = permitted(c, command, actor);
  if (refused) return fail('forbidden', refused);

  const at = now.toISOString();
  const base = { version: 1 as const, shopId: c.shopId, occurredAt: at, returnId: c.id, orderId: c.orderId, customer: c.customer };
  const quantities = c.lines.map((line) => ({ lineId: line.lineItemId, quantity: line.quantity }));
  const msg = (messageType: CustomerMessage['messageType'], key = `${messageType}:${c.id}`): CustomerMessage => ({ messageType, deduplicationKey: key, category: 'transactional' });
  const cancelAll = c.timers.map((timer) => timer.timerId);

  let to: ReturnStatus = c.status;
  let reason: string | undefined;
  let patch: Partial<ReturnCase> = {};
  const events: ReturnEvent[] = [];
  const messages: CustomerMessage[] = [];
  const timers: { set: CaseTimer[]; cancel: string[] } = { set: [], cancel: [] };

  switch (command.type) {
    case 'approve': {
      reason = command.reason;
      if (c.status === 'rejected' && blank(reason)) return fail('reason_required', 'overriding a rejection needs a reason');
      if (command.shipBy && !(Date.parse(command.shipBy) > now.getTime())) return fail('invalid_deadline', 'the ship-by date must be in the future');
      to = 'approved';
      const itemBack = requiresItemBack(c);
      let shipBy: string | undefined;
      if (itemBack) {
        const plan = returnTimers({ shopId: c.shopId, caseId: c.id, generation: c.version + 1 }, now, command.reminders, command.shipBy);
        shipBy = plan.shipBy;
        timers.set = plan.timers;
        patch = { deadlines: { ...c.deadlines, shipBy }, timers: plan.timers };
        messages.push(msg('return_approved'));
      }
      events.push({ name: 'ReturnApproved', detail: { ...base, resolution: caseResolution(c), lines: quantities, requiresItemBack: itemBack, ...(shipBy ? { shipBy } : {}), approvedBy: eventActor(actor) } });
      break;
    }
    case 'reject':
      reason = command.reason;
      if (blank(reason)) return fail('reason_required', 'a rejection needs a reason');
      to = 'rejected';
      events.push({ name: 'ReturnRejected', detail: { ...base, reason: command.rule ?? 'other', note: command.reason.slice(0, 1000), rejectedBy: eventActor(actor) } });
      messages.push(msg('return_rejected'));
      break;
    case 'labelIssued':
    case 'awaitShipment':
      to = 'awaiting_shipment';
      if (command.type === 'labelIssued') {
        patch = { tracking: { carrierCode: command.carrierCode, trackingNumber: command.trackingNumber } };
        messages.push(msg('return_label_ready'));
      }
      break;
    case 'shipmentDeclared': {
      const trackingNumber = command.trackingNumber.trim();
      const known = sameTrackingNumber(c.tracking?.trackingNumber, trackingNumber);
      const reminders = c.timers.filter((timer) => timer.kind === 'return_reminder');
      if (known && (!command.carrierCode || command.carrierCode === c.tracking?.carrierCode) && reminders.length === 0) return fail('no_change', 'this tracking number is already recorded');
      to = 'awaiting_shipment';
      // A new number starts a new parcel: the carrier and its news belong to the old one.
      const tracking = known ? { ...c.tracking, ...(command.carrierCode ? { carrierCode: command.carrierCode } : {}) } : { trackingNumber, ...(command.carrierCode ? { carrierCode: command.carrierCode } : {}) };
      // The customer says it is on its way: stop reminding them; the expiry stays as the ship-by safety net.
      timers.cancel = reminders.map((timer) => timer.timerId);
      patch = { tracking, timers: c.timers.filter((timer) => timer.kind !== 'return_reminder') };
      break;
    }
    case 'carrierUpdate':
      if (!isCarrierNews(c.tracking, command)) return fail('no_change', `the parcel is already past ${command.status}`);
      reason = carrierNote(command);
      patch = { tracking: { ...c.tracking, carrierCode: c.tracking?.carrierCode ?? command.carrierCode, status: command.status, statusAt: command.occurredAt } };
      if (command.status === 'delivered') events.push(deliveredEvent(base, patch.tracking!, command.occurredAt ?? at));
      break;
    case 'shipped': {
      to = 'in_transit';
      const news = command.status ? { status: command.status, statusAt: command.occurredAt ?? at } : {};
      reason = carrierNote(command);
      const tracking = { carrierCode: command.carrierCode ?? c.tracking?.carrierCode, trackingNumber: command.trackingNumber ?? c.tracking?.trackingNumber, ...news };
      // The parcel moves: reminders and expiry no longer apply.
      timers.cancel = cancelAll;
      patch = { tracking, timers: [] };
      events.push({ name: 'ReturnShipped', detail: { ...base, ...eventTrackingOf(tracking) } });
      // The carrier's first news may already be the delivery.
      if (command.status === 'delivered') events.push(deliveredEvent(base, tracking, command.occurredAt ?? at));
      break;
    }
    case 'receive':
      to = 'received';
      timers.cancel = cancelAll; // received without a tracked shipment (dropped off in store)
      patch = { timers: [] };
      events.push({ name: 'ReturnReceived', detail: { ...base, lines: quantities, ...(command.locationId ? { locationId: command.locationId } : {}), receivedBy: eventActor(actor) } });
      messages.push(msg('return_item_received'));
      break;
    case 'inspect': {
      const byLine = new Map(command.lines.map((line) => [line.lineItemId, line]));
      if (byLine.size !== command.lines.length || byLine.size !== c.lines.length || c.lines.some((line) => !byLine.has(line.lineItemId))) {
        return fail('invalid_lines', 'inspection must give one condition for each line of the return');
      }
      to = 'inspected';
      const lines: CaseLine[] = c.lines.map((line) => {
        const condition = byLine.get(line.lineItemId)!.condition;
        return { ...line, condition, restock: !writtenOff.includes(condition) };
      });
      patch = { lines };
      const failed = lines.filter((line) => rejectedAtInspection.includes(line.condition!)).length;
      const outcome = failed === 0 ? 'passed' : failed === lines.length ? 'failed' : 'partially_passed';
      const inspected = lines.map((line) => {
        const note = byLine.get(line.lineItemId)!.note;
        return { lineId: line.lineItemId, quantity: line.quantity, condition: line.condition!, restock: line.restock!, ...(note ? { note } : {}) };
      });
      events.push({ name: 'ReturnInspected', detail: { ...base, outcome, lines: inspected, inspectedBy: eventActor(actor) } });
      messages.push(msg('return_inspected'));
      break;
    }
    case 'resolve': {
      const { resolution, ...links } = command.outcome;
      if (c.status === 'approved' && (requiresItemBack(c) || resolution === 'declined')) return fail('item_required', 'the items must come back and be inspected first');
      const link = resolution === 'declined' ? undefined : ({ refund: 'refundId', store_credit: 'storeCreditId', exchange: 'exchangeOrderId' } as const)[resolution];
      if (link && !links[link]) return fail('missing_link', `a ${resolution} resolution needs ${link}`);
      to = 'resolved';
      events.push({ name: 'ReturnResolved', detail: { ...base, resolution, ...links, resolvedBy: eventActor(actor) } });
      break;
    }
    case 'cancel':
      reason = command.reason;
      if (blank(reason)) return fail('reason_required', 'a cancellation needs a reason');
      to = 'cancelled';
      timers.cancel = cancelAll;
      patch = { timers: [] };
      events.push({ name: 'ReturnCancelled', detail: { ...base, reason: command.code ?? (actor.kind === 'customer' ? 'customer_request' : 'other'), note: command.reason.slice(0, 1000), cancelledBy: eventActor(actor) } });
      break;
    case 'expire': {
      const timer = c.timers.find((t) => t.timerId === command.timerId && t.kind === 'return_expiry');
      if (!timer) return fail('stale_timer', `timer ${command.timerId} is not this return's current expiry`);
      to = 'expired';
      timers.cancel = cancelAll.filter((id) => id !== timer.timerId);
      patch = { timers: [] };
      const remindersSent = c.history.filter((entry) => entry.action === 'remind').length;
      events.push({ name: 'ReturnExpired', detail: { ...base, shipBy: c.deadlines.shipBy ?? timer.dueAt, remindersSent } });
      messages.push(msg('return_expired'));
      break;
    }
    case 'remind': {
      const timer = c.timers.find((t) => t.timerId === command.timerId && t.kind === 'return_reminder' && t.step === command.step);
      if (!timer) return fail('stale_timer', `timer ${command.timerId} is not a current reminder of this return`);
      // The fired reminder leaves the current set, so a duplicate delivery of it is stale.
      patch = { timers: c.timers.filter((t) => t.timerId !== timer.timerId) };
      messages.push(msg('return_reminder', `return_reminder:${c.id}:${command.step}`));
      break;
    }
    case 'reassign':
      reason = command.reason;
      if (blank(reason)) return fail('reason_required', 'a reassignment needs a reason');
      if (c.owner?.sub === command.to.sub) return fail('no_change', `${command.to.sub} already owns this return`);
      patch = { owner: command.to };
      break;
  }

  // First-contact ownership: the first agent to act on an unowned case owns it.
  const owner = patch.owner ?? c.owner ?? (actor.kind === 'staff' ? { sub: actor.sub, ...(actor.email ? { email: actor.email } : {}) } : undefined);
  const next: ReturnCase = {
    ...c,
    ...patch,
    ...(owner ? { owner } : {}),
    status: to,
    version: c.version + 1,
    updatedAt: at,
    history: [...c.history, { at, action: command.type, from: c.status, to, actor, ...(reason ? { reason } : {}) }],
  };
  const trackingAssigned = sameTrackingNumber(c.tracking?.trackingNumber, next.tracking?.trackingNumber) ? undefined : next.tracking?.trackingNumber;
  return { ok: true, next, events, messages, timers, ...(trackingAssigned ? { trackingAssigned } : {}), audit: { action: `return.${command.type}`, before: snapshot(c), after: snapshot(next), ...(reason ? { reason } : {}) } };
}
