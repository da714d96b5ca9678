// Links a message offers that only the shop can provide: the customer's order page ("keep the
// item"), where to ask for more time on a return, and the shop itself (where credit is spent). Flows do not know the shop's site, so the
// sender fills them in from the shop's settings when the request leaves them out: the shop's order
// page (`orderPageUrl`, with `{orderNumber}`), else its support page, else a prefilled email to
// support, so a choice in a message always leads somewhere a person answers.
import type { ShopNotifications } from '../shops/config.ts';

type Settings = Pick<ShopNotifications, 'supportEmail' | 'supportUrl' | 'orderPageUrl' | 'shopUrl'>;

const mailto = (to: string, subject: string) => `mailto:${to}?subject=${encodeURIComponent(subject)}`;

export function withShopLinks(templateData: Record<string, unknown>, settings: Settings): Record<string, unknown> {
  const orderNumber = typeof templateData.orderNumber === 'string' ? templateData.orderNumber : undefined;
  const bare = orderNumber?.replace(/^#/, '');
  const orderPage = settings.orderPageUrl && bare ? settings.orderPageUrl.replaceAll('{orderNumber}', encodeURIComponent(bare)) : undefined;
  const about = orderNumber ? ` (order ${orderNumber})` : '';
  const home = settings.shopUrl ?? (settings.orderPageUrl ? new URL(settings.orderPageUrl).origin : undefined);
  return {
    shopUrl: home ?? settings.supportUrl ?? mailto(settings.supportEmail, 'Store credit'),
    orderUrl: orderPage ?? settings.supportUrl ?? mailto(settings.supportEmail, `My order${about}`),
    extensionUrl: settings.supportUrl ?? mailto(settings.supportEmail, `More time for my return${about}`),
    ...templateData,
  };
}
