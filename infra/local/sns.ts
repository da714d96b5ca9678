// The template's SNS topics, enough to publish to them locally: each subscription gets the message
// as SNS would deliver it (SQS: the raw message or the SNS envelope; Lambda: an SNS event), through
// the dispatcher, so a failed delivery lands in the subscription's dead-letter queue.
import { randomUUID } from 'node:crypto';
import type { Dispatcher } from './dispatcher.ts';
import type { CfnResource, LocalSubscription, LocalTopic, Props } from './template/types.ts';

/** Reads topics and their subscriptions from the template's resources (`resolve` resolves intrinsics). */
export function readTopics(resources: Record<string, CfnResource>, resolve: <T>(value: unknown) => T, arnOf: (name: string) => string): LocalTopic[] {
  const entries = Object.entries(resources) as [string, CfnResource & { Properties?: Props }][];
  const subscriptions = entries
    .filter(([, r]) => r.Type === 'AWS::SNS::Subscription')
    .map(([logicalId, r]): LocalSubscription & { topicArn: string } => {
      const p = r.Properties ?? {};
      return {
        logicalId,
        topicArn: resolve<string>(p.TopicArn),
        protocol: String(p.Protocol),
        endpoint: resolve<string>(p.Endpoint),
        raw: p.RawMessageDelivery === true || p.RawMessageDelivery === 'true',
        deadLetterArn: p.RedrivePolicy?.deadLetterTargetArn ? resolve<string>(p.RedrivePolicy.deadLetterTargetArn) : undefined,
      };
    });
  return entries
    .filter(([, r]) => r.Type === 'AWS::SNS::Topic')
    .map(([logicalId, r]): LocalTopic => {
      const name = typeof r.Properties?.TopicName === 'string' ? r.Properties.TopicName : logicalId;
      const arn = arnOf(name);
      return { logicalId, name, arn, cdkPath: r.Metadata?.['aws:cdk:path'], subscriptions: subscriptions.filter((s) => s.topicArn === arn).map(({ topicArn: _t, ...s }) => s) };
    });
}

/** What SNS puts in a queue without raw delivery, and in a Lambda event's `Sns`. */
export function snsEnvelope(topic: Pick<LocalTopic, 'arn'>, message: string, at: Date, messageId = randomUUID()) {
  return {
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: topic.arn,
    Message: message,
    Timestamp: at.toISOString(),
    SignatureVersion: '1',
    Signature: 'local',
    SigningCertURL: 'https://sns.local/cert.pem',
    UnsubscribeURL: 'https://sns.local/unsubscribe',
  };
}

export class LocalTopics {
  constructor(private readonly deps: { topics: LocalTopic[]; dispatcher: Dispatcher; now(): Date; log(line: string): void }) {}

  find(predicate: (topic: LocalTopic) => boolean): LocalTopic | undefined {
    return this.deps.topics.find(predicate);
  }

  /** Delivers `message` to every subscription of the topic; resolves when all deliveries finished. */
  async publish(topicArn: string, message: string): Promise<{ messageId: string; deliveredTo: string[] }> {
    const topic = this.deps.topics.find((candidate) => candidate.arn === topicArn);
    if (!topic) throw new Error(`No topic ${topicArn} in the template`);
    const envelope = snsEnvelope(topic, message, this.deps.now());
    const deliveredTo: string[] = [];
    await Promise.all(
      topic.subscriptions.map(async (subscription) => {
        const failure = { deadLetterArn: subscription.deadLetterArn, maxRetryAttempts: 3, attributes: { ERROR_CODE: 'SnsDeliveryFailed', TOPIC_ARN: topic.arn } };
        if (subscription.protocol === 'sqs') {
          await this.deps.dispatcher.deliver(subscription.endpoint, subscription.raw ? message : JSON.stringify(envelope), 'direct', failure);
        } else if (subscription.protocol === 'lambda') {
          const event = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: `${topic.arn}:${subscription.logicalId}`, Sns: { ...envelope, Subject: null, MessageAttributes: {} } }] };
          await this.deps.dispatcher.deliver(subscription.endpoint, event, 'direct', failure);
        } else {
          this.deps.log(`SNS: the local stack does not deliver to ${subscription.protocol} subscription ${subscription.logicalId}`);
          return;
        }
        deliveredTo.push(subscription.endpoint);
      }),
    );
    return { messageId: envelope.MessageId, deliveredTo };
  }
}
