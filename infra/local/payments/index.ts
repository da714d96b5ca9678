// A fake payment provider, mounted on the API server under /_local/payments/<shop>/, speaking the
// contract of shared/adapters/payment-provider.ts the way a real provider behaves:
//   POST refunds                 `Idempotency-Key` header, {orderId, amount, reason}
//                                201 a new refund | 200 the same key again (no second refund)
//                                402 declined (amounts ending in 13 minor units, or the control's
//                                `decline`) | 409 the key was used with other parameters
//   GET  refunds/by-key/<key>    200 the refund under the key | 404
// and the store credit contract of shared/adapters/store-credit-provider.ts (gift cards):
//   POST credits                 `Idempotency-Key` header, {orderId, customer, amount, reason}
//                                201 a new card with its code | 200 the same key again (the same card)
//                                402 declined (the control's `declineCredit`; nothing is recorded)
//                                409 the key was used for another order or amount
//   GET  credits/by-key/<key>    200 the card under the key | 404
// and, for tests and a look by hand:
//   GET  /_local/payments/<shop>           {control, refunds, credits}
//   POST /_local/payments/<shop>/control   {decline?: code|null, pending?: bool, delayMs?: ms, declineCredit?: code|null}
// With `delayMs`, a refund is recorded at once but answered only after the delay: a client that
// gives up first has timed out on a refund that was made, and must find it with a lookup.
// Any bearer token is accepted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { EntityId, Money } from '../../../shared/events/common.ts';
import { IdempotencyKey } from '../../../shared/payments/payment-port.ts';
import { readBody } from '../activity.ts';
import { PaymentsState, type StoredCredit, type StoredRefund } from './state.ts';

export { PaymentsState } from './state.ts';

export const paymentsPrefix = '/_local/payments/';
const SHOP = /^[A-Za-z0-9._-]{1,100}$/;

const RefundBody = z.object({ orderId: EntityId, amount: Money.refine((money) => money.amount > 0, 'must be more than zero'), reason: z.string().min(1).max(500) });
const ControlBody = z.object({
  decline: z.string().min(1).max(100).nullable().optional(),
  pending: z.boolean().optional(),
  delayMs: z.int().min(0).max(60_000).optional(),
  declineCredit: z.string().min(1).max(100).nullable().optional(),
});
const CreditBody = z.object({
  orderId: EntityId,
  customer: z.object({ id: EntityId.optional(), email: z.string().max(320).optional() }),
  amount: Money.refine((money) => money.amount > 0, 'must be more than zero'),
  reason: z.string().min(1).max(500),
});

class InvalidBody extends Error {}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
}

async function parseBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
  } catch {
    throw new InvalidBody('The body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidBody(`${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The provider's view of a refund, as its API answers it. */
const view = (refund: StoredRefund) => ({ id: refund.id, status: refund.status, ...(refund.declineCode ? { declineCode: refund.declineCode } : {}), amount: refund.amount, orderId: refund.orderId, createdAt: refund.createdAt });

const creditView = (credit: StoredCredit) => ({ id: credit.id, status: credit.status, kind: credit.kind, code: credit.code, codeLastCharacters: credit.codeLastCharacters, amount: credit.amount, orderId: credit.orderId, createdAt: credit.createdAt });

/** Waits `ms`, or less when the client hangs up first (it timed out: nobody is listening). */
function hold(res: ServerResponse, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

export class FakePayments {
  readonly state: PaymentsState;

  /** `file`: persistent mode keeps the refunds and credits made (see PaymentsState). */
  constructor(options: { now: () => Date; file?: string }) {
    this.state = new PaymentsState(options.now, options.file);
  }

  /** Answers a request under /_local/payments/; false when the path is not under it. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(paymentsPrefix)) return false;
    const segments = url.pathname.slice(paymentsPrefix.length).split('/').map((segment) => decodeURIComponent(segment));
    const [shop, ...rest] = segments.at(-1) === '' ? segments.slice(0, -1) : segments;
    if (!shop || !SHOP.test(shop)) {
      send(res, 404, { error: 'not_found', message: 'No such payments route' });
      return true;
    }
    try {
      await this.route(req, res, shop, req.method ?? 'GET', rest);
    } catch (error) {
      if (error instanceof InvalidBody) send(res, 400, { error: 'invalid_request', message: error.message });
      else throw error;
    }
    return true;
  }

  private async route(req: IncomingMessage, res: ServerResponse, shop: string, method: string, rest: string[]): Promise<void> {
    const { state } = this;
    const byKey = rest.length === 3 && (rest[0] === 'refunds' || rest[0] === 'credits') && rest[1] === 'by-key';
    const route = `${method} ${byKey ? `${rest[0]}/by-key/:key` : rest.join('/')}`;
    switch (route) {
      case 'GET ':
        return send(res, 200, state.snapshot(shop));
      case 'POST control':
        return send(res, 200, state.setControl(shop, await parseBody(req, ControlBody)));
      case 'GET refunds/by-key/:key': {
        const refund = state.byKey(shop, rest[2]!);
        return refund ? send(res, 200, view(refund)) : send(res, 404, { error: 'not_found', message: `No refund under key ${rest[2]}` });
      }
      case 'POST refunds':
        return this.refund(req, res, shop);
      case 'GET credits/by-key/:key': {
        const credit = state.creditByKey(shop, rest[2]!);
        return credit ? send(res, 200, creditView(credit)) : send(res, 404, { error: 'not_found', message: `No credit under key ${rest[2]}` });
      }
      case 'POST credits':
        return this.credit(req, res, shop);
      default:
        return send(res, 404, { error: 'not_found', message: `No payments route ${method} ${rest.join('/')}` });
    }
  }

  private async credit(req: IncomingMessage, res: ServerResponse, shop: string): Promise<void> {
    const key = IdempotencyKey.safeParse(req.headers['idempotency-key']);
    if (!key.success) return send(res, 400, { error: 'invalid_request', message: 'Idempotency-Key: a key is required on every credit' });
    const answer = this.state.credit(shop, key.data, await parseBody(req, CreditBody));
    await hold(res, this.state.control(shop).delayMs);
    if (answer.kind === 'declined') return send(res, 402, { status: 'declined', declineCode: answer.declineCode });
    if (answer.kind === 'key_reused') return send(res, 409, { error: 'idempotency_key_reused', message: `Key ${key.data} was used for another credit` });
    return send(res, answer.kind === 'created' ? 201 : 200, creditView(answer.credit));
  }

  private async refund(req: IncomingMessage, res: ServerResponse, shop: string): Promise<void> {
    const key = IdempotencyKey.safeParse(req.headers['idempotency-key']);
    if (!key.success) return send(res, 400, { error: 'invalid_request', message: 'Idempotency-Key: a key is required on every refund' });
    const answer = this.state.refund(shop, key.data, await parseBody(req, RefundBody));
    // Recorded first, answered late: a timeout on the client's side does not undo the refund.
    await hold(res, this.state.control(shop).delayMs);
    if (answer.kind === 'key_reused') return send(res, 409, { error: 'idempotency_key_reused', message: `Key ${key.data} was used for another refund` });
    const status = answer.refund.status === 'declined' ? 402 : answer.kind === 'created' ? 201 : 200;
    return send(res, status, view(answer.refund));
  }
}
