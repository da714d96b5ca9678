// Replays a synthetic store day into a running local stack through its HTTP front door only:
// signed Shopify webhooks and the customer portal, the local clock moved forward in steps of
// simulated time (the stack settles before each move, and timers due in a step fire on the way).
// Measures wall time, deliveries per second and request → customer message latency, then
// reconciles every expected effect against the ops API, the bus archive and the mailbox.
import { randomUUID } from 'node:crypto';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import type { Delivery, StoreDay } from './generator.ts';
import { shopId } from './generator.ts';
import { reconcile, type SentMessage } from './reconcile.ts';

export interface ReplayTarget {
  /** The stack's API URL (front door). */
  api: string;
  /** aws-ses-v2-local's URL: the mailbox. */
  mailbox: string;
  webhookSecret: string;
}

export interface ReplayOptions {
  concurrency?: number;
  /**
   * Simulated time per clock step. Timers fire at their due time whatever the step, but a step's
   * deliveries are sent once the clock is at its end: 12 hours keeps every fulfilment before its
   * order's ship-by deadline (two business days), so no false delay.
   */
  stepMs?: number;
  /**
   * Simulated time of timers fired between two settles while the clock moves (POST /_local/clock
   * `settleEvery`). Default: the step, so a step's thousands of timers cost one settle rather than
   * one each; 0 settles after every firing instant, as the clock tests do.
   */
  settleEveryMs?: number;
  /** Called after each step (for a progress bar). */
  onProgress?: (progress: { done: number; total: number; simulatedNow: number }) => void;
  /** Told each time the stack did not settle within its limit, with what it was still doing. */
  onSlowSettle?: (detail: string) => void;
  /** Called once the clock is at the day's start, just before the stopwatch starts (e.g. to reset usage counters). */
  beforeStart?: () => Promise<void>;
  /** Called once the day is over and the stack settled, before the last messages are read and reconciled (e.g. to re-drive dead letters). */
  beforeReconcile?: () => Promise<void>;
  /** Reconcile at the end (the demo skips it). */
  reconcile?: boolean;
  /**
   * How long a request that got no answer at all (the stack is down: killed, restarting) is sent
   * again, every half second, as Shopify resends a delivery it got no answer to. Default 3 minutes.
   */
  unansweredRetryMs?: number;
}

export interface ReplayResult {
  deliveries: number;
  wallSeconds: number;
  deliveriesPerSecond: number;
  p50WebhookToMessageMs: number;
  p99WebhookToMessageMs: number;
  latencySamples: number;
  reconciled: boolean;
  mismatches: string[];
  messages: number;
  byMessageType: Record<string, number>;
  /** Where the wall time went: moving the clock (timers fire), sending, waiting for the stack, reading what was sent. */
  phaseSeconds: Record<'clock' | 'send' | 'settle' | 'collect', number>;
  steps: number;
  retries: number;
  /** Each time the stack took longer than its settle limit, with what it was still doing (asked again each time). */
  slowSettles: string[];
}

interface Ack {
  /** Real time (epoch ms) at which the stack acknowledged the request. */
  ackedAt: number;
  step: number;
}

const HOUR = 3_600_000;
const maxAttempts = 5;
const defaultStepMs = 12 * HOUR;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export class StoreDayReplay {
  private readonly acks = new Map<string, Ack[]>();
  private readonly returnIds = new Map<string, string>();
  private readonly sent = new Map<string, SentMessage>();
  /** Per step: the clock's offset from real time while the step's requests ran. */
  private readonly offsets: { fromSimulated: number; offsetMs: number }[] = [];
  readonly failures: string[] = [];
  /** Webhook deliveries sent again after a 5xx or no answer. */
  retries = 0;
  /** Requests sent again because nothing answered (the stack was down). */
  unanswered = 0;
  readonly slowSettles: string[] = [];
  private readonly phases = { clock: 0, send: 0, settle: 0, collect: 0 };

  private async timed<T>(phase: keyof StoreDayReplay['phases'], work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.phases[phase] += (performance.now() - started) / 1000;
    }
  }

  constructor(private readonly target: ReplayTarget, private readonly options: ReplayOptions = {}) {}

  /** fetch, sent again while nothing answers (connection refused or dropped) until `unansweredRetryMs` passed. */
  private async fetchAnswered(url: string, init: RequestInit): Promise<Response> {
    const deadline = Date.now() + (this.options.unansweredRetryMs ?? 180_000);
    for (;;) {
      try {
        return await fetch(url, init);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.unanswered++;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private async call(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string>; body?: string } = {}) {
    const response = await this.fetchAnswered(`${this.target.api}${path}`, {
      method: init.method ?? (init.json === undefined && init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body };
  }

  /**
   * Sends a request the stack answers once it settled. A stack still busy at its own settle limit
   * answers 500 saying what it was doing; that is noted and the request sent again (settling and
   * moving the clock forward are both safe to repeat) until `timeoutMs`.
   */
  private async untilSettled(path: string, json: unknown, timeoutMs: number): Promise<{ status: number; body: any }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.call(path, { method: 'POST', json });
      const detail = String(answer.body?.detail ?? '');
      if (answer.status !== 500 || !detail.includes('did not settle') || Date.now() > deadline) return answer;
      this.slowSettles.push(detail);
      this.options.onSlowSettle?.(detail);
    }
  }

  /** Waits until the stack is idle. */
  async settle(timeoutMs = 600_000): Promise<void> {
    const { status, body } = await this.untilSettled('/_local/settle', {}, timeoutMs);
    if (status !== 200) throw new Error(`The local stack did not settle within ${timeoutMs} ms: ${JSON.stringify(body)}`);
  }

  private async moveClock(to: number): Promise<void> {
    const settleEveryMs = this.options.settleEveryMs ?? this.options.stepMs ?? defaultStepMs;
    const { status, body } = await this.untilSettled('/_local/clock', { set: new Date(to).toISOString(), settleEvery: `PT${Math.round(settleEveryMs / 1000)}S` }, 900_000);
    // A step whose end the clock already passed (a slow previous step, or a move sent again) is fine: time only moves on.
    if (status !== 200 && !(status === 400 && String(body?.detail ?? body).includes('before the current local time'))) {
      throw new Error(`Moving the local clock to ${new Date(to).toISOString()} answered ${status}: ${JSON.stringify(body)}`);
    }
    const clock = await this.call('/_local/clock');
    this.offsets.push({ fromSimulated: Date.parse(clock.body.now), offsetMs: Date.parse(clock.body.now) - Date.now() });
  }

  private record(orderId: string, step: number) {
    const list = this.acks.get(orderId) ?? [];
    list.push({ ackedAt: Date.now(), step });
    this.acks.set(orderId, list);
  }

  private async send(delivery: Delivery, step: number): Promise<void> {
    let status: number;
    let detail: unknown;
    if (delivery.kind === 'webhook') {
      const body = JSON.stringify(delivery.payload);
      const headers = {
        'content-type': 'application/json',
        'x-shopify-topic': delivery.topic,
        'x-shopify-shop-domain': 'demo-shop.myshopify.com',
        'x-shopify-event-id': randomUUID(),
        'x-shopify-webhook-id': randomUUID(),
        'x-shopify-triggered-at': new Date(delivery.at).toISOString(),
        'x-shopify-api-version': '2025-07',
        'x-shopify-hmac-sha256': signBase64BodyHmac(body, this.target.webhookSecret),
      };
      // As Shopify does: a delivery that fails (5xx, 429 throttled, no answer) is sent again, same event id.
      for (let attempt = 1; ; attempt++) {
        const response = await this.fetchAnswered(`${this.target.api}/webhooks/shopify`, { method: 'POST', headers, body }).catch((error: Error) => ({ status: 0, text: async () => error.message }));
        status = response.status;
        detail = await response.text();
        if ((status !== 0 && status < 500 && status !== 429) || attempt === maxAttempts) break;
        this.retries++;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    } else if (delivery.kind === 'return_request') {
      const response = await this.call('/returns', { json: delivery.body });
      status = response.status;
      detail = response.body;
      if (status === 201) this.returnIds.set(delivery.orderId, response.body.id);
    } else {
      const returnId = this.returnIds.get(delivery.orderId);
      if (!returnId) {
        this.failures.push(`order ${delivery.orderId}: no return to record the shipment of`);
        return;
      }
      const session = await this.call('/customer/sessions', { json: { shopId, orderNumber: delivery.orderNumber, email: delivery.email } });
      const response = await this.call(`/returns/${returnId}/shipment`, { json: delivery.body, headers: { authorization: `Bearer ${session.body.token}` } });
      status = response.status;
      detail = response.body;
    }
    this.record(delivery.orderId, step);
    if (status < 200 || status > 299) this.failures.push(`order ${delivery.orderId}: ${delivery.kind === 'webhook' ? delivery.topic : delivery.kind} answered ${status}: ${JSON.stringify(detail).slice(0, 300)}`);
  }

  /** NotificationSent events so far (the bus archive keeps the latest 10,000 events: read after every step). */
  private async collectSent(): Promise<void> {
    const { body } = await this.call('/_local/events?detailType=NotificationSent');
    for (const event of body.events ?? []) {
      const detail = event.detail;
      if (detail.shopId !== shopId || this.sent.has(detail.notificationId)) continue;
      this.sent.set(detail.notificationId, {
        notificationId: detail.notificationId,
        orderId: detail.orderId,
        returnId: detail.returnId,
        messageType: detail.messageType,
        deduplicationKey: detail.deduplicationKey,
        channel: detail.channel,
        providerMessageId: detail.providerMessageId,
        recipient: detail.customer?.email,
        sentAt: Date.parse(detail.occurredAt),
      });
    }
  }

  /** Real time of a simulated instant, with the offset of the step it fell in. */
  private realTimeOf(simulated: number): { real: number; step: number } {
    let step = 0;
    for (let i = 0; i < this.offsets.length; i++) if (this.offsets[i]!.fromSimulated <= simulated) step = i;
    return { real: simulated - this.offsets[step]!.offsetMs, step };
  }

  async run(day: StoreDay): Promise<ReplayResult> {
    const stepMs = this.options.stepMs ?? defaultStepMs;
    const concurrency = this.options.concurrency ?? 16;
    const clockNow = Date.parse((await this.call('/_local/clock')).body.now);
    if (day.start < clockNow) throw new Error(`The day starts at ${new Date(day.start).toISOString()}, before the local clock (${new Date(clockNow).toISOString()}); generate it after the clock`);

    const steps = new Map<number, Delivery[]>();
    for (const delivery of day.deliveries) {
      const index = Math.floor((delivery.at - day.start) / stepMs);
      steps.set(index, [...(steps.get(index) ?? []), delivery]);
    }
    // To the day's start (a Monday) before the stopwatch starts: a jump of days fires catch-up jobs.
    await this.settle();
    await this.moveClock(day.start);
    await this.settle();
    await this.options.beforeStart?.();
    const started = performance.now();
    let done = 0;
    let stepNumber = 0;
    for (const [index, batch] of [...steps.entries()].sort(([a], [b]) => a - b)) {
      // The clock goes to the step's end first, so no payload is dated in the future.
      // The stack finishes the previous step first (a busy stack refuses to move the clock).
      await this.timed('settle', () => this.settle());
      await this.timed('clock', () => this.moveClock(day.start + (index + 1) * stepMs));
      await this.timed('collect', () => this.collectSent());
      const webhooks = batch.filter((delivery) => delivery.kind === 'webhook');
      const portal = batch.filter((delivery) => delivery.kind !== 'webhook');
      // The step as `realTimeOf` counts them: by clock moves.
      const stepIndex = this.offsets.length - 1;
      // In waves: an order's second event in a step goes once its first was taken in (causal order).
      const waves: Delivery[][] = [];
      const seenInStep = new Map<string, number>();
      for (const delivery of webhooks) {
        const wave = seenInStep.get(delivery.orderId) ?? 0;
        seenInStep.set(delivery.orderId, wave + 1);
        (waves[wave] ??= []).push(delivery);
      }
      for (const [i, wave] of waves.entries()) {
        if (i > 0) await this.timed('settle', () => this.settle());
        await this.timed('send', () => pool(wave, concurrency, (delivery) => this.send(delivery, stepIndex)));
      }
      if (portal.length > 0) {
        // A return needs its order delivered, which the webhooks above may have just said.
        await this.timed('settle', () => this.settle());
        // One order's requests in order (a return before its shipment), orders side by side.
        const byOrder = new Map<string, Delivery[]>();
        for (const delivery of portal) byOrder.set(delivery.orderId, [...(byOrder.get(delivery.orderId) ?? []), delivery]);
        await this.timed('send', () =>
          pool([...byOrder.values()], concurrency, async (chain) => {
            for (const delivery of chain) await this.send(delivery, stepIndex);
          }),
        );
      }
      done += batch.length;
      stepNumber++;
      this.options.onProgress?.({ done, total: day.deliveries.length, simulatedNow: day.start + (index + 1) * stepMs });
    }
    await this.settle();
    await this.moveClock(Math.max(day.horizon, this.offsets.at(-1)?.fromSimulated ?? 0));
    await this.settle();
    if (this.options.beforeReconcile) {
      await this.options.beforeReconcile();
      await this.settle();
    }
    await this.collectSent();
    const wallSeconds = (performance.now() - started) / 1000;

    const messages = [...this.sent.values()];
    // Request → message: messages sent in the step of the order's latest request (timer-made ones,
    // such as an apology at a ship-by deadline, have no request to measure from).
    const latencies: number[] = [];
    for (const message of messages) {
      if (!message.orderId) continue;
      const { real, step } = this.realTimeOf(message.sentAt);
      const trigger = (this.acks.get(message.orderId) ?? []).filter((ack) => ack.step === step && ack.ackedAt <= real + 5).at(-1);
      if (trigger) latencies.push(real - trigger.ackedAt);
    }
    latencies.sort((a, b) => a - b);

    const byMessageType: Record<string, number> = {};
    for (const message of messages) byMessageType[message.messageType] = (byMessageType[message.messageType] ?? 0) + 1;
    const mismatches = [...this.failures];
    if (this.options.reconcile !== false) mismatches.push(...(await reconcile(day, messages, this.target)));
    return {
      deliveries: day.deliveries.length,
      wallSeconds: Number(wallSeconds.toFixed(1)),
      deliveriesPerSecond: Number((day.deliveries.length / wallSeconds).toFixed(1)),
      p50WebhookToMessageMs: Math.round(percentile(latencies, 50)),
      p99WebhookToMessageMs: Math.round(percentile(latencies, 99)),
      latencySamples: latencies.length,
      reconciled: this.options.reconcile !== false && mismatches.length === 0,
      mismatches,
      messages: messages.length,
      byMessageType,
      retries: this.retries,
      slowSettles: this.slowSettles,
      phaseSeconds: Object.fromEntries(Object.entries(this.phases).map(([phase, seconds]) => [phase, Number(seconds.toFixed(1))])) as ReplayResult['phaseSeconds'],
      steps: stepNumber,
    };
  }
}
