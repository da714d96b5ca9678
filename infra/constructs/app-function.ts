import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, ApplicationLogLevel, SystemLogLevel, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functionBundleBanner, functionBundleMainFields, functionBundleTarget } from './bundling.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every function's metrics land in one namespace so the ops dashboards see them together. */
export const metricsNamespace = 'Aftersales';

export interface AppFunctionProps {
  /** Handler file relative to the repo root, e.g. `functions/ops/journal.ts`; it exports `handler`. */
  readonly entry: string;
  /** The capability the function belongs to; becomes the Powertools service name. */
  readonly service: string;
  readonly description: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** For asynchronous invocations (EventBridge targets): where an event goes after its retries. */
  readonly deadLetterQueue?: IQueue;
}

/**
 * A Lambda function with the platform's defaults: Node.js on arm64, ESM bundled by the locally
 * installed esbuild (never Docker), the AWS SDK bundled so the version is the one we test,
 * Powertools settings, active tracing, JSON logs with a bounded retention.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role, allowed to write its own log group only (not the managed basic execution role,
    // which can write to every log group in the account).
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(projectRoot, props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      description: props.description,
      role,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.deadLetterQueue ? 2 : undefined,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.service,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        platform: 'node',
        target: functionBundleTarget,
        mainFields: functionBundleMainFields,
        minify: true,
        bundleAwsSDK: true,
        forceDockerBundling: false,
        metafile: true,
        logLevel: LogLevel.WARNING,
        banner: functionBundleBanner,
      },
    });
    if (props.deadLetterQueue) {
      Validations.of(this.fn).acknowledge({
        id: 'Serverless::Serverless-LambdaAsyncFailureDestination',
        reason: 'Failed asynchronous invocations go to the function’s dead-letter queue; an on-failure destination as well would deliver each failure twice.',
      });
    } else {
      Validations.of(this.fn).acknowledge({
        id: 'Serverless::Serverless-LambdaDLQ',
        reason: 'Invoked synchronously (HTTP API) or by an event source mapping, whose failures go to the source queue’s dead-letter queue or the mapping’s on-failure destination; a function dead-letter queue only serves asynchronous invocations, and functions invoked asynchronously (rule and schedule targets) are given one (the stack tests check it).',
      });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords (active tracing) support no resource-level permissions.',
    });
  }
}
