// The delay flow in two calls, one per trigger, each returning everything one conditional write
// needs: the next watch, the timers to set and cancel (one TimersRequested), the DelayDetected
// and DelayResolved details, the customer messages (NotificationRequested), a due ladder step (an
// offer_choice step files a ParcelClaimFiled) or courtesy discount (the handler creates the code). Handlers load the order state and the watch, call one of these and write
// the result in one transaction with the outbox.
import type { TimerSpec } from '../events/timers.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { NormalizedFulfillment } from '../storefronts/normalized.ts';
import { fileChoiceClaim, type ParcelClaimFiledDetail } from './choice-claim.ts';
import { customerMessageFor, type DelayMessage, type MessageContext, type MessageTrigger } from './customer-message.ts';
import { newWatch, planTimers, refreshWatch, sameWatch } from './deadlines.ts';
import { onOrderProgress, onTimerFired, onTrackingUpdate, type Detected, type DelayResolvedDetail, type FiredTimer, type IgnoredWhy } from './detection.ts';
import type { CompensationSettings, LadderStep } from './settings.ts';
import { orderProgress, type DelayWatch } from './watch.ts';

export interface DelayStep {
  /** Undefined only while the order itself is unknown (its fulfillments arrived first) and there was no watch. */
  watch: DelayWatch | undefined;
  set: TimerSpec[];
  cancel: string[];
  detected: Detected[];
  resolved: DelayResolvedDetail[];
  messages: DelayMessage[];
  ladder?: { step: number; action: LadderStep };
  /** The parcel claim an offer_choice step files (once per order, recorded on the watch). */
  claim?: ParcelClaimFiledDetail;
  /** The courtesy discount to give now (recorded on the watch: at most once per order). */
  courtesy?: CompensationSettings;
  /** Why a fired timer changed nothing. */
  ignored?: IgnoredWhy;
}

/** Whether anything must be written: a changed watch or something to publish. */
export const hasEffects = (step: DelayStep, previous: DelayWatch | undefined): boolean =>
  step.watch !== previous || step.set.length + step.cancel.length + step.detected.length + step.resolved.length + step.messages.length > 0 || step.courtesy !== undefined || step.claim !== undefined;

function tell(watch: DelayWatch, state: OrderState, triggers: MessageTrigger[], context: MessageContext): { watch: DelayWatch; messages: DelayMessage[] } {
  const messages: DelayMessage[] = [];
  let current = watch;
  for (const trigger of triggers) {
    const decision = customerMessageFor(current, state, trigger, context);
    current = decision.watch;
    if ('send' in decision) messages.push(decision.send);
  }
  return { watch: current, messages };
}

/**
 * The order changed (placed, updated, shipped, tracked, delivered, cancelled, refunded).
 * `changed`: the fulfillments this change brought, checked for carrier exceptions.
 */
export function onOrderChanged(previous: DelayWatch | undefined, state: OrderState, context: MessageContext, changed: readonly NormalizedFulfillment[] = []): DelayStep {
  const progress = orderProgress(state);
  const empty = { set: [], cancel: [], detected: [], resolved: [], messages: [] };
  if (!progress) return { watch: previous, ...empty };
  // Deadlines first: an exception is measured against the promise as it stands now.
  let watch = refreshWatch(previous ?? newWatch({ ...state, order: progress.order }, context.now), progress, context.settings, context.timeZone, context.now);
  const detected: Detected[] = [];
  const resolved: DelayResolvedDetail[] = [];
  for (const fulfillment of changed) {
    const tracking = onTrackingUpdate(watch, state, fulfillment, context);
    watch = tracking.watch;
    detected.push(...tracking.detected);
    resolved.push(...tracking.resolved);
  }
  const progressed = onOrderProgress(watch, state, context);
  resolved.push(...progressed.resolved);
  const plan = planTimers(progressed.watch, state, context);
  const told = tell(plan.watch ?? progressed.watch, state, detected.map((found): MessageTrigger => ({ kind: 'delay', delay: found.delay })), context);
  // Nothing new: hand back the stored watch itself, so the caller can skip the write.
  const unchanged = previous !== undefined && sameWatch(previous, told.watch);
  return { watch: unchanged ? previous : told.watch, set: plan.set, cancel: plan.cancel, detected, resolved, messages: told.messages };
}

/** A TimerFired of the delay flow arrived (any kind: ship_by, deliver_by, tracking_stalled). */
export function onTimer(previous: DelayWatch, state: OrderState, timer: FiredTimer, context: MessageContext): DelayStep {
  const outcome = onTimerFired(previous, state, timer, context);
  const progressed = onOrderProgress(outcome.watch, state, context);
  // A delay just opened arms the ladder and courtesy timers.
  const plan = planTimers(progressed.watch, state, context);
  const watch = plan.watch ?? progressed.watch;
  const base = { set: plan.set, cancel: plan.cancel, resolved: progressed.resolved };
  switch (outcome.outcome) {
    case 'detected': {
      const told = tell(watch, state, [{ kind: 'delay', delay: outcome.delay }], context);
      return { ...base, watch: told.watch, detected: [{ delay: outcome.delay, detail: outcome.detail }], messages: told.messages };
    }
    case 'ladder': {
      const ladder = { step: outcome.step, action: outcome.action };
      if (outcome.action.action === 'offer_choice') {
        // The refund engine decides the claim and sends the customer the options.
        const filed = fileChoiceClaim(watch, state, { step: outcome.step, choices: outcome.action.choices }, context.now);
        return filed ? { ...base, watch: filed.watch, detected: [], messages: [], ladder, claim: filed.claim } : { ...base, watch, detected: [], messages: [], ignored: 'already_offered' };
      }
      const told = tell(watch, state, [{ kind: 'ladder', step: outcome.step, action: outcome.action }], context);
      return { ...base, watch: told.watch, detected: [], messages: told.messages, ladder: { step: outcome.step, action: outcome.action } };
    }
    case 'courtesy':
      return { ...base, watch, detected: [], messages: [], courtesy: outcome.compensation };
    default:
      return { ...base, watch, detected: [], messages: [], ignored: outcome.why };
  }
}
