// The tone rules every customer message follows, checked on each template's example in every
// locale: thank and apologise when something went wrong, facts before solutions, a real choice,
// a way to reach a person, no blame, no shouting, short sentences, SMS and subjects that fit.
import { renderContent } from './render.ts';
import { composeSms, maxSmsSegments, smsSegments } from './sms.ts';
import { templateLocales, type Branding, type MessageContent, type MessageTemplate, type TemplateLocale } from './templates/define.ts';

export type ToneRule =
  | 'thanks-first'
  | 'apologise'
  | 'no-blame'
  | 'evidence-first'
  | 'choice'
  | 'reach-a-person'
  | 'no-shouting'
  | 'short-sentences'
  | 'sms-length'
  | 'subject-length'
  /** The example did not render at all (bad variables, a content function that throws). */
  | 'renders';

export interface ToneFinding {
  messageType: string;
  locale: TemplateLocale;
  rule: ToneRule;
  message: string;
}

/** The branding and time zone every example is rendered with. */
export const lintBranding: Branding = { shopName: 'Acme Outdoor', supportEmail: 'help@acme.example' };
export const lintTimeZone = 'Europe/Paris';

const thanks: Record<TemplateLocale, RegExp> = {
  en: /^(thank you|thanks)/i,
  'zh-CN': /^(感谢|谢谢)/,
  es: /^gracias/i,
  fr: /^merci/i,
  de: /^(danke|vielen dank)/i,
};
const apology: Record<TemplateLocale, RegExp> = {
  en: /sorry|apologi[sz]e/i,
  'zh-CN': /抱歉|对不起|致歉/,
  es: /lo sentimos|disculp/i,
  fr: /désolé|excuses/i,
  de: /entschuldig|tut uns leid/i,
};
const blame: Record<TemplateLocale, RegExp> = {
  en: /\byou (failed|forgot|should have|did not|didn't)\b|your fault/i,
  'zh-CN': /你的错|您的错|由于您的/,
  es: /su culpa|por su error/i,
  fr: /votre faute|vous n'avez pas/i,
  de: /ihre schuld|sie haben versäumt/i,
};

/**
 * Words of capitals that are names or keywords, not shouting: the SMS keywords carriers define
 * (STOP, START, HELP, INFO) and carrier names written in capitals (USPS, SEUR). Keep it short.
 */
export const shoutingAllowlist: ReadonlySet<string> = new Set(['STOP', 'START', 'HELP', 'INFO', 'USPS', 'SEUR']);

const maxWords = 25;
const maxZhChars = 50;
const maxSubject = 78;

// A URL ends before trailing punctuation, which belongs to the sentence.
const urls = /\b(?:https?:\/\/|www\.)\S*[^\s.,;:!?)。！？，）]/gi;
// Typographic apostrophes would otherwise slip past "didn't" and "vous n'avez pas".
const plain = (text: string) => text.replace(/[\u2018\u2019\u02bc]/g, "'");
const quote = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text);

/** Every text of a content, named by its field, for the rules that look at all of them. */
function allTexts(content: MessageContent): Array<[string, string]> {
  return [
    ['subject', content.subject],
    ['preheader', content.preheader],
    ['greeting', content.greeting],
    ['opening', content.opening],
    ...(content.evidence ?? []).map((text, i): [string, string] => [`evidence[${i}]`, text]),
    ...(content.body ?? []).map((text, i): [string, string] => [`body[${i}]`, text]),
    ...(content.options ?? []).flatMap((option, i): Array<[string, string]> => [
      [`options[${i}].label`, option.label],
      [`options[${i}].description`, option.description ?? ''],
    ]),
    ['action.label', content.action?.label ?? ''],
    ['closing', content.closing],
    ['signature', content.signature],
    ['sms', content.sms],
  ];
}

/** The sentences of a text: split on . ! ? 。！？ and line breaks, URLs removed first. */
export function sentences(text: string): string[] {
  return text
    .replace(urls, ' ')
    .split(/[.!?。！？\n]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/** Words of four or more Latin capitals that are not in the allowlist. */
export function shouting(text: string): string[] {
  const words = plain(text).replace(urls, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => /^(?:(?=\p{Script=Latin})\p{Lu}){4,}$/u.test(word) && !shoutingAllowlist.has(word));
}

function lintContent(template: MessageTemplate, locale: TemplateLocale, content: MessageContent): ToneFinding[] {
  const findings: ToneFinding[] = [];
  const add = (rule: ToneRule, message: string) => findings.push({ messageType: template.messageType, locale, rule, message });
  const problem = template.kind === 'problem';
  const options = content.options ?? [];

  if (problem && !thanks[locale].test(content.opening.trim().replace(/^¡/, ''))) add('thanks-first', `the opening does not start with thanks: ${quote(content.opening)}`);
  if (problem && ![content.opening, ...(content.evidence ?? []), ...(content.body ?? [])].some((text) => apology[locale].test(text))) {
    add('apologise', 'no apology in the opening, evidence or body');
  }
  for (const [field, text] of allTexts(content)) {
    const match = plain(text).match(blame[locale]);
    if (match) add('no-blame', `${field} blames the customer ("${match[0]}"): ${quote(text)}`);
    for (const word of shouting(text)) add('no-shouting', `${field} shouts "${word}": ${quote(text)}`);
  }
  if (problem && (options.length > 0 || content.action) && !content.evidence?.length) add('evidence-first', 'offers a solution but no evidence');
  if (template.offersChoice && options.length < 2) add('choice', `offers a choice but has ${options.length} option(s)`);
  if (template.kind !== 'ops' && !content.closing.includes(lintBranding.supportEmail)) {
    add('reach-a-person', `the closing does not name the support email: ${quote(content.closing)}`);
  }
  const prose: Array<[string, string]> = [
    ['subject', content.subject],
    ['opening', content.opening],
    ...(content.evidence ?? []).map((text, i): [string, string] => [`evidence[${i}]`, text]),
    ...(content.body ?? []).map((text, i): [string, string] => [`body[${i}]`, text]),
    ['closing', content.closing],
  ];
  for (const [field, text] of prose) {
    for (const sentence of sentences(text)) {
      const size = locale === 'zh-CN' ? [...sentence.replace(/\s/g, '')].length : sentence.split(/\s+/).length;
      const limit = locale === 'zh-CN' ? maxZhChars : maxWords;
      if (size > limit) add('short-sentences', `${field} has a sentence of ${size} ${locale === 'zh-CN' ? 'characters' : 'words'} (at most ${limit}): ${quote(sentence)}`);
    }
  }
  const sms = composeSms(content.sms, { marketing: template.category === 'marketing', locale, shopName: lintBranding.shopName });
  const { segments, encoding, units } = smsSegments(sms);
  if (segments > maxSmsSegments) add('sms-length', `the SMS needs ${segments} ${encoding} segments (${units} units, at most ${maxSmsSegments}): ${quote(sms)}`);
  const subjectLength = [...content.subject].length;
  if (subjectLength > maxSubject) add('subject-length', `the subject has ${subjectLength} characters (at most ${maxSubject}): ${quote(content.subject)}`);
  return findings;
}

/** The findings of one template: its example in every locale. */
export function lintTemplate(template: MessageTemplate): ToneFinding[] {
  return templateLocales.flatMap((locale) => {
    let content: MessageContent;
    try {
      content = renderContent(template, template.example, { locale, shop: lintBranding, timeZone: lintTimeZone });
    } catch (error) {
      return [{ messageType: template.messageType, locale, rule: 'renders' as const, message: (error as Error).message }];
    }
    return lintContent(template, locale, content);
  });
}

export function lintAll(templates: readonly MessageTemplate[]): ToneFinding[] {
  return templates.flatMap(lintTemplate);
}

/** One line per finding, for test failures and reports. */
export const formatFindings = (findings: readonly ToneFinding[]) =>
  findings.map((finding) => `${finding.messageType} [${finding.locale}] ${finding.rule}: ${finding.message}`).join('\n');
