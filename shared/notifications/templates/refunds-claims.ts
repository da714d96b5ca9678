// A parcel claim's options (shared/refunds/claim-message.ts): the parcel did not arrive whole, the
// customer picks how we make it right, the recommended option first, each with its own link. The
// recommended one applies when they do not choose by the date given.
import * as z from 'zod';
import { Money } from '../../events/common.ts';
import { defineTemplate, formatDate, formatMoney, type MessageTemplate, type RenderContext, type TemplateLocale } from './define.ts';
import { closing, firstName, greeting, isoDate, orderNumber, signature } from './service-common.ts';

const Kind = z.enum(['full_refund', 'partial_refund', 'store_credit', 'keep_it', 'reship']);
type Kind = z.infer<typeof Kind>;
const ClaimKind = z.enum(['not_delivered', 'damaged_in_transit', 'wrong_item', 'missing_item']);
type ClaimKind = z.infer<typeof ClaimKind>;

const variables = z.object({
  firstName,
  orderNumber,
  claimKind: ClaimKind.describe('What the customer reported'),
  options: z
    .array(z.object({ kind: Kind, amount: Money.optional().describe('What it gives back; absent for a replacement'), bonus: Money.optional().describe('Store credit: the part given on top'), url: z.url().max(2000).describe('The link that picks it') }))
    .min(2)
    .max(5)
    .describe('The options, recommended first'),
  chooseBy: isoDate('After this date the recommended option applies').optional(),
});
type Vars = z.output<typeof variables>;

type Words = {
  claim: Record<ClaimKind, string>;
  option: (kind: Kind, amount: string | undefined, bonus: string | undefined) => [string, string];
};

const words: Record<TemplateLocale, Words> = {
  en: {
    claim: { not_delivered: 'your parcel has not arrived', damaged_in_transit: 'your parcel arrived damaged', wrong_item: 'you received the wrong item', missing_item: 'an item was missing from your parcel' },
    option: (kind, amount, bonus) =>
      ({
        reship: ['Send a replacement', 'We ship the items again right away, at no cost to you.'],
        full_refund: [`Refund ${amount}`, 'The money goes back to your original payment method.'],
        partial_refund: [`Refund ${amount}`, 'The money goes back to your original payment method.'],
        store_credit: [`Store credit of ${amount}`, bonus ? `Including ${bonus} extra from us, to spend in our shop.` : 'To spend in our shop.'],
        keep_it: [`Refund ${amount}, keep the item`, 'No need to send anything back.'],
      })[kind] as [string, string],
  },
  'zh-CN': {
    claim: { not_delivered: '您的包裹尚未送达', damaged_in_transit: '您的包裹在运输中损坏', wrong_item: '您收到的商品有误', missing_item: '您的包裹中少了商品' },
    option: (kind, amount, bonus) =>
      ({
        reship: ['免费补发', '我们会立即重新寄出，不收取任何费用。'],
        full_refund: [`退款 ${amount}`, '款项退回至您的原支付方式。'],
        partial_refund: [`退款 ${amount}`, '款项退回至您的原支付方式。'],
        store_credit: [`店铺余额 ${amount}`, bonus ? `其中 ${bonus} 是我们额外赠送的，可在本店使用。` : '可在本店使用。'],
        keep_it: [`退款 ${amount}，无需退货`, '商品您可以留下。'],
      })[kind] as [string, string],
  },
  es: {
    claim: { not_delivered: 'tu paquete no ha llegado', damaged_in_transit: 'tu paquete llegó dañado', wrong_item: 'recibiste un artículo equivocado', missing_item: 'faltaba un artículo en tu paquete' },
    option: (kind, amount, bonus) =>
      ({
        reship: ['Enviar un reemplazo', 'Volvemos a enviar los artículos enseguida, sin coste.'],
        full_refund: [`Reembolso de ${amount}`, 'Te lo devolvemos en tu método de pago original.'],
        partial_refund: [`Reembolso de ${amount}`, 'Te lo devolvemos en tu método de pago original.'],
        store_credit: [`Saldo de ${amount} en la tienda`, bonus ? `Incluye ${bonus} extra de nuestra parte.` : 'Para usar en nuestra tienda.'],
        keep_it: [`Reembolso de ${amount} sin devolución`, 'No tienes que enviarnos nada.'],
      })[kind] as [string, string],
  },
  fr: {
    claim: { not_delivered: "votre colis n'est pas arrivé", damaged_in_transit: 'votre colis est arrivé abîmé', wrong_item: 'vous avez reçu un mauvais article', missing_item: 'il manquait un article dans votre colis' },
    option: (kind, amount, bonus) =>
      ({
        reship: ['Envoyer un remplacement', 'Nous réexpédions les articles tout de suite, sans frais.'],
        full_refund: [`Remboursement de ${amount}`, "Sur votre moyen de paiement d'origine."],
        partial_refund: [`Remboursement de ${amount}`, "Sur votre moyen de paiement d'origine."],
        store_credit: [`Avoir de ${amount}`, bonus ? `Dont ${bonus} offerts, à utiliser dans notre boutique.` : 'À utiliser dans notre boutique.'],
        keep_it: [`Remboursement de ${amount}, gardez l'article`, 'Rien à nous renvoyer.'],
      })[kind] as [string, string],
  },
  de: {
    claim: { not_delivered: 'dein Paket nicht angekommen ist', damaged_in_transit: 'dein Paket beschädigt angekommen ist', wrong_item: 'du den falschen Artikel bekommen hast', missing_item: 'ein Artikel in deinem Paket gefehlt hat' },
    option: (kind, amount, bonus) =>
      ({
        reship: ['Ersatz senden', 'Wir schicken die Artikel sofort noch einmal, ohne Kosten für dich.'],
        full_refund: [`Erstattung über ${amount}`, 'Auf deine ursprüngliche Zahlungsart.'],
        partial_refund: [`Erstattung über ${amount}`, 'Auf deine ursprüngliche Zahlungsart.'],
        store_credit: [`Guthaben über ${amount}`, bonus ? `Davon ${bonus} extra von uns, für unseren Shop.` : 'Für unseren Shop.'],
        keep_it: [`Erstattung über ${amount}, Artikel behalten`, 'Du musst nichts zurückschicken.'],
      })[kind] as [string, string],
  },
};

function options(v: Vars, c: RenderContext) {
  return v.options.map((option) => {
    const [label, description] = words[c.locale].option(option.kind, option.amount && formatMoney(option.amount, c.locale), option.bonus && formatMoney(option.bonus, c.locale));
    return { label, description, url: option.url };
  });
}

const common = (v: Vars, c: RenderContext) => ({ greeting: greeting(c.locale, v.firstName), closing: closing(c), signature: signature(c), options: options(v, c) });
const first = (v: Vars, c: RenderContext) => options(v, c)[0]!;

const claimOptions = defineTemplate({
  messageType: 'claim_options',
  kind: 'problem',
  category: 'transactional',
  sentBy: 'refunds, when a parcel claim waits for the customer’s choice',
  description: 'A parcel did not arrive whole (not delivered, damaged, wrong or missing item): the options to make it right, recommended first, each with its link; the recommended one applies after the date given.',
  offersChoice: true,
  variables,
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    claimKind: 'not_delivered',
    options: [
      { kind: 'reship', url: 'https://acme.example/claims/dec_clm_1?choice=reship' },
      { kind: 'store_credit', amount: { amount: 2970, currency: 'USD' }, bonus: { amount: 270, currency: 'USD' }, url: 'https://acme.example/claims/dec_clm_1?choice=store_credit' },
      { kind: 'full_refund', amount: { amount: 2700, currency: 'USD' }, url: 'https://acme.example/claims/dec_clm_1?choice=full_refund' },
    ],
    chooseBy: '2024-06-09',
  },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `Order ${v.orderNumber}: how should we make it right?`,
      preheader: "We're sorry. Choose what suits you best.",
      opening: `Thank you for telling us that ${words.en.claim[v.claimKind]}. We're sorry about that.`,
      evidence: [`Order: ${v.orderNumber}.`],
      body: ['Choose one of the options below. The first one is what we recommend.', v.chooseBy ? `If we don't hear from you by ${formatDate(v.chooseBy, c)}, we'll go ahead with the first option.` : ''].filter(Boolean),
      sms: `Sorry about order ${v.orderNumber}. Choose how we make it right (see our email). Recommended: ${first(v, c).label} ${first(v, c).url}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `订单 ${v.orderNumber}：请选择处理方式`,
      preheader: '非常抱歉。请选择最适合您的方式。',
      opening: `感谢您告诉我们${words['zh-CN'].claim[v.claimKind]}。对此我们深感抱歉。`,
      evidence: [`订单：${v.orderNumber}。`],
      body: ['请从下列方式中选择一种。第一种是我们推荐的。', v.chooseBy ? `如果 ${formatDate(v.chooseBy, c)} 前未收到您的选择，我们将按第一种方式处理。` : ''].filter(Boolean),
      sms: `订单${v.orderNumber}给您带来不便，非常抱歉。请查看邮件选择处理方式。推荐：${first(v, c).label} ${first(v, c).url}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `Pedido ${v.orderNumber}: ¿cómo lo solucionamos?`,
      preheader: 'Lo sentimos. Elige lo que mejor te convenga.',
      opening: `Gracias por avisarnos de que ${words.es.claim[v.claimKind]}. Lo sentimos mucho.`,
      evidence: [`Pedido: ${v.orderNumber}.`],
      body: ['Elige una de estas opciones. La primera es la que te recomendamos.', v.chooseBy ? `Si no sabemos nada de ti antes del ${formatDate(v.chooseBy, c)}, aplicaremos la primera opción.` : ''].filter(Boolean),
      sms: `Lo sentimos por tu pedido ${v.orderNumber}. Elige una de las opciones de nuestro email. Recomendado: ${first(v, c).label} ${first(v, c).url}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `Commande ${v.orderNumber} : comment arranger les choses ?`,
      preheader: 'Nous sommes désolés. Choisissez ce qui vous convient.',
      opening: `Merci de nous avoir signalé que ${words.fr.claim[v.claimKind]}. Nous en sommes désolés.`,
      evidence: [`Commande : ${v.orderNumber}.`],
      body: ['Choisissez une des options ci-dessous. La première est celle que nous recommandons.', v.chooseBy ? `Sans réponse de votre part avant le ${formatDate(v.chooseBy, c)}, nous appliquerons la première option.` : ''].filter(Boolean),
      sms: `Désolés pour la commande ${v.orderNumber}. Choisissez la solution (voir notre email). Conseillé : ${first(v, c).label} ${first(v, c).url}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Bestellung ${v.orderNumber}: Wie machen wir es wieder gut?`,
      preheader: 'Es tut uns leid. Wähle, was für dich am besten passt.',
      opening: `Danke, dass du uns gesagt hast, dass ${words.de.claim[v.claimKind]}. Das tut uns leid.`,
      evidence: [`Bestellung: ${v.orderNumber}.`],
      body: ['Wähle eine der Möglichkeiten unten. Die erste empfehlen wir.', v.chooseBy ? `Hören wir bis zum ${formatDate(v.chooseBy, c)} nichts von dir, nehmen wir die erste Möglichkeit.` : ''].filter(Boolean),
      sms: `Es tut uns leid wegen Bestellung ${v.orderNumber}. Wähle die Lösung (siehe E-Mail). Empfohlen: ${first(v, c).label} ${first(v, c).url}`,
    }),
  },
});

export const claimTemplates: MessageTemplate[] = [claimOptions];
