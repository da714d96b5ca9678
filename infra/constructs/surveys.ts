import { Duration, Validations } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { answerSurvey, getFollowUpCase, getSurveyAnswerPage, listFollowUpCases, listSurveyResponses, resolveFollowUpCase } from '../../shared/api/routes.ts';
import { CaseResolved } from '../../shared/events/cases.ts';
import { eventPatternFor } from '../../shared/events/define.ts';
import { DelayResolved } from '../../shared/events/delays.ts';
import { ReturnResolved } from '../../shared/events/returns.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface SurveysProps {
  readonly backbone: Backbone;
  /** The shops secret: each shop's default language and duty team address. */
  readonly shopsSecret: ISecret;
  /** The ops API's JWT authorizer, for the responses route. */
  readonly authorizer: IHttpRouteAuthorizer;
}

/**
 * Satisfaction surveys: every resolved return, case or delay gets one (the invite goes out through
 * the notifications capability), answered through signed one-click links on the HTTP API; a low
 * score opens a follow-up case and alerts the shop's duty team.
 */
export class Surveys extends Construct {
  readonly linkSecret: Secret;

  constructor(scope: Construct, id: string, { backbone, shopsSecret, authorizer }: SurveysProps) {
    super(scope, id);
    this.linkSecret = new Secret(this, 'LinkKey', {
      description: 'HMAC key that signs survey links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.linkSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Rotating the key invalidates every survey link already sent (they last 30 days); replace the value by hand if it leaks.',
    });
    const environment = {
      STATE_TABLE_NAME: backbone.stateTable.tableName,
      SHOPS_SECRET_ARN: shopsSecret.secretArn,
      SURVEY_LINK_SECRET_ARN: this.linkSecret.secretArn,
    };

    const request = backbone.newFunction(this, 'Request', {
      entry: 'functions/surveys/request.ts',
      service: 'surveys',
      description: 'Requests a satisfaction survey when a return, case or delay resolves',
      timeout: Duration.seconds(20),
      // The links in the invite point at this API (the local stack resolves it to its own URL).
      environment: { ...environment, PUBLIC_API_URL: backbone.httpApi.apiEndpoint },
    });
    backbone.grantState(request, 'readWrite');
    shopsSecret.grantRead(request.fn);
    this.linkSecret.grantRead(request.fn);
    const requests = new WorkQueue(this, 'RequestQueue', { visibilityTimeout: Duration.seconds(120), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'ResolvedRule', eventPatternFor(ReturnResolved, CaseResolved, DelayResolved), requests, request);

    const api = backbone.newFunction(this, 'Api', {
      entry: 'functions/surveys/api.ts',
      service: 'surveys',
      description: 'Survey answer page and answers (signed links), survey responses and follow-up cases for ops',
      environment,
    });
    backbone.grantState(api, 'readWrite');
    shopsSecret.grantRead(api.fn);
    this.linkSecret.grantRead(api.fn);
    backbone.addPublicRoute(getSurveyAnswerPage, api.fn);
    backbone.addPublicRoute(answerSurvey, api.fn);
    backbone.addAuthorizedRoute(listSurveyResponses, api.fn, authorizer);
    for (const route of [listFollowUpCases, getFollowUpCase, resolveFollowUpCase]) backbone.addAuthorizedRoute(route, api.fn, authorizer);
  }
}
