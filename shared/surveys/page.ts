// The survey answer page a rating link opens. Opening it records nothing (mail scanners prefetch
// links): it shows the chosen score, a comment box and a button that posts the form. Plain HTML,
// no script, so it works everywhere; the policy in the page forbids scripts and foreign requests.
import type { TemplateLocale } from '../notifications/templates/define.ts';
import { csatScores } from './flow.ts';

interface PageWords {
  title: string;
  question: (caseLabel: string) => string;
  scores: readonly string[];
  comment: string;
  send: string;
  sendComment: string;
  thanks: string;
  rated: (score: number) => string;
}

const words: Record<TemplateLocale, PageWords> = {
  en: {
    title: 'How did we do?',
    question: (c) => `How did we do with ${c}?`,
    scores: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'],
    comment: 'Anything you would like to add? (optional)',
    send: 'Send my rating',
    sendComment: 'Send my comment',
    thanks: 'Thank you! We read every answer.',
    rated: (s) => `You rated us ${s} out of 5.`,
  },
  'zh-CN': {
    title: '请为我们的服务打分',
    question: (c) => `请为本次服务打分：${c}`,
    scores: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
    comment: '还有什么想告诉我们的吗？（选填）',
    send: '提交评分',
    sendComment: '提交留言',
    thanks: '谢谢！每一条反馈我们都会认真阅读。',
    rated: (s) => `您的评分：${s} 分（满分 5 分）。`,
  },
  es: {
    title: '¿Qué tal lo hicimos?',
    question: (c) => `¿Qué tal lo hicimos? Cuéntanos: ${c}`,
    scores: ['Muy mal', 'Mal', 'Regular', 'Bien', 'Muy bien'],
    comment: '¿Quieres contarnos algo más? (opcional)',
    send: 'Enviar mi puntuación',
    sendComment: 'Enviar mi comentario',
    thanks: '¡Gracias! Leemos todas las respuestas.',
    rated: (s) => `Nos has dado ${s} sobre 5.`,
  },
  fr: {
    title: 'Votre avis compte',
    question: (c) => `Votre avis compte : ${c}`,
    scores: ['Très mal', 'Mal', 'Moyen', 'Bien', 'Très bien'],
    comment: "Envie d'en dire plus ? (facultatif)",
    send: 'Envoyer ma note',
    sendComment: 'Envoyer mon commentaire',
    thanks: 'Merci ! Nous lisons toutes les réponses.',
    rated: (s) => `Vous nous avez donné ${s} sur 5.`,
  },
  de: {
    title: "Wie war's?",
    question: (c) => `Wie war's? Deine Meinung zu: ${c}`,
    scores: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
    comment: 'Magst du uns mehr erzählen? (optional)',
    send: 'Bewertung senden',
    sendComment: 'Kommentar senden',
    thanks: 'Danke! Wir lesen jede Antwort.',
    rated: (s) => `Du hast uns mit ${s} von 5 bewertet.`,
  },
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}label{display:block;margin:.4rem 0}textarea{width:100%;min-height:6rem}button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}';

function layout(locale: TemplateLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${escape(title)}</title><style>${style}</style></head>
<body>${body}</body></html>
`;
}

export interface AnswerPageView {
  locale: TemplateLocale;
  caseLabel: string;
  token: string;
  /** The score the link preselects; none for the comment link. */
  chosenScore?: number;
  /** Set once the survey is answered: the recorded score, and whether a comment is stored. */
  answered?: { score: number; hasComment: boolean };
}

/** The page a link opens: pick (or confirm) a score and add a comment; or, once answered, add a comment. */
export function answerPage(view: AnswerPageView): string {
  const w = words[view.locale];
  const token = `<input type="hidden" name="token" value="${escape(view.token)}">`;
  const comment = `<label for="comment">${escape(w.comment)}</label><textarea id="comment" name="comment" maxlength="2000"></textarea>`;
  let body: string;
  if (view.answered) {
    const more = view.answered.hasComment
      ? `<p>${escape(w.thanks)}</p>`
      : `<form method="post" action="answer">${token}<input type="hidden" name="score" value="${view.answered.score}">${comment}<button type="submit">${escape(w.sendComment)}</button></form>`;
    body = `<h1>${escape(w.title)}</h1><p>${escape(w.rated(view.answered.score))}</p>${more}`;
  } else {
    const options = csatScores
      .map((score) => `<label><input type="radio" name="score" value="${score}" required${score === view.chosenScore ? ' checked' : ''}> ${score} – ${escape(w.scores[score - 1]!)}</label>`)
      .join('');
    body = `<h1>${escape(w.question(view.caseLabel))}</h1><form method="post" action="answer">${token}<fieldset>${options}</fieldset>${comment}<button type="submit">${escape(w.send)}</button></form>`;
  }
  return layout(view.locale, w.title, body);
}

/** What a browser sees after posting the form (no script): the recorded score and thanks. */
export function thanksPage(locale: TemplateLocale, score: number): string {
  const w = words[locale];
  return layout(locale, w.title, `<h1>${escape(w.thanks)}</h1><p>${escape(w.rated(score))}</p>`);
}
