// Finding shops by the SMS number they send from (inbound SMS name the number, not the shop).
import { describe, expect, it } from 'vitest';
import { demoShops, ShopIndex, type ShopsConfig } from '../../../shared/shops/config.ts';

describe('ShopIndex.bySmsOrigination', () => {
  it('finds every shop sending from a number, however it is spaced', () => {
    const shops = new ShopIndex(demoShops('local-webhook-secret-0123'));
    expect(shops.bySmsOrigination('+15555550100').map((shop) => shop.shopId)).toEqual(['demo-shopify', 'demo-woocommerce', 'demo-generic']);
    expect(shops.bySmsOrigination(' +15555550100 ')).toHaveLength(3);
  });

  it('finds sender ids in any case, and nothing for an unknown number or a shop without SMS', () => {
    const config = demoShops('local-webhook-secret-0123') as ShopsConfig;
    config.shops[0]!.notifications!.smsOriginationIdentity = 'AcmeShop';
    delete config.shops[1]!.notifications!.smsOriginationIdentity;
    delete config.shops[2]!.notifications;
    const shops = new ShopIndex(config);
    expect(shops.bySmsOrigination('ACMESHOP').map((shop) => shop.shopId)).toEqual(['demo-shopify']);
    expect(shops.bySmsOrigination('+15555550100')).toEqual([]);
  });
});
