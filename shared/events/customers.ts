// Customers: profile and consent changes, as normalised from storefront webhooks.
import * as z from 'zod';
import { ChangedFields, CustomerRef, Money, StorePlatform } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

/** Consent to marketing per channel; transactional messages do not need it. Omitted when unknown. */
export const MarketingConsent = z.object({ email: z.boolean().optional(), sms: z.boolean().optional() });

export const CustomerUpdated = defineEvent({
  source: eventSource.customers,
  detailType: 'CustomerUpdated',
  version: 1,
  description: 'A customer was created or changed on the storefront (contact details, language, marketing consent). Carries the whole profile.',
  detail: {
    platform: StorePlatform,
    customer: CustomerRef.extend({ lastName: z.string().max(100).optional() }),
    marketingConsent: MarketingConsent,
    ordersCount: z.int().nonnegative().optional(),
    totalSpent: Money.optional(),
    tags: z.array(z.string().min(1).max(50)).max(50).optional(),
    created: z.boolean().optional().describe('The customer is new'),
    changes: ChangedFields.describe('Changed fields, e.g. customer.email, marketingConsent.sms'),
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-01T09:31:00Z',
    platform: 'shopify',
    customer: { id: '7012345678901', email: 'ada@example.com', phone: '+15035550123', firstName: 'Ada', lastName: 'Lovelace', locale: 'en-US' },
    marketingConsent: { email: true, sms: false },
    ordersCount: 3,
    totalSpent: { amount: 61200, currency: 'USD' },
    changes: ['marketingConsent.email'],
  },
});
