// The words surveys put in messages and pages, per supported locale: what was resolved as the
// customer reads it (the invite's caseLabel), and the low-score alert and case subject for staff.
import type { TemplateLocale } from '../notifications/templates/define.ts';
import type { SurveyFlow } from './flow.ts';

type Label = (orderNumber?: string) => string;

const caseLabels: Record<TemplateLocale, Record<SurveyFlow, Label>> = {
  en: {
    return: (o) => (o ? `your return for order ${o}` : 'your return'),
    case: (o) => (o ? `your request about order ${o}` : 'your request'),
    delay: (o) => (o ? `the delay on your order ${o}` : 'the delay on your order'),
  },
  'zh-CN': {
    return: (o) => (o ? `订单 ${o} 的退货` : '您的退货'),
    case: (o) => (o ? `关于订单 ${o} 的咨询` : '您的咨询'),
    delay: (o) => (o ? `订单 ${o} 的延误` : '您订单的延误'),
  },
  es: {
    return: (o) => (o ? `tu devolución del pedido ${o}` : 'tu devolución'),
    case: (o) => (o ? `tu consulta sobre el pedido ${o}` : 'tu consulta'),
    delay: (o) => (o ? `el retraso de tu pedido ${o}` : 'el retraso de tu pedido'),
  },
  fr: {
    return: (o) => (o ? `votre retour pour la commande ${o}` : 'votre retour'),
    case: (o) => (o ? `votre demande concernant la commande ${o}` : 'votre demande'),
    delay: (o) => (o ? `le retard de votre commande ${o}` : 'le retard de votre commande'),
  },
  de: {
    return: (o) => (o ? `deine Rücksendung zur Bestellung ${o}` : 'deine Rücksendung'),
    case: (o) => (o ? `deine Anfrage zur Bestellung ${o}` : 'deine Anfrage'),
    delay: (o) => (o ? `die Verzögerung bei deiner Bestellung ${o}` : 'die Verzögerung bei deiner Bestellung'),
  },
};

/** What was resolved, as a noun phrase that also reads alone after a colon (the invite's `caseLabel`). */
export function caseLabel(locale: TemplateLocale, flow: SurveyFlow, orderNumber?: string): string {
  return caseLabels[locale][flow](orderNumber).slice(0, 120);
}

interface StaffWords {
  flows: Record<SurveyFlow, string>;
  order: (orderNumber: string) => string;
  title: (score: number) => string;
  summary: (score: number, reference: string, caseId: string) => string;
  subject: (score: number, reference: string) => string;
  facts: { score: string; flow: string; order: string; agent: string; followUp: string; comment: string };
}

const staffWords: Record<TemplateLocale, StaffWords> = {
  en: {
    flows: { return: 'the return', case: 'the case', delay: 'the delay' },
    order: (o) => `order ${o}`,
    title: (s) => `Low satisfaction score: ${s}/5`,
    summary: (s, r, c) => `A customer rated ${r} ${s} out of 5. Follow-up case ${c} was opened with high priority.`,
    subject: (s, r) => `Survey score ${s}/5 on ${r}`,
    facts: { score: 'Score', flow: 'About', order: 'Order', agent: 'Resolved by', followUp: 'Follow-up case', comment: 'Comment' },
  },
  'zh-CN': {
    flows: { return: '退货', case: '工单', delay: '延误' },
    order: (o) => `订单 ${o}`,
    title: (s) => `满意度评分偏低：${s}/5`,
    summary: (s, r, c) => `一位客户为${r}打了 ${s} 分（满分 5 分）。已创建高优先级跟进工单 ${c}。`,
    subject: (s, r) => `${r}的满意度评分：${s}/5`,
    facts: { score: '评分', flow: '事项', order: '订单', agent: '处理人', followUp: '跟进工单', comment: '留言' },
  },
  es: {
    flows: { return: 'la devolución', case: 'el caso', delay: 'el retraso' },
    order: (o) => `pedido ${o}`,
    title: (s) => `Puntuación de satisfacción baja: ${s}/5`,
    summary: (s, r, c) => `Un cliente puntuó ${r} con ${s} sobre 5. Se abrió el caso de seguimiento ${c} con prioridad alta.`,
    subject: (s, r) => `Encuesta con ${s}/5 sobre ${r}`,
    facts: { score: 'Puntuación', flow: 'Sobre', order: 'Pedido', agent: 'Resuelto por', followUp: 'Caso de seguimiento', comment: 'Comentario' },
  },
  fr: {
    flows: { return: 'le retour', case: 'la demande', delay: 'le retard' },
    order: (o) => `commande ${o}`,
    title: (s) => `Note de satisfaction basse : ${s}/5`,
    summary: (s, r, c) => `Un client a noté ${r} ${s} sur 5. Le dossier de suivi ${c} a été ouvert en priorité haute.`,
    subject: (s, r) => `Note d'enquête ${s}/5 pour ${r}`,
    facts: { score: 'Note', flow: 'Objet', order: 'Commande', agent: 'Traité par', followUp: 'Dossier de suivi', comment: 'Commentaire' },
  },
  de: {
    flows: { return: 'die Rücksendung', case: 'den Fall', delay: 'die Verzögerung' },
    order: (o) => `Bestellung ${o}`,
    title: (s) => `Niedrige Zufriedenheit: ${s}/5`,
    summary: (s, r, c) => `Ein Kunde hat ${r} mit ${s} von 5 bewertet. Der Folgefall ${c} wurde mit hoher Priorität eröffnet.`,
    subject: (s, r) => `Umfragewert ${s}/5 für ${r}`,
    facts: { score: 'Bewertung', flow: 'Betrifft', order: 'Bestellung', agent: 'Bearbeitet von', followUp: 'Folgefall', comment: 'Kommentar' },
  },
};

export interface LowScoreFacts {
  score: number;
  flow: SurveyFlow;
  subjectId: string;
  orderNumber?: string;
  orderId?: string;
  agentId?: string;
  followUpCaseId: string;
  comment?: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The low-score alert for the duty team and the follow-up case subject, in the shop's language. */
export function lowScoreWording(locale: TemplateLocale, facts: LowScoreFacts) {
  const words = staffWords[locale];
  const order = facts.orderNumber ?? facts.orderId;
  const reference = `${words.flows[facts.flow]} ${facts.subjectId}${order ? ` (${words.order(order)})` : ''}`;
  const present = (label: string, value: string | undefined) => (value ? [{ label, value: clip(value, 200) }] : []);
  return {
    subject: clip(words.subject(facts.score, reference), 200),
    title: clip(words.title(facts.score), 120),
    summary: clip(words.summary(facts.score, reference, facts.followUpCaseId), 500),
    facts: [
      { label: words.facts.score, value: `${facts.score}/5` },
      { label: words.facts.flow, value: clip(`${words.flows[facts.flow]} ${facts.subjectId}`, 200) },
      ...present(words.facts.order, order),
      ...present(words.facts.agent, facts.agentId),
      { label: words.facts.followUp, value: facts.followUpCaseId },
      ...present(words.facts.comment, facts.comment),
    ],
  };
}
