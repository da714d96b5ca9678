// Provider feedback made by hand locally: SES events as SES puts them on the default bus, inbound
// SMS as End User Messaging publishes them, and the template's topics delivering to subscriptions.
import { describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../infra/local/dispatcher.ts';
import { inboundSmsMessage, InvalidFeedback, sesEventEntry } from '../../../infra/local/provider-feedback.ts';
import { LocalTopics, readTopics } from '../../../infra/local/sns.ts';
import { resolveIntrinsics } from '../../../infra/local/template/intrinsics.ts';
import type { CfnResource } from '../../../infra/local/template/types.ts';

const now = new Date('2031-01-15T13:00:00Z');

describe('sesEventEntry', () => {
  it('puts the detail on the default bus as SES does, filling in the message id and the configuration set tag', () => {
    const entry = sesEventEntry({ eventType: 'Bounce', mail: { destination: ['ada@example.com'], tags: { shop: ['demo-shopify'] } }, bounce: { bounceType: 'Permanent' } }, { configurationSets: ['Cs1'], now });
    expect(entry).toMatchObject({ Source: 'aws.ses', DetailType: 'Email Bounced', EventBusName: 'default', Time: now });
    const detail = JSON.parse(entry.Detail);
    expect(detail.mail).toEqual({ timestamp: now.toISOString(), messageId: expect.any(String), destination: ['ada@example.com'], tags: { shop: ['demo-shopify'], 'ses:configuration-set': ['Cs1'] } });
    expect(detail.bounce).toEqual({ bounceType: 'Permanent' });
  });

  it('names complaints and deliveries as SES does, and keeps a configuration set tag it is given', () => {
    expect(sesEventEntry({ eventType: 'Complaint', mail: { tags: { 'ses:configuration-set': ['Other'] } } }, { configurationSets: ['Cs1'], now })).toMatchObject({ DetailType: 'Email Complaint Received', Detail: expect.stringContaining('"Other"') });
    expect(sesEventEntry({ eventType: 'Delivery' }, { configurationSets: [], now }).DetailType).toBe('Email Delivered');
  });

  it('refuses what SES would never send', () => {
    for (const detail of [[], { eventType: 'Bounced' }, { eventType: 'Bounce', mail: 'x' }, { eventType: 'Bounce', mail: { tags: { shop: 'demo-shopify' } } }]) {
      expect(() => sesEventEntry(detail, { configurationSets: [], now })).toThrow(InvalidFeedback);
    }
  });
});

describe('inboundSmsMessage', () => {
  it('is the message End User Messaging publishes', () => {
    expect(JSON.parse(inboundSmsMessage({ originationNumber: '+14255550182', destinationNumber: '+15555550100', messageBody: ' stop ' }))).toEqual({
      originationNumber: '+14255550182',
      destinationNumber: '+15555550100',
      messageKeyword: 'STOP',
      messageBody: ' stop ',
      inboundMessageId: expect.any(String),
    });
  });

  it('refuses numbers that are not E.164 and empty messages', () => {
    for (const body of [{ originationNumber: '0425', destinationNumber: '+15555550100', messageBody: 'STOP' }, { originationNumber: '+14255550182', destinationNumber: '+15555550100', messageBody: '' }, 'STOP']) {
      expect(() => inboundSmsMessage(body)).toThrow(InvalidFeedback);
    }
  });
});

const region = 'us-east-1';
const accountId = '000000000000';
const resources: Record<string, CfnResource> = {
  Topic: { Type: 'AWS::SNS::Topic', Properties: {}, Metadata: { 'aws:cdk:path': 'App/Feedback/InboundSms/Resource' } },
  Raw: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Work', 'Arn'] }, RawMessageDelivery: true, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } } },
  Wrapped: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Other', 'Arn'] } } },
  Fn: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['Handler', 'Arn'] } } },
  Mail: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'email', Endpoint: 'ops@example.com' } },
};
const arn = (service: string, name: string) => `arn:aws:${service}:${region}:${accountId}:${name}`;
const resolve = <T,>(value: unknown) =>
  resolveIntrinsics(value, { region, accountId, stackName: 'App', ref: (id) => arn('sns', id), getAtt: (id) => (id === 'Handler' ? arn('lambda', `function:${id}`) : arn('sqs', id)) }) as T;

describe('local topics', () => {
  const topics = readTopics(resources, resolve, (name) => arn('sns', name));

  it('are read from the template with their subscriptions', () => {
    expect(topics).toEqual([
      {
        logicalId: 'Topic',
        name: 'Topic',
        arn: arn('sns', 'Topic'),
        cdkPath: 'App/Feedback/InboundSms/Resource',
        subscriptions: [
          { logicalId: 'Raw', protocol: 'sqs', endpoint: arn('sqs', 'Work'), raw: true, deadLetterArn: arn('sqs', 'Dlq') },
          { logicalId: 'Wrapped', protocol: 'sqs', endpoint: arn('sqs', 'Other'), raw: false, deadLetterArn: undefined },
          { logicalId: 'Fn', protocol: 'lambda', endpoint: arn('lambda', 'function:Handler'), raw: false, deadLetterArn: undefined },
          { logicalId: 'Mail', protocol: 'email', endpoint: 'ops@example.com', raw: false, deadLetterArn: undefined },
        ],
      },
    ]);
  });

  it('deliver a published message to each subscription as SNS would', async () => {
    const deliveries: { arn: string; payload: any; deadLetterArn?: string }[] = [];
    const logs: string[] = [];
    const dispatcher = { deliver: async (target: string, payload: unknown, _trigger: string, failure: { deadLetterArn?: string }) => void deliveries.push({ arn: target, payload, deadLetterArn: failure.deadLetterArn }) } as unknown as Dispatcher;
    const local = new LocalTopics({ topics, dispatcher, now: () => now, log: (line) => logs.push(line) });
    const result = await local.publish(arn('sns', 'Topic'), '{"messageBody":"STOP"}');
    expect(result.deliveredTo).toHaveLength(3);
    const byArn = Object.fromEntries(deliveries.map((delivery) => [delivery.arn, delivery]));
    expect(byArn[arn('sqs', 'Work')]).toEqual({ arn: arn('sqs', 'Work'), payload: '{"messageBody":"STOP"}', deadLetterArn: arn('sqs', 'Dlq') });
    expect(JSON.parse(byArn[arn('sqs', 'Other')]!.payload)).toMatchObject({ Type: 'Notification', MessageId: result.messageId, TopicArn: arn('sns', 'Topic'), Message: '{"messageBody":"STOP"}', Timestamp: now.toISOString() });
    expect(byArn[arn('lambda', 'function:Handler')]!.payload.Records[0]).toMatchObject({ EventSource: 'aws:sns', Sns: { Message: '{"messageBody":"STOP"}' } });
    expect(logs).toEqual([expect.stringContaining('email subscription Mail')]);
    await expect(local.publish(arn('sns', 'Nope'), 'x')).rejects.toThrow(/No topic/);
  });
});
