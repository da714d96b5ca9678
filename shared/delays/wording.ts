// The words the delay flow puts into its templates, per locale: why the order is late (the
// templates' `reasonText`: plain language, lower case, no final full stop, never blaming the
// customer) and the carrier's latest status (`trackingStatus`).
import type { DelayReason } from '../events/delays.ts';
import type { ShipmentStatus } from '../events/shipments.ts';
import { formatDate, type TemplateLocale } from '../notifications/templates/define.ts';

type Reasons = Record<DelayReason, string | ((days: number) => string)>;

const reasons: Record<TemplateLocale, Reasons> = {
  en: {
    not_shipped_in_time: 'your order is taking longer than planned to leave our warehouse',
    delivery_overdue: 'your parcel is taking longer than expected to reach you',
    tracking_stalled: (d) => `the carrier has had no news of your parcel for ${d === 1 ? 'a day' : `${d} days`}`,
    carrier_exception: 'the carrier reported a problem with your parcel and is working on it',
    customs_hold: 'your parcel is clearing customs in your country',
    delivery_failed: 'the carrier could not deliver your parcel on its last attempt',
    lost_in_transit: 'the carrier cannot currently locate your parcel',
    returned_to_sender: 'the carrier is sending your parcel back to us',
  },
  'zh-CN': {
    not_shipped_in_time: '您的订单出库时间比预期要长',
    delivery_overdue: '您的包裹送达时间比预期要长',
    tracking_stalled: (d) => `承运商已有${d}天没有您包裹的最新消息`,
    carrier_exception: '承运商报告您的包裹出现问题，正在处理中',
    customs_hold: '您的包裹正在您所在的国家或地区办理清关',
    delivery_failed: '承运商上次尝试派送时未能送达您的包裹',
    lost_in_transit: '承运商目前无法确定您包裹的位置',
    returned_to_sender: '承运商正在将您的包裹退回给我们',
  },
  es: {
    not_shipped_in_time: 'tu pedido está tardando más de lo previsto en salir de nuestro almacén',
    delivery_overdue: 'tu paquete está tardando más de lo previsto en llegar',
    tracking_stalled: (d) => `el transportista no tiene noticias de tu paquete desde hace ${d === 1 ? 'un día' : `${d} días`}`,
    carrier_exception: 'el transportista ha informado de un problema con tu paquete y está trabajando para resolverlo',
    customs_hold: 'tu paquete está pasando la aduana de tu país',
    delivery_failed: 'el transportista no pudo entregar tu paquete en su último intento',
    lost_in_transit: 'el transportista no logra localizar tu paquete por ahora',
    returned_to_sender: 'el transportista nos está devolviendo tu paquete',
  },
  fr: {
    not_shipped_in_time: 'votre commande met plus de temps que prévu à quitter notre entrepôt',
    delivery_overdue: 'votre colis met plus de temps que prévu à vous parvenir',
    tracking_stalled: (d) => `le transporteur n’a pas eu de nouvelles de votre colis depuis ${d === 1 ? 'un jour' : `${d} jours`}`,
    carrier_exception: 'le transporteur a signalé un problème avec votre colis et s’en occupe',
    customs_hold: 'votre colis est en cours de dédouanement dans votre pays',
    delivery_failed: 'le transporteur n’a pas pu livrer votre colis lors de sa dernière tentative',
    lost_in_transit: 'le transporteur ne parvient pas à localiser votre colis pour le moment',
    returned_to_sender: 'le transporteur nous renvoie votre colis',
  },
  de: {
    not_shipped_in_time: 'deine Bestellung braucht länger als geplant, um unser Lager zu verlassen',
    delivery_overdue: 'dein Paket braucht länger als erwartet, um bei dir anzukommen',
    tracking_stalled: (d) => `der Versanddienstleister hat seit ${d === 1 ? 'einem Tag' : `${d} Tagen`} keine Neuigkeiten zu deinem Paket`,
    carrier_exception: 'der Versanddienstleister hat ein Problem mit deinem Paket gemeldet und kümmert sich darum',
    customs_hold: 'dein Paket wird gerade vom Zoll in deinem Land abgefertigt',
    delivery_failed: 'der Versanddienstleister konnte dein Paket beim letzten Versuch nicht zustellen',
    lost_in_transit: 'der Versanddienstleister kann dein Paket im Moment nicht finden',
    returned_to_sender: 'der Versanddienstleister schickt dein Paket an uns zurück',
  },
};

/** Why the order is late, for the templates' `reasonText`. `quietDays`: days without carrier news (tracking_stalled). */
export function reasonText(reason: DelayReason, locale: TemplateLocale, quietDays = 1): string {
  const words = reasons[locale][reason];
  return typeof words === 'function' ? words(Math.max(1, quietDays)) : words;
}

/** Where the parcel is: a carrier status, or before any: `preparing`, `shipped` (no carrier status), `delivery_attempted`. */
export type TrackingState = ShipmentStatus | 'preparing' | 'shipped' | 'delivery_attempted';

const states: Record<TemplateLocale, Record<TrackingState, string>> = {
  en: {
    preparing: 'Being prepared for shipping',
    shipped: 'Shipped',
    label_created: 'Label created, waiting for the carrier',
    in_transit: 'In transit',
    out_for_delivery: 'Out for delivery',
    available_for_pickup: 'Waiting at a pickup point',
    delivered: 'Delivered',
    failure: 'The carrier reported a problem',
    delivery_attempted: 'Delivery attempted',
    returned_to_sender: 'On its way back to us',
    customs_hold: 'Held at customs',
    lost: 'The carrier is looking for it',
  },
  'zh-CN': {
    preparing: '正在备货',
    shipped: '已发货',
    label_created: '已创建运单，等待承运商揽收',
    in_transit: '运输中',
    out_for_delivery: '派送中',
    available_for_pickup: '已到达自提点',
    delivered: '已送达',
    failure: '承运商报告异常',
    delivery_attempted: '已尝试派送',
    returned_to_sender: '正在退回',
    customs_hold: '海关查验中',
    lost: '承运商正在查找',
  },
  es: {
    preparing: 'Preparando el envío',
    shipped: 'Enviado',
    label_created: 'Etiqueta creada, a la espera del transportista',
    in_transit: 'En tránsito',
    out_for_delivery: 'En reparto',
    available_for_pickup: 'Esperando en un punto de recogida',
    delivered: 'Entregado',
    failure: 'El transportista ha informado de una incidencia',
    delivery_attempted: 'Intento de entrega realizado',
    returned_to_sender: 'De vuelta hacia nosotros',
    customs_hold: 'Retenido en aduana',
    lost: 'El transportista lo está buscando',
  },
  fr: {
    preparing: 'En cours de préparation',
    shipped: 'Expédié',
    label_created: 'Étiquette créée, en attente du transporteur',
    in_transit: 'En transit',
    out_for_delivery: 'En cours de livraison',
    available_for_pickup: 'Disponible en point relais',
    delivered: 'Livré',
    failure: 'Incident signalé par le transporteur',
    delivery_attempted: 'Tentative de livraison effectuée',
    returned_to_sender: 'En retour vers nous',
    customs_hold: 'Retenu en douane',
    lost: 'Recherché par le transporteur',
  },
  de: {
    preparing: 'Wird für den Versand vorbereitet',
    shipped: 'Versandt',
    label_created: 'Versandetikett erstellt, wartet auf Abholung',
    in_transit: 'Unterwegs',
    out_for_delivery: 'In Zustellung',
    available_for_pickup: 'Liegt in einer Abholstelle bereit',
    delivered: 'Zugestellt',
    failure: 'Der Versanddienstleister hat ein Problem gemeldet',
    delivery_attempted: 'Zustellversuch erfolgt',
    returned_to_sender: 'Auf dem Rückweg zu uns',
    customs_hold: 'Beim Zoll',
    lost: 'Wird vom Versanddienstleister gesucht',
  },
};

const lastUpdate: Record<TemplateLocale, (status: string, date: string) => string> = {
  en: (s, d) => `${s}, last update on ${d}`,
  'zh-CN': (s, d) => `${s}（最近更新：${d}）`,
  es: (s, d) => `${s}, última actualización el ${d}`,
  fr: (s, d) => `${s}, dernière mise à jour le ${d}`,
  de: (s, d) => `${s}, letzte Aktualisierung am ${d}`,
};

/** The carrier's latest status for the templates' `trackingStatus`, with the day of the last update when known. */
export function trackingStatusText(state: TrackingState, locale: TemplateLocale, timeZone: string, updatedAt?: string): string {
  const status = states[locale][state];
  return updatedAt ? lastUpdate[locale](status, formatDate(updatedAt, { locale, timeZone })) : status;
}
