import { Stack, type StackProps, CfnOutput } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Backbone } from './constructs/backbone.ts';
import { OpsConsole } from './constructs/console.ts';
import { CustomerApi } from './constructs/customer-api.ts';
import { DelayDesk } from './constructs/delay-desk.ts';
import { Delays } from './constructs/delays.ts';
import { Ingest } from './constructs/ingest.ts';
import { Kpis } from './constructs/kpis.ts';
import { NotificationFeedback } from './constructs/notification-feedback.ts';
import { Nudges } from './constructs/nudges.ts';
import { Notifications } from './constructs/notifications.ts';
import { OpsApi } from './constructs/ops-api.ts';
import { Outbox } from './constructs/outbox.ts';
import { Privacy } from './constructs/privacy.ts';
import { Returns } from './constructs/returns.ts';
import { Refunds } from './constructs/refunds.ts';
import { Surveys } from './constructs/surveys.ts';
import { Timers } from './constructs/timers.ts';

export type AftersalesStackProps = StackProps;

/**
 * The whole platform. Each capability is one construct on top of the shared backbone
 * (bus, tables, dead letters, HTTP API, function defaults); capability issues add theirs here.
 */
export class AftersalesStack extends Stack {
  readonly backbone: Backbone;

  constructor(scope: Construct, id: string, props: AftersalesStackProps = {}) {
    super(scope, id, props);
    this.backbone = new Backbone(this, 'Backbone');
    new Outbox(this, 'Outbox', { backbone: this.backbone });
    new Timers(this, 'Timers', { backbone: this.backbone });
    const ingest = new Ingest(this, 'Ingest', { backbone: this.backbone });
    const opsApi = new OpsApi(this, 'OpsApi', { backbone: this.backbone, deliveryQueue: ingest.deliveryQueue });
    const customerApi = new CustomerApi(this, 'CustomerApi', { backbone: this.backbone });
    const feedback = new NotificationFeedback(this, 'NotificationFeedback', { backbone: this.backbone, shopsSecret: ingest.shopsSecret });
    new Notifications(this, 'Notifications', { backbone: this.backbone, shopsSecret: ingest.shopsSecret, configurationSetName: feedback.configurationSetName });
    new Surveys(this, 'Surveys', { backbone: this.backbone, shopsSecret: ingest.shopsSecret, authorizer: opsApi.auth.authorizer });
    new Returns(this, 'Returns', { backbone: this.backbone, sessionSecret: customerApi.sessionSecret, shopsSecret: ingest.shopsSecret, authorizer: opsApi.auth.authorizer });
    new Refunds(this, 'Refunds', { backbone: this.backbone, shopsSecret: ingest.shopsSecret, authorizer: opsApi.auth.authorizer, sessionSecret: customerApi.sessionSecret });
    new Delays(this, 'Delays', { backbone: this.backbone, shopsSecret: ingest.shopsSecret });
    new Nudges(this, 'Nudges', { backbone: this.backbone, authorizer: opsApi.auth.authorizer, shopsSecret: ingest.shopsSecret });
    new DelayDesk(this, 'DelayDesk', { backbone: this.backbone, authorizer: opsApi.auth.authorizer, shopsSecret: ingest.shopsSecret });
    new Kpis(this, 'Kpis', { backbone: this.backbone, authorizer: opsApi.auth.authorizer });
    new Privacy(this, 'Privacy', { backbone: this.backbone, ingest, authorizer: opsApi.auth.authorizer, deadLetterDesk: opsApi.deadLetters });
    opsApi.watchDeadLetters(this);
    new OpsConsole(this, 'Console', { auth: opsApi.auth, api: this.backbone.httpApi });

    new CfnOutput(this, 'ApiUrl', { value: this.backbone.httpApi.apiEndpoint });
    new CfnOutput(this, 'EventBusName', { value: this.backbone.bus.eventBusName });
    new CfnOutput(this, 'ShopsSecretArn', { value: ingest.shopsSecret.secretArn });
  }
}
