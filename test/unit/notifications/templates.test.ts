// Every registered template renders its example in every locale, and follows the tone rules.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '#shared/notifications/render.ts';
import { formatFindings, lintAll, lintBranding, lintTimeZone } from '#shared/notifications/tone-lint.ts';
import { templateLocales } from '#shared/notifications/templates/define.ts';
import { messageTemplates } from '#shared/notifications/templates/index.ts';

const expectedTypes = [
  'claim_options',
  'delay_apology',
  'delay_choice',
  'delay_courtesy',
  'delay_update',
  'exchange_shipped',
  'ops_alert',
  'refund_issued',
  'replacement_on_its_way',
  'replenishment_nudge',
  'return_approved',
  'return_expired',
  'return_inspected',
  'return_item_received',
  'return_label_ready',
  'return_received',
  'return_rejected',
  'return_reminder',
  'store_credit_issued',
  'survey_invite',
  'vip_thank_you',
  'win_back',
];

const links = { unsubscribeUrl: 'https://acme.example/unsubscribe?t=abc', preferencesUrl: 'https://acme.example/preferences?t=abc' };
const broken = /undefined|NaN|\[object Object\]/;

describe('the template registry', () => {
  it('holds exactly the message types the flows send', () => {
    expect(messageTemplates.map((template) => template.messageType).sort()).toEqual(expectedTypes);
  });

  it('follows the tone rules in every locale', () => {
    const findings = lintAll(messageTemplates);
    expect(findings, `tone findings:\n${formatFindings(findings)}`).toEqual([]);
  });
});

for (const template of messageTemplates) {
  describe(template.messageType, () => {
    it.each(templateLocales)('renders its example in %s', (locale) => {
      const shop = { ...lintBranding, supportUrl: 'https://acme.example/help', logoUrl: 'https://acme.example/logo.png' };
      const rendered = renderMessage(template, template.example, { locale, shop, timeZone: lintTimeZone }, links);
      for (const [part, value] of Object.entries(rendered)) {
        expect(value.trim(), `${part} is empty`).not.toBe('');
        expect(value, `${part} has a broken value`).not.toMatch(broken);
      }
      expect(rendered.html).toContain(`<html lang="${locale}"`);
      if (template.category === 'marketing') expect(rendered.text).toContain(links.unsubscribeUrl);
    });
  });
}
