// The shapes of the local stack's model of the synthesized template (see model.ts).

export type Props = Record<string, any>;
export interface CfnResource {
  Type: string;
  Properties?: Props;
  Metadata?: Props;
}
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
}

export interface LocalTable {
  logicalId: string;
  name: string;
  arn: string;
  streamArn?: string;
  keySchema: { AttributeName: string; KeyType: string }[];
  attributeDefinitions: { AttributeName: string; AttributeType: string }[];
  globalSecondaryIndexes: { IndexName: string; KeySchema: LocalTable['keySchema']; Projection: Props }[];
  localSecondaryIndexes: { IndexName: string; KeySchema: LocalTable['keySchema']; Projection: Props }[];
  ttlAttribute?: string;
  streamViewType?: string;
}
export interface LocalQueue {
  logicalId: string;
  name: string;
  arn: string;
  url: string;
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  retentionSeconds: number;
  redrive?: { deadLetterTargetArn: string; maxReceiveCount: number };
}
export interface LocalFunction {
  logicalId: string;
  name: string;
  arn: string;
  /** Absolute path of the bundled module and the export to call, from `Handler`. */
  modulePath: string;
  exportName: string;
  timeoutSeconds: number;
  memoryMb: number;
  environment: Record<string, string>;
  /** Retries of a failed asynchronous invocation (Lambda's default is 2). */
  asyncRetryAttempts: number;
  /** Where a failed asynchronous invocation goes: the function's DLQ or on-failure destination. */
  asyncFailureArn?: string;
}
export interface LocalEventSourceMapping {
  logicalId: string;
  functionName: string;
  sourceArn: string;
  kind: 'sqs' | 'dynamodb';
  batchSize: number;
  batchingWindowSeconds: number;
  reportBatchItemFailures: boolean;
  filterPatterns: Record<string, unknown>[];
  enabled: boolean;
  /** Streams only: retries of a failing batch (-1 in the template means until the record expires). */
  maximumRetryAttempts: number;
  bisectBatchOnError: boolean;
  onFailureArn?: string;
}
export interface LocalRuleTarget {
  id: string;
  arn: string;
  deadLetterArn?: string;
  maxRetryAttempts: number;
  maxEventAgeSeconds: number;
  input?: string;
  inputPath?: string;
}
export interface LocalRule {
  logicalId: string;
  name: string;
  busName: string;
  pattern: Record<string, unknown>;
  enabled: boolean;
  targets: LocalRuleTarget[];
}
export interface LocalRoute {
  logicalId: string;
  routeKey: string;
  method: string;
  path: string;
  functionName: string;
  /** `NONE`, `JWT`, `AWS_IAM` or `CUSTOM`; only `JWT` is enforced locally. */
  authorizationType: string;
  /** Logical id of the route's `AWS::ApiGatewayV2::Authorizer` (see `LocalModel.authorizers`). */
  authorizerId?: string;
  /** The route's `AuthorizationScopes`: a JWT must carry at least one of them. */
  authorizationScopes?: string[];
}
/**
 * An `AWS::ApiGatewayV2::Authorizer`. A `JWT` one is enforced locally against the local issuer
 * (`<api>/_local/issuer`), whatever issuer the template names: Cognito is not there to ask.
 */
export interface LocalAuthorizer {
  logicalId: string;
  name: string;
  /** `JWT` or `REQUEST` (a Lambda authorizer, not emulated). */
  type: string;
  /** Where the token is, e.g. `$request.header.Authorization`. */
  identitySource: string[];
  /**
   * `JwtConfiguration.Audience`, resolved; an entry that refers to an `AWS::Cognito::UserPoolClient`
   * becomes the local issuer's client id (`LOCAL_CLIENT_ID`), which local tokens carry.
   */
  audience: string[];
  /** `JwtConfiguration.Issuer` as the template names it, for information: locally the local issuer is trusted instead. */
  templateIssuer?: string;
}
/** An `AWS::SecretsManager::Secret`: the local Secrets Manager creates it at start. */
export interface LocalSecret {
  logicalId: string;
  name: string;
  /** What `Ref` of the secret resolves to, and what the local Secrets Manager answers to. */
  arn: string;
  /** `Metadata['aws:cdk:path']`, e.g. `Aftersales/Ingest/Shops/Resource`, to tell secrets apart. */
  cdkPath?: string;
  description?: string;
  /** The template's `SecretString`, resolved. */
  secretString?: string;
  /** The template's `GenerateSecretString`. */
  generateSecretString?: Props;
}
/**
 * An `AWS::Scheduler::Schedule`: `input` is its properties resolved, in the shape of a
 * CreateSchedule request (the same field names), without `Name`.
 */
export interface LocalTemplateSchedule {
  logicalId: string;
  name: string;
  groupName: string;
  cdkPath?: string;
  input: Props;
}
/** An `AWS::Events::Rule` with a `ScheduleExpression` and no `EventPattern`. */
export interface LocalScheduledRule {
  logicalId: string;
  name: string;
  arn: string;
  scheduleExpression: string;
  enabled: boolean;
  targets: LocalRuleTarget[];
}
/** An `AWS::SNS::Subscription`: `endpoint` is a queue or function ARN, `raw` its RawMessageDelivery. */
export interface LocalSubscription {
  logicalId: string;
  protocol: string;
  endpoint: string;
  raw: boolean;
  deadLetterArn?: string;
}
/** An `AWS::SNS::Topic` with its subscriptions (see sns.ts). */
export interface LocalTopic {
  logicalId: string;
  name: string;
  arn: string;
  cdkPath?: string;
  subscriptions: LocalSubscription[];
}
export interface LocalModel {
  stackName: string;
  region: string;
  accountId: string;
  tables: LocalTable[];
  queues: LocalQueue[];
  functions: LocalFunction[];
  mappings: LocalEventSourceMapping[];
  buses: { logicalId: string; name: string; arn: string }[];
  rules: LocalRule[];
  routes: LocalRoute[];
  authorizers: LocalAuthorizer[];
  scheduleGroups: string[];
  archives: { logicalId: string; busArn: string }[];
  secrets: LocalSecret[];
  schedules: LocalTemplateSchedule[];
  scheduledRules: LocalScheduledRule[];
  topics: LocalTopic[];
  /** Names of the `AWS::SES::ConfigurationSet`s: SES tags each event with its set's name. */
  sesConfigurationSets: string[];
}

