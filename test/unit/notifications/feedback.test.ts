// Provider feedback as decisions: SES events to suppressions and notes, inbound SMS to STOP/START.
import { describe, expect, it } from 'vitest';
import { interpretInboundSms, interpretSesEvent, smsKeyword } from '../../../shared/notifications/feedback.ts';

const now = new Date('2031-01-15T13:00:00Z');
const mail = {
  timestamp: '2031-01-15T12:59:58.000Z',
  source: 'hello@demo-shopify.example',
  messageId: '0100018f5a7e-4c1f',
  destination: ['ada@example.com'],
  tags: { shop: ['demo-shopify'], notification: ['ntf_01'], type: ['return_approved'], 'ses:configuration-set': ['cs'] },
};
const sesEvent = (detailType: string, detail: Record<string, unknown>) => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source: 'aws.ses',
  account: '111122223333',
  time: '2031-01-15T13:00:01Z',
  region: 'us-east-1',
  resources: [],
  detail,
});
const bounce = (bounceType: string, recipients = ['ada@example.com']) =>
  sesEvent('Email Bounced', {
    eventType: 'Bounce',
    mail,
    bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: recipients.map((emailAddress) => ({ emailAddress, diagnosticCode: 'smtp; 550 5.1.1 user unknown' })), timestamp: '2031-01-15T13:00:00.500Z', feedbackId: 'fb-1' },
  });

describe('SES events', () => {
  it('suppress every recipient of a permanent bounce, with the notification the tags name', () => {
    const result = interpretSesEvent(bounce('Permanent', ['ada@example.com', 'Bob@Example.com']), now);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        shopId: 'demo-shopify',
        notificationId: 'ntf_01',
        messageType: 'return_approved',
        providerMessageId: '0100018f5a7e-4c1f',
        eventType: 'Bounce',
        at: '2031-01-15T13:00:00.500Z',
        source: 'ses:Bounce:fb-1',
        actions: [
          { kind: 'suppress', address: 'ada@example.com', reason: 'bounced' },
          { kind: 'suppress', address: 'Bob@Example.com', reason: 'bounced' },
        ],
      }),
    });
    expect(result.ok && result.value.detail).toContain('550 5.1.1');
  });

  it('only note a transient or undetermined bounce', () => {
    for (const type of ['Transient', 'Undetermined']) {
      const result = interpretSesEvent(bounce(type), now);
      expect(result.ok && result.value.actions).toEqual([{ kind: 'note', address: 'ada@example.com', what: 'soft_bounced' }]);
    }
  });

  it('suppress a complaint, naming the only recipient when the mailbox provider does not', () => {
    const named = interpretSesEvent(sesEvent('Email Complaint Received', { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: 'ada@example.com' }], complaintFeedbackType: 'abuse', feedbackId: 'fb-2' } }), now);
    expect(named.ok && named.value.actions).toEqual([{ kind: 'suppress', address: 'ada@example.com', reason: 'complained' }]);
    const unnamed = interpretSesEvent(sesEvent('Email Complaint Received', { eventType: 'Complaint', mail, complaint: { complainedRecipients: [] } }), now);
    expect(unnamed.ok && unnamed.value.actions).toEqual([{ kind: 'suppress', address: 'ada@example.com', reason: 'complained' }]);
    const notSpam = interpretSesEvent(sesEvent('Email Complaint Received', { eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: 'ada@example.com' }], complaintFeedbackType: 'not-spam' } }), now);
    expect(notSpam.ok && notSpam.value.actions).toEqual([{ kind: 'note', address: 'ada@example.com', what: 'not_spam' }]);
  });

  it('record deliveries and rejections without suppressing', () => {
    const delivered = interpretSesEvent(sesEvent('Email Delivered', { eventType: 'Delivery', mail, delivery: { timestamp: '2031-01-15T13:00:02Z', recipients: ['ada@example.com'], smtpResponse: '250 ok' } }), now);
    expect(delivered).toMatchObject({ ok: true, value: { at: '2031-01-15T13:00:02.000Z', actions: [{ kind: 'delivered', address: 'ada@example.com' }] } });
    const rejected = interpretSesEvent(sesEvent('Email Rejected', { eventType: 'Reject', mail, reject: { reason: 'Bad content' } }), now);
    expect(rejected).toMatchObject({ ok: true, value: { detail: 'Bad content', actions: [{ kind: 'note', address: 'ada@example.com', what: 'rejected' }] } });
  });

  it('report, never throw on, what they cannot use', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not an SES event/],
      [{ ...bounce('Permanent'), source: 'aws.sns' }, /not an SES event/],
      [sesEvent('Email Opened', { eventType: 'Open', mail, open: {} }), /"Open" is not handled/],
      [sesEvent('Email Bounced', { eventType: 'Bounce', mail, bounce: { bounceType: 'Sideways', bouncedRecipients: [] } }), /malformed SES Bounce/],
      [sesEvent('Email Bounced', { eventType: 'Bounce', mail: { ...mail, tags: { notification: ['ntf_01'] } }, bounce: bounce('Permanent').detail.bounce }), /no valid shop tag/],
      [sesEvent('Email Complaint Received', { eventType: 'Complaint', mail: { ...mail, destination: ['a@example.com', 'b@example.com'] }, complaint: {} }), /names no recipient/],
    ];
    for (const [event, problem] of cases) expect(interpretSesEvent(event, now)).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });
});

describe('SMS keywords', () => {
  it('recognise STOP words in any case, trimmed, in every language we list', () => {
    for (const text of ['STOP', ' stop ', 'Stop.', 'stopall', 'UNSUBSCRIBE', 'cancel', 'End', 'quit', 'ARRET', 'Arrêt', '退订', 'baja']) expect(smsKeyword(text), text).toBe('stop');
  });

  it('recognise START and HELP, and nothing else', () => {
    for (const text of ['START', 'unstop', 'Yes']) expect(smsKeyword(text), text).toBe('start');
    expect(smsKeyword('help')).toBe('help');
    for (const text of ['please stop', 'STOP IT', 'thanks', '']) expect(smsKeyword(text), text).toBeUndefined();
  });
});

describe('inbound SMS', () => {
  const message = { originationNumber: '+14255550182', destinationNumber: '+15555550100', messageKeyword: 'STOP', messageBody: 'Stop', inboundMessageId: 'in-1', previousPublishedMessageId: 'out-1' };
  const received = new Date('2031-01-15T13:00:05Z');

  it('read a raw message', () => {
    expect(interpretInboundSms(JSON.stringify(message), received)).toEqual({
      ok: true,
      value: { from: '+14255550182', to: '+15555550100', keyword: 'stop', inboundMessageId: 'in-1', at: '2031-01-15T13:00:05.000Z', source: 'sms:inbound:in-1' },
    });
  });

  it('read a message in the SNS envelope, dated by it', () => {
    const envelope = { Type: 'Notification', MessageId: 'sns-1', TopicArn: 'arn:aws:sns:us-east-1:1:t', Message: JSON.stringify({ ...message, messageBody: 'start' }), Timestamp: '2031-01-15T13:00:04.000Z' };
    expect(interpretInboundSms(JSON.stringify(envelope), received)).toMatchObject({ ok: true, value: { keyword: 'start', at: '2031-01-15T13:00:04.000Z' } });
  });

  it('leave other replies without a keyword, and report what is not an inbound SMS', () => {
    expect(interpretInboundSms(JSON.stringify({ ...message, messageBody: 'When does my parcel arrive?' }), received)).toMatchObject({ ok: true, value: { from: '+14255550182' } });
    expect(interpretInboundSms(JSON.stringify({ ...message, messageBody: 'What?' }), received)).not.toHaveProperty('value.keyword');
    for (const body of ['not json', '{}', JSON.stringify({ ...message, originationNumber: '0425 555' })]) {
      expect(interpretInboundSms(body, received)).toEqual({ ok: false, problem: expect.stringMatching(/^not an inbound SMS/) });
    }
  });
});
