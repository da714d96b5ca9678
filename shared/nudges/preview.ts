// Who would be nudged in a coming period (the ops preview: "next week"), and why not. For each
// customer: the replenishments falling due (delivered orders, cycle end in the period, not sent
// yet) and the win-back steps falling due (an overdue step counts as due at the start); each is
// decided at its due time with today's state (cases may close before then: the preview says what
// would happen if nothing changed). The customer's nudges are decided in time order, and one the
// preview would send counts towards the frequency cap of the later ones.
import * as z from 'zod';
import { Channel } from '../events/common.ts';
import { NudgeKind, NudgeSuppressionReason } from '../events/nudges.ts';
import type { CustomerState, SentNudge } from './customer-state.ts';
import { plannedReplenishments, type CycleSource } from './cycles.ts';
import type { CampaignSettings } from './settings.ts';
import { decideNudge, type NudgeRequest } from './suppression.ts';
import { winbackStatus } from './winback.ts';

export const PreviewedNudge = z.object({
  customerId: z.string(),
  kind: NudgeKind,
  campaignId: z.string(),
  dueAt: z.iso.datetime(),
  orderId: z.string().optional(),
  productId: z.string().optional(),
  step: z.int().nonnegative().optional().describe('Win-back step, from 0'),
  cycle: z.object({ days: z.int().positive(), source: z.enum(['customer_history', 'product_history', 'product', 'tag']) }).optional(),
  decision: z.enum(['send', 'suppress']),
  channel: Channel.optional(),
  sendAt: z.iso.datetime().optional().describe('Later than dueAt when quiet hours hold it back'),
  reason: NudgeSuppressionReason.optional(),
  reasons: z.array(NudgeSuppressionReason).optional().describe('Every suppression rule that applies'),
});
export type PreviewedNudge = z.infer<typeof PreviewedNudge>;

export const NudgePreview = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  nudges: z.array(PreviewedNudge),
  summary: z.object({ toSend: z.int().nonnegative(), suppressed: z.int().nonnegative(), byReason: z.partialRecord(NudgeSuppressionReason, z.int().positive()) }),
});
export type NudgePreview = z.infer<typeof NudgePreview>;

interface Candidate {
  request: NudgeRequest;
  campaignId: string;
  dueAt: Date;
  step?: number;
  cycle?: { days: number; source: CycleSource };
}

const inPeriod = (at: Date, period: { from: Date; to: Date }) => at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();

function replenishmentCandidates(settings: CampaignSettings, state: CustomerState, period: { from: Date; to: Date }, productIntervals?: (productId: string) => readonly number[]): Candidate[] {
  const sent = new Set(state.nudgesSent.filter((nudge) => nudge.kind === 'replenishment').map((nudge) => `${nudge.orderId}|${nudge.productId}`));
  return state.orders.flatMap((order) =>
    plannedReplenishments(settings.replenishment, order, { customerOrders: state.orders, ...(productIntervals ? { productIntervals } : {}) })
      .filter((planned) => inPeriod(new Date(planned.dueAt), period) && !sent.has(`${planned.orderId}|${planned.productId}`))
      .map((planned) => ({
        request: { kind: 'replenishment' as const, productId: planned.productId, orderId: planned.orderId, deliveredAt: order.deliveredAt! },
        campaignId: 'replenishment',
        dueAt: new Date(planned.dueAt),
        cycle: { days: planned.cycle.days, source: planned.cycle.source },
      })),
  );
}

/** The next win-back step in the period, if any (later steps follow once it is decided). */
function nextWinback(settings: CampaignSettings, state: CustomerState, period: { from: Date; to: Date }): Candidate | undefined {
  const status = winbackStatus(settings.winback, state, period.from);
  if (status.status !== 'scheduled') return undefined;
  const dueAt = new Date(Math.max(Date.parse(status.dueAt), period.from.getTime()));
  if (!inPeriod(dueAt, period)) return undefined;
  return { request: { kind: 'winback' }, campaignId: 'winback', dueAt, step: status.step };
}

/** What the nudges due in [from, to) across these customers would do. */
export function previewNudges(
  settings: CampaignSettings,
  states: readonly CustomerState[],
  period: { from: Date; to: Date },
  options: { shopTimeZone?: string; productIntervals?: (productId: string) => readonly number[] } = {},
): NudgePreview {
  const nudges: PreviewedNudge[] = [];
  for (const original of states) {
    let state: CustomerState = original;
    const queue = replenishmentCandidates(settings, state, period, options.productIntervals);
    const winback = nextWinback(settings, state, period);
    if (winback) queue.push(winback);
    let counter = 0;
    while (queue.length > 0) {
      queue.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      const candidate = queue.shift()!;
      const decision = decideNudge(candidate.request, state, settings, candidate.dueAt, options.shopTimeZone);
      const base = {
        customerId: state.customer.id,
        kind: candidate.request.kind,
        campaignId: candidate.campaignId,
        dueAt: candidate.dueAt.toISOString(),
        ...(candidate.request.orderId ? { orderId: candidate.request.orderId } : {}),
        ...(candidate.request.productId ? { productId: candidate.request.productId } : {}),
        ...(candidate.step !== undefined ? { step: candidate.step } : {}),
        ...(candidate.cycle ? { cycle: candidate.cycle } : {}),
      };
      if (decision.action === 'suppress') {
        nudges.push({ ...base, decision: 'suppress', reason: decision.reason, reasons: decision.reasons });
        // A suppressed win-back step is tried again by the sweep, not advanced: nothing follows in the preview.
        continue;
      }
      const sendAt = decision.action === 'defer' ? decision.until : candidate.dueAt.toISOString();
      nudges.push({ ...base, decision: 'send', channel: decision.channel, ...(decision.action === 'defer' ? { sendAt } : {}) });
      const simulated: SentNudge = {
        nudgeId: `preview-${state.customer.id}-${counter++}`,
        kind: candidate.request.kind,
        campaignId: candidate.campaignId,
        sentAt: sendAt,
        channel: decision.channel,
        ...(candidate.request.orderId ? { orderId: candidate.request.orderId } : {}),
        ...(candidate.request.productId ? { productId: candidate.request.productId } : {}),
        ...(candidate.step !== undefined ? { step: candidate.step } : {}),
      };
      state = { ...state, nudgesSent: [...state.nudgesSent, simulated] };
      if (candidate.request.kind === 'winback') {
        const status = winbackStatus(settings.winback, state, new Date(sendAt));
        if (status.status === 'scheduled' && inPeriod(new Date(status.dueAt), period)) queue.push({ request: { kind: 'winback' }, campaignId: 'winback', dueAt: new Date(status.dueAt), step: status.step });
      }
    }
  }
  nudges.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.customerId.localeCompare(b.customerId));
  const byReason: Partial<Record<NudgeSuppressionReason, number>> = {};
  for (const nudge of nudges) if (nudge.reason) byReason[nudge.reason] = (byReason[nudge.reason] ?? 0) + 1;
  return { from: period.from.toISOString(), to: period.to.toISOString(), nudges, summary: { toSend: nudges.filter((nudge) => nudge.decision === 'send').length, suppressed: nudges.filter((nudge) => nudge.decision === 'suppress').length, byReason } };
}
