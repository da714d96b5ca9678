import { describe, expect, it } from 'vitest';
import { reasonText, trackingStatusText, type TrackingState } from '../../../shared/delays/wording.ts';
import { DelayReason } from '../../../shared/events/delays.ts';
import { templateLocales } from '../../../shared/notifications/templates/define.ts';
import { findTemplate } from '../../../shared/notifications/templates/index.ts';
import { formatFindings, lintTemplate } from '../../../shared/notifications/tone-lint.ts';

const states: TrackingState[] = ['preparing', 'shipped', 'label_created', 'in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered', 'failure', 'delivery_attempted', 'returned_to_sender', 'customs_hold', 'lost'];

describe('delay wording', () => {
  it('reads the customs hold as the issue asks', () => {
    expect(reasonText('customs_hold', 'en')).toBe('your parcel is clearing customs in your country');
    expect(reasonText('tracking_stalled', 'en', 1)).toBe('the carrier has had no news of your parcel for a day');
    expect(reasonText('tracking_stalled', 'de', 6)).toBe('der Versanddienstleister hat seit 6 Tagen keine Neuigkeiten zu deinem Paket');
    expect(trackingStatusText('customs_hold', 'fr', 'Europe/Paris', '2024-05-20T10:00:00Z')).toBe('Retenu en douane, dernière mise à jour le 20 mai 2024');
    expect(trackingStatusText('preparing', 'en', 'Europe/Paris')).toBe('Being prepared for shipping');
  });

  it('passes the tone rules in every delay template, for every reason and status, in every locale', () => {
    const base = { firstName: 'Ada', orderNumber: '#1001', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' };
    // Each reason with one status, each status with one reason: the texts are independent.
    const pairs = [...DelayReason.options.map((reason) => [reason, 'in_transit'] as const), ...states.map((state) => ['tracking_stalled', state] as const)];
    for (const locale of templateLocales) {
      for (const [reason, state] of pairs) {
        const words = { reasonText: reasonText(reason, locale, 12), trackingStatus: trackingStatusText(state, locale, 'Europe/Paris', '2024-05-20T10:00:00Z') };
        const examples: Record<string, Record<string, unknown>> = {
          delay_apology: { ...base, ...words, newExpectedDate: '2024-05-24' },
          delay_update: { ...base, ...words, previousExpectedDate: '2024-05-24', newExpectedDate: '2024-05-28' },
          delay_choice: { ...base, ...words, orderDate: '2024-04-29', refundAmount: { amount: 8900, currency: 'EUR' }, refundUrl: 'https://acme.example/d/k7Qm2/refund', reshipUrl: 'https://acme.example/d/k7Qm2/reship', recommended: 'reship' },
        };
        for (const [messageType, example] of Object.entries(examples)) {
          const template = findTemplate(messageType)!;
          template.variables.parse(example);
          const findings = lintTemplate({ ...template, example }).filter((finding) => finding.locale === locale);
          expect(formatFindings(findings), `${messageType} ${reason} ${state}`).toBe('');
        }
      }
    }
  });
});
