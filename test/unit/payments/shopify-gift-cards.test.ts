// The Shopify gift card adapter against a fake Admin API on a local port: a card created once with
// the key in its note and a code derived from the key, found again by searching cards of the same
// value (page by page) with the same code, declines and timeouts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { giftCardCodeFor, ShopifyGiftCards } from '../../../shared/adapters/shopify-gift-cards.ts';
import { PaymentTimeoutError } from '../../../shared/payments/payment-port.ts';
import { issueCreditOnce, StoreCreditNotConfiguredError, type StoreCreditRequest } from '../../../shared/payments/store-credit-port.ts';
import { fakeServer, type FakeServer } from './fake-server.ts';

const request: StoreCreditRequest = { key: 'rf_dec_7', shopId: 'acme', orderId: '450789469', customer: { id: '207119551', email: 'ada@example.com' }, amount: { amount: 5500, currency: 'USD' }, reason: 'Store credit for order #1001' };

let server: FakeServer;
beforeAll(async () => (server = await fakeServer()));
afterAll(() => server.close());
beforeEach(() => void server.requests.splice(0));

/** A shop's gift cards, with `others` cards already there (to page through), and a search by initial value. */
function giftCards(options: { others?: number; hangOnCreate?: boolean; createStatus?: number } = {}) {
  const cards: any[] = Array.from({ length: options.others ?? 0 }, (_, n) => ({ id: n + 1, note: `Manual card ${n}`, initial_value: '55.00', last_characters: 'aaaa' }));
  server.handle((req) => {
    const url = new URL(req.path, server.url);
    if (req.method === 'GET' && url.pathname === '/admin/api/2024-10/gift_cards/search.json') {
      const value = /initial_value:(\S+)/.exec(url.searchParams.get('query') ?? '')?.[1];
      const matching = cards.filter((card) => !value || card.initial_value === value).reverse();
      const page = Number(url.searchParams.get('page_info') ?? '0');
      const next = (page + 1) * 250 < matching.length ? `<${server.url}${url.pathname}?limit=250&page_info=${page + 1}>; rel="next"` : undefined;
      return { status: 200, body: { gift_cards: matching.slice(page * 250, (page + 1) * 250).map(({ code: _code, ...card }) => card) }, ...(next ? { headers: { link: next } } : {}) };
    }
    if (req.method === 'POST' && url.pathname === '/admin/api/2024-10/gift_cards.json') {
      if (options.createStatus) return { status: options.createStatus, body: { errors: { base: ['Gift cards are not enabled'] } } };
      const code: string = req.body.gift_card.code ?? `GC${cards.length}XYZ9QR7T`;
      const card = { id: 1_000_000 + cards.length, ...req.body.gift_card, code, last_characters: code.slice(-4).toLowerCase() };
      cards.push(card);
      return options.hangOnCreate ? 'hang' : { status: 201, body: { gift_card: card } };
    }
    return { status: 404, body: { errors: 'Not Found' } };
  });
  return cards;
}

const ourCode = giftCardCodeFor('shpat_test', request.key);
const adapter = (timeoutMs = 2_000, expiresInDays?: number) =>
  new ShopifyGiftCards(() => ({ origin: server.url, accessToken: 'shpat_test', ...(expiresInDays ? { expiresInDays } : {}) }), fetch, timeoutMs, () => new Date('2024-06-01T12:00:00Z'));

describe('ShopifyGiftCards', () => {
  it('creates a gift card with the key in its note and a code derived from the key', async () => {
    const cards = giftCards();
    const issued = await adapter(2_000, 365).issue(request);
    expect(ourCode).toMatch(/^[2-9A-HJKMNP-Z]{16}$/);
    expect(issued).toEqual({ status: 'issued', creditId: `gc_${cards[0].id}`, kind: 'gift_card', code: ourCode, codeLastCharacters: ourCode.slice(-4).toLowerCase(), expiresAt: '2025-06-01T23:59:59Z' });
    const created = server.requests.find((r) => r.method === 'POST')!;
    expect(created.headers['x-shopify-access-token']).toBe('shpat_test');
    expect(created.body.gift_card).toEqual({ initial_value: '55.00', code: ourCode, note: 'Store credit for order #1001 [rf_dec_7]', customer_id: 207119551, expires_on: '2025-06-01' });
  });

  it('answers a replay with the same card and code, found by searching cards of that value (a lost answer loses no code)', async () => {
    const cards = giftCards({ others: 600 });
    const first = await adapter().issue(request);
    const again = await adapter().issue(request);
    expect(cards.filter((card) => card.note.includes('[rf_dec_7]'))).toHaveLength(1);
    expect(again).toEqual(first);
    expect(giftCardCodeFor('shpat_other', request.key)).not.toBe(ourCode);
    expect(await adapter().lookup({ shopId: 'acme', key: 'rf_dec_7' })).toMatchObject({ status: 'issued', creditId: first.status === 'issued' ? first.creditId : '' });
  });

  it('pages through the search to find an older card, and reads an unknown key as not found', async () => {
    const cards = giftCards({ others: 10 });
    await adapter().issue(request);
    for (let n = 0; n < 600; n += 1) cards.push({ id: 5_000_000 + n, note: 'later', initial_value: '55.00', last_characters: 'bbbb' });
    expect(await adapter().lookup({ shopId: 'acme', key: 'rf_dec_7' })).toMatchObject({ status: 'issued', code: ourCode });
    expect(server.requests.filter((r) => r.path.includes('page_info')).length).toBeGreaterThan(0);
    expect(await adapter().lookup({ shopId: 'acme', key: 'rf_dec_8' })).toEqual({ status: 'not_found' });
  });

  it('declines what Shopify rejects and credit in another currency than the shop', async () => {
    giftCards({ createStatus: 422 });
    expect(await adapter().issue(request)).toEqual({ status: 'declined', declineCode: 'shopify_rejected' });
    const euro = new ShopifyGiftCards(() => ({ origin: server.url, accessToken: 't', currency: 'EUR' }));
    expect(await euro.issue(request)).toEqual({ status: 'declined', declineCode: 'currency_mismatch' });
  });

  it('times out as PaymentTimeoutError, and issueCreditOnce finds the card made meanwhile', async () => {
    const cards = giftCards({ hangOnCreate: true });
    await expect(adapter(300).issue(request)).rejects.toBeInstanceOf(PaymentTimeoutError);
    cards.splice(0);
    expect(await issueCreditOnce(adapter(300), request)).toMatchObject({ status: 'issued', code: ourCode });
    expect(cards).toHaveLength(1);
  });

  it('throws StoreCreditNotConfiguredError without Admin access', async () => {
    await expect(new ShopifyGiftCards(() => undefined).issue(request)).rejects.toBeInstanceOf(StoreCreditNotConfiguredError);
  });
});
