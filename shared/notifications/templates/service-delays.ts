// Delay messages: the order is late (apology), later again (update), or so late that the
// customer chooses between a refund and a new parcel (choice). Facts first, then solutions.
import * as z from 'zod';
import { Money } from '../../events/common.ts';
import { defineTemplate, formatDate, formatMoney, type MessageTemplate, type RenderContext } from './define.ts';
import { closing, firstName, greeting, isoDate, link, orderNumber, present, signature, smsLink, text } from './service-common.ts';

const reasonText = text(160, "Why it is late, in plain language, localized by the delay flow, no final full stop (e.g. 'your parcel is in customs in your country')");
const trackingStatus = text(160, "The carrier's latest status in plain language, localized, no final full stop (e.g. 'Held at customs in Portland since May 20')");
const trackingUrl = link("Tracking page of the destination country's carrier").optional();

const common = (vars: { firstName?: string | undefined }, context: RenderContext) => ({
  greeting: greeting(context.locale, vars.firstName),
  closing: closing(context),
  signature: signature(context),
});

const delayApology = defineTemplate({
  messageType: 'delay_apology',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'delays',
  description: 'The order is late: why, the latest tracking status and the new expected delivery date.',
  variables: z.object({ firstName, orderNumber, reasonText, trackingStatus, trackingUrl, newExpectedDate: isoDate('New expected delivery date') }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    reasonText: 'your parcel is in customs in your country',
    trackingStatus: 'Held at customs in Portland since May 20',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    newExpectedDate: '2024-05-24',
  },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `Sorry, order ${v.orderNumber} is running late`,
      preheader: `It is now expected on ${formatDate(v.newExpectedDate, c)}. Here is what we know.`,
      opening: `Thank you for your patience with order ${v.orderNumber}. We're sorry it is running late.`,
      evidence: [`What's happening: ${v.reasonText}.`, `Latest tracking status: ${v.trackingStatus}.`, `New expected delivery date: ${formatDate(v.newExpectedDate, c)}.`],
      body: ["We're keeping an eye on your parcel and will write again if anything changes."],
      action: v.trackingUrl ? { label: 'Track your parcel', url: v.trackingUrl } : undefined,
      sms: `Sorry, order ${v.orderNumber} is late. Now expected ${formatDate(v.newExpectedDate, c)}.${smsLink('Track:', v.trackingUrl)}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `抱歉，您的订单 ${v.orderNumber} 将延迟送达`,
      preheader: `新的预计送达日期为${formatDate(v.newExpectedDate, c)}。以下是最新情况。`,
      opening: `感谢您的耐心等待。非常抱歉，您的订单 ${v.orderNumber} 未能按原计划送达。`,
      evidence: [`原因：${v.reasonText}。`, `最新物流状态：${v.trackingStatus}。`, `新的预计送达日期：${formatDate(v.newExpectedDate, c)}。`],
      body: ['我们会持续关注您的包裹，如有新进展会第一时间通知您。'],
      action: v.trackingUrl ? { label: '查看物流信息', url: v.trackingUrl } : undefined,
      sms: `抱歉，订单${v.orderNumber}将延迟送达，预计${formatDate(v.newExpectedDate, c)}到达。${v.trackingUrl ? `查询：${v.trackingUrl}` : ''}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `Lo sentimos: tu pedido ${v.orderNumber} llega con retraso`,
      preheader: `Nueva fecha prevista: ${formatDate(v.newExpectedDate, c)}. Te contamos lo que sabemos.`,
      opening: `Gracias por tu paciencia con el pedido ${v.orderNumber}. Lo sentimos mucho: llega con retraso.`,
      evidence: [`El motivo: ${v.reasonText}.`, `Último estado del envío: ${v.trackingStatus}.`, `Nueva fecha de entrega prevista: ${formatDate(v.newExpectedDate, c)}.`],
      body: ['Seguimos tu paquete de cerca y te escribiremos si hay cualquier novedad.'],
      action: v.trackingUrl ? { label: 'Seguir mi paquete', url: v.trackingUrl } : undefined,
      sms: `Lo sentimos, tu pedido ${v.orderNumber} se retrasa. Nueva fecha: ${formatDate(v.newExpectedDate, c)}.${smsLink('', v.trackingUrl)}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `Votre commande ${v.orderNumber} a du retard, nous en sommes désolés`,
      preheader: `Nouvelle date de livraison prévue : ${formatDate(v.newExpectedDate, c)}. Voici ce que nous savons.`,
      opening: `Merci pour votre patience concernant la commande ${v.orderNumber}. Nous sommes désolés : elle a pris du retard.`,
      evidence: [`La raison : ${v.reasonText}.`, `Dernier statut de suivi : ${v.trackingStatus}.`, `Nouvelle date de livraison prévue : ${formatDate(v.newExpectedDate, c)}.`],
      body: ["Nous suivons votre colis de près et vous écrirons dès qu'il y aura du nouveau."],
      action: v.trackingUrl ? { label: 'Suivre mon colis', url: v.trackingUrl } : undefined,
      sms: `Désolés, votre commande ${v.orderNumber} a du retard. Livraison prévue le ${formatDate(v.newExpectedDate, c)}.${smsLink('Suivi :', v.trackingUrl)}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Deine Bestellung ${v.orderNumber} verspätet sich, das tut uns leid`,
      preheader: `Neuer voraussichtlicher Liefertermin: ${formatDate(v.newExpectedDate, c)}. Hier ist der aktuelle Stand.`,
      opening: `Danke für deine Geduld mit deiner Bestellung ${v.orderNumber}. Es tut uns leid, dass sie sich verspätet.`,
      evidence: [`Der Grund: ${v.reasonText}.`, `Aktueller Sendungsstatus: ${v.trackingStatus}.`, `Neuer voraussichtlicher Liefertermin: ${formatDate(v.newExpectedDate, c)}.`],
      body: ['Wir behalten dein Paket im Blick und melden uns, sobald sich etwas ändert.'],
      action: v.trackingUrl ? { label: 'Sendung verfolgen', url: v.trackingUrl } : undefined,
      sms: `Es tut uns leid: Bestellung ${v.orderNumber} kommt voraussichtlich erst am ${formatDate(v.newExpectedDate, c)}.${smsLink('', v.trackingUrl)}`,
    }),
  },
});

const delayUpdate = defineTemplate({
  messageType: 'delay_update',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'delays',
  description: 'The expected delivery date of a late order moved again: the previous and new date and the latest tracking status.',
  variables: z.object({
    firstName,
    orderNumber,
    previousExpectedDate: isoDate('The expected delivery date given in the last message'),
    newExpectedDate: isoDate('New expected delivery date'),
    trackingStatus,
    trackingUrl,
    reasonText: reasonText.optional(),
  }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    previousExpectedDate: '2024-05-24',
    newExpectedDate: '2024-05-28',
    trackingStatus: 'Left customs on May 25, now with the local carrier',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    reasonText: 'customs checks took longer than planned',
  },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `Order ${v.orderNumber} is now expected on ${formatDate(v.newExpectedDate, c)}`,
      preheader: "We're sorry for the wait. Here is the latest from the carrier.",
      opening: `Thank you for bearing with us on order ${v.orderNumber}. We're sorry: the delivery date has moved again.`,
      evidence: present([v.reasonText && `What's happening: ${v.reasonText}.`, `Previously expected: ${formatDate(v.previousExpectedDate, c)}.`, `Now expected: ${formatDate(v.newExpectedDate, c)}.`, `Latest tracking status: ${v.trackingStatus}.`]),
      body: ['We know this is frustrating. We are watching your parcel closely and will tell you as soon as it moves.'],
      action: v.trackingUrl ? { label: 'Track your parcel', url: v.trackingUrl } : undefined,
      sms: `Sorry, order ${v.orderNumber} is delayed again. Now expected ${formatDate(v.newExpectedDate, c)}.${smsLink('Track:', v.trackingUrl)}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `订单 ${v.orderNumber} 的预计送达日期有更新`,
      preheader: '很抱歉让您久等了。以下是最新物流信息。',
      opening: `感谢您一直以来的耐心。很抱歉，订单 ${v.orderNumber} 的送达日期再次推迟。`,
      evidence: present([v.reasonText && `原因：${v.reasonText}。`, `原预计送达：${formatDate(v.previousExpectedDate, c)}。`, `现预计送达：${formatDate(v.newExpectedDate, c)}。`, `最新物流状态：${v.trackingStatus}。`]),
      body: ['我们理解这给您带来了不便。我们会密切关注包裹动态，一有进展就通知您。'],
      action: v.trackingUrl ? { label: '查看物流信息', url: v.trackingUrl } : undefined,
      sms: `抱歉，订单${v.orderNumber}再次延迟，现预计${formatDate(v.newExpectedDate, c)}送达。${v.trackingUrl ? `查询：${v.trackingUrl}` : ''}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `Tu pedido ${v.orderNumber} tiene una nueva fecha de entrega`,
      preheader: 'Sentimos mucho la espera. Esto es lo último que sabemos.',
      opening: `Gracias por tu paciencia con el pedido ${v.orderNumber}. Lo sentimos: la fecha de entrega ha vuelto a cambiar.`,
      evidence: present([v.reasonText && `El motivo: ${v.reasonText}.`, `Fecha prevista anterior: ${formatDate(v.previousExpectedDate, c)}.`, `Nueva fecha prevista: ${formatDate(v.newExpectedDate, c)}.`, `Último estado del envío: ${v.trackingStatus}.`]),
      body: ['Sabemos que es una molestia. Seguimos tu paquete de cerca y te avisaremos en cuanto avance.'],
      action: v.trackingUrl ? { label: 'Seguir mi paquete', url: v.trackingUrl } : undefined,
      sms: `Lo sentimos, tu pedido ${v.orderNumber} se retrasa de nuevo. Nueva fecha: ${formatDate(v.newExpectedDate, c)}.${smsLink('', v.trackingUrl)}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `Commande ${v.orderNumber} : nouvelle date de livraison prévue`,
      preheader: "Désolés pour l'attente. Voici les dernières nouvelles du transporteur.",
      opening: `Merci pour votre patience concernant la commande ${v.orderNumber}. Nous sommes désolés : la date de livraison a encore changé.`,
      evidence: present([v.reasonText && `La raison : ${v.reasonText}.`, `Date prévue auparavant : ${formatDate(v.previousExpectedDate, c)}.`, `Nouvelle date prévue : ${formatDate(v.newExpectedDate, c)}.`, `Dernier statut de suivi : ${v.trackingStatus}.`]),
      body: ["Nous savons que c'est contrariant. Nous suivons votre colis de près et vous préviendrons dès qu'il avancera."],
      action: v.trackingUrl ? { label: 'Suivre mon colis', url: v.trackingUrl } : undefined,
      sms: `Désolés, nouveau retard pour votre commande ${v.orderNumber}. Livraison prévue le ${formatDate(v.newExpectedDate, c)}.${smsLink('Suivi :', v.trackingUrl)}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Neuer Liefertermin für deine Bestellung ${v.orderNumber}`,
      preheader: 'Entschuldige die lange Wartezeit. Hier ist der neueste Stand.',
      opening: `Danke, dass du so geduldig bist. Es tut uns leid: Der Liefertermin deiner Bestellung ${v.orderNumber} hat sich erneut verschoben.`,
      evidence: present([v.reasonText && `Der Grund: ${v.reasonText}.`, `Bisher erwartet: ${formatDate(v.previousExpectedDate, c)}.`, `Jetzt erwartet: ${formatDate(v.newExpectedDate, c)}.`, `Aktueller Sendungsstatus: ${v.trackingStatus}.`]),
      body: ['Wir wissen, wie ärgerlich das ist. Wir behalten dein Paket genau im Blick und melden uns, sobald es weitergeht.'],
      action: v.trackingUrl ? { label: 'Sendung verfolgen', url: v.trackingUrl } : undefined,
      sms: `Es tut uns leid: Bestellung ${v.orderNumber} verspätet sich erneut, neu erwartet am ${formatDate(v.newExpectedDate, c)}.${smsLink('', v.trackingUrl)}`,
    }),
  },
});

const choiceVariables = z.object({
  firstName,
  orderNumber,
  orderDate: isoDate('When the order was placed'),
  reasonText,
  trackingStatus,
  trackingUrl,
  refundAmount: Money.describe('What a refund would pay back'),
  refundUrl: link('Link that chooses the refund'),
  reshipUrl: link('Link that chooses a new parcel'),
  recommended: z.enum(['refund', 'reship']).describe('The option shown first, as the recommended one'),
});
type ChoiceVars = z.output<typeof choiceVariables>;

/** The two options as each locale words them, the recommended one first (the renderer marks it). */
function choiceOptions(v: ChoiceVars, words: { refund: [string, string]; reship: [string, string] }) {
  const refund = { label: words.refund[0], description: words.refund[1], url: v.refundUrl };
  const reship = { label: words.reship[0], description: words.reship[1], url: v.reshipUrl };
  return v.recommended === 'refund' ? [refund, reship] : [reship, refund];
}
const smsChoices = (v: ChoiceVars, refund: string, reship: string) =>
  v.recommended === 'refund' ? `${refund} ${v.refundUrl} ${reship} ${v.reshipUrl}` : `${reship} ${v.reshipUrl} ${refund} ${v.refundUrl}`;

const delayChoice = defineTemplate({
  messageType: 'delay_choice',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'delays',
  description: 'A long delay (around day 25): the facts, then a refund or a new parcel, the recommended one first; waiting stays possible.',
  offersChoice: true,
  variables: choiceVariables,
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    orderDate: '2024-04-29',
    reasonText: 'the carrier has had no news of your parcel for 12 days',
    trackingStatus: 'Last scanned in Louisville on May 11',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    refundAmount: { amount: 8900, currency: 'USD' },
    refundUrl: 'https://acme.example/d/k7Qm2/refund',
    reshipUrl: 'https://acme.example/d/k7Qm2/reship',
    recommended: 'reship',
  },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `Order ${v.orderNumber} is still delayed: a refund or a new parcel?`,
      preheader: "We're sorry for the long wait. You choose what happens next.",
      opening: `Thank you for your patience with order ${v.orderNumber}. We're truly sorry it still hasn't arrived.`,
      evidence: [`Ordered on: ${formatDate(v.orderDate, c)}.`, `What's happening: ${v.reasonText}.`, `Latest tracking status: ${v.trackingStatus}.`],
      body: ['This has taken far too long, so you decide what happens next.', "You can also keep waiting. The parcel may still arrive, and we'll keep watching it."],
      options: choiceOptions(v, {
        refund: [`Refund ${formatMoney(v.refundAmount, c.locale)}`, 'We pay the full amount back to your original payment method.'],
        reship: ['Send a new parcel', 'We ship your order again right away, at no extra cost.'],
      }),
      action: v.trackingUrl ? { label: 'Track your parcel', url: v.trackingUrl } : undefined,
      sms: `Sorry, order ${v.orderNumber} is still delayed. ${smsChoices(v, 'Refund:', 'New parcel:')}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `订单 ${v.orderNumber} 仍在延误：您可以选择退款或补发`,
      preheader: '很抱歉让您久等了。接下来怎么处理，由您决定。',
      opening: `感谢您的耐心等待。订单 ${v.orderNumber} 至今仍未送达，我们深感抱歉。`,
      evidence: [`下单日期：${formatDate(v.orderDate, c)}。`, `原因：${v.reasonText}。`, `最新物流状态：${v.trackingStatus}。`],
      body: ['让您等了这么久，接下来怎么处理由您决定。', '您也可以继续等待。包裹仍有可能送达，我们会继续跟进。'],
      options: choiceOptions(v, {
        refund: [`退款 ${formatMoney(v.refundAmount, c.locale)}`, '全额退回至您的原支付方式。'],
        reship: ['免费补发', '我们会立即为您重新寄出一份，不收取任何费用。'],
      }),
      action: v.trackingUrl ? { label: '查看物流信息', url: v.trackingUrl } : undefined,
      sms: `抱歉，订单${v.orderNumber}仍在延误。${smsChoices(v, '退款：', '补发：')}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `Tu pedido ${v.orderNumber} sigue retrasado: ¿reembolso o nuevo envío?`,
      preheader: 'Sentimos mucho la espera. Tú decides cómo seguimos.',
      opening: `Gracias por tu paciencia con el pedido ${v.orderNumber}. Lo sentimos de verdad: todavía no ha llegado.`,
      evidence: [`Fecha del pedido: ${formatDate(v.orderDate, c)}.`, `El motivo: ${v.reasonText}.`, `Último estado del envío: ${v.trackingStatus}.`],
      body: ['La espera ya ha sido demasiado larga, así que tú decides qué hacemos.', 'También puedes seguir esperando. El paquete aún puede llegar y lo seguiremos de cerca.'],
      options: choiceOptions(v, {
        refund: [`Reembolso de ${formatMoney(v.refundAmount, c.locale)}`, 'Te devolvemos el importe completo en tu método de pago original.'],
        reship: ['Enviar un paquete nuevo', 'Volvemos a enviar tu pedido enseguida, sin ningún coste.'],
      }),
      action: v.trackingUrl ? { label: 'Seguir mi paquete', url: v.trackingUrl } : undefined,
      sms: `Lo sentimos, tu pedido ${v.orderNumber} sigue retrasado. ${smsChoices(v, 'Reembolso:', 'Reenviar:')}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `Commande ${v.orderNumber} toujours en retard : remboursement ou nouvel envoi ?`,
      preheader: "Désolés pour cette longue attente. C'est vous qui choisissez la suite.",
      opening: `Merci pour votre patience concernant la commande ${v.orderNumber}. Nous sommes sincèrement désolés qu'elle ne soit toujours pas arrivée.`,
      evidence: [`Date de commande : ${formatDate(v.orderDate, c)}.`, `La raison : ${v.reasonText}.`, `Dernier statut de suivi : ${v.trackingStatus}.`],
      body: ["L'attente a assez duré : c'est à vous de choisir la suite.", 'Vous pouvez aussi patienter encore. Le colis peut toujours arriver, et nous continuons à le suivre.'],
      options: choiceOptions(v, {
        refund: [`Remboursement de ${formatMoney(v.refundAmount, c.locale)}`, "Nous remboursons la totalité sur votre moyen de paiement d'origine."],
        reship: ['Nouvel envoi', 'Nous réexpédions votre commande tout de suite, sans frais.'],
      }),
      action: v.trackingUrl ? { label: 'Suivre mon colis', url: v.trackingUrl } : undefined,
      sms: `Désolés, votre commande ${v.orderNumber} a toujours du retard. ${smsChoices(v, 'Remboursement :', 'Nouvel envoi :')}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Bestellung ${v.orderNumber} weiter verspätet: Erstattung oder neues Paket?`,
      preheader: 'Entschuldige die lange Wartezeit. Du entscheidest, wie es weitergeht.',
      opening: `Danke für deine Geduld mit deiner Bestellung ${v.orderNumber}. Es tut uns leid, dass sie immer noch nicht angekommen ist.`,
      evidence: [`Bestellt am: ${formatDate(v.orderDate, c)}.`, `Der Grund: ${v.reasonText}.`, `Aktueller Sendungsstatus: ${v.trackingStatus}.`],
      body: ['Das hat viel zu lange gedauert, deshalb entscheidest du, wie es weitergeht.', 'Du kannst auch weiter warten. Das Paket kann noch ankommen, und wir behalten es im Blick.'],
      options: choiceOptions(v, {
        refund: [`Erstattung über ${formatMoney(v.refundAmount, c.locale)}`, 'Wir erstatten den vollen Betrag auf deine ursprüngliche Zahlungsart.'],
        reship: ['Neues Paket senden', 'Wir schicken deine Bestellung sofort noch einmal, ohne Zusatzkosten.'],
      }),
      action: v.trackingUrl ? { label: 'Sendung verfolgen', url: v.trackingUrl } : undefined,
      sms: `Es tut uns leid: Bestellung ${v.orderNumber} ist weiter verspätet. ${smsChoices(v, 'Erstattung:', 'Neues Paket:')}`,
    }),
  },
});

export const delayTemplates: MessageTemplate[] = [delayApology, delayUpdate, delayChoice];
