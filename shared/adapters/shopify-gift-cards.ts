// Store credit as Shopify gift cards (`storeCredit.provider: 'shopify'`; the gift card API needs
// Shopify Plus and the write_gift_cards scope), with the Admin REST API:
//   POST gift_cards.json          {gift_card: {initial_value, note, customer_id?, expires_on?}}
//                                 -> 201 {gift_card: {id, code, last_characters, expires_on}}
//   GET  gift_cards/search.json   ?query=initial_value:<value>, for `lookup`
// Shopify takes no idempotency key on gift cards, so ours rides in the card's `note` ("... [<key>]").
// The search index does not cover `note`, so a lookup searches the cards of the same initial value
// (indexed) and matches the note among them, page by page: that narrows a shop's thousands of cards
// to a few without a store of our own. `issue` looks first, so a replay never creates a second card.
// Shopify shows the full code only in the answer to the creation, so we choose the code ourselves:
// an HMAC of the key under the shop's Admin token. A replay, or a crash after Shopify created the
// card but before the code was stored, derives the same code again, and a card found by lookup whose
// last characters match gets its full code back. Gift cards are in the shop's currency: store credit
// in another currency is refused before anything is created.
import { createHmac } from 'node:crypto';
import { PaymentProviderError } from '../payments/payment-port.ts';
import { lastCharactersOf, StoreCreditNotConfiguredError, type IssuedCredit, type StoreCreditLookup, type StoreCreditPort, type StoreCreditRequest, type StoreCreditResult } from '../payments/store-credit-port.ts';
import { nextPage, shopifyAdmin, shopifyErrors, toDecimal, type ShopifyAdminEndpoint } from './shopify-admin.ts';

export interface GiftCardEndpoint extends ShopifyAdminEndpoint {
  /** Days until a new card expires; never when absent. */
  expiresInDays?: number;
  /** The shop's currency, when known: credit in another currency is declined. */
  currency?: string;
}
export type GiftCardEndpoints = (shopId: string) => Promise<GiftCardEndpoint | undefined> | GiftCardEndpoint | undefined;

interface ShopifyGiftCard {
  id: number | string;
  code?: string;
  last_characters?: string;
  note?: string | null;
  expires_on?: string | null;
}

const noteMarker = (key: string) => `[${key}]`;

/** Shopify's code alphabet without look-alikes (0/O, 1/I/L), 16 characters: about 80 bits. */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** The card's code for `key`: secret as long as the shop's Admin token is, and the same on every replay. */
export function giftCardCodeFor(accessToken: string, key: string): string {
  const digest = createHmac('sha256', accessToken).update(`gift-card-code\u0000${key}`).digest();
  return Array.from(digest.subarray(0, 16), (byte) => codeAlphabet[byte % codeAlphabet.length]).join('');
}
/** Pages of 250 cards searched at most before a lookup gives up (PaymentProviderError: ask again later). */
const maxPages = 20;

export class ShopifyGiftCards implements StoreCreditPort {
  constructor(
    private readonly endpoints: GiftCardEndpoints,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async issue(request: StoreCreditRequest): Promise<StoreCreditResult> {
    const { key, shopId, amount, reason, customer } = request;
    const endpoint = await this.endpoint(shopId);
    if (endpoint.currency && endpoint.currency !== amount.currency) return { status: 'declined', declineCode: 'currency_mismatch' };
    const code = giftCardCodeFor(endpoint.accessToken, key);
    const earlier = await this.findByKey(endpoint, key, toDecimal(amount.amount, amount.currency));
    if (earlier) return credit(earlier, code);

    const expiresOn = endpoint.expiresInDays ? new Date(this.now().getTime() + endpoint.expiresInDays * 86_400_000).toISOString().slice(0, 10) : undefined;
    const giftCard = {
      initial_value: toDecimal(amount.amount, amount.currency),
      code,
      note: `${reason.slice(0, 200)} ${noteMarker(key)}`,
      ...(customer.id && /^\d+$/.test(customer.id) ? { customer_id: Number(customer.id) } : {}),
      ...(expiresOn ? { expires_on: expiresOn } : {}),
    };
    const created = await shopifyAdmin(endpoint, 'POST', 'gift_cards.json', { gift_card: giftCard }, this.fetchImpl, this.timeoutMs);
    if (created.status === 422) return { status: 'declined', declineCode: 'shopify_rejected' };
    const card = (created.json as { gift_card?: ShopifyGiftCard } | undefined)?.gift_card;
    if (![200, 201].includes(created.status) || !card?.id) throw new PaymentProviderError(`Shopify gift_cards answered ${created.status}: ${shopifyErrors(created.json)}`);
    return credit(card, code);
  }

  async lookup({ shopId, key }: { shopId: string; key: string }): Promise<StoreCreditLookup> {
    const endpoint = await this.endpoint(shopId);
    const found = await this.findByKey(endpoint, key);
    return found ? credit(found, giftCardCodeFor(endpoint.accessToken, key)) : { status: 'not_found' };
  }

  private async endpoint(shopId: string): Promise<GiftCardEndpoint> {
    const endpoint = await this.endpoints(shopId);
    if (!endpoint) throw new StoreCreditNotConfiguredError(`Shop ${shopId} has no Shopify Admin access for gift cards`);
    return endpoint;
  }

  /** The card whose note carries `key`, searched among cards of `initialValue` when known. */
  private async findByKey(endpoint: GiftCardEndpoint, key: string, initialValue?: string): Promise<ShopifyGiftCard | undefined> {
    const query = initialValue ? `initial_value:${initialValue}` : '';
    let page: string | undefined = `gift_cards/search.json?limit=250&order=${encodeURIComponent('created_at DESC')}${query ? `&query=${encodeURIComponent(query)}` : ''}`;
    for (let pages = 0; page; pages += 1) {
      if (pages >= maxPages) throw new PaymentProviderError(`Shopify gift card search for key ${key} went past ${maxPages} pages`);
      const answer = await shopifyAdmin(endpoint, 'GET', page, undefined, this.fetchImpl, this.timeoutMs);
      if (answer.status !== 200) throw new PaymentProviderError(`Shopify GET gift_cards/search answered ${answer.status}: ${shopifyErrors(answer.json)}`);
      const cards = (answer.json as { gift_cards?: ShopifyGiftCard[] }).gift_cards ?? [];
      const found = cards.find((card) => card.note?.includes(noteMarker(key)));
      if (found) return found;
      page = nextPage(answer.link);
    }
    return undefined;
  }
}

/**
 * The credit of a card; its full code is Shopify's answer at creation, else the derived one when the
 * card's last characters show it is ours (a card made before codes were derived keeps only those).
 */
function credit(card: ShopifyGiftCard, derivedCode: string): IssuedCredit {
  const last = card.last_characters && /^[A-Za-z0-9]{4}$/.test(card.last_characters) ? card.last_characters : card.code ? lastCharactersOf(card.code) : undefined;
  const code = card.code ?? (last && derivedCode.toLowerCase().endsWith(last.toLowerCase()) ? derivedCode : undefined);
  return {
    status: 'issued',
    creditId: `gc_${card.id}`,
    kind: 'gift_card',
    ...(code ? { code } : {}),
    ...(last ? { codeLastCharacters: last } : {}),
    ...(card.expires_on ? { expiresAt: `${card.expires_on}T23:59:59Z` } : {}),
  };
}
