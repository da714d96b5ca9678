import { describe, expect, it } from 'vitest';
import { previewDifference } from '../../../shared/nudges/preview-comparison.ts';
import type { NudgePreview, PreviewedNudge } from '../../../shared/nudges/preview.ts';

const nudge = (customerId: string, decision: 'send' | 'suppress', more: Partial<PreviewedNudge> = {}): PreviewedNudge => ({
  customerId,
  kind: 'winback',
  campaignId: 'winback',
  dueAt: '2024-06-03T09:00:00.000Z',
  step: 0,
  decision,
  ...more,
});
const preview = (...nudges: PreviewedNudge[]): NudgePreview => ({ from: '2024-06-01T00:00:00.000Z', to: '2024-06-08T00:00:00.000Z', nudges, summary: { toSend: 0, suppressed: 0, byReason: {} } });

describe('previewDifference', () => {
  it('counts the nudges to send the draft adds and removes, the same nudge matched by customer, campaign, step and due time', () => {
    const inEffect = preview(nudge('a', 'send'), nudge('b', 'send'), nudge('c', 'suppress', { reason: 'frequency_cap' }));
    const draft = preview(nudge('a', 'send'), nudge('b', 'suppress', { reason: 'frequency_cap' }), nudge('c', 'send'), nudge('d', 'send', { step: 1 }));
    expect(previewDifference(inEffect, draft)).toEqual({ added: 2, removed: 1 });
    expect(previewDifference(inEffect, inEffect)).toEqual({ added: 0, removed: 0 });
    // Moved to another day: another nudge.
    expect(previewDifference(inEffect, preview(nudge('a', 'send', { dueAt: '2024-06-04T09:00:00.000Z' }), nudge('b', 'send')))).toEqual({ added: 1, removed: 1 });
  });
});
