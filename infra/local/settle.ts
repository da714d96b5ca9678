// Waiting until the local stack has nothing left to do: no tracked work in flight, no invocation
// running, and every queue and stream consumer found nothing new, twice in a row. Every wait is
// bounded, so a stack that does not settle says so, naming what it was still waiting for.
import type { Activity } from './activity.ts';

export interface SettleSources {
  activity: Activity;
  runtime: { readonly activeInvocations: number; describeBusy(): string[] };
  pollers: ReadonlyArray<{ idle(): Promise<boolean>; readonly mapping: { functionName: string } }>;
}

/** `settle(timeoutMs)`: resolves once the stack is idle; rejects after `timeoutMs` with what is in flight. */
export function createSettle({ activity, runtime, pollers }: SettleSources): (timeoutMs?: number) => Promise<void> {
  // Generous: a clock move of weeks settles after each firing, on a busy two-core machine.
  return async (timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    let busyPollers: string[] = [];
    const unsettled = () => {
      const inFlight = [...activity.describe(), ...runtime.describeBusy(), ...busyPollers.map((name) => `${name} has work queued`)];
      return new Error(`The local stack did not settle within ${timeoutMs} ms; in flight: ${inFlight.join('; ') || 'nothing (it kept finding new work)'}`);
    };
    while (quietChecks < 2) {
      if (!(await activity.quiet(deadline - Date.now()))) throw unsettled();
      const answers = await withDeadline(Promise.all(pollers.map(async (poller) => ((await poller.idle()) ? undefined : poller.mapping.functionName))), deadline);
      if (!answers) throw unsettled();
      busyPollers = answers.filter((name): name is string => name !== undefined);
      const idle = runtime.activeInvocations === 0 && busyPollers.length === 0 && activity.inFlight === 0;
      quietChecks = idle ? quietChecks + 1 : 0;
      if (quietChecks < 2) {
        if (Date.now() > deadline) throw unsettled();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  };
}

/** The promise's value, or undefined once `deadline` (epoch ms) passed first. */
async function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
