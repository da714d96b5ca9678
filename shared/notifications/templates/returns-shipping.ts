// Sending the items back: label ready, reminder before the deadline, return closed after it.
import * as z from 'zod';
import { defineTemplate } from './define.ts';
import { actionLink, date, firstName, isoDate, itemLine, items, link, message, orderNumber, smsDate } from './returns-common.ts';

const carrier = z.string().min(1).max(100).describe('Carrier name as the customer knows it, e.g. UPS or Colissimo');
const trackingNumber = z.string().min(1).max(100).describe('Tracking number of the return parcel');

const returnLabelReady = defineTemplate({
  messageType: 'return_label_ready',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, when the prepaid label of an approved return is created',
  description: 'The prepaid return label is ready: the link to download it and the drop-off deadline.',
  variables: z.object({
    firstName,
    orderNumber,
    labelUrl: link('Page where the label is downloaded'),
    dropOffBy: isoDate('Deadline for handing the parcel to the carrier'),
    carrier: carrier.optional(),
    trackingNumber: trackingNumber.optional(),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', labelUrl: 'https://acme.example/l/9f2c', dropOffBy: '2024-05-24', carrier: 'UPS', trackingNumber: '1Z999AA10123456784' },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `Your return label for order ${v.orderNumber} is ready`,
        preheader: `Please drop off your parcel by ${date(v.dropOffBy, c)}.`,
        opening: `Your prepaid return label for order ${v.orderNumber} is ready to download.`,
        evidence: [v.carrier && `Carrier: ${v.carrier}`, v.trackingNumber && `Tracking number: ${v.trackingNumber}`, `Drop off by: ${date(v.dropOffBy, c)}`],
        body: [
          'Print the label and stick it on the outside of the parcel, covering any old labels.',
          v.carrier ? `Then drop it off at any ${v.carrier} location by ${date(v.dropOffBy, c)}.` : `Then hand it to the carrier by ${date(v.dropOffBy, c)}.`,
          'Keep the drop-off receipt until your return is complete.',
        ],
        action: { label: 'Download your label', url: v.labelUrl },
        sms: `Your return label for order ${v.orderNumber} is ready. Please drop off by ${smsDate(v.dropOffBy, c)}: ${v.labelUrl}`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `订单 ${v.orderNumber} 的退货面单已生成`,
        preheader: `请在${date(v.dropOffBy, c)}前寄出包裹。`,
        opening: `您订单 ${v.orderNumber} 的预付退货面单已生成，现在就可以下载。`,
        evidence: [v.carrier && `快递公司：${v.carrier}`, v.trackingNumber && `运单号：${v.trackingNumber}`, `寄出截止日期：${date(v.dropOffBy, c)}`],
        body: [
          '请打印面单，贴在包裹外侧，并盖住旧的标签。',
          v.carrier ? `然后在${date(v.dropOffBy, c)}前交到任一 ${v.carrier} 网点。` : `然后在${date(v.dropOffBy, c)}前将包裹交给快递。`,
          '请保留寄件凭证，直到退货完成。',
        ],
        action: { label: '下载退货面单', url: v.labelUrl },
        sms: `订单${v.orderNumber}退货面单已生成，请于${smsDate(v.dropOffBy, c)}前寄出：${v.labelUrl}`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `La etiqueta de devolución del pedido ${v.orderNumber} está lista`,
        preheader: `Entrega el paquete antes del ${date(v.dropOffBy, c)}.`,
        opening: `Ya puedes descargar la etiqueta de devolución prepagada del pedido ${v.orderNumber}.`,
        evidence: [v.carrier && `Transportista: ${v.carrier}`, v.trackingNumber && `Número de seguimiento: ${v.trackingNumber}`, `Fecha límite de entrega: ${date(v.dropOffBy, c)}`],
        body: [
          'Imprímela y pégala por fuera del paquete, tapando cualquier etiqueta antigua.',
          v.carrier ? `Después, llévalo a cualquier punto de ${v.carrier} antes del ${date(v.dropOffBy, c)}.` : `Después, entrégalo al transportista antes del ${date(v.dropOffBy, c)}.`,
          'Guarda el comprobante de entrega hasta que se complete la devolución.',
        ],
        action: { label: 'Descargar la etiqueta', url: v.labelUrl },
        sms: `Ya tienes la etiqueta para devolver el pedido ${v.orderNumber}. Entrégalo antes del ${smsDate(v.dropOffBy, c)}: ${v.labelUrl}`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Votre étiquette de retour pour la commande ${v.orderNumber} est prête`,
        preheader: `Déposez votre colis d'ici le ${date(v.dropOffBy, c)}.`,
        opening: `Votre étiquette de retour prépayée pour la commande ${v.orderNumber} est prête à être téléchargée.`,
        evidence: [v.carrier && `Transporteur\u00a0: ${v.carrier}`, v.trackingNumber && `Numéro de suivi\u00a0: ${v.trackingNumber}`, `Date limite de dépôt\u00a0: ${date(v.dropOffBy, c)}`],
        body: [
          "Imprimez l'étiquette et collez-la bien en vue sur le colis, en recouvrant les anciennes étiquettes.",
          v.carrier ? `Déposez-le ensuite dans un point ${v.carrier} au plus tard le ${date(v.dropOffBy, c)}.` : `Déposez-le ensuite chez le transporteur au plus tard le ${date(v.dropOffBy, c)}.`,
          "Conservez votre preuve de dépôt jusqu'à la fin du retour.",
        ],
        action: { label: "Télécharger l'étiquette", url: v.labelUrl },
        sms: `Étiquette de retour disponible pour la commande ${v.orderNumber}. Date limite : ${smsDate(v.dropOffBy, c)}. ${v.labelUrl}`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Dein Rücksendeetikett für Bestellung ${v.orderNumber} ist da`,
        preheader: `Bitte gib das Paket bis zum ${date(v.dropOffBy, c)} ab.`,
        opening: `Dein vorfrankiertes Rücksendeetikett für Bestellung ${v.orderNumber} steht zum Download bereit.`,
        evidence: [v.carrier && `Versanddienstleister: ${v.carrier}`, v.trackingNumber && `Sendungsnummer: ${v.trackingNumber}`, `Abgabe bis: ${date(v.dropOffBy, c)}`],
        body: [
          'Druck das Etikett aus und kleb es gut sichtbar auf das Paket. Alte Etiketten bitte überkleben.',
          v.carrier ? `Gib es dann bis zum ${date(v.dropOffBy, c)} bei einer Annahmestelle von ${v.carrier} ab.` : `Gib es dann bis zum ${date(v.dropOffBy, c)} beim Versanddienstleister ab.`,
          'Bewahre den Einlieferungsbeleg auf, bis die Retoure abgeschlossen ist.',
        ],
        action: { label: 'Etikett herunterladen', url: v.labelUrl },
        sms: `Dein Rücksendeetikett für Bestellung ${v.orderNumber} ist da. Bitte bis zum ${smsDate(v.dropOffBy, c)} abgeben: ${v.labelUrl}`,
      }),
  },
});

const returnReminder = defineTemplate({
  messageType: 'return_reminder',
  kind: 'update',
  category: 'transactional',
  sentBy: 'returns flow, before the ship-by date of an approved return with no parcel on its way',
  description: 'A friendly reminder that the approved return is not on its way yet, with the deadline and the label.',
  variables: z.object({
    firstName,
    orderNumber,
    shipBy: isoDate('Deadline for handing the parcel to the carrier'),
    items: items.optional(),
    labelUrl: link('Page where the prepaid return label is downloaded').optional(),
  }),
  example: { firstName: 'Ada', orderNumber: '#1001', shipBy: '2024-05-24', items: [{ title: 'Trail tent 2P', quantity: 1 }], labelUrl: 'https://acme.example/l/9f2c' },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `Reminder: please send your return by ${date(v.shipBy, c)}`,
        preheader: `Your return for order ${v.orderNumber} is approved and ready to go.`,
        opening: `A quick reminder about your return for order ${v.orderNumber}: we haven't seen the parcel on its way yet.`,
        evidence: [...(v.items ?? []).map(itemLine), `Send by: ${date(v.shipBy, c)}`],
        body: [
          v.labelUrl ? 'Your prepaid return label is just below.' : 'Your return label is in the email confirming your return.',
          `Please drop off the parcel by ${date(v.shipBy, c)} so we can complete your return.`,
          'Already sent it? Thank you, you can ignore this message.',
          'Decided to keep the item? No action is needed. The return will close after the deadline.',
        ],
        action: actionLink('Download your return label', v.labelUrl),
        sms: `Reminder: please send your return for order ${v.orderNumber} by ${smsDate(v.shipBy, c)}.${v.labelUrl ? ` Label: ${v.labelUrl}` : ''}`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `提醒：请在${date(v.shipBy, c)}前寄回退货商品`,
        preheader: `订单 ${v.orderNumber} 的退货已获批准，随时可以寄出。`,
        opening: `温馨提醒：我们暂时还没有查到订单 ${v.orderNumber} 的退货包裹寄出记录。`,
        evidence: [...(v.items ?? []).map(itemLine), `寄回截止日期：${date(v.shipBy, c)}`],
        body: [
          v.labelUrl ? '预付退货面单可在下方下载。' : '退货面单在退货确认邮件中。',
          `请在${date(v.shipBy, c)}前寄出包裹，以便我们完成退货。`,
          '如果已经寄出，谢谢您，请忽略本提醒。',
          '如果决定保留商品，无需任何操作。截止日期过后，退货将自动关闭。',
        ],
        action: actionLink('下载退货面单', v.labelUrl),
        sms: `提醒：请于${smsDate(v.shipBy, c)}前寄回订单${v.orderNumber}的退货。${v.labelUrl ? `面单：${v.labelUrl}` : ''}`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `Recuerda: envía tu devolución antes del ${date(v.shipBy, c)}`,
        preheader: `La devolución del pedido ${v.orderNumber} está aprobada y lista para enviar.`,
        opening: `Un recordatorio sobre la devolución del pedido ${v.orderNumber}: todavía no vemos el paquete en camino.`,
        evidence: [...(v.items ?? []).map(itemLine), `Fecha límite de envío: ${date(v.shipBy, c)}`],
        body: [
          v.labelUrl ? 'Aquí abajo tienes la etiqueta de devolución prepagada.' : 'La etiqueta de devolución está en el correo de confirmación de tu devolución.',
          `Entrega el paquete antes del ${date(v.shipBy, c)} para que podamos completar la devolución.`,
          '¿Ya lo has enviado? Gracias, puedes ignorar este mensaje.',
          '¿Prefieres quedarte con el artículo? No hace falta hacer nada. La devolución se cerrará al terminar el plazo.',
        ],
        action: actionLink('Descargar la etiqueta', v.labelUrl),
        sms: `Recordatorio: tienes hasta el ${smsDate(v.shipBy, c)} para enviar el paquete del pedido ${v.orderNumber}.${v.labelUrl ? ` Etiqueta: ${v.labelUrl}` : ''}`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Rappel\u00a0: votre retour est à envoyer d'ici le ${date(v.shipBy, c)}`,
        preheader: `Votre retour pour la commande ${v.orderNumber} est accepté et prêt à partir.`,
        opening: `Petit rappel concernant votre retour pour la commande ${v.orderNumber}\u00a0: nous ne voyons pas encore le colis en route.`,
        evidence: [...(v.items ?? []).map(itemLine), `Date limite d'envoi\u00a0: ${date(v.shipBy, c)}`],
        body: [
          v.labelUrl ? 'Votre étiquette de retour prépayée est disponible ci-dessous.' : "Votre étiquette de retour se trouve dans l'e-mail de confirmation du retour.",
          `Déposez le colis d'ici le ${date(v.shipBy, c)} pour que nous puissions finaliser votre retour.`,
          'Colis déjà envoyé\u00a0? Merci, vous pouvez ignorer ce message.',
          "Vous préférez garder l'article\u00a0? Aucune démarche nécessaire. Le retour sera clôturé après la date limite.",
        ],
        action: actionLink("Télécharger l'étiquette", v.labelUrl),
        sms: `Rappel : le retour de la commande ${v.orderNumber} est à envoyer d'ici le ${smsDate(v.shipBy, c)}.${v.labelUrl ? ` Étiquette : ${v.labelUrl}` : ''}`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Erinnerung: Bitte schick deine Retoure bis zum ${date(v.shipBy, c)} ab`,
        preheader: `Deine Retoure zu Bestellung ${v.orderNumber} ist genehmigt und kann losgehen.`,
        opening: `Eine kurze Erinnerung zu deiner Retoure für Bestellung ${v.orderNumber}: Wir sehen das Paket noch nicht auf dem Weg zu uns.`,
        evidence: [...(v.items ?? []).map(itemLine), `Rücksendung bis: ${date(v.shipBy, c)}`],
        body: [
          v.labelUrl ? 'Dein vorfrankiertes Rücksendeetikett findest du unten.' : 'Dein Rücksendeetikett findest du in der E-Mail, mit der wir die Retoure bestätigt haben.',
          `Bitte gib das Paket bis zum ${date(v.shipBy, c)} ab, damit wir die Retoure abschließen können.`,
          'Schon verschickt? Danke, dann kannst du diese Nachricht ignorieren.',
          'Du möchtest den Artikel doch behalten? Dann ist nichts weiter zu tun. Die Retoure wird nach Fristende geschlossen.',
        ],
        action: actionLink('Rücksendeetikett herunterladen', v.labelUrl),
        sms: `Erinnerung: Bitte schick die Retoure zu Bestellung ${v.orderNumber} bis zum ${smsDate(v.shipBy, c)} ab.${v.labelUrl ? ` Etikett: ${v.labelUrl}` : ''}`,
      }),
  },
});

const returnExpired = defineTemplate({
  messageType: 'return_expired',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'returns flow, on ReturnExpired',
  description: 'The approved return closed because no parcel was on its way by the deadline; choices: ask for more time, or keep the item.',
  offersChoice: true,
  variables: z.object({
    firstName,
    orderNumber,
    shipBy: isoDate('The deadline that passed'),
    items: items.optional(),
    extensionUrl: link('Page where the customer asks for more time'),
    orderUrl: link('Page of the order, for the customer who keeps the item'),
  }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    shipBy: '2024-05-24',
    items: [{ title: 'Trail tent 2P', quantity: 1 }],
    extensionUrl: 'https://acme.example/r/7Z3K4M/extend',
    orderUrl: 'https://acme.example/o/1001',
  },
  content: {
    en: (v, c) =>
      message(c, v.firstName, {
        subject: `Your return for order ${v.orderNumber} has closed`,
        preheader: 'The return window has ended. You can still ask for more time.',
        opening: `Thank you for starting a return for order ${v.orderNumber}. We're sorry to let you know that it has now closed.`,
        evidence: [...(v.items ?? []).map(itemLine), `Return deadline: ${date(v.shipBy, c)}`, 'Status: no parcel was registered with the carrier by then'],
        body: ['Returns close automatically when no parcel is on its way by the deadline.', "If you'd still like to return the item, we're happy to consider more time."],
        options: [
          { label: 'Ask for more time', url: v.extensionUrl, description: "Tell us what happened and we'll do our best to reopen your return." },
          { label: 'Keep the item', url: v.orderUrl, description: 'Nothing else to do. Your order stays as it is.' },
        ],
        sms: `Sorry, the return deadline for order ${v.orderNumber} (${smsDate(v.shipBy, c)}) has passed. Need more time? ${v.extensionUrl}`,
      }),
    'zh-CN': (v, c) =>
      message(c, v.firstName, {
        subject: `订单 ${v.orderNumber} 的退货已关闭`,
        preheader: '退货期限已过，您仍可申请延期。',
        opening: `感谢您为订单 ${v.orderNumber} 发起退货。很抱歉通知您，这次退货现已关闭。`,
        evidence: [...(v.items ?? []).map(itemLine), `退货截止日期：${date(v.shipBy, c)}`, '状态：截至该日期，快递未登记退货包裹'],
        body: ['截止日期前如没有包裹寄出，退货会自动关闭。', '如您仍想退货，欢迎申请延期。'],
        options: [
          { label: '申请延期', url: v.extensionUrl, description: '告诉我们具体情况，我们会尽力为您重新开启退货。' },
          { label: '保留商品', url: v.orderUrl, description: '无需任何操作，您的订单保持不变。' },
        ],
        sms: `抱歉，订单${v.orderNumber}退货已关闭，可申请延期：${v.extensionUrl}`,
      }),
    es: (v, c) =>
      message(c, v.firstName, {
        subject: `La devolución del pedido ${v.orderNumber} se ha cerrado`,
        preheader: 'El plazo de devolución ha terminado. Aún puedes pedir más tiempo.',
        opening: `Gracias por iniciar la devolución del pedido ${v.orderNumber}. Lo sentimos, pero la devolución ya se ha cerrado.`,
        evidence: [...(v.items ?? []).map(itemLine), `Fecha límite de devolución: ${date(v.shipBy, c)}`, 'Estado: el transportista no registró ningún paquete antes de esa fecha'],
        body: ['Las devoluciones se cierran automáticamente si no hay ningún paquete en camino al terminar el plazo.', 'Si aún quieres devolver el artículo, podemos estudiar una ampliación del plazo.'],
        options: [
          { label: 'Pedir más tiempo', url: v.extensionUrl, description: 'Cuéntanos qué ha pasado y haremos lo posible por reabrir tu devolución.' },
          { label: 'Conservar el artículo', url: v.orderUrl, description: 'No hace falta hacer nada más. Tu pedido sigue igual.' },
        ],
        sms: `Lo sentimos, el plazo para devolver el pedido ${v.orderNumber} ha vencido. Pide tiempo extra: ${v.extensionUrl}`,
      }),
    fr: (v, c) =>
      message(c, v.firstName, {
        subject: `Votre retour pour la commande ${v.orderNumber} est clôturé`,
        preheader: 'Le délai de retour est dépassé. Vous pouvez encore demander un délai supplémentaire.',
        opening: `Merci d'avoir lancé un retour pour la commande ${v.orderNumber}. Nous sommes désolés de vous informer qu'il est désormais clôturé.`,
        evidence: [...(v.items ?? []).map(itemLine), `Date limite de retour\u00a0: ${date(v.shipBy, c)}`, 'Statut\u00a0: aucun colis enregistré par le transporteur à cette date'],
        body: ["Un retour est clôturé automatiquement lorsqu'aucun colis n'est en route à la date limite.", "Si vous souhaitez toujours renvoyer l'article, nous pouvons étudier un délai supplémentaire."],
        options: [
          { label: 'Demander un délai', url: v.extensionUrl, description: 'Expliquez-nous la situation, nous ferons notre possible pour rouvrir votre retour.' },
          { label: "Conserver l'article", url: v.orderUrl, description: 'Aucune démarche nécessaire. Votre commande reste inchangée.' },
        ],
        sms: `Désolés, le retour de la commande ${v.orderNumber} a expiré le ${smsDate(v.shipBy, c)}. Besoin d'un délai ? ${v.extensionUrl}`,
      }),
    de: (v, c) =>
      message(c, v.firstName, {
        subject: `Deine Retoure zu Bestellung ${v.orderNumber} wurde geschlossen`,
        preheader: 'Die Rücksendefrist ist abgelaufen. Du kannst aber noch um mehr Zeit bitten.',
        opening: `Danke, dass du eine Retoure für Bestellung ${v.orderNumber} angemeldet hast. Es tut uns leid, aber sie ist inzwischen geschlossen.`,
        evidence: [...(v.items ?? []).map(itemLine), `Rücksendefrist: ${date(v.shipBy, c)}`, 'Status: Bis dahin wurde beim Versanddienstleister kein Paket registriert'],
        body: ['Eine Retoure wird automatisch geschlossen, wenn bis zum Fristende kein Paket unterwegs ist.', 'Wenn du den Artikel noch zurückschicken möchtest, prüfen wir gern eine Verlängerung.'],
        options: [
          { label: 'Mehr Zeit anfragen', url: v.extensionUrl, description: 'Erzähl uns kurz, was los war. Wir tun unser Bestes, um deine Retoure wieder zu öffnen.' },
          { label: 'Artikel behalten', url: v.orderUrl, description: 'Weiter ist nichts zu tun. Deine Bestellung bleibt unverändert.' },
        ],
        sms: `Leider ist die Rückgabefrist für Bestellung ${v.orderNumber} abgelaufen. Mehr Zeit anfragen: ${v.extensionUrl}`,
      }),
  },
});

export const shippingTemplates = [returnLabelReady, returnReminder, returnExpired];
