// Repeat-purchase messages (marketing: sent only with consent, within frequency caps): time to
// re-order, we miss you, and thanks for moving up a loyalty tier.
import * as z from 'zod';
import { defineTemplate, formatDate, type MessageTemplate, type RenderContext } from './define.ts';
import { closing, discountCode, discountLine, discountText, firstName, greeting, isoDate, link, present, signature, text } from './service-common.ts';

const common = (vars: { firstName?: string | undefined }, context: RenderContext) => ({
  greeting: greeting(context.locale, vars.firstName),
  closing: closing(context),
  signature: signature(context),
});
const smsCode = (label: string, code?: string) => (code ? ` ${label} ${code}.` : '');

const replenishmentNudge = defineTemplate({
  messageType: 'replenishment_nudge',
  kind: 'marketing',
  category: 'marketing',
  sentBy: 'nudges',
  description: 'A product the customer bought is probably running out: a link to re-order it, with an optional discount.',
  variables: z.object({
    firstName,
    productTitle: text(120, 'The product as the store names it'),
    reorderUrl: link('Link that puts the product back in the cart'),
    lastOrderDate: isoDate('When the customer last ordered it').optional(),
    discountCode,
    discountText,
  }),
  example: {
    firstName: 'Ada',
    productTitle: 'Trail coffee beans, 1 kg',
    reorderUrl: 'https://acme.example/r/c8Tq',
    lastOrderDate: '2024-05-06',
    discountCode: 'Refill10',
    discountText: '10% off this order',
  },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `Running low on ${v.productTitle}?`,
      preheader: 'Re-order in a couple of clicks.',
      opening: `It's probably time to stock up again on ${v.productTitle}, so here is a quick way to do it.`,
      body: present([v.lastOrderDate && `You last ordered it on ${formatDate(v.lastOrderDate, c)}.`, discountLine('en', v.discountCode, v.discountText)]),
      action: { label: 'Re-order now', url: v.reorderUrl },
      sms: `Running low on ${v.productTitle}?${smsCode('Code', v.discountCode)} ${v.reorderUrl}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `您的${v.productTitle}快用完了吗？`,
      preheader: '轻点几下即可再次下单。',
      opening: `您的${v.productTitle}可能快用完了，现在补货很方便。`,
      body: present([v.lastOrderDate && `您上次购买是在${formatDate(v.lastOrderDate, c)}。`, discountLine('zh-CN', v.discountCode, v.discountText)]),
      action: { label: '再次购买', url: v.reorderUrl },
      sms: `${v.productTitle}快用完了吗？${v.discountCode ? `优惠码${v.discountCode}。` : ''}${v.reorderUrl}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `¿Se te está acabando ${v.productTitle}?`,
      preheader: 'Vuelve a pedirlo en un par de clics.',
      opening: `Puede que ya sea momento de reponer ${v.productTitle}, así que te lo ponemos fácil.`,
      body: present([v.lastOrderDate && `Lo pediste por última vez el ${formatDate(v.lastOrderDate, c)}.`, discountLine('es', v.discountCode, v.discountText)]),
      action: { label: 'Volver a pedir', url: v.reorderUrl },
      sms: `¿Toca reponer ${v.productTitle}?${smsCode('Usa', v.discountCode)} ${v.reorderUrl}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `${v.productTitle} : bientôt à court ?`,
      preheader: 'Recommandez en quelques clics.',
      opening: `C'est peut-être le moment de recommander : ${v.productTitle}.`,
      body: present([v.lastOrderDate && `Votre dernière commande de ce produit date du ${formatDate(v.lastOrderDate, c)}.`, discountLine('fr', v.discountCode, v.discountText)]),
      action: { label: 'Recommander', url: v.reorderUrl },
      sms: `C'est le moment de recommander : ${v.productTitle}.${smsCode('Code', v.discountCode)} ${v.reorderUrl}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Zeit zum Nachbestellen: ${v.productTitle}`,
      preheader: 'Mit wenigen Klicks nachbestellt.',
      opening: `Vielleicht geht dein Vorrat an ${v.productTitle} langsam zur Neige. Hier kannst du ganz einfach nachbestellen.`,
      body: present([v.lastOrderDate && `Deine letzte Bestellung davon war am ${formatDate(v.lastOrderDate, c)}.`, discountLine('de', v.discountCode, v.discountText)]),
      action: { label: 'Jetzt nachbestellen', url: v.reorderUrl },
      sms: `Zeit zum Nachbestellen: ${v.productTitle}.${smsCode('Code', v.discountCode)} ${v.reorderUrl}`,
    }),
  },
});

const winBack = defineTemplate({
  messageType: 'win_back',
  kind: 'marketing',
  category: 'marketing',
  sentBy: 'nudges',
  description: 'A customer has not ordered for a long time: we miss you, with an optional discount code.',
  variables: z.object({
    firstName,
    shopUrl: link('The storefront, or a landing page for returning customers'),
    discountCode,
    discountText,
    discountEndsOn: isoDate('Last day the discount is valid').optional(),
  }),
  example: { firstName: 'Ada', shopUrl: 'https://acme.example/welcome-back', discountCode: 'Back15', discountText: '15% off your next order', discountEndsOn: '2024-07-31' },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `We miss you at ${c.shop.shopName}`,
      preheader: v.discountCode || v.discountText ? 'A little something to welcome you back.' : "Here's what's new since your last visit.",
      opening: "It's been a while since your last visit, and we miss you.",
      body: present(['We have plenty of new things to show you.', discountLine('en', v.discountCode, v.discountText), v.discountEndsOn && `The offer is valid until ${formatDate(v.discountEndsOn, c)}.`]),
      action: { label: 'Visit the shop', url: v.shopUrl },
      sms: `We miss you!${smsCode('Code', v.discountCode)} ${v.shopUrl}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: '好久不见，我们很想念您',
      preheader: v.discountCode || v.discountText ? '为您准备了一份回归小礼。' : '来看看店里的新品吧。',
      opening: '好久不见，我们很想念您！',
      body: present(['店里上新了不少好物，欢迎回来看看。', discountLine('zh-CN', v.discountCode, v.discountText), v.discountEndsOn && `优惠有效期至${formatDate(v.discountEndsOn, c)}。`]),
      action: { label: '去逛逛', url: v.shopUrl },
      sms: `好久不见，我们很想念您！${v.discountCode ? `优惠码${v.discountCode}。` : ''}${v.shopUrl}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: 'Te echamos de menos',
      preheader: v.discountCode || v.discountText ? 'Un pequeño detalle para darte la bienvenida.' : 'Mira todo lo nuevo desde tu última visita.',
      opening: 'Hace tiempo que no te vemos por aquí, y te echamos de menos.',
      body: present(['Tenemos muchas novedades que enseñarte.', discountLine('es', v.discountCode, v.discountText), v.discountEndsOn && `La oferta es válida hasta el ${formatDate(v.discountEndsOn, c)}.`]),
      action: { label: 'Visitar la tienda', url: v.shopUrl },
      sms: `¡Te echamos de menos!${smsCode('Usa', v.discountCode)} ${v.shopUrl}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: 'Vous nous manquez',
      preheader: v.discountCode || v.discountText ? 'Une petite attention pour votre retour.' : 'Découvrez les nouveautés depuis votre dernière visite.',
      opening: 'Cela fait un moment, et vous nous manquez.',
      body: present(['Beaucoup de nouveautés vous attendent depuis votre dernière visite.', discountLine('fr', v.discountCode, v.discountText), v.discountEndsOn && `L'offre est valable jusqu'au ${formatDate(v.discountEndsOn, c)}.`]),
      action: { label: 'Découvrir la boutique', url: v.shopUrl },
      sms: `Vous nous manquez !${smsCode('Code', v.discountCode)} ${v.shopUrl}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: 'Wir vermissen dich',
      preheader: v.discountCode || v.discountText ? 'Eine kleine Überraschung zu deiner Rückkehr.' : 'Schau dir an, was es Neues gibt.',
      opening: 'Es ist eine Weile her, und wir vermissen dich.',
      body: present(['Seit deinem letzten Besuch gibt es bei uns viel Neues.', discountLine('de', v.discountCode, v.discountText), v.discountEndsOn && `Das Angebot gilt bis zum ${formatDate(v.discountEndsOn, c)}.`]),
      action: { label: 'Zum Shop', url: v.shopUrl },
      sms: `Wir vermissen dich!${smsCode('Code', v.discountCode)} ${v.shopUrl}`,
    }),
  },
});

const vipThankYou = defineTemplate({
  messageType: 'vip_thank_you',
  kind: 'marketing',
  category: 'marketing',
  sentBy: 'nudges',
  description: 'The customer moved up to a loyalty tier: thanks, and the benefits of the tier.',
  variables: z.object({
    firstName,
    tierName: text(40, 'The new tier as the shop names it, e.g. Gold'),
    benefits: z.array(text(120, 'One benefit, localized by the flow')).min(1).max(8).describe("The tier's benefits, localized by the flow"),
    benefitsUrl: link("Page describing the tier's benefits").optional(),
  }),
  example: {
    firstName: 'Ada',
    tierName: 'Gold',
    benefits: ['Free express shipping on every order', 'Early access to new collections', 'Free returns for 60 days'],
    benefitsUrl: 'https://acme.example/pages/gold',
  },
  content: {
    en: (v, c) => ({
      ...common(v, c),
      subject: `Thank you! You're now a ${v.tierName} member`,
      preheader: `Your ${v.tierName} benefits are ready.`,
      opening: `Thank you for shopping with us so often. You've moved up to ${v.tierName}!`,
      body: [`Here's what ${v.tierName} brings you:`, ...v.benefits.map((benefit) => `• ${benefit}`)],
      action: v.benefitsUrl ? { label: 'See your benefits', url: v.benefitsUrl } : undefined,
      sms: `Thank you! You're now a ${v.tierName} member.${v.benefitsUrl ? ` Your benefits: ${v.benefitsUrl}` : ''}`,
    }),
    'zh-CN': (v, c) => ({
      ...common(v, c),
      subject: `感谢您的支持！您已升级为${v.tierName}会员`,
      preheader: `您的${v.tierName}会员权益已生效。`,
      opening: `感谢您一直以来的支持！您已升级为${v.tierName}会员。`,
      body: [`${v.tierName}会员可享受以下权益：`, ...v.benefits.map((benefit) => `• ${benefit}`)],
      action: v.benefitsUrl ? { label: '查看我的权益', url: v.benefitsUrl } : undefined,
      sms: `感谢支持！您已升级为${v.tierName}会员。${v.benefitsUrl ? `权益详情：${v.benefitsUrl}` : ''}`,
    }),
    es: (v, c) => ({
      ...common(v, c),
      subject: `¡Gracias! Ya formas parte del nivel ${v.tierName}`,
      preheader: `Tus ventajas ${v.tierName} ya están activas.`,
      opening: `Gracias por elegirnos una y otra vez. ¡Ya formas parte del nivel ${v.tierName}!`,
      body: [`Esto es lo que te ofrece ${v.tierName}:`, ...v.benefits.map((benefit) => `• ${benefit}`)],
      action: v.benefitsUrl ? { label: 'Ver mis ventajas', url: v.benefitsUrl } : undefined,
      sms: `¡Gracias! Ya eres del nivel ${v.tierName}.${v.benefitsUrl ? ` Tus ventajas: ${v.benefitsUrl}` : ''}`,
    }),
    fr: (v, c) => ({
      ...common(v, c),
      subject: `Merci ! Vous passez au niveau ${v.tierName}`,
      preheader: `Vos avantages ${v.tierName} sont prêts.`,
      opening: `Merci pour votre fidélité. Vous faites désormais partie du niveau ${v.tierName} !`,
      body: [`Voici ce que le niveau ${v.tierName} vous apporte :`, ...v.benefits.map((benefit) => `• ${benefit}`)],
      action: v.benefitsUrl ? { label: 'Voir mes avantages', url: v.benefitsUrl } : undefined,
      sms: `Merci ! Vous passez au niveau ${v.tierName}.${v.benefitsUrl ? ` Vos avantages : ${v.benefitsUrl}` : ''}`,
    }),
    de: (v, c) => ({
      ...common(v, c),
      subject: `Danke! Du bist jetzt ${v.tierName}-Mitglied`,
      preheader: `Deine ${v.tierName}-Vorteile warten auf dich.`,
      opening: `Danke, dass du so gern bei uns einkaufst. Du bist jetzt ${v.tierName}-Mitglied!`,
      body: [`Das bringt dir ${v.tierName}:`, ...v.benefits.map((benefit) => `• ${benefit}`)],
      action: v.benefitsUrl ? { label: 'Meine Vorteile ansehen', url: v.benefitsUrl } : undefined,
      sms: `Danke! Du bist jetzt ${v.tierName}-Mitglied.${v.benefitsUrl ? ` Deine Vorteile: ${v.benefitsUrl}` : ''}`,
    }),
  },
});

export const marketingTemplates: MessageTemplate[] = [replenishmentNudge, winBack, vipThankYou];
