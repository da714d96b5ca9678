import { describe, expect, it } from 'vitest';
import { InvalidPrivacyRequestError, privacyRequestOf, requestWithoutPersonalData } from '../../../shared/privacy/requests.ts';

describe('Shopify privacy requests', () => {
  it('reads a customer redaction with numeric ids, for the shop that signed it', () => {
    const request = privacyRequestOf('customers/redact', { shop_id: 1, shop_domain: 'other.myshopify.com', customer: { id: 7001, email: 'ada@example.com', phone: '+15035550123' }, orders_to_redact: [5001, 5001, 5002] }, 'acme');
    expect(request).toEqual({ kind: 'customer_redact', shopId: 'acme', customer: { customerId: '7001', emails: ['ada@example.com'], phones: ['+15035550123'], orderIds: ['5001', '5002'] } });
    expect(JSON.stringify(requestWithoutPersonalData(request))).not.toMatch(/ada|5550123/);
  });

  it('reads a data request and a shop redaction', () => {
    expect(privacyRequestOf('customers/data_request', { customer: { id: '7001', email: null, phone: null }, orders_requested: [5001], data_request: { id: 99 } }, 'acme')).toMatchObject({ kind: 'data_request', dataRequestId: '99', customer: { emails: [], phones: [], orderIds: ['5001'] } });
    expect(privacyRequestOf('shop/redact', { shop_id: 1, shop_domain: 'acme.myshopify.com' }, 'acme')).toEqual({ kind: 'shop_redact', shopId: 'acme' });
  });

  it('refuses a request without a customer id, naming the field', () => {
    expect(() => privacyRequestOf('customers/redact', { customer: { email: 'ada@example.com' } }, 'acme')).toThrow(InvalidPrivacyRequestError);
    expect(() => privacyRequestOf('customers/redact', { customer: { email: 'ada@example.com' } }, 'acme')).toThrow(/customer\.id/);
  });
});
