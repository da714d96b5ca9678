// A draft's nudge preview against the preview under the settings in effect: which nudges to send
// the draft adds or removes. Two previews of the same period and customers name the same nudge
// the same way: customer, campaign, step, order, product and due time.
import type { NudgePreview, PreviewedNudge } from './preview.ts';

const nudgeKey = (nudge: PreviewedNudge) => [nudge.customerId, nudge.campaignId, nudge.step ?? '', nudge.orderId ?? '', nudge.productId ?? '', nudge.dueAt].join('|');

export function previewDifference(inEffect: NudgePreview, draft: NudgePreview): { added: number; removed: number } {
  const sent = (preview: NudgePreview) => new Set(preview.nudges.filter((nudge) => nudge.decision === 'send').map(nudgeKey));
  const [before, after] = [sent(inEffect), sent(draft)];
  return { added: [...after].filter((key) => !before.has(key)).length, removed: [...before].filter((key) => !after.has(key)).length };
}
