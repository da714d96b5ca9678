// One request to a shop's Shopify Admin REST API (version 2024-10), for the refund and gift card
// adapters: the access token header, a timeout (PaymentTimeoutError: the write may have been made),
// any other failure a PaymentProviderError, and Shopify's decimal strings to and from minor units.
import { PaymentProviderError, PaymentTimeoutError } from '../payments/payment-port.ts';
import { currencyExponent, toMinorUnits } from '../storefronts/money.ts';

export const shopifyAdminApiVersion = '2024-10';

/** Where and how to reach a shop's Admin API; undefined when the shop is not set up for it. */
export interface ShopifyAdminEndpoint {
  /** https://<shop>.myshopify.com, or a fake's origin in tests. */
  origin: string;
  accessToken: string;
}
export type ShopifyAdminEndpoints = (shopId: string) => Promise<ShopifyAdminEndpoint | undefined> | ShopifyAdminEndpoint | undefined;

export interface AdminAnswer {
  status: number;
  json: unknown;
  /** The `Link` header (cursor pagination). */
  link: string | null;
}

const isTimeout = (error: unknown) => ['TimeoutError', 'AbortError'].includes((error as Error).name);

/** Calls `<origin>/admin/api/2024-10/<path>` (or an absolute URL from a `Link` header). */
export async function shopifyAdmin(endpoint: ShopifyAdminEndpoint, method: string, path: string, body: unknown, fetchImpl: typeof fetch, timeoutMs: number): Promise<AdminAnswer> {
  const url = /^https?:\/\//.test(path) ? path : `${endpoint.origin.replace(/\/+$/, '')}/admin/api/${shopifyAdminApiVersion}/${path}`;
  const what = `${method} ${path.replace(/\?.*$/, '')}`;
  const headers: Record<string, string> = { accept: 'application/json', 'x-shopify-access-token': endpoint.accessToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) throw new PaymentTimeoutError(`Shopify ${what} got no answer within ${timeoutMs} ms`);
    throw new PaymentProviderError(`Shopify ${what} failed: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new PaymentProviderError(`Shopify ${what} answered ${response.status} with a body that is not JSON`);
  }
  // Throttled or down: nothing was written, retrying later (with a lookup first) is safe.
  if (response.status === 429 || response.status >= 500 || response.status === 401 || response.status === 403) {
    throw new PaymentProviderError(`Shopify ${what} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, json, link: response.headers.get('link') };
}

/** 2499 USD minor units -> "24.99"; 1500 JPY -> "1500"; 12345 KWD -> "12.345". */
export function toDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(amount).padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Shopify's decimal string in minor units of `currency`; throws PaymentProviderError when it is not one. */
export function fromDecimal(value: unknown, currency: string): number {
  const parsed = typeof value === 'string' || typeof value === 'number' ? toMinorUnits(value, currency) : undefined;
  if (!parsed?.ok) throw new PaymentProviderError(`Shopify answered an amount that is not a decimal: ${String(value).slice(0, 40)}`);
  return parsed.amount;
}

/** The URL of the `rel="next"` page in a `Link` header. */
export function nextPage(link: string | null): string | undefined {
  return link?.split(',').map((part) => /<([^>]+)>;\s*rel="next"/.exec(part)?.[1]).find(Boolean);
}

/** Shopify's errors body (`{errors: ...}`) as one line. */
export function shopifyErrors(json: unknown): string {
  const errors = (json as { errors?: unknown } | undefined)?.errors;
  return (typeof errors === 'string' ? errors : JSON.stringify(errors ?? json ?? '')).slice(0, 300);
}
