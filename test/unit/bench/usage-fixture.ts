import type { UsageSnapshot } from '../../../infra/local/usage/counters.ts';

/** A run's counters with round numbers, so expected prices can be worked out by hand. */
export function usage(overrides: Partial<UsageSnapshot> = {}): UsageSnapshot {
  return {
    since: { clock: '2026-12-01T00:00:00.000Z', wall: '2026-12-03T08:00:00.000Z' },
    until: { clock: '2026-12-02T00:00:00.000Z', wall: '2026-12-03T08:01:00.000Z' },
    clockSpanMs: 86_400_000,
    api: { requests: 1000 },
    lambda: { invocations: 5000, gbSeconds: 100, byFunction: {} },
    eventbridge: { putEventsCalls: 1500, events: 2000 },
    scheduler: { invocations: 300, createCalls: 400, updateCalls: 0, deleteCalls: 100, otherCalls: 0 },
    sqs: { sendRequests: 3000, messagesSent: 3000, receiveRequests: 1000, emptyReceives: 90_000, deleteRequests: 1000, changeVisibilityRequests: 0, mappedQueues: 0 },
    dynamodb: { requests: 20_000, readUnits: 8000, writeUnits: 16_000, failedConditionalWrites: 10 },
    ses: { sendRequests: 200, emails: 200 },
    sms: { messages: 50, segments: 100 },
    ...overrides,
  };
}
