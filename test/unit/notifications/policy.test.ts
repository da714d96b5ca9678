import { describe, expect, it } from 'vitest';
import { decideDelivery, endOfQuietHours, type DeliveryFacts } from '../../../shared/notifications/policy.ts';

// 14:00 in Paris (CET, UTC+1).
const afternoon = new Date('2031-01-15T13:00:00Z');
const base: DeliveryFacts = {
  now: afternoon,
  category: 'transactional',
  channelPreference: ['email'],
  recipient: { email: 'ada@example.com', phone: '+33612345678' },
  storefrontConsent: {},
  addresses: {},
  marketingSentThisWeek: 0,
  timeZone: 'Europe/Paris',
};
const marketing = (facts: Partial<DeliveryFacts> = {}): DeliveryFacts => ({ ...base, category: 'marketing', storefrontConsent: { email: 'subscribed' }, ...facts });

describe('transactional messages', () => {
  it('go by the preferred channel without consent', () => {
    expect(decideDelivery(base)).toEqual({ action: 'send', channel: 'email', to: 'ada@example.com', fallback: false });
  });

  it('fall back to SMS when the email bounced or complained, or there is no email', () => {
    expect(decideDelivery({ ...base, addresses: { email: { suppressed: 'bounced' } } })).toMatchObject({ action: 'send', channel: 'sms', to: '+33612345678', fallback: true });
    expect(decideDelivery({ ...base, recipient: { phone: '+33612345678' } })).toMatchObject({ action: 'send', channel: 'sms' });
  });

  it('are suppressed with the telling reason when no channel is left', () => {
    expect(decideDelivery({ ...base, addresses: { email: { suppressed: 'complained' }, sms: { stopped: true } } })).toEqual({ action: 'suppress', reason: 'complained', channel: 'email' });
    expect(decideDelivery({ ...base, recipient: {} })).toMatchObject({ action: 'suppress', reason: 'no_reachable_channel' });
  });

  it('wait for notBefore, and ignore quiet hours', () => {
    expect(decideDelivery({ ...base, notBefore: '2031-01-16T08:00:00Z' })).toEqual({ action: 'defer', until: '2031-01-16T08:00:00Z', why: 'not_before' });
    expect(decideDelivery({ ...base, now: new Date('2031-01-15T22:30:00Z') })).toMatchObject({ action: 'send' });
  });
});

describe('marketing messages', () => {
  it('need consent on the channel, from the storefront or our preferences page, and no opt-out', () => {
    expect(decideDelivery(marketing())).toMatchObject({ action: 'send', channel: 'email' });
    expect(decideDelivery(marketing({ storefrontConsent: { email: 'not_subscribed' } }))).toMatchObject({ action: 'suppress', reason: 'no_marketing_consent' });
    expect(decideDelivery(marketing({ storefrontConsent: {}, addresses: { email: { marketing: 'opted_in' } } }))).toMatchObject({ action: 'send' });
    expect(decideDelivery(marketing({ addresses: { email: { marketing: 'opted_out' } } }))).toMatchObject({ action: 'suppress', reason: 'unsubscribed' });
  });

  it('never fall back to a channel the customer did not choose', () => {
    expect(decideDelivery(marketing({ addresses: { email: { suppressed: 'bounced' } }, storefrontConsent: { email: 'subscribed', sms: 'subscribed' } }))).toMatchObject({ action: 'suppress', reason: 'bounced' });
  });

  it('respect SMS STOP even with consent', () => {
    expect(decideDelivery(marketing({ channelPreference: ['sms'], storefrontConsent: { sms: 'subscribed' }, addresses: { sms: { stopped: true } } }))).toMatchObject({ action: 'suppress', reason: 'unsubscribed', channel: 'sms' });
  });

  it('stop at the weekly cap', () => {
    expect(decideDelivery(marketing({ marketingSentThisWeek: 3 }))).toMatchObject({ action: 'suppress', reason: 'frequency_cap' });
    expect(decideDelivery(marketing({ marketingSentThisWeek: 2 }))).toMatchObject({ action: 'send' });
  });

  it('wait out quiet hours in the customer time zone until 08:00 there', () => {
    // 23:30 in Paris.
    expect(decideDelivery(marketing({ now: new Date('2031-01-15T22:30:00Z') }))).toEqual({ action: 'defer', until: '2031-01-16T07:00:00.000Z', why: 'quiet_hours' });
    // 23:30 UTC is 18:30 in New York: not quiet there.
    expect(decideDelivery(marketing({ now: new Date('2031-01-15T23:30:00Z'), timeZone: 'America/New_York' }))).toMatchObject({ action: 'send' });
  });
});

describe('endOfQuietHours', () => {
  it('crosses a daylight-saving change on the wall clock', () => {
    // The night Paris moves to summer time (2031-03-30): 08:00 local is 06:00 UTC.
    expect(endOfQuietHours(new Date('2031-03-29T22:00:00Z'), 'Europe/Paris', { start: 21, end: 8 }).toISOString()).toBe('2031-03-30T06:00:00.000Z');
  });
});
