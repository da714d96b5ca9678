// Turns a template and its variables into what is sent: a branded HTML email (table layout and
// inline CSS, as Outlook and Gmail need), its plain-text part, and the SMS text. Pure: no AWS.
import type { MessageContent, MessageTemplate, RenderContext, TemplateLocale } from './templates/define.ts';
import { renderSms } from './sms.ts';

export interface RenderOptions {
  unsubscribeUrl?: string;
  preferencesUrl?: string;
  /** Which channel the message goes out on: marketing email must carry an unsubscribe link. */
  channel?: 'email' | 'sms' | 'all';
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  sms: string;
}

/** The variables do not match the template: names each missing or invalid path. */
export class TemplateVariablesError extends Error {
  override readonly name = 'TemplateVariablesError';
  constructor(
    readonly messageType: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${messageType}: ${problem}`).join('; '));
  }
}

/** The renderer's own words, per locale. */
export const renderWords: Record<TemplateLocale, { recommended: string; unsubscribe: string; preferences: string; help: string }> = {
  en: { recommended: 'Recommended', unsubscribe: 'Unsubscribe', preferences: 'Email preferences', help: 'Help' },
  'zh-CN': { recommended: '推荐', unsubscribe: '退订', preferences: '邮件偏好设置', help: '帮助中心' },
  es: { recommended: 'Recomendado', unsubscribe: 'Darse de baja', preferences: 'Preferencias de correo', help: 'Ayuda' },
  fr: { recommended: 'Recommandé', unsubscribe: 'Se désabonner', preferences: 'Préférences e-mail', help: 'Aide' },
  de: { recommended: 'Empfohlen', unsubscribe: 'Abbestellen', preferences: 'E-Mail-Einstellungen', help: 'Hilfe' },
};
const words = renderWords;

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined), value);

/** Parses the variables and returns the template's words in the context's locale. */
export function renderContent(template: MessageTemplate, rawVariables: unknown, context: RenderContext): MessageContent {
  const parsed = template.variables.safeParse(rawVariables);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = ['variables', ...issue.path.map(String)].join('.');
      return issue.code === 'invalid_type' && valueAt(rawVariables, issue.path) === undefined ? `${path} is required` : `${path}: ${issue.message}`;
    });
    throw new TemplateVariablesError(template.messageType, problems);
  }
  return template.content[context.locale](parsed.data, context);
}

/**
 * The URL if it is http(s) (or, for links a person follows, a `mailto:` to the shop's support),
 * normalised (no spaces or line breaks), else undefined: the link is dropped.
 */
export function safeUrl(url: string | undefined, { mailto = false } = {}): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || (mailto && parsed.protocol === 'mailto:') ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Headers for the email: one-click unsubscribe (RFC 8058) for marketing, none for transactional. */
export function emailHeaders(template: MessageTemplate, options: RenderOptions): Array<{ name: string; value: string }> {
  const url = safeUrl(options.unsubscribeUrl);
  if (template.category !== 'marketing' || !url) return [];
  const headers = [{ name: 'List-Unsubscribe', value: `<${url}>` }];
  // RFC 8058 one-click requires an HTTPS URI; a plain http one is still a valid List-Unsubscribe.
  if (url.startsWith('https:')) headers.push({ name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' });
  return headers;
}

export function renderMessage(template: MessageTemplate, rawVariables: unknown, context: RenderContext, options: RenderOptions = {}): RenderedMessage {
  const content = renderContent(template, rawVariables, context);
  const marketing = template.category === 'marketing';
  const channel = options.channel ?? 'all';
  if (marketing && channel !== 'sms' && !safeUrl(options.unsubscribeUrl)) {
    // Permanent, like bad variables: retrying cannot add the link (and the email must not go without it).
    throw new TemplateVariablesError(template.messageType, ['options.unsubscribeUrl (http or https) is required for a marketing email']);
  }
  return {
    subject: content.subject,
    html: renderHtml(content, context, marketing, options, Boolean(template.offersChoice)),
    text: renderText(content, context, marketing, options, Boolean(template.offersChoice)),
    sms: renderSms(content.sms, { marketing, locale: context.locale, shopName: context.shop.shopName }),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
/** Escaped, line breaks kept. */
const escapeLines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

const defaultAccent = '#1f6feb';
/** The shop's accent if it is `#RRGGBB` (it goes into CSS), else the default. */
function accentOf(context: RenderContext): string {
  const accent = context.shop.accentColor;
  return accent && /^#[0-9a-f]{6}$/i.test(accent) ? accent : defaultAccent;
}
/** Dark text on light accents, white on dark ones (WCAG relative luminance). */
function onAccent(accent: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(accent.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#111111' : '#ffffff';
}

const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;";
const paragraph = (html: string, style = '') => `<p style="margin:0 0 16px;${font}font-size:16px;line-height:24px;color:#1f2328;${style}">${html}</p>`;

/** A bulletproof button: a coloured cell around the link, so Outlook (no padding on <a>) shows it. */
function button(label: string, url: string, accent: string, outlined = false): string {
  const [background, color, border] = outlined ? ['#ffffff', accent, accent] : [accent, onAccent(accent), accent];
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:separate;margin:0 0 8px;"><tr>` +
    `<td align="center" bgcolor="${background}" style="border-radius:6px;border:2px solid ${border};background-color:${background};">` +
    `<a href="${escapeHtml(url)}" target="_blank" style="display:inline-block;padding:12px 24px;${font}font-size:16px;font-weight:600;line-height:20px;color:${color};text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>` +
    `</td></tr></table>`
  );
}

/** `recommendFirst`: the options are choices, the first recommended (not, say, a rating scale). */
function renderHtml(content: MessageContent, context: RenderContext, marketing: boolean, options: RenderOptions, recommendFirst: boolean): string {
  const { shop, locale } = context;
  const accent = accentOf(context);
  const logo = safeUrl(shop.logoUrl);
  const header = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(shop.shopName)}" height="40" style="display:block;height:40px;width:auto;border:0;outline:none;text-decoration:none;">`
    : `<span style="${font}font-size:20px;font-weight:700;color:#1f2328;">${escapeHtml(shop.shopName)}</span>`;

  const parts: string[] = [paragraph(escapeLines(content.greeting), 'font-weight:600;'), paragraph(escapeLines(content.opening))];
  if (content.evidence?.length) {
    const items = content.evidence.map((item) => `<p style="margin:0 0 8px;${font}font-size:15px;line-height:22px;color:#1f2328;">${escapeLines(item)}</p>`).join('');
    parts.push(
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;"><tr>` +
        `<td bgcolor="#f6f8fa" style="padding:16px 16px 8px;background-color:#f6f8fa;border-left:4px solid ${accent};border-radius:4px;">${items}</td></tr></table>`,
    );
  }
  for (const text of content.body ?? []) parts.push(paragraph(escapeLines(text)));
  content.options?.forEach((option, index) => {
    const url = safeUrl(option.url, { mailto: true });
    const badge = recommendFirst && index === 0 ? ` <span style="${font}font-size:12px;font-weight:700;color:${accent};">${escapeHtml(words[locale].recommended)}</span>` : '';
    const link = url ? button(option.label, url, accent, index > 0) : paragraph(`<strong>${escapeHtml(option.label)}</strong>`, 'margin:0 0 8px;');
    const description = option.description ? `<p style="margin:0;${font}font-size:14px;line-height:20px;color:#59636e;">${escapeLines(option.description)}${badge}</p>` : badge ? `<p style="margin:0;">${badge}</p>` : '';
    parts.push(`<div style="margin:0 0 20px;">${link}${description}</div>`);
  });
  const action = content.action && safeUrl(content.action.url, { mailto: true });
  if (content.action && action) parts.push(`<div style="margin:8px 0 24px;">${button(content.action.label, action, accent)}</div>`);
  parts.push(paragraph(escapeLines(content.closing)), paragraph(escapeLines(content.signature), 'margin:0;'));

  const footerLinks: string[] = [];
  const support = safeUrl(shop.supportUrl);
  if (support) footerLinks.push(footerLink(words[locale].help, support));
  if (marketing) {
    const unsubscribe = safeUrl(options.unsubscribeUrl);
    const preferences = safeUrl(options.preferencesUrl);
    if (unsubscribe) footerLinks.push(footerLink(words[locale].unsubscribe, unsubscribe));
    if (preferences) footerLinks.push(footerLink(words[locale].preferences, preferences));
  }
  const footer =
    `<p style="margin:0 0 8px;${font}font-size:13px;line-height:20px;color:#59636e;">${escapeHtml(shop.shopName)} · ${escapeHtml(shop.supportEmail)}</p>` +
    (footerLinks.length ? `<p style="margin:0;${font}font-size:13px;line-height:20px;color:#59636e;">${footerLinks.join(' · ')}</p>` : '');

  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}" xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.subject)}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
<style>
@media only screen and (max-width: 620px) { .container { width: 100% !important; } .content { padding: 24px 16px !important; } }
</style>
</head>
<body style="margin:0;padding:0;background-color:#f0f2f5;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;">
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:#f0f2f5;">${escapeHtml(content.preheader)}${'&#847;&zwnj;&nbsp;'.repeat(30)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f0f2f5" style="background-color:#f0f2f5;">
<tr><td align="center" style="padding:24px 8px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;">
<tr><td style="padding:0 0 16px;">${header}</td></tr>
<tr><td class="content" bgcolor="#ffffff" style="padding:32px;background-color:#ffffff;border-top:4px solid ${accent};border-radius:6px;">
${parts.join('\n')}
</td></tr>
<tr><td style="padding:16px 8px;">${footer}</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

const footerLink = (label: string, url: string) => `<a href="${escapeHtml(url)}" target="_blank" style="color:#59636e;text-decoration:underline;">${escapeHtml(label)}</a>`;

function renderText(content: MessageContent, context: RenderContext, marketing: boolean, options: RenderOptions, recommendFirst: boolean): string {
  const { shop, locale } = context;
  const blocks: string[] = [content.greeting, content.opening];
  if (content.evidence?.length) blocks.push(content.evidence.map((item) => `- ${item}`).join('\n'));
  blocks.push(...(content.body ?? []));
  if (content.options?.length) {
    const lines = content.options.map((option, index) => {
      const label = recommendFirst && index === 0 ? `${option.label} (${words[locale].recommended})` : option.label;
      const url = safeUrl(option.url, { mailto: true });
      const line = `${index + 1}. ${url ? `${label}: ${url}` : label}`;
      return option.description ? `${line}\n   ${option.description}` : line;
    });
    blocks.push(lines.join('\n'));
  }
  const action = content.action && safeUrl(content.action.url, { mailto: true });
  if (content.action && action) blocks.push(`${content.action.label}: ${action}`);
  blocks.push(content.closing, content.signature);

  const footer = [`${shop.shopName} · ${shop.supportEmail}`];
  const support = safeUrl(shop.supportUrl);
  if (support) footer.push(`${words[locale].help}: ${support}`);
  if (marketing) {
    const unsubscribe = safeUrl(options.unsubscribeUrl);
    const preferences = safeUrl(options.preferencesUrl);
    if (unsubscribe) footer.push(`${words[locale].unsubscribe}: ${unsubscribe}`);
    if (preferences) footer.push(`${words[locale].preferences}: ${preferences}`);
  }
  blocks.push(`--\n${footer.join('\n')}`);
  return `${blocks.join('\n\n')}\n`;
}
