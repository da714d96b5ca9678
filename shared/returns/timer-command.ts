// Which lifecycle command a fired timer stands for, if the case still expects it: a reminder names
// its step from the case's own timer list; anything the case no longer lists is stale.
import type { ReturnCase } from './case.ts';
import type { ReturnCommand } from './lifecycle.ts';

export function timerCommand(c: Pick<ReturnCase, 'timers'>, fired: { timerId: string; kind: string }): Extract<ReturnCommand, { type: 'remind' | 'expire' }> | undefined {
  const timer = c.timers.find((t) => t.timerId === fired.timerId && t.kind === fired.kind);
  if (!timer) return undefined;
  if (timer.kind === 'return_expiry') return { type: 'expire', timerId: timer.timerId };
  return timer.step ? { type: 'remind', timerId: timer.timerId, step: timer.step } : undefined;
}
