// The local stack's view of the synthesized template: every table, queue, function, mapping,
// bus, rule and route, with references resolved to local names. Nothing here is configured by
// hand; a resource added to the CDK app appears here on the next synth.
import path from 'node:path';
import { authorizerIdOf, readAuthorizers } from '../auth/template.ts';
import { readTopics } from '../sns.ts';
import { resolveIntrinsics, type ResolveContext } from './intrinsics.ts';
import type {
  CfnResource, CfnTemplate, LocalEventSourceMapping, LocalFunction, LocalModel, LocalQueue, LocalRoute, LocalRule, LocalRuleTarget, LocalScheduledRule,
  LocalSecret, LocalTable, LocalTemplateSchedule, Props,
} from './types.ts';

export type * from './types.ts';

export interface ModelOptions {
  stackName: string;
  region: string;
  accountId: string;
  /** Directory of the cloud assembly, where function assets live. */
  assemblyDir: string;
  queueUrl(name: string): string;
  apiUrl: string;
}

/** Physical names: explicit names from the template, else the logical id. */
function physicalName(resource: CfnResource, logicalId: string): string {
  const p = resource.Properties ?? {};
  const explicit = p.TableName ?? p.QueueName ?? p.FunctionName ?? p.Name ?? p.RoleName;
  return typeof explicit === 'string' ? explicit : logicalId;
}

export function buildLocalModel(template: CfnTemplate, options: ModelOptions): LocalModel {
  const { region, accountId } = options;
  const resources = template.Resources;
  const arnOf = (type: string, name: string): string => {
    switch (type) {
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        return `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
      case 'AWS::SQS::Queue':
        return `arn:aws:sqs:${region}:${accountId}:${name}`;
      case 'AWS::Lambda::Function':
        return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
      case 'AWS::Events::EventBus':
        return `arn:aws:events:${region}:${accountId}:event-bus/${name}`;
      case 'AWS::Events::Rule':
        return `arn:aws:events:${region}:${accountId}:rule/${name}`;
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${accountId}:role/${name}`;
      case 'AWS::Scheduler::ScheduleGroup':
        return `arn:aws:scheduler:${region}:${accountId}:schedule-group/${name}`;
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}`;
      case 'AWS::SNS::Topic':
        return `arn:aws:sns:${region}:${accountId}:${name}`;
      default:
        return `arn:aws:local:${region}:${accountId}:${type.replace(/::/g, '-').toLowerCase()}/${name}`;
    }
  };
  const ctx: ResolveContext = {
    region,
    accountId,
    stackName: options.stackName,
    ref(logicalId) {
      const resource = resources[logicalId];
      if (!resource) throw new Error(`Template references unknown resource ${logicalId}`);
      const name = physicalName(resource, logicalId);
      if (resource.Type === 'AWS::SQS::Queue') return options.queueUrl(name);
      // A secret's and a topic's Ref is its ARN.
      if (resource.Type === 'AWS::SecretsManager::Secret' || resource.Type === 'AWS::SNS::Topic') return arnOf(resource.Type, name);
      return name;
    },
    getAtt(logicalId, attribute) {
      const resource = resources[logicalId];
      if (!resource) throw new Error(`Template references unknown resource ${logicalId}`);
      const name = physicalName(resource, logicalId);
      switch (attribute) {
        case 'Arn':
          return arnOf(resource.Type, name);
        case 'Id':
          if (resource.Type === 'AWS::SecretsManager::Secret') return arnOf(resource.Type, name);
          return `${name}.${attribute}`;
        case 'StreamArn':
          return `${arnOf(resource.Type, name)}/stream/local`;
        case 'QueueName':
        case 'Name':
          return name;
        case 'QueueUrl':
          return options.queueUrl(name);
        case 'ApiEndpoint':
          return options.apiUrl;
        default:
          return `${name}.${attribute}`;
      }
    },
  };
  const resolve = <T = any>(value: unknown): T => resolveIntrinsics(value, ctx) as T;
  const ofType = (...types: string[]) =>
    Object.entries(resources).filter(([, r]) => types.includes(r.Type)) as [string, CfnResource & { Properties: Props }][];

  const tables = ofType('AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable').map(([logicalId, r]): LocalTable => {
    const p = r.Properties;
    const name = physicalName(r, logicalId);
    const ttl = p.TimeToLiveSpecification;
    const streamViewType = p.StreamSpecification?.StreamViewType;
    return {
      logicalId,
      name,
      arn: arnOf(r.Type, name),
      streamArn: streamViewType ? `${arnOf(r.Type, name)}/stream/local` : undefined,
      keySchema: p.KeySchema,
      attributeDefinitions: p.AttributeDefinitions,
      globalSecondaryIndexes: p.GlobalSecondaryIndexes ?? [],
      localSecondaryIndexes: p.LocalSecondaryIndexes ?? [],
      ttlAttribute: ttl?.Enabled !== false ? ttl?.AttributeName : undefined,
      streamViewType,
    };
  });

  const queues = ofType('AWS::SQS::Queue').map(([logicalId, r]): LocalQueue => {
    const p = r.Properties;
    const name = physicalName(r, logicalId);
    const redrive = p.RedrivePolicy ? resolve(p.RedrivePolicy) : undefined;
    return {
      logicalId,
      name,
      arn: arnOf(r.Type, name),
      url: options.queueUrl(name),
      fifo: p.FifoQueue === true,
      visibilityTimeoutSeconds: p.VisibilityTimeout ?? 30,
      retentionSeconds: p.MessageRetentionPeriod ?? 345_600,
      redrive: redrive ? { deadLetterTargetArn: redrive.deadLetterTargetArn, maxReceiveCount: Number(redrive.maxReceiveCount) } : undefined,
    };
  });

  const invokeConfigs = new Map(
    ofType('AWS::Lambda::EventInvokeConfig').map(([, r]) => [resolve<string>(r.Properties.FunctionName), r.Properties]),
  );
  const functions = ofType('AWS::Lambda::Function').map(([logicalId, r]): LocalFunction => {
    const p = r.Properties;
    const name = physicalName(r, logicalId);
    const assetPath = r.Metadata?.['aws:asset:path'];
    if (!assetPath) throw new Error(`Function ${logicalId} has no bundled asset; only asset-based functions run locally`);
    const [file, exportName] = String(p.Handler).split(/\.(?=[^.]+$)/);
    const invokeConfig = invokeConfigs.get(name);
    const onFailure = invokeConfig?.DestinationConfig?.OnFailure?.Destination;
    return {
      logicalId,
      name,
      arn: arnOf(r.Type, name),
      modulePath: path.join(options.assemblyDir, assetPath, `${file}.mjs`),
      exportName: exportName ?? 'handler',
      timeoutSeconds: p.Timeout ?? 3,
      memoryMb: p.MemorySize ?? 128,
      environment: resolve(p.Environment?.Variables ?? {}),
      asyncRetryAttempts: invokeConfig?.MaximumRetryAttempts ?? 2,
      asyncFailureArn: onFailure ? resolve(onFailure) : p.DeadLetterConfig ? resolve(p.DeadLetterConfig.TargetArn) : undefined,
    };
  });

  const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([logicalId, r]): LocalEventSourceMapping => {
    const p = r.Properties;
    const sourceArn = resolve<string>(p.EventSourceArn);
    return {
      logicalId,
      functionName: resolve<string>(p.FunctionName),
      sourceArn,
      kind: sourceArn.startsWith('arn:aws:sqs:') ? 'sqs' : 'dynamodb',
      batchSize: p.BatchSize ?? (sourceArn.startsWith('arn:aws:sqs:') ? 10 : 100),
      batchingWindowSeconds: p.MaximumBatchingWindowInSeconds ?? 0,
      reportBatchItemFailures: (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      filterPatterns: (p.FilterCriteria?.Filters ?? []).map((f: { Pattern: string }) => JSON.parse(f.Pattern)),
      enabled: p.Enabled !== false,
      // Locally "until the record expires" would spin forever on a poison record; cap it.
      maximumRetryAttempts: p.MaximumRetryAttempts === undefined || p.MaximumRetryAttempts < 0 ? 10 : p.MaximumRetryAttempts,
      bisectBatchOnError: p.BisectBatchOnFunctionError === true,
      onFailureArn: p.DestinationConfig?.OnFailure?.Destination ? resolve<string>(p.DestinationConfig.OnFailure.Destination) : undefined,
    };
  });

  const buses = ofType('AWS::Events::EventBus').map(([logicalId, r]) => {
    const name = physicalName(r, logicalId);
    return { logicalId, name, arn: arnOf(r.Type, name) };
  });

  const ruleTarget = (t: Props): LocalRuleTarget => ({
    id: t.Id,
    arn: resolve<string>(t.Arn),
    deadLetterArn: t.DeadLetterConfig?.Arn ? resolve<string>(t.DeadLetterConfig.Arn) : undefined,
    maxRetryAttempts: t.RetryPolicy?.MaximumRetryAttempts ?? 185,
    maxEventAgeSeconds: t.RetryPolicy?.MaximumEventAgeInSeconds ?? 86_400,
    input: t.Input === undefined ? undefined : resolve<string>(t.Input),
    inputPath: t.InputPath,
  });
  const rules = ofType('AWS::Events::Rule')
    .filter(([, r]) => r.Properties.EventPattern)
    .map(([logicalId, r]): LocalRule => {
      const p = r.Properties;
      return {
        logicalId,
        name: physicalName(r, logicalId),
        busName: p.EventBusName ? resolve<string>(p.EventBusName).split('/').pop()! : 'default',
        pattern: resolve(p.EventPattern),
        enabled: (p.State ?? 'ENABLED') === 'ENABLED',
        targets: (p.Targets ?? []).map(ruleTarget),
      };
    });

  const scheduledRules = ofType('AWS::Events::Rule')
    .filter(([, r]) => !r.Properties.EventPattern && r.Properties.ScheduleExpression)
    .map(([logicalId, r]): LocalScheduledRule => {
      const p = r.Properties;
      const name = physicalName(r, logicalId);
      return {
        logicalId,
        name,
        arn: arnOf(r.Type, name),
        scheduleExpression: resolve<string>(p.ScheduleExpression),
        enabled: (p.State ?? 'ENABLED') === 'ENABLED',
        targets: (p.Targets ?? []).map(ruleTarget),
      };
    });

  const secrets = ofType('AWS::SecretsManager::Secret').map(([logicalId, r]): LocalSecret => {
    const p = r.Properties;
    const name = physicalName(r, logicalId);
    return {
      logicalId,
      name,
      arn: arnOf(r.Type, name),
      cdkPath: r.Metadata?.['aws:cdk:path'],
      description: p.Description === undefined ? undefined : resolve<string>(p.Description),
      secretString: p.SecretString === undefined ? undefined : resolve<string>(p.SecretString),
      generateSecretString: p.GenerateSecretString === undefined ? undefined : resolve(p.GenerateSecretString),
    };
  });

  const schedules = ofType('AWS::Scheduler::Schedule').map(([logicalId, r]): LocalTemplateSchedule => {
    const { Name: _name, ...input } = resolve<Props>(r.Properties);
    return { logicalId, name: physicalName(r, logicalId), groupName: input.GroupName ?? 'default', cdkPath: r.Metadata?.['aws:cdk:path'], input };
  });

  const integrations = new Map(
    ofType('AWS::ApiGatewayV2::Integration').map(([logicalId, r]) => [logicalId, resolve<string>(r.Properties.IntegrationUri)]),
  );
  const authorizers = readAuthorizers(resources, resolve);
  const routes = ofType('AWS::ApiGatewayV2::Route').map(([logicalId, r]): LocalRoute => {
    const p = r.Properties;
    const target = JSON.stringify(p.Target ?? '');
    const integrationId = [...integrations.keys()].find((id) => target.includes(`"${id}"`));
    const functionArn = integrationId ? integrations.get(integrationId)! : '';
    const routeKey = String(p.RouteKey);
    const [method, routePath] = routeKey === '$default' ? ['ANY', '$default'] : routeKey.split(' ');
    return {
      logicalId,
      routeKey,
      method: method!,
      path: routePath!,
      functionName: functionArn.split(':').pop()!,
      authorizationType: p.AuthorizationType ?? 'NONE',
      authorizerId: authorizerIdOf(p.AuthorizerId, authorizers, resolve),
      authorizationScopes: p.AuthorizationScopes === undefined ? undefined : resolve<string[]>(p.AuthorizationScopes),
    };
  });

  return {
    stackName: options.stackName,
    region,
    accountId,
    tables,
    queues,
    functions,
    mappings,
    buses,
    rules,
    routes,
    authorizers,
    scheduleGroups: ['default', ...ofType('AWS::Scheduler::ScheduleGroup').map(([id, r]) => physicalName(r, id))],
    archives: ofType('AWS::Events::Archive').map(([logicalId, r]) => ({ logicalId, busArn: resolve<string>(r.Properties.SourceArn) })),
    secrets,
    schedules,
    scheduledRules,
    topics: readTopics(resources, resolve, (name) => arnOf('AWS::SNS::Topic', name)),
    sesConfigurationSets: ofType('AWS::SES::ConfigurationSet').map(([id, r]) => physicalName(r, id)),
  };
}
