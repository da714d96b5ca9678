// The OpenAPI 3.1 document of the HTTP API, built from the route definitions. `npm run openapi`
// writes it to openapi.json; a test checks the committed file is current.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import pkg from '../../package.json' with { type: 'json' };
import type { Route } from './define.ts';
import { routes as allRoutes } from './routes.ts';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export const localServerUrl = 'http://127.0.0.1:3000';

export const tags = [
  { name: 'Events', description: 'The canonical events the platform publishes' },
  { name: 'Webhooks', description: 'Storefront webhooks, authenticated by their HMAC signature with the shop secret' },
  { name: 'Orders', description: 'Orders as normalized from the storefronts, and their timelines' },
  { name: 'Customers', description: 'Customers: contact, consent and order totals' },
  { name: 'Dead letters', description: 'What could not be processed, for ops to inspect and re-drive' },
  { name: 'Audit', description: 'Who did what through the ops API, when, and why' },
  { name: 'Notifications', description: 'Customer messages: the delivery log, and the unsubscribe and preference links' },
  { name: 'Customer portal', description: 'Customers sign in with an order number and its email, and see only their own orders' },
  { name: 'Returns', description: 'Customers request returns of their orders, decided by the shop’s return policy, and follow them' },
  { name: 'Refunds', description: 'Refund decisions: the review queue, approvals and overrides with a reason, the explanation of each decision, the money ledger of an order, and the shop’s refund rules' },
  { name: 'Delays', description: 'Late orders: the orders with an open delay, and whether customers heard from us first' },
  { name: 'Campaigns', description: 'Repeat-purchase nudges, win-back and VIP tiers: the shop’s campaign settings, a preview of the coming nudges and the results they brought back' },
  { name: 'Surveys', description: 'Satisfaction surveys after resolved returns, cases and delays: the answer behind the link, and the responses for ops' },
  { name: 'KPIs', description: 'The service team’s figures over a period (satisfaction, returns, refunds, response and resolution times, delays, nudges), each with the operation listing the records behind it' },
  { name: 'Privacy', description: 'Customers’ data requests: the exports gathered for the shop to hand over (erasures are recorded in the audit trail)' },
] as const;

function accessNote(route: Route): string {
  switch (route.access.kind) {
    case 'public':
      return `Public: ${route.access.reason}`;
    case 'webhook':
      return 'Authenticated by the storefront signature (HMAC with the shop webhook secret), not by a token.';
    case 'ops':
      return `Requires an ops bearer token with the \`${route.access.role}\` role or higher (viewer < agent < supervisor < admin).`;
    case 'customer':
      return 'Requires a customer session token from POST /customer/sessions; customers see only their own orders.';
  }
}

/** One route as zod-to-openapi's path config. */
export function toRouteConfig(route: Route): RouteConfig {
  const { request, access } = route;
  const config: RouteConfig = {
    method: route.method,
    path: route.path,
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, accessNote(route)].filter(Boolean).join('\n\n'),
    tags: [...route.tags],
    'x-access': access.kind,
    request: {
      params: request?.params,
      query: request?.query,
      headers: request?.headers,
      body: request?.body
        ? { description: request.bodyDescription, required: true, content: { [request.bodyContentType ?? 'application/json']: { schema: request.body } } }
        : undefined,
    },
    responses: Object.fromEntries(
      Object.entries(route.allResponses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } } : {}),
        },
      ]),
    ),
  };
  if (access.kind === 'ops') {
    config.security = [{ bearerAuth: [] }];
    config['x-required-role'] = access.role;
  } else if (access.kind === 'customer') {
    config.security = [{ customerSession: [] }];
  } else {
    config.security = [];
    if (access.kind === 'public') config['x-public-reason'] = access.reason;
  }
  return config;
}

export function buildOpenApiDocument(routes: readonly Route[] = allRoutes): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An ID or access token from the ops user pool; its `cognito:groups` give the role (viewer, agent, supervisor, admin).',
  });
  registry.registerComponent('securitySchemes', 'customerSession', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A customer session token from POST /customer/sessions (order number and the email on the order); valid for one hour.',
  });
  for (const route of routes) registry.registerPath(toRouteConfig(route));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Aftersales API',
      version: pkg.version,
      description: `${pkg.description}\n\nErrors are RFC 9457 problem details (\`application/problem+json\`) with a \`requestId\`; validation failures list each invalid field in \`errors\`.`,
      license: { name: pkg.license, identifier: pkg.license },
    },
    servers: [{ url: localServerUrl, description: 'Local stack (`npm start`); on AWS, the `ApiUrl` stack output' }],
    tags: tags.map((tag) => ({ ...tag })),
  });
  return document;
}

/** The document as written to openapi.json: two-space indented, with a final newline. */
export function renderOpenApi(document: OpenApiDocument = buildOpenApiDocument()): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
