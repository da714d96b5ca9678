// The outcome when the customer chose store credit: amount, bonus, how to use it, expiry.
import * as z from 'zod';
import type { Money } from '../../events/common.ts';
import { defineTemplate, type RenderContext } from './define.ts';
import { reshipTemplates } from './refunds-reship.ts';
import { amount, date, firstName, isoDate, link, message, money, orderNumber, smsAmount } from './returns-common.ts';

const plus = (base: Money, bonus?: Money): Money => ({ amount: base.amount + (bonus?.amount ?? 0), currency: base.currency });

/** Shared values of the store credit message in one locale. */
const credit = (v: { amount: Money; bonus?: Money | undefined }, c: RenderContext) => ({ total: amount(plus(v.amount, v.bonus), c), smsTotal: smsAmount(plus(v.amount, v.bonus), c), base: amount(v.amount, c), bonus: v.bonus && amount(v.bonus, c) });

const storeCreditIssued = defineTemplate({
  messageType: 'store_credit_issued',
  kind: 'update',
  category: 'transactional',
  sentBy: 'refunds flow, on StoreCreditIssued',
  description: 'Store credit was issued: the amount, any bonus, how to use it (gift card code or account credit) and the expiry date.',
  variables: z
    .object({
      firstName,
      orderNumber,
      amount: money('Credit for the returned items'),
      bonus: money('Extra credit on top, for choosing store credit').optional(),
      kind: z.enum(['gift_card', 'account_credit']).describe('A gift card (its code comes in a separate message) or credit on the customer account'),
      codeLastCharacters: z.string().regex(/^[A-Za-z0-9]{4}$/).optional().describe('Last 4 characters of the gift card code; the code itself is never in the data'),
      storeCreditId: z.string().min(1).max(200).optional().describe('The gift card; the sender reads its code by this id when it renders the message'),
      code: z.string().min(4).max(100).optional().describe('The full gift card code: added by the sender at render time, never sent in a request'),
      expiresAt: isoDate('When the credit expires').optional(),
      shopUrl: link('Where to spend it'),
    })
    .refine((v) => !v.bonus || v.bonus.currency === v.amount.currency, { message: 'bonus must be in the currency of amount', path: ['bonus'] }),
  example: {
    firstName: 'Ada',
    orderNumber: '#1001',
    amount: { amount: 24900, currency: 'USD' },
    bonus: { amount: 1000, currency: 'USD' },
    kind: 'gift_card',
    codeLastCharacters: 'X7Q2',
    expiresAt: '2025-05-15',
    shopUrl: 'https://acme.example',
  },
  content: {
    en: (v, c) => {
      const m = credit(v, c);
      return message(c, v.firstName, {
        subject: `Your store credit of ${m.total} is ready`,
        preheader: m.bonus ? `Including a ${m.bonus} bonus from us.` : 'Use it on your next order.',
        opening: `We've added ${m.total} in store credit for your return from order ${v.orderNumber}.`,
        evidence: [
          `Credit for your return: ${m.base}`,
          m.bonus && `Bonus: ${m.bonus}`,
          m.bonus && `Total: ${m.total}`,
          v.codeLastCharacters && (v.code ? `Gift card code: ${v.code}` : `Gift card code ending in: ${v.codeLastCharacters}`),
          v.expiresAt ? `Valid until: ${date(v.expiresAt, c)}` : 'Valid: no expiry date',
        ],
        body: [
          v.kind === 'gift_card' ? (v.code ? 'Enter the code at checkout to use your credit.' : 'Your full gift card code comes in a separate email. Enter it at checkout to use your credit.') : "It's linked to your customer account. Sign in at checkout and it applies automatically.",
          m.bonus && 'The bonus is our thank-you for choosing store credit.',
        ],
        action: { label: 'Start shopping', url: v.shopUrl },
        sms: `Your store credit of ${m.smsTotal} for order ${v.orderNumber} is ready. Shop now: ${v.shopUrl}`,
      });
    },
    'zh-CN': (v, c) => {
      const m = credit(v, c);
      return message(c, v.firstName, {
        subject: `您的店铺余额 ${m.total} 已到账`,
        preheader: m.bonus ? `其中包含我们额外赠送的 ${m.bonus}。` : '可用于您的下一笔订单。',
        opening: `我们已为您订单 ${v.orderNumber} 的退货发放 ${m.total} 店铺余额。`,
        evidence: [
          `退货金额：${m.base}`,
          m.bonus && `额外赠送：${m.bonus}`,
          m.bonus && `合计：${m.total}`,
          v.codeLastCharacters && (v.code ? `礼品卡号：${v.code}` : `礼品卡号末四位：${v.codeLastCharacters}`),
          v.expiresAt ? `有效期至：${date(v.expiresAt, c)}` : '有效期：长期有效',
        ],
        body: [
          v.kind === 'gift_card' ? (v.code ? '结账时输入礼品卡号即可使用。' : '完整的礼品卡号会通过另一封邮件发送给您，结账时输入即可使用。') : '余额已存入您的会员账户，登录后结账时会自动抵扣。',
          m.bonus && '额外赠送的金额，是我们感谢您选择店铺余额的一点心意。',
        ],
        action: { label: '立即选购', url: v.shopUrl },
        sms: `订单${v.orderNumber}的店铺余额${m.smsTotal}已到账。选购：${v.shopUrl}`,
      });
    },
    es: (v, c) => {
      const m = credit(v, c);
      return message(c, v.firstName, {
        subject: `Ya tienes ${m.total} de saldo en tienda`,
        preheader: m.bonus ? `Incluye un extra de ${m.bonus} de nuestra parte.` : 'Úsalo en tu próximo pedido.',
        opening: `Hemos añadido ${m.total} de saldo en tienda por la devolución del pedido ${v.orderNumber}.`,
        evidence: [
          `Saldo por tu devolución: ${m.base}`,
          m.bonus && `Extra: ${m.bonus}`,
          m.bonus && `Total: ${m.total}`,
          v.codeLastCharacters && (v.code ? `Código de la tarjeta regalo: ${v.code}` : `Tarjeta regalo terminada en: ${v.codeLastCharacters}`),
          v.expiresAt ? `Válido hasta: ${date(v.expiresAt, c)}` : 'Validez: sin fecha de caducidad',
        ],
        body: [
          v.kind === 'gift_card' ? (v.code ? 'Introduce el código al pagar para usar tu saldo.' : 'Te enviaremos el código completo de la tarjeta regalo en otro correo. Introdúcelo al pagar para usar tu saldo.') : 'Está vinculado a tu cuenta de cliente. Inicia sesión al pagar y se aplicará automáticamente.',
          m.bonus && 'El extra es nuestra forma de darte las gracias por elegir saldo en tienda.',
        ],
        action: { label: 'Ir a la tienda', url: v.shopUrl },
        sms: `Ya tienes ${m.smsTotal} de saldo en tienda por el pedido ${v.orderNumber}. Compra en ${v.shopUrl}`,
      });
    },
    fr: (v, c) => {
      const m = credit(v, c);
      return message(c, v.firstName, {
        subject: `Votre avoir de ${m.total} est disponible`,
        preheader: m.bonus ? `Dont ${m.bonus} offerts par nos soins.` : 'À utiliser lors de votre prochaine commande.',
        opening: `Nous avons crédité un avoir de ${m.total} pour votre retour de la commande ${v.orderNumber}.`,
        evidence: [
          `Avoir pour votre retour\u00a0: ${m.base}`,
          m.bonus && `Bonus\u00a0: ${m.bonus}`,
          m.bonus && `Total\u00a0: ${m.total}`,
          v.codeLastCharacters && (v.code ? `Code de la carte cadeau\u00a0: ${v.code}` : `Carte cadeau se terminant par\u00a0: ${v.codeLastCharacters}`),
          v.expiresAt ? `Valable jusqu'au ${date(v.expiresAt, c)}` : "Validité\u00a0: sans date d'expiration",
        ],
        body: [
          v.kind === 'gift_card' && v.code
            ? 'Saisissez le code lors du paiement pour utiliser votre avoir.'
            : v.kind === 'gift_card'
            ? 'Vous recevrez le code complet de la carte cadeau dans un e-mail séparé. Saisissez-le lors du paiement pour utiliser votre avoir.'
            : "Il est lié à votre compte client. Connectez-vous lors du paiement et il s'appliquera automatiquement.",
          m.bonus && "Ce bonus est notre façon de vous remercier d'avoir choisi un avoir.",
        ],
        action: { label: 'Découvrir la boutique', url: v.shopUrl },
        sms: `Votre avoir de ${m.smsTotal} (commande ${v.orderNumber}) est disponible. Boutique : ${v.shopUrl}`,
      });
    },
    de: (v, c) => {
      const m = credit(v, c);
      return message(c, v.firstName, {
        subject: `Dein Guthaben über ${m.total} ist da`,
        preheader: m.bonus ? `Inklusive ${m.bonus} Bonus von uns.` : 'Einlösbar bei deiner nächsten Bestellung.',
        opening: `Für deine Retoure aus Bestellung ${v.orderNumber} haben wir dir ${m.total} Guthaben gutgeschrieben.`,
        evidence: [
          `Guthaben für deine Retoure: ${m.base}`,
          m.bonus && `Bonus: ${m.bonus}`,
          m.bonus && `Gesamt: ${m.total}`,
          v.codeLastCharacters && (v.code ? `Gutscheincode: ${v.code}` : `Geschenkgutschein mit der Endung: ${v.codeLastCharacters}`),
          v.expiresAt ? `Gültig bis: ${date(v.expiresAt, c)}` : 'Gültigkeit: unbegrenzt',
        ],
        body: [
          v.kind === 'gift_card' ? (v.code ? 'Gib den Code an der Kasse ein, um dein Guthaben zu nutzen.' : 'Den vollständigen Gutscheincode schicken wir dir in einer separaten E-Mail. Gib ihn an der Kasse ein, um dein Guthaben zu nutzen.') : 'Es ist mit deinem Kundenkonto verknüpft. Melde dich an der Kasse an, dann wird es automatisch verrechnet.',
          m.bonus && 'Der Bonus ist unser Dankeschön dafür, dass du dich für Guthaben entschieden hast.',
        ],
        action: { label: 'Jetzt einkaufen', url: v.shopUrl },
        sms: `Dein Guthaben über ${m.smsTotal} zu Bestellung ${v.orderNumber} ist da. Zum Shop: ${v.shopUrl}`,
      });
    },
  },
});

/** Store credit, and its sibling settlement without money: the free replacement of a reship. */
export const creditTemplates = [storeCreditIssued, ...reshipTemplates];
