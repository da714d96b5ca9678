// What the providers tell us after a send, as plain decisions: SES events (bounces, complaints,
// deliveries, rejections, as a configuration set's EventBridge destination delivers them) and
// inbound SMS keywords (STOP, START, HELP, as End User Messaging two-way SMS publishes them to SNS).
// Input is validated; a shape we do not know comes back as a problem to report, never a throw.
import * as z from 'zod';
import { PhoneNumber, ShopId } from '../events/common.ts';

export type Interpretation<T> = { ok: true; value: T } | { ok: false; problem: string };

/** What one SES event means for one recipient address. */
export type EmailAction =
  /** Nothing more goes to the address (a permanent bounce or a complaint). */
  | { kind: 'suppress'; address: string; reason: 'bounced' | 'complained' }
  /** Worth keeping in the address's history, changes nothing (a soft bounce, a virus rejection). */
  | { kind: 'note'; address: string; what: 'soft_bounced' | 'rejected' | 'not_spam' }
  | { kind: 'delivered'; address: string };

export interface EmailFeedback {
  shopId: string;
  /** From the sender's tags: SES returns them with every event of the message. */
  notificationId?: string;
  messageType?: string;
  providerMessageId: string;
  eventType: 'Bounce' | 'Complaint' | 'Delivery' | 'Reject';
  at: string;
  /** Names the provider event, so a redelivered one can be recognised in the history. */
  source: string;
  detail?: string;
  actions: EmailAction[];
}

/** The detail-types SES puts on the default bus for the events we subscribe to. */
export const sesDetailTypes = ['Email Bounced', 'Email Complaint Received', 'Email Delivered', 'Email Rejected'] as const;

const recipient = z.looseObject({ emailAddress: z.string().min(3).max(320) });
const Mail = z.looseObject({
  messageId: z.string().min(1).max(200),
  timestamp: z.string().optional(),
  destination: z.array(z.string()).default([]),
  tags: z.record(z.string(), z.array(z.string())).default({}),
});
const SesDetail = z.discriminatedUnion('eventType', [
  z.looseObject({
    eventType: z.literal('Bounce'),
    mail: Mail,
    bounce: z.looseObject({
      bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(recipient.extend({ diagnosticCode: z.string().optional() })).min(1),
      timestamp: z.string().optional(),
      feedbackId: z.string().optional(),
    }),
  }),
  z.looseObject({
    eventType: z.literal('Complaint'),
    mail: Mail,
    complaint: z.looseObject({
      complainedRecipients: z.array(recipient).default([]),
      complaintFeedbackType: z.string().optional(),
      timestamp: z.string().optional(),
      feedbackId: z.string().optional(),
    }),
  }),
  z.looseObject({ eventType: z.literal('Delivery'), mail: Mail, delivery: z.looseObject({ recipients: z.array(z.string()).default([]), timestamp: z.string().optional() }) }),
  z.looseObject({ eventType: z.literal('Reject'), mail: Mail, reject: z.looseObject({ reason: z.string().optional() }).default({}) }),
]);
const SesEnvelope = z.looseObject({ source: z.literal('aws.ses'), 'detail-type': z.string(), time: z.string().optional(), detail: z.unknown() });

const issue = (error: z.ZodError) => error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
const firstTag = (tags: Record<string, string[]>, name: string) => tags[name]?.[0];

/** Maps an SES event from EventBridge (the whole envelope) to what it means for each address; `now` dates an event without times. */
export function interpretSesEvent(event: unknown, now: Date): Interpretation<EmailFeedback> {
  const envelope = SesEnvelope.safeParse(event);
  if (!envelope.success) return { ok: false, problem: `not an SES event: ${issue(envelope.error)}` };
  const eventType = (envelope.data.detail as { eventType?: unknown } | null)?.eventType;
  if (!['Bounce', 'Complaint', 'Delivery', 'Reject'].includes(String(eventType))) return { ok: false, problem: `SES event type ${JSON.stringify(eventType)} is not handled` };
  const parsed = SesDetail.safeParse(envelope.data.detail);
  if (!parsed.success) return { ok: false, problem: `malformed SES ${String(eventType)} event: ${issue(parsed.error)}` };
  const detail = parsed.data;
  const { mail } = detail;
  const shop = ShopId.safeParse(firstTag(mail.tags, 'shop'));
  // Only the platform's sender tags its mail with the shop; without it we cannot tell whose address this is.
  if (!shop.success) return { ok: false, problem: `SES event for message ${mail.messageId} has no valid shop tag` };

  let actions: EmailAction[];
  let timestamp: string | undefined;
  let feedbackId: string | undefined;
  let note: string | undefined;
  switch (detail.eventType) {
    case 'Bounce': {
      const { bounce } = detail;
      const permanent = bounce.bounceType === 'Permanent';
      actions = bounce.bouncedRecipients.map(({ emailAddress }) => (permanent ? { kind: 'suppress', address: emailAddress, reason: 'bounced' } : { kind: 'note', address: emailAddress, what: 'soft_bounced' }));
      [timestamp, feedbackId] = [bounce.timestamp, bounce.feedbackId];
      note = [bounce.bounceType, bounce.bounceSubType, bounce.bouncedRecipients[0]?.diagnosticCode].filter(Boolean).join(' ');
      break;
    }
    case 'Complaint': {
      const { complaint } = detail;
      // Some mailbox providers do not say who complained: then it was the only recipient, if there was one.
      const addresses = complaint.complainedRecipients.length ? complaint.complainedRecipients.map((r) => r.emailAddress) : mail.destination.length === 1 ? mail.destination : [];
      if (addresses.length === 0) return { ok: false, problem: `SES complaint for message ${mail.messageId} names no recipient` };
      const notSpam = complaint.complaintFeedbackType === 'not-spam';
      actions = addresses.map((address) => (notSpam ? { kind: 'note', address, what: 'not_spam' } : { kind: 'suppress', address, reason: 'complained' }));
      [timestamp, feedbackId, note] = [complaint.timestamp, complaint.feedbackId, complaint.complaintFeedbackType];
      break;
    }
    case 'Delivery':
      actions = (detail.delivery.recipients.length ? detail.delivery.recipients : mail.destination).map((address) => ({ kind: 'delivered', address }));
      timestamp = detail.delivery.timestamp;
      break;
    case 'Reject':
      actions = mail.destination.map((address) => ({ kind: 'note', address, what: 'rejected' }));
      note = detail.reject.reason;
      break;
  }
  const at = [timestamp, envelope.data.time, mail.timestamp].map((value) => (value ? Date.parse(value) : NaN)).find((value) => !Number.isNaN(value));
  return {
    ok: true,
    value: {
      shopId: shop.data,
      notificationId: firstTag(mail.tags, 'notification'),
      messageType: firstTag(mail.tags, 'type'),
      providerMessageId: mail.messageId,
      eventType: detail.eventType,
      at: new Date(at ?? now.getTime()).toISOString(),
      source: `ses:${detail.eventType}:${feedbackId ?? mail.messageId}`,
      ...(note ? { detail: note.slice(0, 300) } : {}),
      actions,
    },
  };
}

export type SmsKeyword = 'stop' | 'start' | 'help';

const keywords: Record<SmsKeyword, readonly string[]> = {
  stop: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET', '退订', 'BAJA'],
  start: ['START', 'UNSTOP', 'YES'],
  help: ['HELP'],
};

/** The keyword a whole message is, if any: case, accents, surrounding space and a final full stop do not matter. */
export function smsKeyword(text: string): SmsKeyword | undefined {
  const word = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/[.!。！]+$/u, '')
    .trim()
    .toUpperCase();
  return (Object.keys(keywords) as SmsKeyword[]).find((keyword) => keywords[keyword].includes(word));
}

export interface InboundSms {
  /** The customer's number. */
  from: string;
  /** Our origination number the customer wrote to. */
  to: string;
  keyword?: SmsKeyword;
  inboundMessageId: string;
  at: string;
  source: string;
}

const InboundMessage = z.looseObject({
  originationNumber: PhoneNumber,
  destinationNumber: z.string().min(1).max(256),
  messageBody: z.string().max(1600),
  messageKeyword: z.string().optional(),
  inboundMessageId: z.string().min(1).max(200),
  previousPublishedMessageId: z.string().optional(),
});
const SnsEnvelope = z.looseObject({ Type: z.literal('Notification'), Message: z.string(), Timestamp: z.string().optional() });

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads an inbound SMS as SNS delivers it to a queue: the raw message (raw delivery) or inside the
 * SNS envelope. `receivedAt` is when it reached us (the envelope's time wins when there is one).
 */
export function interpretInboundSms(body: string, receivedAt: Date): Interpretation<InboundSms> {
  let message = json(body);
  let at = receivedAt;
  const envelope = SnsEnvelope.safeParse(message);
  if (envelope.success) {
    message = json(envelope.data.Message);
    if (envelope.data.Timestamp && !Number.isNaN(Date.parse(envelope.data.Timestamp))) at = new Date(envelope.data.Timestamp);
  }
  const parsed = InboundMessage.safeParse(message);
  if (!parsed.success) return { ok: false, problem: `not an inbound SMS: ${issue(parsed.error)}` };
  const { originationNumber, destinationNumber, messageBody, inboundMessageId } = parsed.data;
  const keyword = smsKeyword(messageBody);
  return {
    ok: true,
    value: { from: originationNumber, to: destinationNumber, ...(keyword ? { keyword } : {}), inboundMessageId, at: at.toISOString(), source: `sms:inbound:${inboundMessageId}` },
  };
}
