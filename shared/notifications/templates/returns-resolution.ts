// The outcome: the replacement shipped, the refund issued (store credit: returns-credit.ts).
import * as z from 'zod';
import { defineTemplate, type TemplateLocale } from './define.ts';
import { amount, date, firstName, isoDate, itemLine, items, link, message, money, orderNumber, smsAmount } from './returns-common.ts';

const exchangeShipped = defineTemplate({
  messageType: 'exchange_shipped',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, when the replacement order of an exchange ships',
  description: 'The replacement of an exchange is on its way, with the tracking link.',
  variables: z.object({
    firstName,
    orderNumber: orderNumber.describe('The original order number'),
    exchangeOrderNumber: z.string().min(1).max(50).optional().describe('Number of the replacement order'),
    items: items.describe('The replacement items'),
    carrier: z.string().min(1).max(100).optional().describe('Carrier name, e.g. DHL'),
    trackingNumber: z.string().min(1).max(100).optional(),
    trackingUrl: link("Public tracking page (the shop's or the carrier's)"),
    estimatedDelivery: isoDate('Expected delivery date').optional(),
  }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    exchangeOrderNumber: '#1002-EX',
    items: [{ title: 'Trail tent 3P', quantity: 1 }],
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://acme.example/t/1002-EX',
    estimatedDelivery: '2024-05-20',
  },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `Your replacement for order ${v.orderNumber} is on its way`,
        preheader: v.estimatedDelivery ? `Expected delivery: ${date(v.estimatedDelivery, c)}.` : 'Track your parcel anytime.',
        opening: `Good news: your replacement for order ${v.orderNumber} has shipped.`,
        evidence: [
          ...v.items.map(itemLine),
          v.exchangeOrderNumber && `Exchange order: ${v.exchangeOrderNumber}`,
          v.carrier && `Carrier: ${v.carrier}`,
          v.trackingNumber && `Tracking number: ${v.trackingNumber}`,
          v.estimatedDelivery && `Expected delivery: ${date(v.estimatedDelivery, c)}`,
        ],
        body: ['You can follow your parcel with the link below.', 'Thanks for your patience while we sorted out your exchange.'],
        action: { label: 'Track your parcel', url: v.trackingUrl },
        sms: `Your replacement for order ${v.orderNumber} has shipped. Track it: ${v.trackingUrl}`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `订单 ${v.orderNumber} 的换货商品已发出`,
        preheader: v.estimatedDelivery ? `预计送达：${date(v.estimatedDelivery, c)}。` : '您可随时查看物流进度。',
        opening: `好消息：您订单 ${v.orderNumber} 的换货商品已经发出。`,
        evidence: [
          ...v.items.map(itemLine),
          v.exchangeOrderNumber && `换货订单：${v.exchangeOrderNumber}`,
          v.carrier && `快递公司：${v.carrier}`,
          v.trackingNumber && `运单号：${v.trackingNumber}`,
          v.estimatedDelivery && `预计送达：${date(v.estimatedDelivery, c)}`,
        ],
        body: ['您可以通过下方链接随时查看包裹进度。', '感谢您在换货过程中的耐心等待。'],
        action: { label: '查看物流', url: v.trackingUrl },
        sms: `订单${v.orderNumber}的换货商品已发出，查看物流：${v.trackingUrl}`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Tu artículo de cambio del pedido ${v.orderNumber} ya está en camino`,
        preheader: v.estimatedDelivery ? `Entrega prevista: ${date(v.estimatedDelivery, c)}.` : 'Sigue tu paquete cuando quieras.',
        opening: `¡Buenas noticias! Ya hemos enviado tu artículo de cambio del pedido ${v.orderNumber}.`,
        evidence: [
          ...v.items.map(itemLine),
          v.exchangeOrderNumber && `Pedido de cambio: ${v.exchangeOrderNumber}`,
          v.carrier && `Transportista: ${v.carrier}`,
          v.trackingNumber && `Número de seguimiento: ${v.trackingNumber}`,
          v.estimatedDelivery && `Entrega prevista: ${date(v.estimatedDelivery, c)}`,
        ],
        body: ['Puedes seguir tu paquete con el enlace de abajo.', 'Gracias por tu paciencia durante el cambio.'],
        action: { label: 'Seguir el envío', url: v.trackingUrl },
        sms: `Ya enviamos tu cambio del pedido ${v.orderNumber}. Sigue el paquete: ${v.trackingUrl}`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Votre article d'échange pour la commande ${v.orderNumber} est en route`,
        preheader: v.estimatedDelivery ? `Livraison prévue\u00a0: ${date(v.estimatedDelivery, c)}.` : 'Suivez votre colis à tout moment.',
        opening: `Bonne nouvelle\u00a0: votre article d'échange pour la commande ${v.orderNumber} a été expédié.`,
        evidence: [
          ...v.items.map(itemLine),
          v.exchangeOrderNumber && `Commande d'échange\u00a0: ${v.exchangeOrderNumber}`,
          v.carrier && `Transporteur\u00a0: ${v.carrier}`,
          v.trackingNumber && `Numéro de suivi\u00a0: ${v.trackingNumber}`,
          v.estimatedDelivery && `Livraison prévue\u00a0: ${date(v.estimatedDelivery, c)}`,
        ],
        body: ['Vous pouvez suivre votre colis grâce au lien ci-dessous.', 'Merci pour votre patience pendant cet échange.'],
        action: { label: 'Suivre mon colis', url: v.trackingUrl },
        sms: `Votre article d'échange (commande ${v.orderNumber}) a été expédié. Suivi : ${v.trackingUrl}`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Dein Ersatzartikel zu Bestellung ${v.orderNumber} ist unterwegs`,
        preheader: v.estimatedDelivery ? `Voraussichtliche Zustellung: ${date(v.estimatedDelivery, c)}.` : 'Verfolge dein Paket jederzeit.',
        opening: `Gute Nachricht: Dein Ersatzartikel zu Bestellung ${v.orderNumber} wurde verschickt.`,
        evidence: [
          ...v.items.map(itemLine),
          v.exchangeOrderNumber && `Umtauschbestellung: ${v.exchangeOrderNumber}`,
          v.carrier && `Versanddienstleister: ${v.carrier}`,
          v.trackingNumber && `Sendungsnummer: ${v.trackingNumber}`,
          v.estimatedDelivery && `Voraussichtliche Zustellung: ${date(v.estimatedDelivery, c)}`,
        ],
        body: ['Über den Link unten kannst du dein Paket verfolgen.', 'Danke für deine Geduld beim Umtausch.'],
        action: { label: 'Sendung verfolgen', url: v.trackingUrl },
        sms: `Dein Ersatzartikel zu Bestellung ${v.orderNumber} ist unterwegs. Sendung verfolgen: ${v.trackingUrl}`,
      }),
  },
});

const PaymentMethod = z.enum(['card', 'paypal', 'wallet', 'bank_account', 'original_payment']);
type PaymentMethod = z.output<typeof PaymentMethod>;

/** Where the money went, as the object of "refunded to …" (German: accusative after "auf"). */
const paidTo: Record<TemplateLocale, (method: PaymentMethod, last4?: string) => string> = {
  en: (method, last4) =>
    ({ card: last4 ? `your card ending in ${last4}` : 'your card', paypal: 'your PayPal account', wallet: 'your digital wallet', bank_account: 'your bank account', original_payment: 'your original payment method' })[method],
  'zh-CN': (method, last4) =>
    ({ card: last4 ? `尾号为 ${last4} 的银行卡` : '您的银行卡', paypal: '您的 PayPal 账户', wallet: '您的电子钱包', bank_account: '您的银行账户', original_payment: '您的原支付方式' })[method],
  es: (method, last4) =>
    ({ card: last4 ? `tu tarjeta terminada en ${last4}` : 'tu tarjeta', paypal: 'tu cuenta de PayPal', wallet: 'tu monedero digital', bank_account: 'tu cuenta bancaria', original_payment: 'tu método de pago original' })[method],
  fr: (method, last4) =>
    ({ card: last4 ? `votre carte se terminant par ${last4}` : 'votre carte bancaire', paypal: 'votre compte PayPal', wallet: 'votre portefeuille numérique', bank_account: 'votre compte bancaire', original_payment: "votre moyen de paiement d'origine" })[method],
  de: (method, last4) =>
    ({ card: last4 ? `deine Karte mit der Endung ${last4}` : 'deine Karte', paypal: 'dein PayPal-Konto', wallet: 'deine digitale Wallet', bank_account: 'dein Bankkonto', original_payment: 'deine ursprüngliche Zahlungsart' })[method],
};

const refundIssued = defineTemplate({
  messageType: 'refund_issued',
  kind: 'update',
  category: 'transactional',
  sentBy: 'refunds flow, on RefundIssued',
  description: 'The refund went out: the amount, to which payment method, and when the bank usually shows it.',
  variables: z.object({
    firstName,
    orderNumber,
    amount: money('Amount refunded'),
    paymentMethod: PaymentMethod.describe('Where the money goes back to'),
    cardLast4: z.string().regex(/^\d{4}$/).optional().describe('Last 4 digits of the card, when refunded to a card'),
    issuedAt: isoDate('When the refund was issued'),
    businessDays: z.int().min(1).max(30).describe('Business days the bank or provider usually takes to show it'),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', amount: { amount: 24900, currency: 'USD' }, paymentMethod: 'card', cardLast4: '4242', issuedAt: '2024-05-15T11:32:00Z', businessDays: 10 },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `Your refund of ${amount(v.amount, c)} for order ${v.orderNumber} is on its way`,
        preheader: `It usually shows within ${v.businessDays} business days.`,
        opening: `We've issued a refund of ${amount(v.amount, c)} for order ${v.orderNumber}.`,
        evidence: [`Amount: ${amount(v.amount, c)}`, `Refunded to: ${paidTo.en(v.paymentMethod, v.cardLast4)}`, `Issued on: ${date(v.issuedAt, c)}`],
        body: [`Depending on your bank, it usually shows on your statement within ${v.businessDays} business days.`, "If it's not there by then, let us know and we'll help."],
        sms: `We've refunded ${smsAmount(v.amount, c)} for order ${v.orderNumber} to ${paidTo.en(v.paymentMethod, v.cardLast4)}. It can take up to ${v.businessDays} business days to show.`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `订单 ${v.orderNumber} 的退款 ${amount(v.amount, c)} 已发出`,
        preheader: `通常会在 ${v.businessDays} 个工作日内到账。`,
        opening: `我们已为订单 ${v.orderNumber} 办理退款，金额为 ${amount(v.amount, c)}。`,
        evidence: [`退款金额：${amount(v.amount, c)}`, `退回至：${paidTo['zh-CN'](v.paymentMethod, v.cardLast4)}`, `退款日期：${date(v.issuedAt, c)}`],
        body: [`具体时间取决于您的银行，通常会在 ${v.businessDays} 个工作日内到账。`, '如届时仍未到账，请联系我们，我们会协助您查询。'],
        sms: `订单${v.orderNumber}已退款${smsAmount(v.amount, c)}，通常${v.businessDays}个工作日内到账。`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Te hemos reembolsado ${amount(v.amount, c)} del pedido ${v.orderNumber}`,
        preheader: `Normalmente aparece en un plazo de ${v.businessDays} días hábiles.`,
        opening: `Hemos emitido un reembolso de ${amount(v.amount, c)} del pedido ${v.orderNumber}.`,
        evidence: [`Importe: ${amount(v.amount, c)}`, `Reembolsado en: ${paidTo.es(v.paymentMethod, v.cardLast4)}`, `Fecha: ${date(v.issuedAt, c)}`],
        body: [`Según tu banco, normalmente aparece en tu cuenta en un plazo de ${v.businessDays} días hábiles.`, 'Si pasado ese plazo aún no lo ves, avísanos y te ayudaremos.'],
        sms: `Te hemos reembolsado ${smsAmount(v.amount, c)} del pedido ${v.orderNumber} en ${paidTo.es(v.paymentMethod, v.cardLast4)}. Los detalles, en tu correo.`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Votre remboursement de ${amount(v.amount, c)} (commande ${v.orderNumber}) est en route`,
        preheader: `Il apparaît généralement sous ${v.businessDays} jours ouvrés.`,
        opening: `Nous avons émis un remboursement de ${amount(v.amount, c)} pour la commande ${v.orderNumber}.`,
        evidence: [`Montant\u00a0: ${amount(v.amount, c)}`, `Remboursé sur\u00a0: ${paidTo.fr(v.paymentMethod, v.cardLast4)}`, `Date d'émission\u00a0: ${date(v.issuedAt, c)}`],
        body: [`Selon votre banque, il apparaît généralement sur votre relevé sous ${v.businessDays} jours ouvrés.`, "S'il n'apparaît pas passé ce délai, prévenez-nous et nous vous aiderons."],
        sms: `Remboursement de ${smsAmount(v.amount, c)} émis pour la commande ${v.orderNumber}, sur ${paidTo.fr(v.paymentMethod, v.cardLast4)}. Détails par e-mail.`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Deine Erstattung über ${amount(v.amount, c)} zu Bestellung ${v.orderNumber} ist unterwegs`,
        preheader: `Meist ist sie innerhalb von ${v.businessDays} Werktagen sichtbar.`,
        opening: `Wir haben dir ${amount(v.amount, c)} für Bestellung ${v.orderNumber} erstattet.`,
        evidence: [`Betrag: ${amount(v.amount, c)}`, `Erstattet auf: ${paidTo.de(v.paymentMethod, v.cardLast4)}`, `Erstattet am: ${date(v.issuedAt, c)}`],
        body: [`Je nach Bank ist der Betrag meist innerhalb von ${v.businessDays} Werktagen auf deinem Konto sichtbar.`, 'Falls er danach noch nicht da ist, melde dich bei uns. Wir helfen dir gern weiter.'],
        sms: `Wir haben dir ${smsAmount(v.amount, c)} für Bestellung ${v.orderNumber} erstattet, auf ${paidTo.de(v.paymentMethod, v.cardLast4)}. Details per E-Mail.`,
      }),
  },
});

export const resolutionTemplates = [exchangeShipped, refundIssued];
