// At the warehouse: the parcel arrived, then the inspection result per item.
import * as z from 'zod';
import { ItemCondition } from '../../events/returns.ts';
import { defineTemplate, type TemplateLocale } from './define.ts';
import { actionLink, date, firstName, isoDate, Item, itemLine, items, link, message, orderNumber, resolution, smsDate, type Resolution } from './returns-common.ts';

const returnItemReceived = defineTemplate({
  messageType: 'return_item_received',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, on ReturnReceived',
  description: 'The return parcel reached the warehouse; the inspection comes next, with its expected date.',
  variables: z.object({
    firstName,
    orderNumber,
    receivedAt: isoDate('When the parcel arrived'),
    inspectionBy: isoDate('When we expect to have checked the items'),
    items: items.optional(),
    returnUrl: link('Page of the return in the returns portal').optional(),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', receivedAt: '2024-05-15T10:00:00Z', inspectionBy: '2024-05-17', items: [{ title: 'Trail tent 2P', quantity: 1 }] },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `We've received your returned items for order ${v.orderNumber}`,
        preheader: `Next up: a quick inspection, done by ${date(v.inspectionBy, c)}.`,
        opening: `Good news: your return parcel for order ${v.orderNumber} has arrived at our warehouse.`,
        evidence: [...(v.items ?? []).map(itemLine), `Received: ${date(v.receivedAt, c)}`, `Inspection expected by: ${date(v.inspectionBy, c)}`],
        body: [`Next, our team will check the items. We expect to finish by ${date(v.inspectionBy, c)}.`, "Once that's done, we'll email you the result and the next step."],
        action: actionLink('View your return', v.returnUrl),
        sms: `Your return for order ${v.orderNumber} has arrived. We'll check it by ${smsDate(v.inspectionBy, c)} and email you the result.`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `我们已收到订单 ${v.orderNumber} 的退货商品`,
        preheader: `接下来我们会检查商品，预计${date(v.inspectionBy, c)}前完成。`,
        opening: `好消息：您订单 ${v.orderNumber} 的退货包裹已送达我们的仓库。`,
        evidence: [...(v.items ?? []).map(itemLine), `签收日期：${date(v.receivedAt, c)}`, `预计检查完成：${date(v.inspectionBy, c)}`],
        body: [`接下来，我们的团队会检查商品，预计在${date(v.inspectionBy, c)}前完成。`, '检查完成后，我们会通过邮件告知结果和后续安排。'],
        action: actionLink('查看退货进度', v.returnUrl),
        sms: `订单${v.orderNumber}的退货已送达仓库，预计${smsDate(v.inspectionBy, c)}前完成检查。`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Hemos recibido los artículos devueltos del pedido ${v.orderNumber}`,
        preheader: `Ahora los revisaremos. Terminaremos antes del ${date(v.inspectionBy, c)}.`,
        opening: `¡Buenas noticias! El paquete de devolución del pedido ${v.orderNumber} ya está en nuestro almacén.`,
        evidence: [...(v.items ?? []).map(itemLine), `Recibido: ${date(v.receivedAt, c)}`, `Fin de la revisión previsto: ${date(v.inspectionBy, c)}`],
        body: [`Ahora nuestro equipo revisará los artículos. Esperamos terminar antes del ${date(v.inspectionBy, c)}.`, 'Después te escribiremos con el resultado y el siguiente paso.'],
        action: actionLink('Ver tu devolución', v.returnUrl),
        sms: `Hemos recibido tu paquete del pedido ${v.orderNumber}. Lo revisaremos antes del ${smsDate(v.inspectionBy, c)} y te escribiremos.`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Nous avons reçu les articles retournés de la commande ${v.orderNumber}`,
        preheader: `Prochaine étape\u00a0: une vérification rapide, terminée d'ici le ${date(v.inspectionBy, c)}.`,
        opening: `Bonne nouvelle\u00a0: le colis de retour de la commande ${v.orderNumber} est arrivé dans notre entrepôt.`,
        evidence: [...(v.items ?? []).map(itemLine), `Date de réception\u00a0: ${date(v.receivedAt, c)}`, `Fin de la vérification prévue\u00a0: ${date(v.inspectionBy, c)}`],
        body: [`Notre équipe va maintenant vérifier les articles. Nous prévoyons de terminer d'ici le ${date(v.inspectionBy, c)}.`, 'Nous vous enverrons ensuite le résultat et la suite par e-mail.'],
        action: actionLink('Voir votre retour', v.returnUrl),
        sms: `Votre colis de retour (commande ${v.orderNumber}) est bien arrivé. Vérification d'ici le ${smsDate(v.inspectionBy, c)}, résultat par e-mail.`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Deine Rücksendung zu Bestellung ${v.orderNumber} ist angekommen`,
        preheader: `Als Nächstes prüfen wir die Artikel, voraussichtlich bis zum ${date(v.inspectionBy, c)}.`,
        opening: `Gute Nachricht: Dein Rücksendepaket zu Bestellung ${v.orderNumber} ist in unserem Lager angekommen.`,
        evidence: [...(v.items ?? []).map(itemLine), `Eingegangen am: ${date(v.receivedAt, c)}`, `Prüfung voraussichtlich fertig bis: ${date(v.inspectionBy, c)}`],
        body: [`Als Nächstes prüft unser Team die Artikel. Wir rechnen damit, bis zum ${date(v.inspectionBy, c)} fertig zu sein.`, 'Danach schicken wir dir das Ergebnis und die nächsten Schritte per E-Mail.'],
        action: actionLink('Retoure ansehen', v.returnUrl),
        sms: `Deine Rücksendung zu Bestellung ${v.orderNumber} ist angekommen. Wir prüfen sie bis zum ${smsDate(v.inspectionBy, c)} und melden uns per E-Mail.`,
      }),
  },
});

type Condition = z.output<typeof ItemCondition>;
type Inspected = z.output<typeof InspectedItem>;

const InspectedItem = Item.extend({
  accepted: z.boolean().describe('Whether the item passed inspection and counts towards the resolution'),
  condition: ItemCondition.describe('Condition found at inspection'),
});

/** Per locale: the condition words, accepted / not accepted, and the resolution as "your …". */
const words: Record<TemplateLocale, { condition: Record<Condition, string>; ok: string; notOk: string; your: Record<Resolution, string> }> = {
  en: {
    condition: { as_new: 'as new', used: 'shows signs of use', damaged: 'damaged', defective: 'defective', wrong_item: 'not the item from this order', missing: 'not in the parcel' },
    ok: 'accepted',
    notOk: 'not accepted',
    your: { refund: 'your refund', store_credit: 'your store credit', exchange: 'your replacement' },
  },
  'zh-CN': {
    condition: { as_new: '全新', used: '有使用痕迹', damaged: '有损坏', defective: '存在故障', wrong_item: '与订单商品不符', missing: '包裹中未找到' },
    ok: '已通过',
    notOk: '未通过',
    your: { refund: '退款', store_credit: '店铺余额', exchange: '换货' },
  },
  es: {
    condition: { as_new: 'como nuevo', used: 'con señales de uso', damaged: 'dañado', defective: 'defectuoso', wrong_item: 'no corresponde a este pedido', missing: 'no estaba en el paquete' },
    ok: 'aceptado',
    notOk: 'no aceptado',
    your: { refund: 'tu reembolso', store_credit: 'tu saldo en tienda', exchange: 'tu cambio' },
  },
  fr: {
    condition: { as_new: 'comme neuf', used: "traces d'utilisation", damaged: 'endommagé', defective: 'défectueux', wrong_item: 'ne correspond pas à cette commande', missing: 'absent du colis' },
    ok: 'accepté',
    notOk: 'non accepté',
    your: { refund: 'votre remboursement', store_credit: 'votre avoir', exchange: 'votre échange' },
  },
  de: {
    condition: { as_new: 'wie neu', used: 'Gebrauchsspuren', damaged: 'beschädigt', defective: 'defekt', wrong_item: 'gehört nicht zu dieser Bestellung', missing: 'nicht im Paket' },
    ok: 'angenommen',
    notOk: 'nicht angenommen',
    your: { refund: 'deine Erstattung', store_credit: 'dein Guthaben', exchange: 'dein Umtausch' },
  },
};

const colon: Record<TemplateLocale, string> = { en: ': ', 'zh-CN': '：', es: ': ', fr: '\u00a0: ', de: ': ' };
const open = (locale: TemplateLocale) => (locale === 'zh-CN' ? '（' : ' (');
const close = (locale: TemplateLocale) => (locale === 'zh-CN' ? '）' : ')');

/** `Trail tent 2P × 1: accepted (as new)`. */
const resultLine = (item: Inspected, locale: TemplateLocale): string => {
  const w = words[locale];
  return `${itemLine(item)}${colon[locale]}${item.accepted ? w.ok : w.notOk}${open(locale)}${w.condition[item.condition]}${close(locale)}`;
};

/** all: every item accepted; some; none. */
const verdict = (list: Inspected[]): 'all' | 'some' | 'none' => {
  const accepted = list.filter((item) => item.accepted).length;
  return accepted === list.length ? 'all' : accepted > 0 ? 'some' : 'none';
};

const returnInspected = defineTemplate({
  messageType: 'return_inspected',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, on ReturnInspected',
  description: 'The inspection result for each returned item, and the resolution that follows.',
  variables: z.object({
    firstName,
    orderNumber,
    resolution,
    items: z.array(InspectedItem).min(1).max(50).describe('Each returned item with its inspection result'),
    resolutionBy: isoDate('When the refund, credit or replacement is expected to be issued').optional(),
  }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    resolution: 'refund',
    items: [
      { title: 'Trail tent 2P', quantity: 1, accepted: true, condition: 'as_new' },
      { title: 'Camping mug', quantity: 2, accepted: true, condition: 'defective' },
    ],
    resolutionBy: '2024-05-18',
  },
  content: {
    en: (v, c) => {
      const result = verdict(v.items);
      const your = words.en.your[v.resolution];
      return message(c, v.firstName, {
        subject: `Your returned items for order ${v.orderNumber} have been checked`,
        preheader: result === 'all' ? `Everything checks out. ${capitalize(your)} is on its way.` : 'Here is the result for each item.',
        opening: `We've finished checking the items you returned from order ${v.orderNumber}.`,
        evidence: v.items.map((item) => resultLine(item, 'en')),
        body: [
          result === 'all' && `Everything checks out, so ${your} is on its way.`,
          result === 'some' && `We're now processing ${your} for the accepted items.`,
          result !== 'none' && v.resolutionBy && `You can expect it by ${date(v.resolutionBy, c)}.`,
          result === 'some' && "We'll email you separately about the other items.",
          result === 'none' && "We'll email you separately about the next steps.",
        ],
        sms: result === 'all' ? `Your return for order ${v.orderNumber} passed inspection. ${capitalize(your)} is on its way.` : `We've checked your return for order ${v.orderNumber}. The details are in your email.`,
      });
    },
    'zh-CN': (v, c) => {
      const result = verdict(v.items);
      const your = words['zh-CN'].your[v.resolution];
      return message(c, v.firstName, {
        subject: `订单 ${v.orderNumber} 的退货商品已检查完毕`,
        preheader: result === 'all' ? `所有商品均已通过检查，您的${your}正在处理中。` : '以下是每件商品的检查结果。',
        opening: `我们已完成对订单 ${v.orderNumber} 退货商品的检查。`,
        evidence: v.items.map((item) => resultLine(item, 'zh-CN')),
        body: [
          result === 'all' && `所有商品均已通过检查，您的${your}正在处理中。`,
          result === 'some' && `我们正在为已通过的商品办理${your}。`,
          result !== 'none' && v.resolutionBy && `预计${date(v.resolutionBy, c)}前完成。`,
          result === 'some' && '其余商品的处理方式，我们会另行邮件告知。',
          result === 'none' && '后续安排我们会另行邮件告知。',
        ],
        sms: result === 'all' ? `订单${v.orderNumber}的退货已通过检查，${your}正在处理中。` : `订单${v.orderNumber}的退货已检查完毕，详情请查看邮件。`,
      });
    },
    es: (v, c) => {
      const result = verdict(v.items);
      const your = words.es.your[v.resolution];
      return message(c, v.firstName, {
        subject: `Hemos revisado los artículos devueltos del pedido ${v.orderNumber}`,
        preheader: result === 'all' ? `Todo está en orden: ya estamos tramitando ${your}.` : 'Aquí tienes el resultado de cada artículo.',
        opening: `Ya hemos revisado los artículos que devolviste del pedido ${v.orderNumber}.`,
        evidence: v.items.map((item) => resultLine(item, 'es')),
        body: [
          result === 'all' && `Todo está en orden, así que ya estamos tramitando ${your}.`,
          result === 'some' && `Ya estamos tramitando ${your} por los artículos aceptados.`,
          result !== 'none' && v.resolutionBy && `Lo tendrás listo antes del ${date(v.resolutionBy, c)}.`,
          result === 'some' && 'Te escribiremos aparte sobre los demás artículos.',
          result === 'none' && 'Te escribiremos aparte con los siguientes pasos.',
        ],
        sms: result === 'all' ? `Hemos revisado tu paquete del pedido ${v.orderNumber}. Todo en orden: ya estamos tramitando ${your}.` : `Hemos revisado tu paquete del pedido ${v.orderNumber}. Te damos los detalles por correo.`,
      });
    },
    fr: (v, c) => {
      const result = verdict(v.items);
      const your = words.fr.your[v.resolution];
      return message(c, v.firstName, {
        subject: `Les articles retournés de la commande ${v.orderNumber} ont été vérifiés`,
        preheader: result === 'all' ? `Tout est en ordre\u00a0: ${your} est en cours.` : 'Voici le résultat pour chaque article.',
        opening: `Nous avons terminé la vérification des articles retournés de la commande ${v.orderNumber}.`,
        evidence: v.items.map((item) => resultLine(item, 'fr')),
        body: [
          result === 'all' && `Tout est en ordre\u00a0: ${your} est en cours de traitement.`,
          result === 'some' && `Nous traitons ${your} pour les articles acceptés.`,
          result !== 'none' && v.resolutionBy && `Il sera finalisé au plus tard le ${date(v.resolutionBy, c)}.`,
          result === 'some' && 'Nous vous écrirons séparément au sujet des autres articles.',
          result === 'none' && 'Nous vous écrirons séparément pour la suite.',
        ],
        sms: result === 'all' ? `Retour de la commande ${v.orderNumber} vérifié : tout est en ordre, ${your} est en cours.` : `Retour de la commande ${v.orderNumber} vérifié. Détails par e-mail.`,
      });
    },
    de: (v, c) => {
      const result = verdict(v.items);
      const your = words.de.your[v.resolution];
      const yourAccusative = v.resolution === 'exchange' ? 'deinen Umtausch' : your;
      return message(c, v.firstName, {
        subject: `Deine Rücksendung zu Bestellung ${v.orderNumber} ist geprüft`,
        preheader: result === 'all' ? `Alles in Ordnung: ${capitalize(your)} ist in Bearbeitung.` : 'Hier ist das Ergebnis für jeden Artikel.',
        opening: `Wir haben die zurückgeschickten Artikel aus Bestellung ${v.orderNumber} geprüft.`,
        evidence: v.items.map((item) => resultLine(item, 'de')),
        body: [
          result === 'all' && `Alles ist in Ordnung, ${your} ist schon in Bearbeitung.`,
          result === 'some' && `Für die angenommenen Artikel bearbeiten wir jetzt ${yourAccusative}.`,
          result !== 'none' && v.resolutionBy && `Wir rechnen mit dem Abschluss bis zum ${date(v.resolutionBy, c)}.`,
          result === 'some' && 'Zu den übrigen Artikeln melden wir uns separat per E-Mail.',
          result === 'none' && 'Zu den nächsten Schritten melden wir uns separat per E-Mail.',
        ],
        sms: result === 'all' ? `Deine Rücksendung zu Bestellung ${v.orderNumber} ist geprüft. Alles in Ordnung, ${your} ist in Bearbeitung.` : `Deine Rücksendung zu Bestellung ${v.orderNumber} ist geprüft. Details per E-Mail.`,
      });
    },
  },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const warehouseTemplates = [returnItemReceived, returnInspected];
