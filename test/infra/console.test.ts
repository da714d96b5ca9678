// CDK assertions on the ops console construct, in a stack of its own (fast: no function bundling):
// private bucket behind CloudFront with origin access control, hosted-UI sign-in on the ops API's
// app client with the distribution as callback, the config.json output, and no cdk-nag finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { OpsConsole } from '../../infra/constructs/console.ts';
import { OpsAuth } from '../../infra/constructs/ops-auth.ts';

function consoleApp() {
  const app = new App({ context: { 'cli-telemetry': false } });
  const stack = new Stack(app, 'ConsoleTest', { env: { account: '111122223333', region: 'eu-west-1' } });
  const auth = new OpsAuth(stack, 'Auth');
  // A stand-in for the backbone's API (checked in stack.test.ts): no stage, so nothing for cdk-nag here but the console.
  const api = new HttpApi(stack, 'Api', { createDefaultStage: false });
  const opsConsole = new OpsConsole(stack, 'Console', { auth, api });
  return { app, stack, auth, opsConsole };
}

let template: Template;
let stack: Stack;
beforeAll(() => {
  ({ stack } = consoleApp());
  template = Template.fromStack(stack);
});

describe('ops console hosting', () => {
  it('keeps the files in a private, encrypted bucket that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) }),
    });
  });

  it('serves them over HTTPS only through CloudFront, which alone may read the bucket', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } } })]),
      }),
    });
  });

  it("signs in through the hosted UI with the ops API's own app client, back to the console", () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const [, client] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties).toMatchObject({ AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid', 'email', 'profile'], SupportedIdentityProviders: ['COGNITO'] });
    expect(client.Properties.GenerateSecret ?? false).toBe(false);
    const callback = JSON.stringify(client.Properties.CallbackURLs);
    expect(callback).toContain('https://');
    expect(callback).toMatch(/ConsoleDistribution[0-9A-F]+.*DomainName/);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: Match.anyValue() });
  });

  it('lets the API accept calls with a bearer token from the console origin alone', () => {
    const [, api] = Object.entries(template.findResources('AWS::ApiGatewayV2::Api'))[0]!;
    expect(api.Properties.CorsConfiguration).toMatchObject({ AllowHeaders: ['authorization', 'content-type'] });
    expect(JSON.stringify(api.Properties.CorsConfiguration.AllowOrigins)).toMatch(/https:\/\/.*ConsoleDistribution[0-9A-F]+.*DomainName/);
  });

  it('publishes the config.json the console reads: API, hosted UI and client', () => {
    const outputs = template.findOutputs('ConsoleConfig');
    const value = JSON.stringify(Object.values(outputs)[0]!.Value);
    for (const expected of ['"ApiEndpoint"', '\\"kind\\":\\"cognito\\"', 'amazoncognito.com', 'AuthUsersConsole', 'redirectUri']) expect(value).toContain(expected);
    template.hasOutput('ConsoleUrl', {});
    template.hasOutput('ConsoleBucketName', {});
  });

  it('reports no unacknowledged AwsSolutions finding, warnings included', () => {
    const { app } = consoleApp();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Errors interrupt synth; warnings only reach the report.
    app.synth();
    const report = JSON.parse(readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations: { ruleName: string }[] }[] };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations.map((violation) => violation.ruleName))).toEqual([]);
  });
});
