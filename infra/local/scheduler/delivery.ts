// Delivering one occurrence of a schedule, as Scheduler does: the target's retry policy with a
// backoff, Scheduler's context attributes filled into the input, then the dead-letter queue.
import { randomBytes } from 'node:crypto';
import type { LocalSchedulerOptions } from './scheduler.ts';
import type { FiredSchedule, StoredSchedule } from './types.ts';

export type DeliveryOptions = Pick<LocalSchedulerOptions, 'deliver' | 'onDeadLetter' | 'defaultRetryAttempts' | 'retryBackoffMs' | 'log'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** Delivers one occurrence with the target's retry policy, then to its dead-letter queue. */
export async function deliverOccurrence(schedule: StoredSchedule, dueAt: Date, firedAt: Date, options: DeliveryOptions): Promise<Pick<FiredSchedule, 'attempts' | 'outcome' | 'error'>> {
  const retries = schedule.Target.RetryPolicy?.MaximumRetryAttempts ?? options.defaultRetryAttempts ?? 2;
  const backoff = options.retryBackoffMs ?? 25;
  let attempts = 0;
  let failure: Error | undefined;
  do {
    attempts++;
    if (failure) await sleep(Math.min(backoff * 2 ** (attempts - 2), 1000));
    try {
      await Promise.resolve().then(() => options.deliver(withContext(schedule, dueAt, attempts), firedAt));
      failure = undefined;
    } catch (error) {
      failure = toError(error);
      options.log?.(`[scheduler] ${schedule.GroupName}/${schedule.Name} attempt ${attempts} failed: ${failure.message}`);
    }
  } while (failure && attempts <= retries);

  let outcome: FiredSchedule['outcome'] = 'delivered';
  let error = failure?.message;
  if (failure) {
    outcome = 'failed';
    if (schedule.Target.DeadLetterConfig?.Arn && options.onDeadLetter) {
      try {
        await options.onDeadLetter(withContext(schedule, dueAt, attempts), failure);
        outcome = 'dead-lettered';
      } catch (dlqError) {
        error = `${failure.message}; the dead-letter queue refused it too: ${toError(dlqError).message}`;
      }
    }
  }
  return { attempts, outcome, ...(error === undefined ? {} : { error }) };
}

/** A copy of the schedule whose Target.Input has Scheduler's context attributes filled in. */
function withContext(schedule: StoredSchedule, dueAt: Date, attempt: number): StoredSchedule {
  const input = schedule.Target.Input;
  const target = { ...schedule.Target };
  if (input !== undefined) {
    const values: Record<string, string> = {
      'schedule-arn': schedule.Arn,
      'scheduled-time': isoSeconds(dueAt),
      'execution-id': randomBytes(8).toString('hex'),
      'attempt-number': String(attempt),
    };
    target.Input = input.replace(/<aws\.scheduler\.(schedule-arn|scheduled-time|execution-id|attempt-number)>/g, (_, name: string) => values[name]!);
  }
  return { ...schedule, Target: target };
}
