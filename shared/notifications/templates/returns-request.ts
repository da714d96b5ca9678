// Return requests: received, approved, rejected.
import * as z from 'zod';
import { defineTemplate, type TemplateLocale } from './define.ts';
import { actionLink, contactUrl, date, firstName, isoDate, itemLine, items, link, message, orderNumber, resolution, smsDate, type Resolution } from './returns-common.ts';

/** What the customer asked for, as the end of "You asked for …". */
const askedFor: Record<TemplateLocale, Record<Resolution, string>> = {
  en: { refund: 'a refund', store_credit: 'store credit', exchange: 'an exchange' },
  'zh-CN': { refund: '退款', store_credit: '店铺余额', exchange: '换货' },
  es: { refund: 'un reembolso', store_credit: 'saldo en tienda', exchange: 'un cambio' },
  fr: { refund: 'un remboursement', store_credit: 'un avoir', exchange: 'un échange' },
  de: { refund: 'eine Erstattung', store_credit: 'ein Guthaben für unseren Shop', exchange: 'einen Umtausch' },
};

/** What follows once the parcel is back and checked. */
const thenWe: Record<TemplateLocale, Record<Resolution, string>> = {
  en: { refund: 'send your refund', store_credit: 'issue your store credit', exchange: 'ship your replacement' },
  'zh-CN': { refund: '为您办理退款', store_credit: '为您发放店铺余额', exchange: '为您寄出换货商品' },
  es: { refund: 'tramitaremos tu reembolso', store_credit: 'te abonaremos el saldo en tienda', exchange: 'te enviaremos el artículo de cambio' },
  fr: { refund: 'nous procéderons à votre remboursement', store_credit: 'nous créditerons votre avoir', exchange: "nous expédierons votre article d'échange" },
  de: { refund: 'veranlassen wir deine Erstattung', store_credit: 'schreiben wir dir das Guthaben gut', exchange: 'schicken wir dir den Ersatzartikel' },
};

const returnReceived = defineTemplate({
  messageType: 'return_received',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, on ReturnRequested',
  description: 'Confirms a return request and says what happens next: review, then instructions once approved.',
  variables: z.object({
    firstName,
    orderNumber,
    resolution,
    items,
    decisionBy: isoDate('When we expect to answer').optional(),
    returnUrl: link('Page of the return in the returns portal').optional(),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', resolution: 'exchange', items: [{ title: 'Trail tent 2P', quantity: 1 }], decisionBy: '2024-05-13', returnUrl: 'https://acme.example/r/7Z3K4M' },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `We've received your return request for order ${v.orderNumber}`,
        preheader: "Here's what happens next.",
        opening: `Thanks for letting us know. We've received your return request for order ${v.orderNumber}.`,
        evidence: [...v.items.map(itemLine), `You asked for ${askedFor.en[v.resolution]}.`],
        body: [
          v.decisionBy ? `Our team will review it and email you by ${date(v.decisionBy, c)}.` : 'Our team will review it and email you shortly.',
          "Please keep the items for now. We'll send return instructions as soon as the request is approved.",
        ],
        action: actionLink('View your return', v.returnUrl),
        sms: `We got your return request for order ${v.orderNumber}. ${v.decisionBy ? `We'll reply by ${smsDate(v.decisionBy, c)}.` : "We'll reply soon."}${v.returnUrl ? ` ${v.returnUrl}` : ''}`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `我们已收到您的退货申请（订单 ${v.orderNumber}）`,
        preheader: '以下是接下来的流程。',
        opening: `感谢您告知我们。您对订单 ${v.orderNumber} 的退货申请已收到。`,
        evidence: [...v.items.map(itemLine), `您希望的处理方式：${askedFor['zh-CN'][v.resolution]}。`],
        body: [
          v.decisionBy ? `我们会尽快审核，并在${date(v.decisionBy, c)}前邮件告知结果。` : '我们会尽快审核，并通过邮件告知结果。',
          '在此之前请先保留商品。申请通过后，我们会立即发送退货说明。',
        ],
        action: actionLink('查看退货进度', v.returnUrl),
        sms: `已收到订单${v.orderNumber}的退货申请，${v.decisionBy ? `${smsDate(v.decisionBy, c)}前回复您。` : '审核后回复您。'}${v.returnUrl ?? ''}`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Hemos recibido tu solicitud de devolución del pedido ${v.orderNumber}`,
        preheader: 'Te contamos los próximos pasos.',
        opening: `Gracias por avisarnos. Hemos recibido tu solicitud de devolución del pedido ${v.orderNumber}.`,
        evidence: [...v.items.map(itemLine), `Has solicitado ${askedFor.es[v.resolution]}.`],
        body: [
          v.decisionBy ? `Nuestro equipo la revisará y te escribirá antes del ${date(v.decisionBy, c)}.` : 'Nuestro equipo la revisará y te escribirá muy pronto.',
          'Por ahora, conserva los artículos. Te enviaremos las instrucciones en cuanto aprobemos la devolución.',
        ],
        action: actionLink('Ver tu devolución', v.returnUrl),
        sms: `Recibimos tu solicitud para devolver el pedido ${v.orderNumber}. ${v.decisionBy ? `Te respondemos antes del ${smsDate(v.decisionBy, c)}.` : 'Te respondemos pronto.'}${v.returnUrl ? ` ${v.returnUrl}` : ''}`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Nous avons bien reçu votre demande de retour (commande ${v.orderNumber})`,
        preheader: 'Voici la suite.',
        opening: `Merci de nous avoir prévenus. Nous avons bien reçu votre demande de retour pour la commande ${v.orderNumber}.`,
        evidence: [...v.items.map(itemLine), `Vous avez demandé ${askedFor.fr[v.resolution]}.`],
        body: [
          v.decisionBy ? `Notre équipe va l'examiner et vous répondra par e-mail d'ici le ${date(v.decisionBy, c)}.` : "Notre équipe va l'examiner et vous répondra très vite par e-mail.",
          "En attendant, conservez les articles. Nous vous enverrons les instructions de retour dès que la demande sera acceptée.",
        ],
        action: actionLink('Voir votre retour', v.returnUrl),
        sms: `Votre demande de retour pour la commande ${v.orderNumber} est enregistrée. ${v.decisionBy ? `Réponse d'ici le ${smsDate(v.decisionBy, c)}.` : 'Réponse très vite.'}${v.returnUrl ? ` ${v.returnUrl}` : ''}`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Deine Retourenanfrage zu Bestellung ${v.orderNumber} ist eingegangen`,
        preheader: 'So geht es jetzt weiter.',
        opening: `Danke für deine Nachricht. Deine Retourenanfrage zu Bestellung ${v.orderNumber} ist bei uns eingegangen.`,
        evidence: [...v.items.map(itemLine), `Du möchtest ${askedFor.de[v.resolution]}.`],
        body: [
          v.decisionBy ? `Unser Team prüft sie und meldet sich bis zum ${date(v.decisionBy, c)} per E-Mail bei dir.` : 'Unser Team prüft sie und meldet sich bald per E-Mail bei dir.',
          'Bitte behalte die Artikel bis dahin. Sobald die Retoure genehmigt ist, schicken wir dir die Anleitung zur Rücksendung.',
        ],
        action: actionLink('Retoure ansehen', v.returnUrl),
        sms: `Deine Retourenanfrage zu Bestellung ${v.orderNumber} ist eingegangen. ${v.decisionBy ? `Wir melden uns bis zum ${smsDate(v.decisionBy, c)}.` : 'Wir melden uns bald.'}${v.returnUrl ? ` ${v.returnUrl}` : ''}`,
      }),
  },
});

const returnApproved = defineTemplate({
  messageType: 'return_approved',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, on ReturnApproved (items to send back)',
  description: 'The return is approved: which items to send back, by when, and where the prepaid label is.',
  variables: z.object({
    firstName,
    orderNumber,
    resolution,
    items: items.describe('The approved items to send back'),
    shipBy: isoDate('Deadline for handing the parcel to the carrier'),
    labelUrl: link('Page where the prepaid return label is downloaded; without it the label follows in a separate message').optional(),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', resolution: 'exchange', items: [{ title: 'Trail tent 2P', quantity: 1 }], shipBy: '2024-05-24', labelUrl: 'https://acme.example/l/9f2c' },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `Your return for order ${v.orderNumber} is approved`,
        preheader: `Please send the items back by ${date(v.shipBy, c)}.`,
        opening: `Good news: your return for order ${v.orderNumber} has been approved.`,
        evidence: [...v.items.map(itemLine), `Send by: ${date(v.shipBy, c)}`],
        body: [
          'Pack the items securely, ideally in their original packaging.',
          v.labelUrl ? 'Print your prepaid return label and stick it on the parcel.' : 'Your prepaid return label will follow in a separate email.',
          `Please hand the parcel to the carrier by ${date(v.shipBy, c)}.`,
          `Once it reaches us and passes a quick check, we'll ${thenWe.en[v.resolution]}.`,
        ],
        action: actionLink('Download your return label', v.labelUrl),
        sms: `Your return for order ${v.orderNumber} is approved. Please send it by ${smsDate(v.shipBy, c)}. ${v.labelUrl ? `Label: ${v.labelUrl}` : 'Label to follow by email.'}`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `您的退货申请已通过（订单 ${v.orderNumber}）`,
        preheader: `请在${date(v.shipBy, c)}前寄回商品。`,
        opening: `好消息：您对订单 ${v.orderNumber} 的退货申请已通过。`,
        evidence: [...v.items.map(itemLine), `寄回截止日期：${date(v.shipBy, c)}`],
        body: [
          '请妥善包装商品，最好使用原包装。',
          v.labelUrl ? '请打印预付退货面单，并贴在包裹外侧。' : '预付退货面单将通过另一封邮件发送给您。',
          `请在${date(v.shipBy, c)}前将包裹交给快递。`,
          `我们收到并检查商品后，会尽快${thenWe['zh-CN'][v.resolution]}。`,
        ],
        action: actionLink('下载退货面单', v.labelUrl),
        sms: `订单${v.orderNumber}退货已通过，请于${smsDate(v.shipBy, c)}前寄回。${v.labelUrl ? `面单：${v.labelUrl}` : '面单将另行邮件发送。'}`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Hemos aprobado la devolución del pedido ${v.orderNumber}`,
        preheader: `Envíanos los artículos antes del ${date(v.shipBy, c)}.`,
        opening: `¡Buenas noticias! Hemos aprobado la devolución de tu pedido ${v.orderNumber}.`,
        evidence: [...v.items.map(itemLine), `Fecha límite de envío: ${date(v.shipBy, c)}`],
        body: [
          'Embala bien los artículos, a ser posible en su embalaje original.',
          v.labelUrl ? 'Imprime la etiqueta de devolución prepagada y pégala en el paquete.' : 'Te enviaremos la etiqueta de devolución prepagada en otro correo.',
          `Entrega el paquete al transportista antes del ${date(v.shipBy, c)}.`,
          `Cuando lo recibamos y hagamos una revisión rápida, ${thenWe.es[v.resolution]}.`,
        ],
        action: actionLink('Descargar la etiqueta', v.labelUrl),
        sms: `Ya puedes devolver el pedido ${v.orderNumber}. Tienes hasta el ${smsDate(v.shipBy, c)} para enviarlo. ${v.labelUrl ? `Etiqueta: ${v.labelUrl}` : 'Te mandamos la etiqueta por correo.'}`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Votre retour pour la commande ${v.orderNumber} est accepté`,
        preheader: `Merci de renvoyer les articles d'ici le ${date(v.shipBy, c)}.`,
        opening: `Bonne nouvelle\u00a0: votre retour pour la commande ${v.orderNumber} est accepté.`,
        evidence: [...v.items.map(itemLine), `À expédier au plus tard le ${date(v.shipBy, c)}`],
        body: [
          "Emballez soigneusement les articles, si possible dans leur emballage d'origine.",
          v.labelUrl ? "Imprimez l'étiquette de retour prépayée et collez-la sur le colis." : "Vous recevrez l'étiquette de retour prépayée dans un e-mail séparé.",
          `Déposez le colis chez le transporteur au plus tard le ${date(v.shipBy, c)}.`,
          `Dès réception et après une vérification rapide, ${thenWe.fr[v.resolution]}.`,
        ],
        action: actionLink("Télécharger l'étiquette de retour", v.labelUrl),
        sms: `Retour accepté pour la commande ${v.orderNumber}. Envoi au plus tard le ${smsDate(v.shipBy, c)}. ${v.labelUrl ? `Étiquette : ${v.labelUrl}` : "L'étiquette suit par e-mail."}`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Deine Retoure zu Bestellung ${v.orderNumber} ist genehmigt`,
        preheader: `Bitte schick die Artikel bis zum ${date(v.shipBy, c)} zurück.`,
        opening: `Gute Nachricht: Deine Retoure zu Bestellung ${v.orderNumber} ist genehmigt.`,
        evidence: [...v.items.map(itemLine), `Rücksendung bis: ${date(v.shipBy, c)}`],
        body: [
          'Verpacke die Artikel gut, am besten in der Originalverpackung.',
          v.labelUrl ? 'Druck das vorfrankierte Rücksendeetikett aus und kleb es auf das Paket.' : 'Das vorfrankierte Rücksendeetikett schicken wir dir in einer separaten E-Mail.',
          `Gib das Paket bitte bis zum ${date(v.shipBy, c)} beim Versanddienstleister ab.`,
          `Sobald es bei uns ist und kurz geprüft wurde, ${thenWe.de[v.resolution]}.`,
        ],
        action: actionLink('Rücksendeetikett herunterladen', v.labelUrl),
        sms: `Deine Retoure zu Bestellung ${v.orderNumber} ist genehmigt. Bitte bis zum ${smsDate(v.shipBy, c)} abschicken. ${v.labelUrl ? `Etikett: ${v.labelUrl}` : 'Das Etikett kommt per E-Mail.'}`,
      }),
  },
});

const returnRejected = defineTemplate({
  messageType: 'return_rejected',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'returns flow, on ReturnRejected',
  description: 'The return request was refused: the policy rule and its reason in plain words, then the choices (talk to us, or keep the item).',
  offersChoice: true,
  variables: z.object({
    firstName,
    orderNumber,
    ruleName: z.string().min(1).max(100).describe("Name of the policy rule that applied, in the customer's language"),
    reason: z.string().min(1).max(300).describe("Why, in plain words, already localized from the policy"),
    items: items.optional(),
    orderUrl: link('Page of the order, for the customer who keeps the item'),
  }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    ruleName: '30-day return window',
    reason: 'Returns are possible for 30 days after delivery. For this order, that period ended on May 8, 2024.',
    orderUrl: 'https://acme.example/o/1001',
  },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `About your return request for order ${v.orderNumber}`,
        preheader: "We couldn't approve it this time. Here are your options.",
        opening: `Thank you for your return request for order ${v.orderNumber}. We're sorry, but we can't accept this return.`,
        evidence: [...(v.items ?? []).map(itemLine), `Policy rule: ${v.ruleName}`, `Reason: ${v.reason}`],
        body: ["We know this isn't the answer you hoped for.", "If there's something we haven't considered, such as damage or a fault, let us know and we'll take another look."],
        options: [
          { label: 'Talk to our team', url: contactUrl(c), description: `Write to ${c.shop.supportEmail} and tell us more about your item. We'll look at it personally.` },
          { label: 'Keep the item', url: v.orderUrl, description: 'Nothing else to do. Your order stays as it is.' },
        ],
        sms: `Sorry, we can't accept the return for order ${v.orderNumber} (${v.ruleName}). Details and options are in your email.`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `关于您订单 ${v.orderNumber} 的退货申请`,
        preheader: '很抱歉，此次申请未能通过。您可以选择以下方式。',
        opening: `感谢您提交订单 ${v.orderNumber} 的退货申请。很抱歉，这次我们无法受理该退货。`,
        evidence: [...(v.items ?? []).map(itemLine), `适用规则：${v.ruleName}`, `原因：${v.reason}`],
        body: ['我们理解这不是您期待的结果。', '如有我们未考虑到的情况，例如商品损坏或故障，请告诉我们，我们会重新查看。'],
        options: [
          { label: '联系客服', url: contactUrl(c), description: `请写信至 ${c.shop.supportEmail}，告诉我们商品的具体情况，我们会亲自跟进。` },
          { label: '保留商品', url: v.orderUrl, description: '无需任何操作，您的订单保持不变。' },
        ],
        sms: `抱歉，订单${v.orderNumber}的退货申请未能通过，详情请查看邮件。`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Sobre tu solicitud de devolución del pedido ${v.orderNumber}`,
        preheader: 'Esta vez no podemos aceptarla. Te contamos tus opciones.',
        opening: `Gracias por tu solicitud de devolución del pedido ${v.orderNumber}. Lo sentimos, pero esta vez no podemos aceptarla.`,
        evidence: [...(v.items ?? []).map(itemLine), `Norma aplicada: ${v.ruleName}`, `Motivo: ${v.reason}`],
        body: ['Sabemos que no es la respuesta que esperabas.', 'Si hay algo que no hemos tenido en cuenta, como un daño o un defecto, cuéntanoslo y lo revisaremos de nuevo.'],
        options: [
          { label: 'Hablar con nuestro equipo', url: contactUrl(c), description: `Escríbenos a ${c.shop.supportEmail} y cuéntanos más sobre tu artículo. Lo revisaremos personalmente.` },
          { label: 'Conservar el artículo', url: v.orderUrl, description: 'No hace falta hacer nada más. Tu pedido sigue igual.' },
        ],
        sms: `Lo sentimos, el pedido ${v.orderNumber} no se puede devolver (${v.ruleName}). Te lo explicamos por correo.`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Votre demande de retour pour la commande ${v.orderNumber}`,
        preheader: "Nous ne pouvons pas l'accepter cette fois-ci. Voici vos options.",
        opening: `Merci pour votre demande de retour concernant la commande ${v.orderNumber}. Nous sommes désolés, mais nous ne pouvons pas accepter ce retour.`,
        evidence: [...(v.items ?? []).map(itemLine), `Règle appliquée\u00a0: ${v.ruleName}`, `Motif\u00a0: ${v.reason}`],
        body: [
          "Nous savons que ce n'est pas la réponse que vous espériez.",
          'Si nous sommes passés à côté de quelque chose, comme un défaut ou un dommage, dites-le-nous. Nous réexaminerons votre demande.',
        ],
        options: [
          { label: 'Contacter notre équipe', url: contactUrl(c), description: `Écrivez-nous à ${c.shop.supportEmail} pour nous parler de votre article. Nous examinerons votre cas personnellement.` },
          { label: "Conserver l'article", url: v.orderUrl, description: 'Aucune démarche nécessaire. Votre commande reste inchangée.' },
        ],
        sms: `Désolés, le retour de la commande ${v.orderNumber} n'est pas possible (${v.ruleName}). Détails par e-mail.`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Deine Retourenanfrage zu Bestellung ${v.orderNumber}`,
        preheader: 'Leider können wir sie diesmal nicht annehmen. Das sind deine Möglichkeiten.',
        opening: `Danke für deine Retourenanfrage zu Bestellung ${v.orderNumber}. Es tut uns leid, aber wir können diese Retoure nicht annehmen.`,
        evidence: [...(v.items ?? []).map(itemLine), `Angewendete Regel: ${v.ruleName}`, `Grund: ${v.reason}`],
        body: [
          'Wir wissen, dass du dir eine andere Antwort gewünscht hast.',
          'Falls wir etwas übersehen haben, etwa einen Defekt oder Schaden, sag uns Bescheid. Wir sehen es uns gern noch einmal an.',
        ],
        options: [
          { label: 'Mit unserem Team sprechen', url: contactUrl(c), description: `Schreib uns an ${c.shop.supportEmail} und erzähl uns mehr über deinen Artikel. Wir kümmern uns persönlich darum.` },
          { label: 'Artikel behalten', url: v.orderUrl, description: 'Weiter ist nichts zu tun. Deine Bestellung bleibt unverändert.' },
        ],
        sms: `Leider können wir die Retoure zu Bestellung ${v.orderNumber} nicht annehmen (${v.ruleName}). Details per E-Mail.`,
      }),
  },
});

export const requestTemplates = [returnReceived, returnApproved, returnRejected];
