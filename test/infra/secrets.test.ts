// Secrets stay in Secrets Manager: functions are told where a secret is (its ARN) and read it at run
// time with their own grant; no secret value is in an environment variable, the template or an
// output, and every webhook's signing secret comes from the shops secret.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/constructs/app-function.ts';
import { routes } from '../../shared/api/routes.ts';
import { referencedIds, synthesizedTemplate, type SynthesizedTemplate, type TemplateResource } from './template.ts';

/** Names that would hold a secret if they held a value. */
const secretLike = /SECRET|KEY|TOKEN|PASSWORD|CREDENTIAL/i;

let resources: Record<string, TemplateResource>;
let outputs: SynthesizedTemplate['Outputs'];
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const isSecret = (id: string) => resources[id]?.Type === 'AWS::SecretsManager::Secret';
const variablesOf = (functionId: string): Record<string, unknown> => resources[functionId]!.Properties.Environment?.Variables ?? {};

beforeAll(() => {
  ({ Resources: resources, Outputs: outputs } = synthesizedTemplate());
});

describe('function environments', () => {
  it('name secrets by ARN only, each a Secrets Manager secret of this stack', () => {
    const named = ofType('AWS::Lambda::Function').flatMap(([id]) => Object.entries(variablesOf(id)).filter(([name]) => secretLike.test(name)).map(([name, value]) => ({ id, name, value })));
    expect(named.length).toBeGreaterThan(10);
    for (const { id, name, value } of named) {
      expect(name, id).toMatch(/_SECRET_ARN$/);
      const refs = [...referencedIds(value)];
      expect(refs, `${id} ${name}`).toHaveLength(1);
      expect(isSecret(refs[0]!), `${id} ${name} refers to ${refs[0]}`).toBe(true);
    }
  });

  it('hold no literal that looks like a key, a token or a password', () => {
    for (const [id] of ofType('AWS::Lambda::Function')) {
      for (const [name, value] of Object.entries(variablesOf(id))) {
        if (typeof value !== 'string') continue;
        // Long unbroken runs of key characters: API keys, tokens, generated passwords.
        expect(value, `${id} ${name}`).not.toMatch(/[A-Za-z0-9+/=_-]{32,}/);
        expect(value, `${id} ${name}`).not.toMatch(/^(ck_|cs_|shpat_|shpss_|sk_live_|sk_test_|whsec_)/);
      }
    }
  });

  it('are read by the code through *_SECRET_ARN variables only', () => {
    const sources = ['functions', 'shared'].flatMap((dir) => readdirSync(path.join(projectRoot, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join(dir, file)));
    const reads = sources.flatMap((file) =>
      [...readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/(?:requiredEnv\(\s*'|process\.env\.|process\.env\[\s*')([A-Z0-9_]+)/g)].map((match) => ({ file, name: match[1]! })),
    );
    expect(reads.length).toBeGreaterThan(20);
    for (const { file, name } of reads.filter((read) => secretLike.test(read.name))) expect(name, file).toMatch(/_SECRET_ARN$/);
  });
});

describe('the template', () => {
  it('keeps no secret value: secrets are generated, or the shops placeholder the merchant replaces', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const [id, secret] of secrets) {
      if (secret.Properties.GenerateSecretString) {
        expect(secret.Properties.SecretString, id).toBeUndefined();
        continue;
      }
      expect(JSON.parse(secret.Properties.SecretString), id).toEqual({ shops: [] });
    }
  });

  it('resolves no secret into a property and outputs secrets by ARN only', () => {
    // A dynamic reference would put the secret's value in plain text wherever it lands (an env var).
    expect(JSON.stringify(resources)).not.toMatch(/resolve:secretsmanager/);
    expect(Object.keys(outputs)).toContain('ShopsSecretArn');
    for (const [name, output] of Object.entries(outputs)) {
      const refs = [...referencedIds(output.Value)].filter(isSecret);
      for (const ref of refs) expect(output.Value, `${name} outputs ${ref}`).toEqual({ Ref: ref });
      expect(JSON.stringify(output.Value), name).not.toMatch(/SecretString/);
    }
  });
});

describe('webhooks', () => {
  const webhookRouteKeys = routes.filter((route) => route.access.kind === 'webhook').map((route) => `${route.method.toUpperCase()} ${route.path}`);

  it('verify signatures with the shops secret, read from Secrets Manager with their own grant', () => {
    expect(webhookRouteKeys.length).toBeGreaterThanOrEqual(3);
    for (const routeKey of webhookRouteKeys) {
      const [, route] = ofType('AWS::ApiGatewayV2::Route').find(([, candidate]) => candidate.Properties.RouteKey === routeKey) ?? [];
      expect(route, routeKey).toBeDefined();
      const [integrationId] = referencedIds(route!.Properties.Target);
      const [functionId] = referencedIds(resources[integrationId!]!.Properties.IntegrationUri);
      const shopsSecret = [...referencedIds(variablesOf(functionId!).SHOPS_SECRET_ARN)];
      expect(shopsSecret.length === 1 && isSecret(shopsSecret[0]!), `${routeKey}: SHOPS_SECRET_ARN`).toBe(true);
      const roleId = resources[functionId!]!.Properties.Role['Fn::GetAtt'][0];
      const grants = ofType('AWS::IAM::Policy')
        .filter(([, policy]) => (policy.Properties.Roles as unknown[]).some((role) => referencedIds(role).has(roleId)))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'));
      expect(grants.some((statement) => referencedIds(statement.Resource).has(shopsSecret[0]!)), `${routeKey}: may read the shops secret`).toBe(true);
    }
  });
});
