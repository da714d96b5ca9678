#!/usr/bin/env node
// The CDK app: one stack, checked by cdk-nag's AwsSolutions and Serverless rules on every synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AftersalesStack } from './stack.ts';

export function buildApp(app = new App()): { app: App; stack: AftersalesStack } {
  const stack = new AftersalesStack(app, app.node.tryGetContext('stackName') ?? 'Aftersales', {
    description: 'After-sales automation: returns, refunds, delay alerts, nudges and follow-ups',
    env: {
      account: process.env.CDK_DEFAULT_ACCOUNT,
      region: process.env.CDK_DEFAULT_REGION,
    },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stack };
}

// `cdk synth` runs this file directly; tests import buildApp() instead.
if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
