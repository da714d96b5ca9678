import { describe, expect, it } from 'vitest';
import type { CaseTimer } from '../../../shared/returns/case.ts';
import { timerCommand } from '../../../shared/returns/timer-command.ts';

const timers: CaseTimer[] = [
  { timerId: 'ret-a-reminder1-g1', kind: 'return_reminder', dueAt: '2026-05-04T10:00:00.000Z', step: 1 },
  { timerId: 'ret-a-expiry-g1', kind: 'return_expiry', dueAt: '2026-05-15T10:00:00.000Z' },
];

describe('timerCommand', () => {
  it('maps a current reminder to remind with its step, and the expiry to expire', () => {
    expect(timerCommand({ timers }, { timerId: 'ret-a-reminder1-g1', kind: 'return_reminder' })).toEqual({ type: 'remind', timerId: 'ret-a-reminder1-g1', step: 1 });
    expect(timerCommand({ timers }, { timerId: 'ret-a-expiry-g1', kind: 'return_expiry' })).toEqual({ type: 'expire', timerId: 'ret-a-expiry-g1' });
  });

  it('finds nothing to do for a timer the case no longer names, or of another kind', () => {
    expect(timerCommand({ timers }, { timerId: 'ret-a-reminder2-g1', kind: 'return_reminder' })).toBeUndefined();
    expect(timerCommand({ timers }, { timerId: 'ret-a-expiry-g1', kind: 'return_reminder' })).toBeUndefined();
    expect(timerCommand({ timers: [] }, { timerId: 'ret-a-expiry-g1', kind: 'return_expiry' })).toBeUndefined();
  });
});
