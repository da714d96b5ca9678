import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatFindings, lintAll, lintTemplate, sentences, shouting, type ToneRule } from '#shared/notifications/tone-lint.ts';
import { defineTemplate, formatDate, templateLocales, type ContentFunction, type MessageContent, type TemplateLocale } from '#shared/notifications/templates/define.ts';

const variables = z.object({ orderNumber: z.string(), newDate: z.string(), waitUrl: z.url(), cancelUrl: z.url() });
type Vars = z.output<typeof variables>;
const example = { orderNumber: '#1042', newDate: '2024-06-03', waitUrl: 'https://acme.example/wait', cancelUrl: 'https://acme.example/cancel' };

// A delay message written to every rule, in every locale.
const good: Record<TemplateLocale, ContentFunction<Vars>> = {
  en: (v, c) => ({
    subject: `Your order ${v.orderNumber} is delayed`,
    preheader: 'Choose what suits you best.',
    greeting: 'Hello,',
    opening: `Thank you for your patience. We are sorry: order ${v.orderNumber} is running late.`,
    evidence: [`New delivery date: ${formatDate(v.newDate, c)}.`],
    options: [
      { label: 'Keep my order', url: v.waitUrl, description: 'It ships as soon as it arrives.' },
      { label: 'Cancel for a full refund', url: v.cancelUrl },
    ],
    closing: `Questions? Write to ${c.shop.supportEmail} and a person answers.`,
    signature: `The ${c.shop.shopName} team`,
    sms: `Order ${v.orderNumber} is delayed to ${formatDate(v.newDate, c)}. Sorry! Choose: ${v.waitUrl}`,
  }),
  'zh-CN': (v, c) => ({
    subject: `您的订单 ${v.orderNumber} 延迟了`,
    preheader: '请选择最适合您的方式。',
    greeting: '您好，',
    opening: `感谢您的耐心等待。很抱歉，订单 ${v.orderNumber} 将延迟送达。`,
    evidence: [`新的送达日期：${formatDate(v.newDate, c)}。`],
    options: [
      { label: '继续等待', url: v.waitUrl },
      { label: '取消并全额退款', url: v.cancelUrl },
    ],
    closing: `如有疑问，请写信至 ${c.shop.supportEmail}，会有专人回复。`,
    signature: `${c.shop.shopName} 团队`,
    sms: `订单 ${v.orderNumber} 延迟至 ${formatDate(v.newDate, c)}。很抱歉！请选择：${v.waitUrl}`,
  }),
  es: (v, c) => ({
    subject: `Tu pedido ${v.orderNumber} se retrasa`,
    preheader: 'Elige lo que prefieras.',
    greeting: 'Hola:',
    opening: `¡Gracias por tu paciencia! Lo sentimos: el pedido ${v.orderNumber} llega tarde.`,
    evidence: [`Nueva fecha de entrega: ${formatDate(v.newDate, c)}.`],
    options: [
      { label: 'Esperar mi pedido', url: v.waitUrl },
      { label: 'Cancelar con reembolso completo', url: v.cancelUrl },
    ],
    closing: `¿Dudas? Escribe a ${c.shop.supportEmail} y te responde una persona.`,
    signature: `El equipo de ${c.shop.shopName}`,
    sms: `Pedido ${v.orderNumber} retrasado al ${formatDate(v.newDate, c)}. Lo sentimos. Elige: ${v.waitUrl}`,
  }),
  fr: (v, c) => ({
    subject: `Votre commande ${v.orderNumber} est retardée`,
    preheader: 'Choisissez ce qui vous convient.',
    greeting: 'Bonjour,',
    opening: `Merci pour votre patience. Nous sommes désolés : la commande ${v.orderNumber} a du retard.`,
    evidence: [`Nouvelle date de livraison : ${formatDate(v.newDate, c)}.`],
    options: [
      { label: 'Garder ma commande', url: v.waitUrl },
      { label: 'Annuler et être remboursé', url: v.cancelUrl },
    ],
    closing: `Une question ? Écrivez à ${c.shop.supportEmail}, une personne vous répond.`,
    signature: `L'équipe ${c.shop.shopName}`,
    sms: `Commande ${v.orderNumber} retardée au ${formatDate(v.newDate, c)}. Désolés ! Choisissez : ${v.waitUrl}`,
  }),
  de: (v, c) => ({
    subject: `Ihre Bestellung ${v.orderNumber} verspätet sich`,
    preheader: 'Wählen Sie, was Ihnen passt.',
    greeting: 'Hallo,',
    opening: `Danke für Ihre Geduld. Es tut uns leid: Bestellung ${v.orderNumber} kommt später.`,
    evidence: [`Neues Lieferdatum: ${formatDate(v.newDate, c)}.`],
    options: [
      { label: 'Bestellung behalten', url: v.waitUrl },
      { label: 'Stornieren mit voller Erstattung', url: v.cancelUrl },
    ],
    closing: `Fragen? Schreiben Sie an ${c.shop.supportEmail}, ein Mensch antwortet.`,
    signature: `Ihr ${c.shop.shopName}-Team`,
    sms: `Bestellung ${v.orderNumber} kommt am ${formatDate(v.newDate, c)}. Entschuldigung! Wählen Sie: ${v.waitUrl}`,
  }),
};
const spec = {
  messageType: 'test_delay',
  kind: 'problem' as const,
  category: 'transactional' as const,
  sentBy: 'tests',
  description: 'A delay with a choice.',
  offersChoice: true,
  variables,
  example,
  content: good,
};

// Breaks every rule: no thanks, no apology, blame, a solution without evidence, one option for a
// choice, no support email, shouting, a long sentence, a long SMS and a long subject.
const bad: ContentFunction<Vars> = (v): MessageContent => ({
  subject: `Order ${v.orderNumber}: about the delivery date of your recent order and what we can do for you now`,
  preheader: 'Read this.',
  greeting: 'Hello,',
  opening: 'Your order is late because you didn’t pick express shipping.',
  body: [`This is a very long sentence that keeps going with many words about ${v.orderNumber} and the warehouse and the carrier and the weather and more words.`],
  options: [{ label: 'Wait', url: v.waitUrl }],
  action: { label: 'CANCEL NOW', url: v.cancelUrl },
  closing: 'Regards.',
  signature: 'Acme',
  sms: 'word '.repeat(70),
});

describe('lintTemplate', () => {
  it('finds nothing in a template written to the rules, in any locale', () => {
    const findings = lintTemplate(defineTemplate(spec));
    expect(findings, formatFindings(findings)).toEqual([]);
  });

  it('reports each broken rule, with the offending text', () => {
    const template = defineTemplate({ ...spec, messageType: 'test_bad', content: { en: bad, 'zh-CN': bad, es: bad, fr: bad, de: bad } });
    const findings = lintTemplate(template).filter((finding) => finding.locale === 'en');
    const rules = new Set(findings.map((finding) => finding.rule));
    const expected: ToneRule[] = ['thanks-first', 'apologise', 'no-blame', 'evidence-first', 'choice', 'reach-a-person', 'no-shouting', 'short-sentences', 'sms-length', 'subject-length'];
    expect([...rules].sort()).toEqual([...expected].sort());
    expect(findings.find((finding) => finding.rule === 'no-blame')!.message).toContain('didn’t pick express');
    expect(findings.find((finding) => finding.rule === 'no-shouting')!.message).toContain('"CANCEL"');
    expect(findings.every((finding) => finding.messageType === 'test_bad')).toBe(true);
    // Every locale is checked.
    expect(new Set(lintTemplate(template).map((finding) => finding.locale))).toEqual(new Set(templateLocales));
  });

  it('checks the marketing SMS with its opt-out wording', () => {
    // 146 + " Reply STOP to opt out." + "Acme Outdoor: " fits two parts only without the opt-out.
    const sms = `Spring sale ${'x'.repeat(280)}`;
    const content = Object.fromEntries(templateLocales.map((locale) => [locale, (v: Vars, c: Parameters<ContentFunction<Vars>>[1]) => ({ ...good[locale](v, c), sms })]));
    const update = defineTemplate({ ...spec, kind: 'update', offersChoice: false, content: content as typeof good });
    expect(lintTemplate(update).filter((finding) => finding.rule === 'sms-length')).toEqual([]);
    const marketing = defineTemplate({ ...spec, kind: 'marketing', category: 'marketing', offersChoice: false, content: content as typeof good });
    expect(lintTemplate(marketing).filter((finding) => finding.rule === 'sms-length')).toHaveLength(templateLocales.length);
  });

  it('asks ops alerts for no support address, and other kinds for no thanks', () => {
    const noEmail = Object.fromEntries(templateLocales.map((locale) => [locale, (v: Vars, c: Parameters<ContentFunction<Vars>>[1]) => ({ ...good[locale](v, c), opening: 'Order delayed.', closing: 'On call: see the runbook.' })]));
    const ops = defineTemplate({ ...spec, kind: 'ops', offersChoice: false, content: noEmail as typeof good });
    expect(lintTemplate(ops)).toEqual([]);
    const update = defineTemplate({ ...spec, kind: 'update', offersChoice: false, content: noEmail as typeof good });
    expect(new Set(lintTemplate(update).map((finding) => finding.rule))).toEqual(new Set(['reach-a-person']));
  });

  it('reports an example that does not render', () => {
    const broken = defineTemplate({ ...spec, content: { ...good, fr: () => { throw new Error('boom'); } } });
    expect(lintAll([broken])).toEqual([{ messageType: 'test_delay', locale: 'fr', rule: 'renders', message: 'boom' }]);
  });
});

describe('the text helpers', () => {
  it('allows the SMS keywords and carrier names in capitals, not other shouting', () => {
    expect(shouting('Reply STOP or HELP. Shipped with USPS, tracking 1Z999AA10123456784, see https://x.example/ABCDEF')).toEqual([]);
    expect(shouting('FREE shipping, ÉNORME remise, order ACME-1042, OK, UPS')).toEqual(['FREE', 'ÉNORME', 'ACME']);
    expect(shouting('Do it ASAP')).toEqual(['ASAP']);
  });

  it('splits sentences on western and Chinese punctuation, ignoring URLs', () => {
    expect(sentences('One. Two! Three? See https://a.example/b.c?d=e. 四。五！六？')).toEqual(['One', 'Two', 'Three', 'See', '四', '五', '六']);
  });
});
