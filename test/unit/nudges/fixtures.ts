// Small builders for customer states, so each test states only what matters to it.
import type { CustomerOrder, CustomerState, SentNudge } from '../../../shared/nudges/customer-state.ts';
import { CampaignSettings, type CampaignSettingsInput } from '../../../shared/nudges/settings.ts';

export const settingsWith = (input: Omit<CampaignSettingsInput, 'version'> = {}): CampaignSettings => CampaignSettings.parse({ version: 1, ...input });

export function order(id: string, placedAt: string, options: Partial<Omit<CustomerOrder, 'total' | 'refunded'>> & { products?: string[]; total?: number; refunded?: number; currency?: string; tags?: string[] } = {}): CustomerOrder {
  const currency = options.currency ?? 'USD';
  const { products = ['coffee'], total = 5000, refunded = 0, tags = [], ...rest } = options;
  return {
    id,
    placedAt,
    lines: products.map((productId) => ({ productId, tags, quantity: 1, title: productId })),
    ...rest,
    total: { amount: total, currency },
    refunded: { amount: refunded, currency },
  };
}

export function nudge(nudgeId: string, sentAt: string, options: Partial<SentNudge> = {}): SentNudge {
  return { nudgeId, kind: 'replenishment', campaignId: 'replenishment', sentAt, channel: 'email', ...options };
}

export function customer(overrides: Partial<CustomerState> = {}): CustomerState {
  return {
    shopId: 'acme-outdoor',
    customer: { id: 'cus-1', email: 'ada@example.com', phone: '+447700900123', locale: 'en-US', timeZone: 'UTC' },
    orders: [],
    openCases: [],
    surveyScores: [],
    consent: { email: 'subscribed', sms: 'unknown' },
    nudgesSent: [],
    tier: null,
    ...overrides,
  };
}
