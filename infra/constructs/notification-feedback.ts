import { Aws, CfnOutput, Duration } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, ConfigurationSetTlsPolicy, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { sesDetailTypes } from '../../shared/notifications/feedback.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface NotificationFeedbackProps {
  readonly backbone: Backbone;
  /** The shops secret: which shops send SMS from the number an inbound SMS was sent to. */
  readonly shopsSecret: ISecret;
}

/**
 * What the providers report after a send. SES events of mail sent with the configuration set
 * (bounces, complaints, deliveries, rejections) arrive on the account's default bus, where only
 * the default bus can receive them; inbound SMS arrive on a topic that End User Messaging two-way
 * SMS publishes to. Both go through one queue to one function, which records suppressions and
 * SMS STOP/START on the address items the sender reads.
 */
export class NotificationFeedback extends Construct {
  /** Send email with this configuration set (the sender's `SES_CONFIGURATION_SET`) so its events come back. */
  readonly configurationSetName: string;
  /** Set as the two-way SMS destination of each shop's origination number. */
  readonly inboundSmsTopic: Topic;

  constructor(scope: Construct, id: string, { backbone, shopsSecret }: NotificationFeedbackProps) {
    super(scope, id);
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE, reputationMetrics: true });
    this.configurationSetName = configurationSet.configurationSetName;
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(defaultBus),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY, EmailSendingEvent.REJECT],
    });

    const work = new WorkQueue(this, 'Queue', { visibilityTimeout: Duration.seconds(60) });
    const handler = backbone.newFunction(this, 'Handle', {
      entry: 'functions/notifications/feedback.ts',
      service: 'notifications',
      description: 'Records SES bounces and complaints and SMS STOP/START on customer addresses',
      memorySize: 256,
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(handler, 'readWrite');
    shopsSecret.grantRead(handler.fn);
    backbone.consumeQueue(work, handler);

    // Other senders in the account share the default bus: take only this configuration set's events.
    new Rule(this, 'SesEventsRule', {
      eventBus: defaultBus,
      description: 'SES events of customer messages, to the notification feedback queue',
      eventPattern: { source: ['aws.ses'], detailType: [...sesDetailTypes], detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSetName] } } } },
      targets: [new SqsQueue(work.queue, { deadLetterQueue: work.deadLetters.queue, retryAttempts: 8, maxEventAge: Duration.hours(4) })],
    });

    // End User Messaging publishes to an encrypted topic only with a customer managed key it may use.
    const smsVoice = new ServicePrincipal('sms-voice.amazonaws.com');
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } };
    const key = new Key(this, 'InboundSmsKey', { enableKeyRotation: true, description: 'Encrypts inbound SMS (customer replies) on their topic' });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsVoice],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { ...fromThisAccount, ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:sms-voice:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` } },
      }),
    );
    this.inboundSmsTopic = new Topic(this, 'InboundSms', { masterKey: key, enforceSSL: true, displayName: 'Inbound SMS from customers' });
    this.inboundSmsTopic.addToResourcePolicy(new PolicyStatement({ principals: [smsVoice], actions: ['sns:Publish'], resources: [this.inboundSmsTopic.topicArn], conditions: fromThisAccount }));
    // Raw delivery: the queue gets End User Messaging's message itself. SNS retries, then dead-letters.
    this.inboundSmsTopic.addSubscription(new SqsSubscription(work.queue, { rawMessageDelivery: true, deadLetterQueue: work.deadLetters.queue }));

    new CfnOutput(this, 'InboundSmsTopicArn', { value: this.inboundSmsTopic.topicArn, description: "Each shop's SMS origination number's two-way destination" });
    new CfnOutput(this, 'SesConfigurationSetName', { value: this.configurationSetName, description: 'The SES configuration set customer messages are sent with' });
  }
}
