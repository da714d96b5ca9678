import { describe, expect, it } from 'vitest';
import { withShopLinks } from '../../../shared/notifications/shop-links.ts';

const supportEmail = 'help@shop.example';

describe('withShopLinks', () => {
  it('uses the shop’s order page for orderUrl, without the # of the order name', () => {
    const data = withShopLinks({ orderNumber: '#1001' }, { supportEmail, orderPageUrl: 'https://shop.example/account/orders/{orderNumber}', supportUrl: 'https://shop.example/help' });
    expect(data).toMatchObject({ orderUrl: 'https://shop.example/account/orders/1001', extensionUrl: 'https://shop.example/help', shopUrl: 'https://shop.example' });
  });

  it('falls back to a prefilled email to support when the shop has no pages', () => {
    const data = withShopLinks({ orderNumber: '#1001' }, { supportEmail });
    expect(data.orderUrl).toBe('mailto:help@shop.example?subject=My%20order%20(order%20%231001)');
    expect(data.extensionUrl).toBe('mailto:help@shop.example?subject=More%20time%20for%20my%20return%20(order%20%231001)');
  });

  it('never overrides links the flow gave', () => {
    expect(withShopLinks({ orderNumber: '1', orderUrl: 'https://x.example/o/1' }, { supportEmail }).orderUrl).toBe('https://x.example/o/1');
  });
});
