// A burst of signed Shopify deliveries, sent open-loop (each at its planned time, whatever the
// answers so far) by senders that behave like Shopify: a 2xx is the end, anything else is sent again
// later, after the Retry-After the answer asked for. Shared by the burst benchmark and its CI test.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { signBase64BodyHmac } from '../../shared/webhooks/signatures.ts';
import { shopifyOrder } from './shopify-payloads.ts';

export interface BurstDelivery {
  /** X-Shopify-Webhook-Id: the same on every attempt, and on a deliberate duplicate. */
  webhookId: string;
  orderId: number;
  body: Buffer;
  headers: Record<string, string>;
}

/** An answer a sender could not act on: neither 2xx nor a refusal saying when to come back. */
export interface UnclearAnswer {
  webhookId: string;
  status: number;
  retryAfter?: string;
  contentType?: string;
  body: string;
}

export interface BurstOutcome {
  /** Every answer, first attempts and retries, by status (0: the connection failed). */
  answers: Record<string, number>;
  /** Sends, counting each duplicate and retry. */
  attempts: number;
  /** Sends answered 2xx. */
  acknowledged: number;
  /** Sends refused with 429 or 503, Retry-After and problem details. */
  refused: number;
  /** The refusals by status, title and the detail's first clause: what refused them. */
  refusalKinds: Record<string, number>;
  unclear: UnclearAnswer[];
  /** Sends never answered 2xx within the sender's attempts. */
  abandoned: string[];
  /** Milliseconds from each acknowledged attempt's request to its answer, sorted. */
  ackLatenciesMs: number[];
  /** From the first send to the last one scheduled (the burst's own length). */
  sendWindowMs: number;
  /** From the first send to the last answer. */
  elapsedMs: number;
}

/** `count` distinct orders/create deliveries for the demo Shopify shop, signed with `secret`. */
/** `createdAt`: the orders' time; give the stack's clock when it runs ahead, or every order looks weeks late. */
export function burstDeliveries(count: number, { secret, firstOrderId, createdAt }: { secret: string; firstOrderId: number; createdAt?: string }): BurstDelivery[] {
  return Array.from({ length: count }, (_, i) => {
    const orderId = firstOrderId + i;
    const webhookId = randomUUID();
    const body = Buffer.from(JSON.stringify(shopifyOrder({ orderId, ...(createdAt ? { createdAt } : {}) })));
    return {
      webhookId,
      orderId,
      body,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-shop-domain': 'demo-shop.myshopify.com',
        'x-shopify-webhook-id': webhookId,
        'x-shopify-event-id': webhookId,
        'x-shopify-triggered-at': new Date().toISOString(),
        'x-shopify-api-version': '2025-07',
        'x-shopify-hmac-sha256': signBase64BodyHmac(body, secret),
      },
    };
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
}

export function isClearRefusal(status: number, headers: http.IncomingHttpHeaders, body: string): boolean {
  if (status !== 429 && status !== 503) return false;
  if (!/^\d+$/.test(String(headers['retry-after'] ?? ''))) return false;
  if (!String(headers['content-type'] ?? '').startsWith('application/problem+json')) return false;
  try {
    const parsed = JSON.parse(body);
    return parsed.status === status && typeof parsed.title === 'string' && typeof parsed.detail === 'string';
  } catch {
    return false;
  }
}

export interface BurstOptions {
  baseUrl: string;
  /** Sent in this order, spread evenly over `spreadMs` (0: all at once). */
  sends: readonly BurstDelivery[];
  spreadMs: number;
  /** Attempts per send before it is given up (Shopify tries 8 times over 4 hours). */
  maxAttempts?: number;
  /** Caps the wait a Retry-After asks for, so a test does not wait whole seconds per retry. */
  maxRetryDelayMs?: number;
  /** Open connections at most, as a storefront's delivery workers are finitely many. */
  maxSockets?: number;
}

export async function sendBurst(options: BurstOptions): Promise<BurstOutcome> {
  const { baseUrl, sends, spreadMs, maxAttempts = 20, maxRetryDelayMs = 2_000, maxSockets = 256 } = options;
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const outcome: BurstOutcome = { answers: {}, attempts: 0, acknowledged: 0, refused: 0, refusalKinds: {}, unclear: [], abandoned: [], ackLatenciesMs: [], sendWindowMs: 0, elapsedMs: 0 };
  const post = (delivery: BurstDelivery) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: '/webhooks/shopify', method: 'POST', agent, headers: { ...delivery.headers, 'content-length': String(delivery.body.length) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
        },
      );
      req.on('error', (error) => resolve({ status: 0, headers: {}, body: error.message }));
      req.end(delivery.body);
    });
  const started = performance.now();
  const sender = async (delivery: BurstDelivery, at: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + at - performance.now())));
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const sentAt = performance.now();
      const answer = await post(delivery);
      outcome.attempts++;
      outcome.answers[answer.status] = (outcome.answers[answer.status] ?? 0) + 1;
      if (answer.status >= 200 && answer.status < 300) {
        outcome.acknowledged++;
        outcome.ackLatenciesMs.push(performance.now() - sentAt);
        return;
      }
      const clear = isClearRefusal(answer.status, answer.headers, answer.body);
      if (clear) {
        outcome.refused++;
        const { title, detail } = JSON.parse(answer.body) as { title: string; detail: string };
        const kind = `${answer.status} ${title}: ${detail.split(';')[0]!.trim()}`;
        outcome.refusalKinds[kind] = (outcome.refusalKinds[kind] ?? 0) + 1;
      }
      else if (outcome.unclear.length < 50 || answer.status !== outcome.unclear.at(-1)?.status) {
        outcome.unclear.push({ webhookId: delivery.webhookId, status: answer.status, retryAfter: answer.headers['retry-after'] as string | undefined, contentType: answer.headers['content-type'], body: answer.body.slice(0, 300) });
      }
      // As Shopify: come back after the Retry-After asked for (else a second), spread so retries do not arrive in step.
      const asked = clear ? Number(answer.headers['retry-after']) * 1000 : 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.min(asked, maxRetryDelayMs) * (0.5 + Math.random())));
    }
    outcome.abandoned.push(delivery.webhookId);
  };
  await Promise.all(sends.map((delivery, i) => sender(delivery, sends.length > 1 ? (i * spreadMs) / (sends.length - 1) : 0)));
  outcome.sendWindowMs = spreadMs;
  outcome.elapsedMs = performance.now() - started;
  agent.destroy();
  outcome.ackLatenciesMs.sort((a, b) => a - b);
  return outcome;
}

/** The sends of a burst: every delivery once, and every `everyNth` one a second time a little later, as a storefront's retry after a timeout. */
export function withDuplicates(deliveries: readonly BurstDelivery[], everyNth: number): BurstDelivery[] {
  const sends: BurstDelivery[] = [];
  deliveries.forEach((delivery, i) => {
    sends.push(delivery);
    // Right behind the original, so both may be in flight at once.
    if (i % everyNth === 0) sends.push(delivery);
  });
  return sends;
}
