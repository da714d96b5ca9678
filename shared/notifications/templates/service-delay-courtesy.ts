// The delay flow's courtesy discount: an order so late that the shop gives the customer a personal
// code for a next order (at most once per order). Facts first, then the code and until when.
import * as z from 'zod';
import { defineTemplate, formatDate, type MessageTemplate, type RenderContext } from './define.ts';
import { closing, discountLine, firstName, greeting, isoDate, orderNumber, signature, text } from './service-common.ts';

const variables = z.object({
  firstName,
  orderNumber,
  discountCode: z.string().regex(/^[A-Za-z0-9_-]{3,40}$/, 'letters, digits, dashes and underscores (3 to 40)').describe('The personal code, valid once'),
  discountText: text(80, "The discount in words, localized by the flow, e.g. '10% off your next order'"),
  validUntil: isoDate('Last day the code works'),
});

const common = (vars: { firstName?: string | undefined }, context: RenderContext) => ({
  greeting: greeting(context.locale, vars.firstName),
  closing: closing(context),
  signature: signature(context),
});

const delayCourtesy = defineTemplate({
  messageType: 'delay_courtesy',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'delays',
  description: 'A long delay: a personal discount code for a next order, as an apology, with its expiry; sent once per order.',
  variables,
  example: { firstName: 'Ada', orderNumber: '#1001', discountCode: 'Sorry-7f3a9c21', discountText: '10% off your next order', validUntil: '2024-08-01' },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `A thank-you for your patience with order ${v.orderNumber}`,
      preheader: `${v.discountText}, valid until ${formatDate(v.validUntil, c)}.`,
      opening: `Thank you for your patience with order ${v.orderNumber}. It is taking much longer than we promised, and we're sorry.`,
      evidence: [`Your personal code: ${v.discountCode}.`, `Valid once, until ${formatDate(v.validUntil, c)}.`],
      body: [discountLine('en', v.discountCode, v.discountText)!, "We're still watching your parcel and will write as soon as there is news."],
      sms: `Sorry order ${v.orderNumber} is late. ${v.discountText} with code ${v.discountCode}, until ${formatDate(v.validUntil, c)}.`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `感谢您耐心等待订单 ${v.orderNumber}`,
      preheader: `${v.discountText}，有效期至${formatDate(v.validUntil, c)}。`,
      opening: `感谢您的耐心等待。非常抱歉，订单 ${v.orderNumber} 的送达时间比我们承诺的晚了很多。`,
      evidence: [`您的专属优惠码：${v.discountCode}。`, `限用一次，有效期至${formatDate(v.validUntil, c)}。`],
      body: [discountLine('zh-CN', v.discountCode, v.discountText)!, '我们会继续关注您的包裹，一有新进展就通知您。'],
      sms: `抱歉订单${v.orderNumber}延迟。优惠码${v.discountCode}：${v.discountText}，有效期至${formatDate(v.validUntil, c)}。`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `Gracias por tu paciencia con el pedido ${v.orderNumber}`,
      preheader: `${v.discountText}, válido hasta el ${formatDate(v.validUntil, c)}.`,
      opening: `Gracias por tu paciencia con el pedido ${v.orderNumber}. Está tardando mucho más de lo prometido y lo sentimos.`,
      evidence: [`Tu código personal: ${v.discountCode}.`, `Válido una vez, hasta el ${formatDate(v.validUntil, c)}.`],
      body: [discountLine('es', v.discountCode, v.discountText)!, 'Seguimos pendientes de tu paquete y te escribiremos en cuanto haya novedades.'],
      sms: `Perdón por el retraso de ${v.orderNumber}. Código ${v.discountCode}: ${v.discountText}.`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `Merci pour votre patience avec la commande ${v.orderNumber}`,
      preheader: `${v.discountText}, valable jusqu'au ${formatDate(v.validUntil, c)}.`,
      opening: `Merci pour votre patience concernant la commande ${v.orderNumber}. Elle prend bien plus de temps que prévu, et nous en sommes désolés.`,
      evidence: [`Votre code personnel : ${v.discountCode}.`, `Valable une fois, jusqu'au ${formatDate(v.validUntil, c)}.`],
      body: [discountLine('fr', v.discountCode, v.discountText)!, 'Nous suivons toujours votre colis et vous écrirons dès qu’il y aura du nouveau.'],
      sms: `Désolés pour le retard de la commande ${v.orderNumber}. ${v.discountText} avec le code ${v.discountCode}, jusqu'au ${formatDate(v.validUntil, c)}.`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Danke für deine Geduld mit Bestellung ${v.orderNumber}`,
      preheader: `${v.discountText}, gültig bis ${formatDate(v.validUntil, c)}.`,
      opening: `Danke für deine Geduld mit deiner Bestellung ${v.orderNumber}. Sie braucht viel länger als versprochen, das tut uns leid.`,
      evidence: [`Dein persönlicher Code: ${v.discountCode}.`, `Einmal gültig, bis ${formatDate(v.validUntil, c)}.`],
      body: [discountLine('de', v.discountCode, v.discountText)!, 'Wir behalten dein Paket weiter im Blick und melden uns, sobald es Neuigkeiten gibt.'],
      sms: `Sorry für die Verspätung von Bestellung ${v.orderNumber}. ${v.discountText} mit dem Code ${v.discountCode}, bis ${formatDate(v.validUntil, c)}.`,
    }),
  },
});

export const delayCourtesyTemplates: MessageTemplate[] = [delayCourtesy];
