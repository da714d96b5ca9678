// The store credit port over HTTP, against a shop's credit service (`storeCredit.apiUrl` with
// `provider: 'http'`), in the manner of payment-provider.ts. The JSON contract, paths relative to apiUrl:
//   POST credits                 header `Idempotency-Key: <key>`, body {orderId, customer, amount, reason}
//                                -> 200/201 {id, status: 'issued', kind?, code?, codeLastCharacters?, expiresAt?}
//                                 | 402 {status: 'declined', declineCode}
//                                 | 409 the key was used with other parameters
//   GET  credits/by-key/<key>    -> 200 the credit issued under the key | 404 never recorded
// The same key always answers the first credit. `kind` is gift_card by default. With `apiKey`,
// requests carry `authorization: Bearer <apiKey>`. No answer within the timeout is a
// PaymentTimeoutError (look the key up); any other failure a PaymentProviderError.
import * as z from 'zod';
import { EntityId, IsoDateTime } from '../events/common.ts';
import { PaymentProviderError, PaymentTimeoutError } from '../payments/payment-port.ts';
import { CodeLastCharacters, lastCharactersOf, StoreCreditNotConfiguredError, type StoreCreditLookup, type StoreCreditPort, type StoreCreditRequest, type StoreCreditResult } from '../payments/store-credit-port.ts';

export interface CreditServiceEndpoint {
  apiUrl: string;
  apiKey?: string;
}
/** The credit service of a shop, or undefined when it has none. */
export type CreditEndpoints = (shopId: string) => Promise<CreditServiceEndpoint | undefined> | CreditServiceEndpoint | undefined;

const ProviderCredit = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('issued'),
    id: EntityId,
    kind: z.enum(['gift_card', 'account_credit']).default('gift_card'),
    code: z.string().min(4).max(100).optional(),
    codeLastCharacters: CodeLastCharacters.optional(),
    expiresAt: IsoDateTime.optional(),
  }),
  z.object({ status: z.literal('declined'), declineCode: z.string().min(1).max(100).default('declined') }),
]);

const isTimeout = (error: unknown) => ['TimeoutError', 'AbortError'].includes((error as Error).name);

export class HttpStoreCreditProvider implements StoreCreditPort {
  constructor(
    private readonly endpoints: CreditEndpoints,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async issue(request: StoreCreditRequest): Promise<StoreCreditResult> {
    const { key, shopId, orderId, customer, amount, reason } = request;
    const { response, text } = await this.exchange(shopId, 'POST', 'credits', { orderId, customer, amount, reason }, key);
    if (response.status === 409) throw new PaymentProviderError(`POST credits: key ${key} was already used with other parameters`);
    if (![200, 201, 402].includes(response.status)) throw new PaymentProviderError(`POST credits answered ${response.status}: ${text.slice(0, 200)}`);
    return toResult(text, 'POST credits', response.status);
  }

  async lookup({ shopId, key }: { shopId: string; key: string }): Promise<StoreCreditLookup> {
    const { response, text } = await this.exchange(shopId, 'GET', `credits/by-key/${encodeURIComponent(key)}`);
    if (response.status === 404) return { status: 'not_found' };
    if (response.status !== 200) throw new PaymentProviderError(`GET credits/by-key answered ${response.status}: ${text.slice(0, 200)}`);
    return toResult(text, 'GET credits/by-key', response.status);
  }

  private async exchange(shopId: string, method: string, path: string, body?: unknown, key?: string): Promise<{ response: Response; text: string }> {
    const endpoint = await this.endpoints(shopId);
    if (!endpoint) throw new StoreCreditNotConfiguredError(`Shop ${shopId} has no store credit provider configured`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotency-key'] = key;
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    try {
      const response = await this.fetchImpl(`${endpoint.apiUrl.replace(/\/+$/, '')}/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
      return { response, text: await response.text() };
    } catch (error) {
      if (isTimeout(error)) throw new PaymentTimeoutError(`${method} ${path.split('/')[0]} got no answer within ${this.timeoutMs} ms`);
      throw new PaymentProviderError(`${method} ${path.split('/')[0]} failed: ${(error as Error).message}`);
    }
  }
}

function toResult(text: string, what: string, status: number): StoreCreditResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PaymentProviderError(`${what} answered ${status} with a body that is not JSON`);
  }
  const parsed = ProviderCredit.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PaymentProviderError(`${what} answered an invalid body at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const credit = parsed.data;
  if (credit.status === 'declined') return credit;
  const last = credit.codeLastCharacters ?? (credit.code ? lastCharactersOf(credit.code) : undefined);
  return {
    status: 'issued',
    creditId: credit.id,
    kind: credit.kind,
    ...(credit.code ? { code: credit.code } : {}),
    ...(last ? { codeLastCharacters: last } : {}),
    ...(credit.expiresAt ? { expiresAt: credit.expiresAt } : {}),
  };
}
