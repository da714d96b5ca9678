// The outcome when a claim is settled with a reship: a free replacement order was placed.
import * as z from 'zod';
import { defineTemplate } from './define.ts';
import { firstName, link, message, orderNumber } from './returns-common.ts';

const replacementOnItsWay = defineTemplate({
  messageType: 'replacement_on_its_way',
  kind: 'update',
  category: 'transactional',
  sentBy: 'refunds flow, when a reship decision placed the replacement order',
  description: 'A free replacement was ordered for a parcel claim (not delivered, damaged, wrong or missing item), with the new order number.',
  variables: z.object({
    firstName,
    orderNumber: orderNumber.describe('The original order number'),
    replacementOrderNumber: z.string().min(1).max(50).optional().describe('Number of the replacement order'),
    giftTitle: z.string().min(1).max(200).optional().describe('A small gift sent with the replacement'),
    orderUrl: link("The customer's order page, filled in by the sender"),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', replacementOrderNumber: '#1002-R', giftTitle: 'Camping mug', orderUrl: 'https://acme.example/o/1001' },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `A replacement for order ${v.orderNumber} is on its way`,
        preheader: 'No charge to you, and nothing to send back.',
        opening: `We're sorry your order ${v.orderNumber} didn't arrive as it should. We've sent a replacement at no charge.`,
        evidence: [v.replacementOrderNumber && `Replacement order: ${v.replacementOrderNumber}`, v.giftTitle && `With a small gift from us: ${v.giftTitle}`],
        body: ['You will get the tracking details as soon as it ships.'],
        action: { label: 'View your order', url: v.orderUrl },
        sms: `A replacement for order ${v.orderNumber} is on its way${v.replacementOrderNumber ? ` (order ${v.replacementOrderNumber})` : ''}, at no charge.`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `订单 ${v.orderNumber} 的补发商品即将发出`,
        preheader: '无需支付任何费用，也无需寄回。',
        opening: `很抱歉您的订单 ${v.orderNumber} 未能完好送达。我们已为您免费补发。`,
        evidence: [v.replacementOrderNumber && `补发订单：${v.replacementOrderNumber}`, v.giftTitle && `附赠小礼物：${v.giftTitle}`],
        body: ['商品发出后，我们会第一时间把物流信息发给您。'],
        action: { label: '查看订单', url: v.orderUrl },
        sms: `订单${v.orderNumber}的补发商品即将发出${v.replacementOrderNumber ? `（订单${v.replacementOrderNumber}）` : ''}，无需付费。`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Un reemplazo del pedido ${v.orderNumber} va en camino`,
        preheader: 'Sin coste para ti y sin nada que devolver.',
        opening: `Sentimos que tu pedido ${v.orderNumber} no llegara como debía. Te enviamos un reemplazo sin coste.`,
        evidence: [v.replacementOrderNumber && `Pedido de reemplazo: ${v.replacementOrderNumber}`, v.giftTitle && `Con un pequeño regalo: ${v.giftTitle}`],
        body: ['Te enviaremos el seguimiento en cuanto salga.'],
        action: { label: 'Ver tu pedido', url: v.orderUrl },
        sms: `Un reemplazo del pedido ${v.orderNumber} va en camino${v.replacementOrderNumber ? ` (pedido ${v.replacementOrderNumber})` : ''}, sin coste.`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Un remplacement pour la commande ${v.orderNumber} est en route`,
        preheader: 'Sans frais pour vous, rien à renvoyer.',
        opening: `Nous sommes désolés que votre commande ${v.orderNumber} ne soit pas arrivée comme prévu. Nous vous envoyons un remplacement sans frais.`,
        evidence: [v.replacementOrderNumber && `Commande de remplacement\u00a0: ${v.replacementOrderNumber}`, v.giftTitle && `Avec un petit cadeau\u00a0: ${v.giftTitle}`],
        body: ["Vous recevrez le suivi dès l'expédition."],
        action: { label: 'Voir ma commande', url: v.orderUrl },
        sms: `Un remplacement pour la commande ${v.orderNumber} est en route${v.replacementOrderNumber ? ` (commande ${v.replacementOrderNumber})` : ''}, sans frais.`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Ersatz für Bestellung ${v.orderNumber} ist unterwegs`,
        preheader: 'Kostenlos für dich, und nichts zurückzuschicken.',
        opening: `Es tut uns leid, dass deine Bestellung ${v.orderNumber} nicht wie erwartet angekommen ist. Wir schicken dir kostenlos Ersatz.`,
        evidence: [v.replacementOrderNumber && `Ersatzbestellung: ${v.replacementOrderNumber}`, v.giftTitle && `Mit einem kleinen Geschenk: ${v.giftTitle}`],
        body: ['Sobald der Ersatz verschickt ist, bekommst du die Sendungsverfolgung.'],
        action: { label: 'Bestellung ansehen', url: v.orderUrl },
        sms: `Ersatz für Bestellung ${v.orderNumber} ist unterwegs${v.replacementOrderNumber ? ` (Bestellung ${v.replacementOrderNumber})` : ''}, kostenlos.`,
      }),
  },
});

export const reshipTemplates = [replacementOnItsWay];
