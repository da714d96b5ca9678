// Each refusal rule as one short sentence in the customer's language: it says why, politely, and
// never blames the customer. Dates are the shop's calendar day (`lastDay`), written as the locale does.
import { formatDate, supportedLocale, templateLocales, type TemplateLocale } from '../notifications/templates/define.ts';
import type { OfferResolution } from './policy.ts';
import type { Refusal, RefusalRule } from './eligibility.ts';

type Params = Refusal['params'];
type Sentence = (params: Params, locale: TemplateLocale) => string;

const resolutionNames: Record<TemplateLocale, Record<OfferResolution, string>> = {
  en: { refund: 'a refund', store_credit: 'store credit', exchange: 'an exchange', keep: 'keeping the item' },
  'zh-CN': { refund: '退款', store_credit: '店铺积分', exchange: '换货', keep: '无需退回商品' },
  es: { refund: 'un reembolso', store_credit: 'crédito en tienda', exchange: 'un cambio', keep: 'quedarse con el artículo' },
  fr: { refund: 'un remboursement', store_credit: 'un avoir', exchange: 'un échange', keep: 'la conservation de l’article' },
  de: { refund: 'eine Erstattung', store_credit: 'ein Guthaben', exchange: 'einen Umtausch', keep: 'das Behalten des Artikels' },
};

const date = (params: Params, locale: TemplateLocale) => (typeof params.deadline === 'string' ? formatDate(params.deadline, { locale, timeZone: 'UTC' }) : '');
const resolution = (params: Params, locale: TemplateLocale) => resolutionNames[locale][params.resolution as OfferResolution] ?? String(params.resolution ?? '');
const none = (params: Params) => Number(params.max ?? 0) <= 0;

const messages: Record<RefusalRule, Record<TemplateLocale, Sentence>> = {
  'window.expired': {
    en: (p, l) => `The return period for this item ended on ${date(p, l)}, so it can no longer be returned.`,
    'zh-CN': (p, l) => `该商品的退货期限已于${date(p, l)}结束，因此无法再退货。`,
    es: (p, l) => `El plazo de devolución de este artículo terminó el ${date(p, l)}, por lo que ya no se puede devolver.`,
    fr: (p, l) => `Le délai de retour de cet article a pris fin le ${date(p, l)} : il ne peut plus être retourné.`,
    de: (p, l) => `Die Rückgabefrist für diesen Artikel endete am ${date(p, l)}, daher ist keine Rückgabe mehr möglich.`,
  },
  'exclusion.product': {
    en: () => 'This product is not eligible for returns under the shop’s return policy.',
    'zh-CN': () => '根据本店的退货政策，该商品不支持退货。',
    es: () => 'Este producto no admite devoluciones según la política de devoluciones de la tienda.',
    fr: () => 'Ce produit n’est pas éligible au retour selon la politique de retour de la boutique.',
    de: () => 'Dieser Artikel ist laut Rückgaberichtlinie des Shops von der Rückgabe ausgeschlossen.',
  },
  'exclusion.tag': {
    en: () => 'Items in this category are not eligible for returns under the shop’s return policy.',
    'zh-CN': () => '根据本店的退货政策，该类别的商品不支持退货。',
    es: () => 'Los artículos de esta categoría no admiten devoluciones según la política de la tienda.',
    fr: () => 'Les articles de cette catégorie ne sont pas éligibles au retour selon la politique de la boutique.',
    de: () => 'Artikel dieser Kategorie sind laut Rückgaberichtlinie des Shops von der Rückgabe ausgeschlossen.',
  },
  'exclusion.final_sale': {
    en: () => 'This item was sold as final sale, so it cannot be returned.',
    'zh-CN': () => '该商品为最终销售商品，不支持退货。',
    es: () => 'Este artículo se vendió como venta final, por lo que no se puede devolver.',
    fr: () => 'Cet article a été vendu en vente finale : il ne peut pas être retourné.',
    de: () => 'Dieser Artikel wurde als vom Umtausch ausgeschlossene Ware verkauft und kann nicht zurückgegeben werden.',
  },
  'quantity.exceeds': {
    en: (p) => (none(p) ? 'All units of this item are already being returned or have been refunded.' : `Up to ${p.max} of this item can still be returned.`),
    'zh-CN': (p) => (none(p) ? '该商品的所有数量均已在退货中或已退款。' : `该商品最多还可退${p.max}件。`),
    es: (p) => (none(p) ? 'Todas las unidades de este artículo ya están en devolución o han sido reembolsadas.' : `Aún se pueden devolver hasta ${p.max} unidades de este artículo.`),
    fr: (p) => (none(p) ? 'Toutes les unités de cet article sont déjà en retour ou ont été remboursées.' : `Vous pouvez encore retourner jusqu’à ${p.max} unité(s) de cet article.`),
    de: (p) => (none(p) ? 'Alle Einheiten dieses Artikels werden bereits zurückgegeben oder wurden erstattet.' : `Von diesem Artikel können noch bis zu ${p.max} Stück zurückgegeben werden.`),
  },
  'reason.not_allowed': {
    en: () => 'This return reason is not available for this shop. Please choose another reason.',
    'zh-CN': () => '本店不支持该退货原因，请选择其他原因。',
    es: () => 'Este motivo de devolución no está disponible en esta tienda. Elija otro motivo, por favor.',
    fr: () => 'Ce motif de retour n’est pas proposé par cette boutique. Merci de choisir un autre motif.',
    de: () => 'Dieser Rückgabegrund wird von diesem Shop nicht angeboten. Bitte wählen Sie einen anderen Grund.',
  },
  'reason.photos_required': {
    en: () => 'For this reason, please add a photo of the item so we can help you quickly.',
    'zh-CN': () => '选择此原因时，请上传商品照片，以便我们尽快为您处理。',
    es: () => 'Para este motivo, añada una foto del artículo para que podamos ayudarle rápidamente.',
    fr: () => 'Pour ce motif, merci d’ajouter une photo de l’article afin que nous puissions vous aider rapidement.',
    de: () => 'Bitte fügen Sie für diesen Grund ein Foto des Artikels hinzu, damit wir Ihnen schnell helfen können.',
  },
  'resolution.not_offered': {
    en: (p, l) => `${capitalize(resolution(p, l))} is not available for this item and reason. Please choose another option.`,
    'zh-CN': (p, l) => `该商品和原因不支持${resolution(p, l)}，请选择其他方式。`,
    es: (p, l) => `${capitalize(resolution(p, l))} no está disponible para este artículo y motivo. Elija otra opción, por favor.`,
    fr: (p, l) => `${capitalize(resolution(p, l))} n’est pas proposé pour cet article et ce motif. Merci de choisir une autre option.`,
    de: (p, l) => `${capitalize(resolution(p, l))} ist für diesen Artikel und Grund nicht möglich. Bitte wählen Sie eine andere Option.`,
  },
  'order.not_fulfilled': {
    en: () => 'This item has not been shipped yet, so it cannot be returned. You can contact us to change or cancel it.',
    'zh-CN': () => '该商品尚未发货，因此无法退货。如需更改或取消，请联系我们。',
    es: () => 'Este artículo aún no se ha enviado, por lo que no se puede devolver. Puede contactarnos para modificarlo o cancelarlo.',
    fr: () => 'Cet article n’a pas encore été expédié : il ne peut pas être retourné. Contactez-nous pour le modifier ou l’annuler.',
    de: () => 'Dieser Artikel wurde noch nicht versandt und kann daher nicht zurückgegeben werden. Kontaktieren Sie uns, um ihn zu ändern oder zu stornieren.',
  },
  'order.cancelled': {
    en: () => 'This order was cancelled, so there is nothing to return.',
    'zh-CN': () => '该订单已取消，无需退货。',
    es: () => 'Este pedido se canceló, por lo que no hay nada que devolver.',
    fr: () => 'Cette commande a été annulée : il n’y a rien à retourner.',
    de: () => 'Diese Bestellung wurde storniert, es gibt daher nichts zurückzugeben.',
  },
  'line.not_found': {
    en: () => 'We could not find this item in the order. Please check the order and try again.',
    'zh-CN': () => '我们在该订单中未找到此商品，请核对订单后重试。',
    es: () => 'No encontramos este artículo en el pedido. Revise el pedido e inténtelo de nuevo.',
    fr: () => 'Nous n’avons pas trouvé cet article dans la commande. Merci de vérifier la commande et de réessayer.',
    de: () => 'Wir konnten diesen Artikel in der Bestellung nicht finden. Bitte prüfen Sie die Bestellung und versuchen Sie es erneut.',
  },
  'exchange.unavailable': {
    en: () => 'The replacement you chose is not available right now. Please choose another one, or another option.',
    'zh-CN': () => '您选择的换货商品目前无货，请选择其他商品或其他方式。',
    es: () => 'El artículo de cambio que eligió no está disponible en este momento. Elija otro u otra opción, por favor.',
    fr: () => 'L’article de remplacement choisi n’est pas disponible pour le moment. Merci d’en choisir un autre, ou une autre option.',
    de: () => 'Der gewählte Ersatzartikel ist derzeit nicht verfügbar. Bitte wählen Sie einen anderen oder eine andere Option.',
  },
  'exchange.currency': {
    en: () => 'The replacement you chose is sold in another currency than your order, so it cannot be exchanged. Please choose another one.',
    'zh-CN': () => '您选择的换货商品与订单使用不同币种，无法换货，请选择其他商品。',
    es: () => 'El artículo de cambio que eligió se vende en otra moneda que su pedido, por lo que no se puede cambiar. Elija otro, por favor.',
    fr: () => 'L’article de remplacement choisi est vendu dans une autre devise que votre commande : l’échange n’est pas possible. Merci d’en choisir un autre.',
    de: () => 'Der gewählte Ersatzartikel wird in einer anderen Währung als Ihre Bestellung verkauft und kann daher nicht getauscht werden. Bitte wählen Sie einen anderen.',
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The refusal in `locale` (any BCP 47 tag; unsupported ones fall back to English). */
export function refusalMessage(refusal: Refusal, locale: string): string {
  const resolved = supportedLocale(locale) ?? 'en';
  return messages[refusal.rule][resolved](refusal.params, resolved);
}

export { templateLocales as refusalLocales };
