// `npm start`: the whole system on this machine, no AWS account needed.
import './quiet-warnings.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareConsole } from './console-site.ts';
import { JavaMissingError } from './services/dynamodb.ts';
import { PortInUseError } from './services/ports.ts';
import { startLocalStack } from './stack.ts';
import { SynthError } from './template/synth.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = performance.now();
const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
const persist = process.env.LOCAL_PERSIST !== 'false';
// Where persistent mode keeps its state (default .local/): a second stack, or a crash test, uses another.
const dataDir = process.env.LOCAL_DATA_DIR || undefined;
const quiet = process.env.LOCAL_QUIET_FUNCTIONS === 'true';

console.log('Starting the local stack (synthesizing the CDK app unless nothing changed)...');
try {
  const stack = await startLocalStack({
    projectRoot,
    port,
    persist,
    dataDir,
    log: (line) => {
      if (!quiet || !line.startsWith('[')) console.log(line);
    },
  });
  const { endpoints, model, synth } = stack;
  // Built now (when its sources changed) rather than on the first visit to /console.
  void prepareConsole().then(
    () => console.log(`Ops console is ready at ${endpoints.api}/console/`),
    (error: Error) => console.error(`The ops console could not be built: ${error.message}`),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Local stack is up in ${seconds} s (synth ${synth.reused ? 'reused' : `${synth.seconds.toFixed(1)} s`}; data ${persist ? `kept in ${dataDir ?? '.local'}/` : 'in memory'}).

  API            ${endpoints.api}
  Ops console    ${endpoints.api}/console/         (sign in as any local user and role)
  Health         ${endpoints.api}/health
  Local clock    ${endpoints.api}/_local/clock     (POST {"advance":"P14D"} or {"set":"<ISO time>"})
  SMS sent       ${endpoints.api}/_local/sms
  Invocations    ${endpoints.api}/_local/invocations
  Function logs  ${endpoints.api}/_local/logs     (?after=<seq>&function=<name>)
  Events         ${endpoints.api}/_local/events
  Mail (SES)     ${endpoints.sesv2}               (web view of sent mail)
  EventBridge    ${endpoints.eventbridge}
  Scheduler      ${endpoints.scheduler}
  SQS            ${endpoints.sqs}
  DynamoDB       ${endpoints.dynamodb}
  SMS endpoint   ${endpoints.sms}
  Secrets Mgr    ${endpoints.secretsmanager}
  WooCommerce    ${endpoints.api}/_local/woocommerce/<store>/wp-json/wc/v3   (fake store; POST .../<store>/orders adds an order)
  Storefront     ${endpoints.api}/_local/storefront/<shop>   (fake exchange service: variants, reservations, orders, charges)
  Payments       ${endpoints.api}/_local/payments/<shop>     (fake payment provider: refunds and gift cards by idempotency key; POST .../<shop>/control)

Routes:
${model.routes.map((route) => `  ${route.routeKey.padEnd(32)} -> ${route.functionName}`).join('\n')}

${model.functions.length} functions, ${model.rules.length} rules, ${model.queues.length} queues, ${model.tables.length} tables.
Point the AWS CLI or SDK at it with: ${Object.entries(stack.clientEnvironment).filter(([name]) => name.startsWith('AWS_ENDPOINT_URL_')).map(([name, value]) => `${name}=${value}`).join(' ')}
Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local stack...`);
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  const known = error instanceof SynthError || error instanceof JavaMissingError || error instanceof PortInUseError;
  console.error(`\nThe local stack could not start: ${known ? (error as Error).message : (error as Error).stack}`);
  process.exit(1);
}
