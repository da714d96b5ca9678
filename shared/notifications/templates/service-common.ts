// What the service templates (delays, nudges, surveys, ops alerts) share: variable schemas and
// the words every message repeats (greeting, closing, signature, discount line), per locale.
import * as z from 'zod';
import type { RenderContext, TemplateLocale } from './define.ts';

export const firstName = z.string().min(1).max(100).optional().describe('First name; without it the greeting is a neutral hello');
export const orderNumber = z.string().min(1).max(50).describe('Order number as the customer knows it, e.g. #1001');
export const isoDate = (what: string) => z.iso.date().describe(`${what} (ISO date, YYYY-MM-DD)`);
export const link = (what: string) => z.url().max(2000).describe(what);
export const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
export const discountCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{3,40}$/, 'letters, digits, dashes and underscores (3 to 40)')
  .optional()
  .describe('Discount code to type at checkout (a public code, not a secret)');
export const discountText = text(80, "The discount in words, localized by the flow, e.g. '10% off your next order'").optional();

/** `Hi Ada,` or a neutral `Hello,` when the first name is unknown. */
export function greeting(locale: TemplateLocale, name?: string): string {
  const words: Record<TemplateLocale, [named: (name: string) => string, neutral: string]> = {
    en: [(n) => `Hi ${n},`, 'Hello,'],
    'zh-CN': [(n) => `${n}，您好！`, '您好！'],
    es: [(n) => `Hola, ${n}:`, 'Hola:'],
    fr: [(n) => `Bonjour ${n},`, 'Bonjour,'],
    de: [(n) => `Hallo ${n},`, 'Hallo,'],
  };
  const [named, neutral] = words[locale];
  return name ? named(name) : neutral;
}

/** How to reach a person: every customer message ends with the shop's support address. */
export function closing({ locale, shop }: RenderContext): string {
  const email = shop.supportEmail;
  return {
    en: `Questions? Write to us at ${email} and a real person will get back to you.`,
    'zh-CN': `如有任何疑问，请发邮件至 ${email}。我们的客服会亲自回复您。`,
    es: `¿Tienes alguna duda? Escríbenos a ${email} y una persona de nuestro equipo te responderá.`,
    fr: `Une question ? Écrivez-nous à ${email} : une personne de notre équipe vous répondra.`,
    de: `Fragen? Schreib uns an ${email}, dann antwortet dir ein Mensch aus unserem Team.`,
  }[locale];
}

export function signature({ locale, shop }: RenderContext): string {
  const name = shop.shopName;
  return { en: `The ${name} team`, 'zh-CN': `${name} 团队`, es: `El equipo de ${name}`, fr: `L'équipe ${name}`, de: `Dein Team von ${name}` }[locale];
}

/** The words around a discount: with a code, a described discount, or both. */
export function discountLine(locale: TemplateLocale, code?: string, what?: string): string | undefined {
  if (!code && !what) return undefined;
  const words: Record<TemplateLocale, { both: (c: string, w: string) => string; code: (c: string) => string; auto: (w: string) => string }> = {
    en: { both: (c, w) => `Enjoy ${w} with the code ${c}.`, code: (c) => `Use the code ${c} at checkout.`, auto: (w) => `Applied automatically at checkout: ${w}.` },
    'zh-CN': { both: (c, w) => `结账时输入优惠码 ${c}，即可享受${w}。`, code: (c) => `结账时输入优惠码 ${c} 即可享受优惠。`, auto: (w) => `结账时将自动为您减免：${w}。` },
    es: { both: (c, w) => `Disfruta de ${w} con el código ${c}.`, code: (c) => `Usa el código ${c} al pagar.`, auto: (w) => `Se aplica automáticamente al pagar: ${w}.` },
    fr: { both: (c, w) => `Profitez de ${w} avec le code ${c}.`, code: (c) => `Utilisez le code ${c} lors du paiement.`, auto: (w) => `Réduction appliquée automatiquement au paiement : ${w}.` },
    de: { both: (c, w) => `Mit dem Code ${c} bekommst du ${w}.`, code: (c) => `Gib beim Bezahlen den Code ${c} ein.`, auto: (w) => `Automatisch beim Bezahlen abgezogen: ${w}.` },
  };
  const line = words[locale];
  if (code && what) return line.both(code, what);
  return code ? line.code(code) : line.auto(what!);
}

/** Drops the parts a message leaves out (an absent tracking link, no discount). */
export const present = <T>(items: Array<T | undefined | false>): T[] => items.filter((item): item is T => item !== undefined && item !== false);

/** ` label url` (or ` url`) when there is a link, for Latin-script SMS texts. */
export const smsLink = (label: string, url?: string) => (url ? ` ${label ? `${label} ` : ''}${url}` : '');
