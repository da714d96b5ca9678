// Whether a nudge goes out now, and on which channel, or why not. Nudges are marketing: the
// customer must have consented, and we do not sell to someone we are letting down. The rules, each
// with its reason code (NudgeSuppressionReason, recorded on NudgeSuppressed):
//   campaign_ended      the campaign is switched off in the shop's settings;
//   unsubscribed        the customer opted out of marketing on every channel we could use;
//   no_marketing_consent no usable channel with consent (email; SMS only for tiers with SMS);
//   open_return / open_refund / delivery_delayed / open_case   an after-sales case is open
//                       (return, refund, delayed delivery, complaint);
//   low_survey_score    a survey score of 1 or 2 within `lowScoreDays`;
//   recent_purchase     replenishment: the product was ordered again since the delivery;
//                       win-back: the customer ordered since the lapse;
//   frequency_cap       `count` nudges already sent in the last `days`.
// Every rule that applies is listed (`reasons`), the first is the one recorded. Quiet hours do not
// suppress: the nudge waits until they end.
import type { Channel } from '../events/common.ts';
import type { NudgeKind, NudgeSuppressionReason } from '../events/nudges.ts';
import { endOfQuietHours, localHour } from '../notifications/policy.ts';
import { lowScoreThreshold } from '../surveys/flow.ts';
import { addDays, orderHasProduct, type CustomerState, type OpenCaseKind } from './customer-state.ts';
import type { CampaignSettings } from './settings.ts';

export interface NudgeRequest {
  kind: NudgeKind;
  /** Replenishment: the product and when the order prompting it was delivered. */
  productId?: string;
  deliveredAt?: string;
  /** The order that prompted it: not itself a re-order. */
  orderId?: string;
}

export type NudgeDecision =
  | { action: 'send'; channel: Channel }
  | { action: 'defer'; channel: Channel; until: string; why: 'quiet_hours' }
  | { action: 'suppress'; reason: NudgeSuppressionReason; reasons: NudgeSuppressionReason[] };

const caseReasons: Record<OpenCaseKind, NudgeSuppressionReason> = { return: 'open_return', refund: 'open_refund', delay: 'delivery_delayed', complaint: 'open_case' };

/** Whether the campaign of this kind of nudge is on. */
export function campaignEnabled(settings: CampaignSettings, kind: NudgeKind): boolean {
  if (kind === 'replenishment' || kind === 'repeat_purchase') return settings.replenishment.enabled;
  if (kind === 'winback') return settings.winback.enabled;
  if (kind === 'tier_upgrade') return settings.vip.enabled;
  return true;
}

/** Email first; SMS too when the customer's tier has the SMS benefit. */
export function allowedChannels(settings: CampaignSettings, state: Pick<CustomerState, 'tier'>): Channel[] {
  const tier = state.tier ? settings.vip.tiers.find((candidate) => candidate.id === state.tier!.id) : undefined;
  return tier?.benefits.sms ? ['email', 'sms'] : ['email'];
}

function consentReason(settings: CampaignSettings, state: CustomerState): { channel?: Channel; reason?: NudgeSuppressionReason } {
  const channels = allowedChannels(settings, state);
  const reachable = channels.filter((channel) => (channel === 'email' ? state.customer.email : state.customer.phone));
  const channel = reachable.find((candidate) => state.consent[candidate] === 'subscribed');
  if (channel) return { channel };
  if (reachable.length > 0 && reachable.every((candidate) => state.consent[candidate] === 'unsubscribed')) return { reason: 'unsubscribed' };
  return { reason: 'no_marketing_consent' };
}

/** Re-ordered: for a replenishment, another order with the product placed after the delivery; for a win-back, any order after the lapse began. */
function reordered(request: NudgeRequest, state: CustomerState, settings: CampaignSettings, now: Date): boolean {
  if ((request.kind === 'replenishment' || request.kind === 'repeat_purchase') && request.productId && request.deliveredAt) {
    const since = Date.parse(request.deliveredAt);
    return state.orders.some((order) => order.id !== request.orderId && !order.cancelled && Date.parse(order.placedAt) > since && orderHasProduct(order, request.productId!));
  }
  if (request.kind === 'winback') {
    const lapseStart = addDays(now, -settings.winback.afterDaysWithoutOrder).getTime();
    return state.orders.some((order) => Date.parse(order.placedAt) > lapseStart);
  }
  return false;
}

/** Nudges sent in the cap window ending at `now` (inclusive of its start). */
export function nudgesInCapWindow(settings: CampaignSettings, state: Pick<CustomerState, 'nudgesSent'>, now: Date): number {
  const since = addDays(now, -settings.suppression.frequencyCap.days).getTime();
  return state.nudgesSent.filter((nudge) => {
    const at = Date.parse(nudge.sentAt);
    return at >= since && at <= now.getTime();
  }).length;
}

/** Every suppression rule that applies, in the order they are recorded. */
export function suppressionReasons(request: NudgeRequest, state: CustomerState, settings: CampaignSettings, now: Date): { reasons: NudgeSuppressionReason[]; channel?: Channel } {
  const reasons: NudgeSuppressionReason[] = [];
  if (!campaignEnabled(settings, request.kind)) reasons.push('campaign_ended');
  const consent = consentReason(settings, state);
  if (consent.reason) reasons.push(consent.reason);
  for (const kind of ['return', 'refund', 'delay', 'complaint'] as const) {
    if (state.openCases.some((openCase) => openCase.kind === kind)) reasons.push(caseReasons[kind]);
  }
  const { lowScoreDays } = settings.suppression;
  const scoresSince = addDays(now, -lowScoreDays).getTime();
  if (lowScoreDays > 0 && state.surveyScores.some((score) => score.score <= lowScoreThreshold && Date.parse(score.answeredAt) >= scoresSince && Date.parse(score.answeredAt) <= now.getTime())) {
    reasons.push('low_survey_score');
  }
  if (reordered(request, state, settings, now)) reasons.push('recent_purchase');
  if (nudgesInCapWindow(settings, state, now) >= settings.suppression.frequencyCap.count) reasons.push('frequency_cap');
  return { reasons, ...(consent.channel ? { channel: consent.channel } : {}) };
}

/**
 * Send now, wait for the end of quiet hours (in the customer's time zone, else `shopTimeZone`),
 * or suppress with the first reason that applies.
 */
export function decideNudge(request: NudgeRequest, state: CustomerState, settings: CampaignSettings, now: Date, shopTimeZone = 'UTC'): NudgeDecision {
  const { reasons, channel } = suppressionReasons(request, state, settings, now);
  if (reasons.length > 0 || !channel) return { action: 'suppress', reason: reasons[0] ?? 'no_marketing_consent', reasons: reasons.length ? reasons : ['no_marketing_consent'] };
  const quiet = settings.suppression.quietHours;
  if (quiet) {
    const timeZone = state.customer.timeZone ?? shopTimeZone;
    const hour = localHour(now, timeZone);
    const inQuiet = quiet.start > quiet.end ? hour >= quiet.start || hour < quiet.end : hour >= quiet.start && hour < quiet.end;
    if (inQuiet) return { action: 'defer', channel, until: endOfQuietHours(now, timeZone, quiet).toISOString(), why: 'quiet_hours' };
  }
  return { action: 'send', channel };
}
