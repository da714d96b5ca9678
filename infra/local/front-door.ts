// The local stack's HTTP entrance: the template's API routes, plus `/health` and the `/_local`
// routes that exist only here (clock, SMS sink, provider feedback, invocations, events, schedules,
// the fake WooCommerce), and the ops console at `/console/`.
import http from 'node:http';
import { readBody } from './activity.ts';
import { apiGatewayHandler, RouteTable } from './api/gateway.ts';
import { InvalidTokenRequest, parseTokenRequest } from './auth/issuer.ts';
import { parseIsoDuration } from './clock.ts';
import { handleConsole } from './console-site.ts';
import { InvalidFaultSettings } from './faults/plan.ts';
import { inboundSmsMessage, InvalidFeedback, sesEventEntry } from './provider-feedback.ts';
import { advanceClock } from './scheduler/index.ts';
import type { LocalStack } from './stack.ts';

class BadRequest extends Error {}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
}

/** Problem details (RFC 9457), the error shape of the whole API. */
function sendProblem(res: http.ServerResponse, status: number, title: string, detail: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

async function probe(url: string): Promise<'up' | 'down'> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return 'up';
  } catch {
    return 'down';
  }
}

async function health(stack: LocalStack) {
  const { endpoints } = stack;
  const components = Object.fromEntries(
    await Promise.all(
      (Object.keys(endpoints) as (keyof typeof endpoints)[])
        .filter((name) => name !== 'api')
        .map(async (name) => [name, { status: await probe(endpoints[name]), url: endpoints[name] }] as const),
    ),
  );
  const up = Object.values(components).every((component) => component.status === 'up');
  return {
    status: up ? 'ok' : 'degraded',
    components: {
      api: { status: 'up', url: endpoints.api, routes: stack.model.routes.length },
      ...components,
      functions: { status: 'up', count: stack.model.functions.length, active: stack.runtime.activeInvocations },
    },
    endpoints,
    clock: stack.clock.now().toISOString(),
    synth: { reused: stack.synth.reused, seconds: Number(stack.synth.seconds.toFixed(2)) },
  };
}

async function jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req, 64 * 1024)).toString('utf8');
  try {
    const parsed = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // Reported below.
  }
  throw new BadRequest('The body must be a JSON object');
}

async function moveClock(stack: LocalStack, body: Record<string, unknown>) {
  const from = stack.clock.now();
  let to: Date;
  if (typeof body.advance === 'string' && body.set === undefined) {
    try {
      to = new Date(from.getTime() + parseIsoDuration(body.advance));
    } catch (error) {
      throw new BadRequest(`advance: ${(error as Error).message}`);
    }
  } else if (typeof body.set === 'string' && body.advance === undefined) {
    to = new Date(body.set);
    if (Number.isNaN(to.getTime())) throw new BadRequest('set: must be an ISO 8601 date-time such as 2026-12-01T09:00:00Z');
    if (to < from) throw new BadRequest(`set: ${body.set} is before the current local time ${from.toISOString()}; the clock only moves forward`);
  } else {
    throw new BadRequest('Send either {"advance": "<ISO 8601 duration, e.g. P14D>"} or {"set": "<ISO 8601 date-time>"}');
  }
  let settleEveryMs = 0;
  if (body.settleEvery !== undefined) {
    try {
      if (typeof body.settleEvery !== 'string') throw new RangeError('must be an ISO 8601 duration such as PT1H');
      settleEveryMs = parseIsoDuration(body.settleEvery);
    } catch (error) {
      throw new BadRequest(`settleEvery: ${(error as Error).message}`);
    }
  }
  await stack.settle();
  const fired = await advanceClock({ clock: stack.clock, scheduler: stack.scheduler, to, settle: () => stack.settle(), settleEveryMs });
  return { from: from.toISOString(), now: stack.clock.now().toISOString(), fired };
}

export function createFrontDoor(stack: LocalStack): http.Server {
  const api = apiGatewayHandler({
    routes: new RouteTable(stack.model.routes),
    runtime: stack.runtime,
    now: () => stack.clock.now(),
    authorizers: stack.model.authorizers,
    verifier: stack.issuer,
    // LOCAL_API_THROTTLE_AFTER_MS=none lets requests wait for a free environment however long it takes (the old behaviour).
    throttleAfterMs: process.env.LOCAL_API_THROTTLE_AFTER_MS === 'none' ? Number.POSITIVE_INFINITY : Number(process.env.LOCAL_API_THROTTLE_AFTER_MS ?? 1000),
  });
  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    try {
      if (route === 'GET /health') {
        const report = await health(stack);
        return sendJson(res, report.status === 'ok' ? 200 : 503, report);
      }
      if (route === 'GET /_local/clock') return sendJson(res, 200, { now: stack.clock.now().toISOString() });
      if (route === 'POST /_local/clock') return sendJson(res, 200, await moveClock(stack, await jsonBody(req)));
      if (route === 'GET /_local/sms') return sendJson(res, 200, { messages: stack.sms.sent() });
      if (route === 'POST /_local/ses/events') {
        // As a configuration set's EventBridge destination: on the default bus, source aws.ses.
        const entry = sesEventEntry(await jsonBody(req), { configurationSets: stack.model.sesConfigurationSets, now: stack.clock.now() });
        const { Entries } = await stack.bus.putEvents([entry]);
        return sendJson(res, 200, { detailType: entry.DetailType, ...Entries[0] });
      }
      if (route === 'POST /_local/sms/inbound') {
        // As End User Messaging two-way SMS: published to the inbound topic (the one the CDK app names InboundSms).
        const topic = stack.topics.find((candidate) => candidate.cdkPath?.endsWith('/InboundSms/Resource') ?? false);
        if (!topic) return sendProblem(res, 404, 'Not Found', 'The template has no InboundSms topic');
        const message = inboundSmsMessage(await jsonBody(req));
        return sendJson(res, 200, { topic: topic.name, ...(await stack.topics.publish(topic.arn, message)), message: JSON.parse(message) });
      }
      if (route === 'GET /_local/invocations') {
        return sendJson(res, 200, { invocations: stack.runtime.invocations({ functionName: url.searchParams.get('function') ?? undefined }) });
      }
      if (route === 'GET /_local/logs') {
        const after = Number(url.searchParams.get('after') ?? 0);
        return sendJson(res, 200, { lines: stack.runtime.logs({ after: Number.isFinite(after) ? after : 0, functionName: url.searchParams.get('function') ?? undefined }) });
      }
      if (route === 'GET /_local/events') {
        const filter = { source: url.searchParams.get('source') ?? undefined, detailType: url.searchParams.get('detailType') ?? undefined };
        return sendJson(res, 200, { events: stack.bus.events(filter) });
      }
      if (route === 'GET /_local/wiring') {
        const { model } = stack;
        return sendJson(res, 200, {
          routes: model.routes.map((r) => ({ routeKey: r.routeKey, functionName: r.functionName, logicalId: r.logicalId, authorizationType: r.authorizationType, authorizerId: r.authorizerId })),
          authorizers: model.authorizers,
          rules: model.rules.map((r) => ({ name: r.name, logicalId: r.logicalId, bus: r.busName, targets: r.targets.map((t) => t.arn) })),
          mappings: stack.wiredMappings,
          functions: model.functions.map((f) => ({ name: f.name, logicalId: f.logicalId })),
          tables: model.tables.map((t) => t.name),
          queues: model.queues.map((q) => q.url),
          secrets: model.secrets.map((s) => ({ name: s.name, logicalId: s.logicalId, arn: s.arn })),
          topics: model.topics.map((t) => ({ name: t.name, arn: t.arn, subscriptions: t.subscriptions.map((s) => ({ logicalId: s.logicalId, protocol: s.protocol, endpoint: s.endpoint, raw: s.raw })) })),
          schedules: stack.templateSchedules.schedules,
          scheduledRules: stack.templateSchedules.scheduledRules,
        });
      }
      if (route === 'POST /_local/token') {
        const { token, expiresAt } = stack.issuer.issue(parseTokenRequest(await jsonBody(req)));
        return sendJson(res, 200, { token, expiresAt });
      }
      if (route === 'GET /_local/issuer/.well-known/openid-configuration') return sendJson(res, 200, stack.issuer.openidConfiguration());
      if (route === 'GET /_local/issuer/.well-known/jwks.json') return sendJson(res, 200, stack.issuer.jwks());
      if (route === 'GET /_local/schedules') return sendJson(res, 200, { schedules: stack.scheduler.list(), scheduledRules: stack.scheduler.listRecurring() });
      if (await stack.woocommerce.handle(req, res, url)) return;
      if (await stack.storefront.handle(req, res, url)) return;
      if (await stack.payments.handle(req, res, url)) return;
      if (route === 'POST /_local/event-sources') {
        // Holds (or resumes) every queue and stream mapping: tests and benchmarks freeze the consumers.
        const { paused } = (await jsonBody(req)) as { paused?: unknown };
        if (typeof paused !== 'boolean') return sendJson(res, 400, { message: 'paused: must be true or false' });
        if (paused) stack.pauseEventSources();
        else stack.resumeEventSources();
        return sendJson(res, 200, { paused });
      }
      if (route === 'GET /_local/usage') return sendJson(res, 200, stack.usage.snapshot());
      if (route === 'POST /_local/usage/reset') {
        stack.usage.reset();
        return sendJson(res, 200, stack.usage.snapshot());
      }
      if (route === 'GET /_local/faults') return sendJson(res, 200, stack.faults.snapshot());
      if (route === 'PUT /_local/faults') {
        // {rate?: 0..1, kinds?: [...] | "all", seed?: integer, reset?: boolean}: answers the plan and the faults injected so far.
        stack.faults.configure(await jsonBody(req));
        return sendJson(res, 200, stack.faults.snapshot());
      }
      if (route === 'POST /_local/settle') {
        await stack.settle();
        return sendJson(res, 200, { settled: true });
      }
      if (url.pathname.startsWith('/_local/')) return sendProblem(res, 404, 'Not Found', `No local route ${route}`);
      if (await handleConsole(req, res, url)) return;
      if (await api(req, res, url)) return stack.usage.apiRequest();
      sendJson(res, 404, { message: 'Not Found' });
    } catch (error) {
      if (error instanceof BadRequest || error instanceof InvalidTokenRequest || error instanceof InvalidFeedback || error instanceof InvalidFaultSettings) return sendProblem(res, 400, 'Bad Request', error.message);
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      sendProblem(res, status, status === 413 ? 'Payload Too Large' : 'Internal Server Error', (error as Error).message);
    }
  });
}
