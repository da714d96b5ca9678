// A store day replayed under injected faults (issue 12): the local stack's stand-ins fail the
// system's own traffic at a rate (PUT /_local/faults), the day is replayed, then, with the faults
// off, ops re-drive through the ops API whatever reached a dead-letter queue, and the day is
// reconciled as a fault-free one would be: the same cases, refunds and messages, once each.
import type { FaultKind } from '../../infra/local/faults/plan.ts';
import type { StoreDay } from './generator.ts';
import { StoreDayReplay, type ReplayResult } from './replay.ts';

export interface FaultDayOptions {
  api: string;
  mailbox: string;
  webhookSecret: string;
  rate: number;
  seed: number;
  concurrency?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
  onSlowSettle?: (detail: string) => void;
}

export interface FaultDayResult extends ReplayResult {
  /** Faults injected during the day, by kind. */
  injected: Record<FaultKind, number>;
  faultsInjected: number;
  /** Dead letters the day left, re-driven through the ops API before reconciling. */
  redriven: string[];
  /**
   * Dead letters the day left that cannot be re-driven (the ops API says why: a scheduled pass whose
   * next run reads the same changes again), discarded through the ops API as ops would.
   */
  discarded: string[];
  /** Dead letters the ops API would not re-drive (they stay open: a mismatch). */
  notRedriven: string[];
  /** Messages left in the stack's dead-letter queues at the end (should be none: each is archived as a dead letter). */
  deadLetterQueueMessages: number;
  openDeadLettersAtEnd: number;
}

async function call(api: string, path: string, init: { method?: string; json?: unknown; token?: string } = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

async function token(api: string, role: 'viewer' | 'agent'): Promise<string> {
  const { status, body } = await call(api, '/_local/token', { json: { role } });
  if (status !== 200) throw new Error(`POST /_local/token answered ${status}`);
  return body.token;
}

interface OpenDeadLetter {
  deadLetterId: string;
  redrivable: boolean;
}

async function openDeadLetters(api: string, viewer: string): Promise<OpenDeadLetter[]> {
  const found: OpenDeadLetter[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await call(api, `/ops/dead-letters?status=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: viewer });
    if (status !== 200) throw new Error(`GET /ops/dead-letters answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    found.push(...body.items.map(({ deadLetterId, redrivable }: OpenDeadLetter) => ({ deadLetterId, redrivable })));
    cursor = body.nextCursor;
  } while (cursor);
  return found;
}

const openDeadLetterIds = async (api: string, viewer: string) => (await openDeadLetters(api, viewer)).map((letter) => letter.deadLetterId);

export async function replayUnderFaults(day: StoreDay, options: FaultDayOptions): Promise<FaultDayResult> {
  const { api } = options;
  const setFaults = async (settings: Record<string, unknown>) => {
    const { status, body } = await call(api, '/_local/faults', { method: 'PUT', json: settings });
    if (status !== 200) throw new Error(`PUT /_local/faults answered ${status}: ${JSON.stringify(body)}`);
    return body as { injected: Record<FaultKind, number>; total: number };
  };
  // Dead letters from before the day are not the day's to re-drive. Tokens are minted when used:
  // the day moves the local clock past a token's expiry.
  const before = new Set(await openDeadLetterIds(api, await token(api, 'viewer')));
  let injected: { injected: Record<FaultKind, number>; total: number } | undefined;
  const redriven: string[] = [];
  const discarded: string[] = [];
  const notRedriven: string[] = [];
  const replay = new StoreDayReplay(
    { api, mailbox: options.mailbox, webhookSecret: options.webhookSecret },
    {
      concurrency: options.concurrency ?? 16,
      onProgress: options.onProgress,
      onSlowSettle: options.onSlowSettle,
      // Faults from the day's start (the jump to its Monday runs fault-free), counted afresh.
      beforeStart: async () => void (await setFaults({ rate: options.rate, kinds: 'all', seed: options.seed })),
      beforeReconcile: async () => {
        injected = await setFaults({ rate: 0 });
        const agent = await token(api, 'agent');
        for (const { deadLetterId, redrivable } of await openDeadLetters(api, agent)) {
          if (before.has(deadLetterId)) continue;
          const action = redrivable ? 'redrive' : 'discard';
          const reason = redrivable ? 'Re-driven after the fault-injection store day' : 'Not re-drivable: its next scheduled run reads the same changes again';
          const { status, body } = await call(api, `/ops/dead-letters/${encodeURIComponent(deadLetterId)}/${action}`, { json: { reason }, token: agent });
          if (status !== 200) notRedriven.push(`${deadLetterId}: ${action} answered ${status} ${JSON.stringify(body).slice(0, 200)}`);
          else (redrivable ? redriven : discarded).push(deadLetterId);
        }
      },
    },
  );
  try {
    const result = await replay.run(day);
    const viewer = await token(api, 'viewer');
    const health = await call(api, '/ops/health', { token: viewer });
    if (health.status !== 200) throw new Error(`GET /ops/health answered ${health.status}`);
    const openAtEnd = (await openDeadLetterIds(api, viewer)).filter((id) => !before.has(id));
    return {
      ...result,
      injected: injected!.injected,
      faultsInjected: injected!.total,
      redriven,
      discarded,
      notRedriven,
      deadLetterQueueMessages: (health.body.deadLetterQueues as { messages: number }[]).reduce((sum, queue) => sum + queue.messages, 0),
      openDeadLettersAtEnd: openAtEnd.length,
    };
  } finally {
    // Whatever happened, later tests run fault-free.
    await setFaults({ rate: 0 }).catch(() => undefined);
  }
}
