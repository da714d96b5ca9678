// The satisfaction survey after a resolved case, and the alert to the merchant's duty team.
import * as z from 'zod';
import { defineTemplate, type ContentFunction, type MessageTemplate, type RenderContext, type TemplateLocale } from './define.ts';
import { closing, firstName, greeting, link, signature, text } from './service-common.ts';

/** The five scores, 1 (index 0) to 5, as each locale names them. */
const scoreWords: Record<TemplateLocale, readonly string[]> = {
  en: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'],
  'zh-CN': ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  es: ['Muy mal', 'Mal', 'Regular', 'Bien', 'Muy bien'],
  fr: ['Très mal', 'Mal', 'Moyen', 'Bien', 'Très bien'],
  de: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
};
const ratingOptions = (urls: string[], locale: TemplateLocale) => urls.map((url, index) => ({ label: `${index + 1} – ${scoreWords[locale][index]}`, url }));

const surveyCommon = (vars: { firstName?: string | undefined; ratingUrls: string[] }, context: RenderContext) => ({
  greeting: greeting(context.locale, vars.firstName),
  options: ratingOptions(vars.ratingUrls, context.locale),
  closing: closing(context),
  signature: signature(context),
});

const surveyInvite = defineTemplate({
  messageType: 'survey_invite',
  kind: 'survey',
  category: 'transactional',
  sentBy: 'surveys',
  description: 'After a resolved case: a one-click rating from 1 to 5 and a link to leave a comment.',
  variables: z.object({
    firstName,
    caseLabel: text(120, "What was resolved, a noun phrase localized by the flow that also reads alone after a colon (e.g. 'your return for order #1001')"),
    ratingUrls: z.array(link('One-click rating link')).length(5).describe('One-click rating links injected by the sender: index 0 gives score 1, index 4 score 5'),
    commentUrl: link('Survey page to rate and leave a comment, injected by the sender'),
  }),
  example: {
    firstName: 'Ada',
    caseLabel: 'your return for order #1001',
    ratingUrls: [1, 2, 3, 4, 5].map((score) => `https://acme.example/s/srv01HXF1/${score}`),
    commentUrl: 'https://acme.example/s/srv01HXF1',
  },
  content: {
    en: (v, c) => ({
      ...surveyCommon(v, c),
      subject: `How did we do with ${v.caseLabel}?`,
      preheader: 'One click is all it takes.',
      opening: `We've wrapped up ${v.caseLabel}, and we'd love to know how it went for you.`,
      body: ['Just pick a score below: one click and you are done.', 'Want to tell us more? Leave a comment. We read every single one.'],
      action: { label: 'Leave a comment', url: v.commentUrl },
      sms: `How did we do with ${v.caseLabel}? Tell us in one click: ${v.commentUrl}`,
    }),
    'zh-CN': (v, c) => ({
      ...surveyCommon(v, c),
      subject: `请为本次服务打分：${v.caseLabel}`,
      preheader: '只需轻点一下。',
      opening: `您的事项已处理完毕：${v.caseLabel}。我们很想知道您的感受。`,
      body: ['点击下方的分数即可完成评价，只需一秒。', '还想多说几句？欢迎留言，每一条我们都会认真阅读。'],
      action: { label: '留言', url: v.commentUrl },
      sms: `${v.caseLabel}已处理完毕，请为我们打分：${v.commentUrl}`,
    }),
    es: (v, c) => ({
      ...surveyCommon(v, c),
      subject: `¿Qué tal lo hicimos? Cuéntanos: ${v.caseLabel}`,
      preheader: 'Solo te llevará un clic.',
      opening: `Hemos cerrado tu caso: ${v.caseLabel}. Nos encantaría saber qué tal fue.`,
      body: ['Elige una puntuación aquí abajo: con un clic es suficiente.', '¿Quieres contarnos algo más? Déjanos un comentario. Los leemos todos.'],
      action: { label: 'Dejar un comentario', url: v.commentUrl },
      sms: `¿Qué tal lo hicimos con ${v.caseLabel}? Cuéntanoslo: ${v.commentUrl}`,
    }),
    fr: (v, c) => ({
      ...surveyCommon(v, c),
      subject: `Votre avis compte : ${v.caseLabel}`,
      preheader: 'Un seul clic suffit.',
      opening: `Votre demande est réglée : ${v.caseLabel}. Nous aimerions savoir comment cela s'est passé pour vous.`,
      body: ['Choisissez une note ci-dessous : un seul clic suffit.', "Envie d'en dire plus ? Laissez-nous un commentaire. Nous les lisons tous."],
      action: { label: 'Laisser un commentaire', url: v.commentUrl },
      sms: `Votre avis sur ${v.caseLabel} ? Un clic suffit : ${v.commentUrl}`,
    }),
    de: (v, c) => ({
      ...surveyCommon(v, c),
      subject: `Wie war's? Deine Meinung zu: ${v.caseLabel}`,
      preheader: 'Ein Klick genügt.',
      opening: `Dein Anliegen ist erledigt: ${v.caseLabel}. Wir würden gern wissen, wie es für dich gelaufen ist.`,
      body: ['Wähl einfach unten eine Bewertung aus: Ein Klick genügt.', 'Magst du uns mehr erzählen? Hinterlass gern einen Kommentar. Wir lesen jeden.'],
      action: { label: 'Kommentar schreiben', url: v.commentUrl },
      sms: `Dein Anliegen ist erledigt: ${v.caseLabel}. Wie war's? ${v.commentUrl}`,
    }),
  },
});

type Severity = 'info' | 'warning' | 'critical';
/** Per locale: the severity word, what to do at that severity, the console link, why the reader gets it, the sender. */
const opsWords: Record<TemplateLocale, { severity: Record<Severity, string>; nextStep: Record<Severity, string>; open: string; why: (shop: string) => string; from: (shop: string) => string }> = {
  en: {
    severity: { info: 'Info', warning: 'Warning', critical: 'Critical' },
    nextStep: { info: 'For your information: nothing needs doing right now.', warning: 'Please take a look today.', critical: 'Please take a look now.' },
    open: 'Open in the console',
    why: (shop) => `You receive this because you are on duty for ${shop}.`,
    from: (shop) => `${shop} after-sales alerts`,
  },
  'zh-CN': {
    severity: { info: '提示', warning: '警告', critical: '紧急' },
    nextStep: { info: '仅供参考，目前无需处理。', warning: '请在今天内查看。', critical: '请立即查看。' },
    open: '在控制台中查看',
    why: (shop) => `您收到此提醒，是因为您是 ${shop} 的值班人员。`,
    from: (shop) => `${shop} 售后提醒`,
  },
  es: {
    severity: { info: 'Información', warning: 'Aviso', critical: 'Crítico' },
    nextStep: { info: 'Solo para tu información: por ahora no hace falta hacer nada.', warning: 'Por favor, revísalo hoy.', critical: 'Por favor, revísalo ahora.' },
    open: 'Abrir en la consola',
    why: (shop) => `Recibes este aviso porque estás de guardia en ${shop}.`,
    from: (shop) => `Alertas posventa de ${shop}`,
  },
  fr: {
    severity: { info: 'Information', warning: 'Avertissement', critical: 'Critique' },
    nextStep: { info: "Pour information : aucune action n'est requise pour l'instant.", warning: "Merci d'y jeter un œil aujourd'hui.", critical: "Merci d'y regarder tout de suite." },
    open: 'Ouvrir dans la console',
    why: (shop) => `Vous recevez cette alerte car vous êtes d'astreinte pour ${shop}.`,
    from: (shop) => `Alertes après-vente ${shop}`,
  },
  de: {
    severity: { info: 'Info', warning: 'Warnung', critical: 'Kritisch' },
    nextStep: { info: 'Nur zur Info: Im Moment ist nichts zu tun.', warning: 'Bitte sieh es dir heute an.', critical: 'Bitte sieh es dir sofort an.' },
    open: 'In der Konsole öffnen',
    why: (shop) => `Du bekommst diese Meldung, weil du für ${shop} Bereitschaft hast.`,
    from: (shop) => `After-Sales-Meldungen von ${shop}`,
  },
};

const opsVariables = z.object({
  firstName,
  title: text(120, 'What happened, in a few words, localized by the alerting flow'),
  summary: text(500, 'One or two short sentences: the impact and the likely cause'),
  severity: z.enum(['info', 'warning', 'critical']).describe('How urgent: info needs no action, warning today, critical now'),
  consoleUrl: link('Console page where the duty team can act').optional(),
  facts: z
    .array(z.object({ label: text(60, 'What the figure is'), value: text(200, 'The figure or fact') }))
    .max(12)
    .optional()
    .describe('Figures behind the alert, shown as evidence'),
});

/** Alerts read the same in every locale: only the words around the flow's title and summary change. */
const opsContent =
  (locale: TemplateLocale): ContentFunction<z.output<typeof opsVariables>> =>
  (v, c) => {
    const words = opsWords[locale];
    const severity = words.severity[v.severity];
    const [colon, stop] = locale === 'zh-CN' ? ['：', '。'] : locale === 'fr' ? [' : ', '.'] : [': ', '.'];
    return {
      subject: `${severity}${colon}${v.title}`,
      preheader: v.summary,
      greeting: greeting(locale, v.firstName),
      opening: v.summary,
      evidence: v.facts?.map((fact) => `${fact.label}${colon}${fact.value}`),
      body: [words.nextStep[v.severity]],
      action: v.consoleUrl ? { label: words.open, url: v.consoleUrl } : undefined,
      closing: words.why(c.shop.shopName),
      signature: words.from(c.shop.shopName),
      sms: `${severity}${colon}${v.title}${stop}${v.consoleUrl ? `${locale === 'zh-CN' ? '' : ' '}${v.consoleUrl}` : ''}`,
    };
  };

const opsAlert = defineTemplate({
  messageType: 'ops_alert',
  kind: 'ops',
  category: 'transactional',
  sentBy: 'ops',
  description: "To the merchant's duty team: what happened, how serious, the figures behind it and a link to the console.",
  variables: opsVariables,
  example: {
    firstName: 'Sam',
    title: 'Deliveries to France are running late',
    summary: '37 orders to France are late. Most have been held at customs since Monday.',
    severity: 'warning',
    consoleUrl: 'https://console.acme.example/delays?country=FR',
    facts: [
      { label: 'Late orders', value: '37' },
      { label: 'Main reason', value: 'Customs hold' },
      { label: 'First seen', value: '2024-05-20 08:00 UTC' },
    ],
  },
  content: { en: opsContent('en'), 'zh-CN': opsContent('zh-CN'), es: opsContent('es'), fr: opsContent('fr'), de: opsContent('de') },
});

export const feedbackTemplates: MessageTemplate[] = [surveyInvite, opsAlert];
