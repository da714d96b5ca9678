import { Aws, Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { eventPatternFor } from '../../shared/events/define.ts';
import { TimersRequested } from '../../shared/events/timers.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

/** Schedule name prefixes the keeper may create and delete, one per capability that sets timers. */
export const timerNamePrefixes = ['ret-', 'dly-', 'ref-', 'nud-'] as const;

/**
 * Timers for every capability: capabilities write TimersRequested to the outbox with the state
 * that needs the timers; the keeper turns them into one-time Scheduler schedules that put
 * TimerFired on the bus when due (and delete themselves), and deletes the cancelled ones.
 */
export class Timers extends Construct {
  constructor(scope: Construct, id: string, { backbone }: { backbone: Backbone }) {
    super(scope, id);
    const fireRole = new Role(this, 'FireRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com'), description: 'Lets Scheduler put TimerFired on the bus' });
    backbone.bus.grantPutEventsTo(fireRole);

    const keeper = backbone.newFunction(this, 'Keeper', {
      entry: 'functions/timers/keeper.ts',
      service: 'timers',
      description: 'Creates and deletes the Scheduler timers capabilities request',
      timeout: Duration.seconds(30),
      environment: { EVENT_BUS_ARN: backbone.bus.eventBusArn, EVENT_BUS_NAME: backbone.bus.eventBusName, TIMER_ROLE_ARN: fireRole.roleArn },
    });
    fireRole.grantPassRole(keeper.fn.grantPrincipal);
    // A timer already due is published directly.
    backbone.bus.grantPutEventsTo(keeper.fn);
    const schedules = timerNamePrefixes.map((prefix) => `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/default/${prefix}*`);
    keeper.fn.addToRolePolicy(new PolicyStatement({ actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'], resources: schedules }));
    for (const prefix of timerNamePrefixes) {
      Validations.of(keeper).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/default/${prefix}*]`,
        reason: `Timers are created at run time, one schedule per subject; the keeper may only touch schedules named ${prefix}*.`,
      });
    }
    const requests = new WorkQueue(this, 'RequestQueue', { visibilityTimeout: Duration.seconds(180), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'RequestedRule', eventPatternFor(TimersRequested), requests, keeper);
  }
}
