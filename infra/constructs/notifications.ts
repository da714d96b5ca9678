import { Aws, Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { eventPatternFor } from '../../shared/events/define.ts';
import { NotificationRequested } from '../../shared/events/notifications.ts';
import { getNotificationPreferences, getUnsubscribePage, unsubscribe, updateNotificationPreferences } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface NotificationsProps {
  readonly backbone: Backbone;
  /** The shops secret: sender addresses, branding and SMS origination per shop. */
  readonly shopsSecret: ISecret;
  /** The SES configuration set whose events (bounces, complaints) come back as feedback. */
  readonly configurationSetName?: string;
}

/**
 * Customer messages: every NotificationRequested event is buffered in a queue and sent by one
 * sender (email through SES v2, SMS through End User Messaging), at a concurrency that keeps within
 * the account's sending rates. Marketing held for quiet hours comes back through a one-time schedule.
 */
export class Notifications extends Construct {
  constructor(scope: Construct, id: string, { backbone, shopsSecret, configurationSetName }: NotificationsProps) {
    super(scope, id);
    const requests = new WorkQueue(this, 'RequestQueue', { visibilityTimeout: Duration.seconds(180), maxReceiveCount: 6 });
    const deferralRole = new Role(this, 'DeferralRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com'), description: 'Lets Scheduler put held notifications back on their queue' });
    requests.queue.grantSendMessages(deferralRole);
    // Signs the unsubscribe and preference links in messages.
    const linkKey = new Secret(this, 'LinkKey', {
      description: 'Signs the unsubscribe and preference links in customer messages',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(linkKey).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'A signing key with no external system to rotate it with; rotating it would break the links in messages already sent (they last a year).',
    });

    const sender = backbone.newFunction(this, 'Send', {
      entry: 'functions/notifications/send.ts',
      service: 'notifications',
      description: 'Renders and sends customer messages by email and SMS',
      timeout: Duration.seconds(30),
      environment: {
        STATE_TABLE_NAME: backbone.stateTable.tableName,
        SHOPS_SECRET_ARN: shopsSecret.secretArn,
        NOTIFICATION_QUEUE_ARN: requests.queue.queueArn,
        DEFERRAL_ROLE_ARN: deferralRole.roleArn,
        LINK_SECRET_ARN: linkKey.secretArn,
        PUBLIC_API_URL: backbone.httpApi.apiEndpoint,
        ...(configurationSetName ? { SES_CONFIGURATION_SET: configurationSetName } : {}),
      },
    });
    linkKey.grantRead(sender.fn);
    backbone.grantState(sender, 'readWrite');
    shopsSecret.grantRead(sender.fn);
    deferralRole.grantPassRole(sender.fn.grantPrincipal);
    const arn = (service: string, resource: string) => `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    // The one configuration set the sender names (SES_CONFIGURATION_SET), not every set in the account.
    const configurationSets = configurationSetName ? [arn('ses', `configuration-set/${configurationSetName}`)] : [];
    sender.fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [arn('ses', 'identity/*'), ...configurationSets] }));
    sender.fn.addToRolePolicy(new PolicyStatement({ actions: ['sms-voice:SendTextMessage'], resources: [arn('sms-voice', 'phone-number/*'), arn('sms-voice', 'sender-id/*'), arn('sms-voice', 'pool/*'), arn('sms-voice', 'configuration-set/*')] }));
    sender.fn.addToRolePolicy(new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [arn('scheduler', 'schedule/default/ntf-*')] }));
    for (const resource of [
      `Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*`,
      `Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:phone-number/*`,
      `Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:sender-id/*`,
      `Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:pool/*`,
      `Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:configuration-set/*`,
      `Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/default/ntf-*`,
    ]) {
      Validations.of(sender).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[${resource}]`,
        reason: 'Each shop names its own SES identity and SMS origination in the shops secret at run time; deferrals create schedules named ntf-* only.',
      });
    }
    const preferences = backbone.newFunction(this, 'Preferences', {
      entry: 'functions/notifications/preferences.ts',
      service: 'notifications',
      description: 'One-click unsubscribe and marketing preferences behind the links in messages',
      memorySize: 256,
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, LINK_SECRET_ARN: linkKey.secretArn },
    });
    backbone.grantState(preferences, 'readWrite');
    linkKey.grantRead(preferences.fn);
    for (const route of [getUnsubscribePage, unsubscribe, getNotificationPreferences, updateNotificationPreferences]) backbone.addPublicRoute(route, preferences.fn);

    // At most this many senders at once keeps within SES and SMS sending rates; the queue absorbs bursts.
    backbone.subscribeQueue(this, 'RequestRule', eventPatternFor(NotificationRequested), requests, sender, 10, 5);
  }
}
