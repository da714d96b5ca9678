// The storefront discount port over HTTP, against each shop's discount service (`discounts.apiUrl`
// in the shop configuration). The JSON contract, paths relative to apiUrl:
//   POST   discounts   {key, value, expiresAt, usageLimit, codePrefix?, customerEmail?, reason}
//                      -> 201 {discountId, code} created | 200 {discountId, code} already created under key
// With `apiKey`, requests carry `authorization: Bearer <apiKey>`. Any other answer is an error the
// caller retries (StorefrontDiscountError): the key makes the retry safe.
import type { ShopDiscounts } from '../shops/config.ts';
import { DiscountCode, DiscountRequest, DiscountsNotConfiguredError, StorefrontDiscountError, type StorefrontDiscountPort } from '../storefronts/discount-port.ts';

/** The discount service of a shop, or undefined when it has none. */
export type DiscountEndpoints = (shopId: string) => Promise<ShopDiscounts | undefined> | ShopDiscounts | undefined;

export class HttpStorefrontDiscounts implements StorefrontDiscountPort {
  constructor(
    private readonly endpoints: DiscountEndpoints,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async createDiscount(shopId: string, request: DiscountRequest): Promise<DiscountCode> {
    const endpoint = await this.endpoints(shopId);
    if (!endpoint) throw new DiscountsNotConfiguredError(`Shop ${shopId} has no discount service configured`);
    const body = DiscountRequest.parse(request);
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    let response: Response;
    try {
      response = await this.fetchImpl(`${endpoint.apiUrl.replace(/\/+$/, '')}/discounts`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new StorefrontDiscountError(`POST discounts failed: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (response.status !== 200 && response.status !== 201) throw new StorefrontDiscountError(`POST discounts answered ${response.status}: ${text.slice(0, 200)}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StorefrontDiscountError(`POST discounts answered ${response.status} with a body that is not JSON`);
    }
    const parsed = DiscountCode.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new StorefrontDiscountError(`POST discounts answered an invalid body at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return parsed.data;
  }
}
