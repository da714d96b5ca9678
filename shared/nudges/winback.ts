// Win-back: a customer whose last order is `afterDaysWithoutOrder` days old is lapsed and gets the
// steps of the sequence, each `waitDays` after the previous one went out (the first: after the
// lapse). Any order stops the sequence: steps sent before the last order belong to an earlier
// lapse, so a customer who orders and lapses again starts over at step 0. A customer who never
// ordered is not won back (they were never won).
import { addDays, type CustomerState } from './customer-state.ts';
import type { CampaignSettings, WinbackStep } from './settings.ts';

export type WinbackStatus =
  | { status: 'not_customer' }
  | { status: 'disabled' }
  /** Every step of this lapse went out. */
  | { status: 'complete'; lastOrderAt: string; stepsSent: number }
  /** The next step, due at `dueAt` (maybe already: `due`). Before the lapse, step 0 is due when it starts. */
  | { status: 'scheduled'; lastOrderAt: string; step: number; of: number; dueAt: string; due: boolean; definition: WinbackStep };

/** The latest order placed, whatever became of it: ordering at all is coming back. */
export function lastOrderAt(state: Pick<CustomerState, 'orders'>): string | undefined {
  let latest: string | undefined;
  for (const order of state.orders) if (!latest || Date.parse(order.placedAt) > Date.parse(latest)) latest = order.placedAt;
  return latest;
}

/** Where the customer is in the win-back sequence at `now`. */
export function winbackStatus(settings: CampaignSettings['winback'], state: Pick<CustomerState, 'orders' | 'nudgesSent'>, now: Date): WinbackStatus {
  if (!settings.enabled) return { status: 'disabled' };
  const lastOrder = lastOrderAt(state);
  if (!lastOrder) return { status: 'not_customer' };
  const sentThisLapse = state.nudgesSent
    .filter((nudge) => nudge.kind === 'winback' && Date.parse(nudge.sentAt) > Date.parse(lastOrder))
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  const step = sentThisLapse.length;
  if (step >= settings.steps.length) return { status: 'complete', lastOrderAt: lastOrder, stepsSent: step };
  const definition = settings.steps[step]!;
  const from = step === 0 ? addDays(lastOrder, settings.afterDaysWithoutOrder) : new Date(sentThisLapse[step - 1]!.sentAt);
  const dueAt = addDays(from, definition.waitDays);
  return { status: 'scheduled', lastOrderAt: lastOrder, step, of: settings.steps.length, dueAt: dueAt.toISOString(), due: now.getTime() >= dueAt.getTime(), definition };
}

/** The step due now, if any: what a periodic sweep sends (after suppression). */
export function dueWinbackStep(settings: CampaignSettings['winback'], state: Pick<CustomerState, 'orders' | 'nudgesSent'>, now: Date): { step: number; definition: WinbackStep; dueAt: string } | undefined {
  const status = winbackStatus(settings, state, now);
  return status.status === 'scheduled' && status.due ? { step: status.step, definition: status.definition, dueAt: status.dueAt } : undefined;
}
