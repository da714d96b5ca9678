import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { emailHeaders, renderMessage, TemplateVariablesError } from '#shared/notifications/render.ts';
import { smsOptOut } from '#shared/notifications/sms.ts';
import { defineTemplate, formatMoney, type ContentFunction, type RenderContext } from '#shared/notifications/templates/define.ts';

const variables = z.object({ firstName: z.string(), orderNumber: z.string(), refund: z.object({ amount: z.number().int(), currency: z.string() }) });
type Vars = z.output<typeof variables>;

// The same words in every locale except a marker, so a test can tell which locale rendered.
const content =
  (marker: string): ContentFunction<Vars> =>
  (vars, context) => ({
    subject: `${marker} Order ${vars.orderNumber}`,
    preheader: `Preheader ${vars.orderNumber}`,
    greeting: `Hi ${vars.firstName},`,
    opening: `Thank you for order ${vars.orderNumber}.`,
    evidence: [`Refund: ${formatMoney(vars.refund, context.locale)}`],
    body: ['Line one\nline two'],
    options: [
      { label: 'Keep waiting', url: 'https://acme.example/wait', description: 'We ship it next week.' },
      { label: 'Cancel', url: 'javascript:alert(1)' },
    ],
    action: { label: 'Track it', url: 'https://acme.example/track?o=1&x="2"' },
    closing: `Questions? Write to ${context.shop.supportEmail}.`,
    signature: `The ${context.shop.shopName} team`,
    sms: `Order ${vars.orderNumber} update.`,
  });

const spec = {
  messageType: 'test_message',
  kind: 'update' as const,
  category: 'transactional' as const,
  sentBy: 'tests',
  description: 'A message for the renderer tests.',
  offersChoice: true,
  variables,
  example: { firstName: 'Ada', orderNumber: '#1001', refund: { amount: 1250, currency: 'EUR' } },
  content: { en: content('EN'), 'zh-CN': content('ZH'), es: content('ES'), fr: content('FR'), de: content('DE') },
};
const transactional = defineTemplate(spec);
/** Options that are not choices (a rating scale): nothing is recommended. */
const scale = defineTemplate({ ...spec, messageType: 'test_scale', offersChoice: false });
const marketing = defineTemplate({ ...spec, messageType: 'test_marketing', kind: 'marketing', category: 'marketing' });

const context = (locale: RenderContext['locale'] = 'en', shop: Partial<RenderContext['shop']> = {}): RenderContext => ({
  locale,
  timeZone: 'Europe/Paris',
  shop: { shopName: 'Acme <Outdoor>', supportEmail: 'help@acme.example', ...shop },
});
const links = { unsubscribeUrl: 'https://acme.example/unsub?t=abc', preferencesUrl: 'https://acme.example/prefs?t=abc' };

describe('renderMessage', () => {
  it('escapes every text value in the HTML', () => {
    const { html, subject, text } = renderMessage(transactional, { ...spec.example, firstName: '<script>alert("x")</script>' }, context());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    expect(html).toContain('Acme &lt;Outdoor&gt;');
    expect(html).toContain('href="https://acme.example/track?o=1&amp;x=%222%22"');
    // Plain text is not HTML: it keeps the words as written.
    expect(text).toContain('Hi <script>alert("x")</script>,');
    expect(subject).toBe('EN Order #1001');
  });

  it('lays out a complete responsive email: lang, preheader, accent, evidence, options, action', () => {
    const { html } = renderMessage(transactional, spec.example, context('en', { accentColor: '#ff0000', logoUrl: 'https://cdn.example/logo.png' }));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en"/);
    expect(html).toContain('max-width:600px');
    expect(html).toContain('Preheader #1001');
    expect(html).toContain('border-top:4px solid #ff0000');
    expect(html).toContain('<img src="https://cdn.example/logo.png" alt="Acme &lt;Outdoor&gt;"');
    expect(html).toContain('>Refund: €12.50<');
    expect(html).toContain('Line one<br>line two');
    expect(html).toContain('Recommended');
    // A link that is not http(s) is dropped; its label stays.
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<strong>Cancel</strong>');
    expect(html).toContain('>Track it</a>');
    expect(html).not.toContain('Unsubscribe');
  });

  it('falls back to the default accent when the shop colour is not #RRGGBB', () => {
    const { html } = renderMessage(transactional, spec.example, context('en', { accentColor: 'red;background:url(x)' }));
    expect(html).toContain('#1f6feb');
    expect(html).not.toContain('url(x)');
  });

  it('writes links in the text part as "Label: URL"', () => {
    const { text } = renderMessage(transactional, spec.example, context());
    expect(text).toContain('1. Keep waiting (Recommended): https://acme.example/wait\n   We ship it next week.');
    expect(text).toContain('2. Cancel\n');
    expect(text).toContain('Track it: https://acme.example/track?o=1&x=%222%22');
    expect(text).toContain('- Refund: €12.50');
    expect(text).not.toContain('Unsubscribe');
  });

  it('adds the unsubscribe and preferences links to marketing email, in the locale', () => {
    const de = renderMessage(marketing, spec.example, context('de'), links);
    expect(de.subject).toBe('DE Order #1001');
    expect(de.html).toContain('<html lang="de"');
    expect(de.html).toContain('href="https://acme.example/unsub?t=abc"');
    expect(de.html).toContain('>Abbestellen</a>');
    expect(de.html).toContain('>E-Mail-Einstellungen</a>');
    expect(de.html).toContain('Empfohlen');
    expect(de.text).toContain('Abbestellen: https://acme.example/unsub?t=abc');
    expect(de.text).toContain('E-Mail-Einstellungen: https://acme.example/prefs?t=abc');
    expect(de.sms).toBe(`Acme <Outdoor>: Order #1001 update. ${smsOptOut.de}`);
    const zh = renderMessage(marketing, spec.example, context('zh-CN'), links);
    expect(zh.html).toContain('<html lang="zh-CN"');
    expect(zh.html).toContain('>退订</a>');
    expect(zh.text).toContain('1. Keep waiting (推荐)');
  });

  it('refuses a marketing email without an unsubscribe link, but not a marketing SMS', () => {
    expect(() => renderMessage(marketing, spec.example, context())).toThrow(TemplateVariablesError);
    expect(() => renderMessage(marketing, spec.example, context(), { unsubscribeUrl: 'mailto:x@y' })).toThrow(/unsubscribeUrl/);
    expect(renderMessage(marketing, spec.example, context(), { channel: 'sms' }).sms).toContain('Reply STOP to opt out.');
  });

  it('names each missing or invalid variable path', () => {
    const error = (raw: unknown) => {
      try {
        renderMessage(transactional, raw, context());
      } catch (caught) {
        return caught as TemplateVariablesError;
      }
      throw new Error('expected a TemplateVariablesError');
    };
    const missing = error({ firstName: 'Ada', refund: { amount: 1.5, currency: 'EUR' } });
    expect(missing).toBeInstanceOf(TemplateVariablesError);
    expect(missing.message).toContain('test_message: variables.orderNumber is required');
    expect(missing.message).toMatch(/test_message: variables\.refund\.amount: .+/);
    expect(missing.problems).toHaveLength(2);
    expect(error(undefined).message).toContain('test_message: variables is required');
    expect(error({ ...spec.example, refund: undefined }).message).toBe('test_message: variables.refund is required');
  });
});

describe('emailHeaders', () => {
  it('asks for one-click unsubscribe (RFC 8058) on marketing email only', () => {
    expect(emailHeaders(marketing, links)).toEqual([
      { name: 'List-Unsubscribe', value: '<https://acme.example/unsub?t=abc>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
    expect(emailHeaders(transactional, links)).toEqual([]);
    expect(emailHeaders(marketing, {})).toEqual([]);
    expect(emailHeaders(marketing, { unsubscribeUrl: 'javascript:x' })).toEqual([]);
  });
});

describe('options that are not choices', () => {
  it('recommends none of them', () => {
    const rendered = renderMessage(scale, scale.example, context());
    expect(rendered.html).not.toContain('Recommended');
    expect(rendered.text).not.toContain('(Recommended)');
  });
});
