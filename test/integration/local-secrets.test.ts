// Every Secrets Manager secret in the synthesized template is readable through the local stack's
// Secrets Manager endpoint, by the ARN its functions are given and by name; and the endpoint
// creates, reads and rotates secrets as the SDK expects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, endpoints, uniqueId } from './support.ts';

const assemblyDir = path.resolve(import.meta.dirname, '../../cdk.out');
const secrets = new SecretsManagerClient({
  endpoint: endpoints.secretsmanager,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
let templateSecrets: { logicalId: string; name: string }[];

beforeAll(() => {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
  const stack = Object.values(manifest.artifacts as Record<string, any>).find((artifact) => artifact.type === 'aws:cloudformation:stack');
  const template = JSON.parse(readFileSync(path.join(assemblyDir, stack.properties.templateFile), 'utf8'));
  templateSecrets = Object.entries(template.Resources as Record<string, { Type: string; Properties?: { Name?: unknown } }>)
    .filter(([, resource]) => resource.Type === 'AWS::SecretsManager::Secret')
    .map(([logicalId, resource]) => ({ logicalId, name: typeof resource.Properties?.Name === 'string' ? resource.Properties.Name : logicalId }));
});

describe('the local Secrets Manager', () => {
  it('is a component of the stack, with its endpoint', async () => {
    const { body } = await api('/health');
    expect(body.endpoints.secretsmanager).toBe(endpoints.secretsmanager);
    expect(body.components.secretsmanager.status).toBe('up');
  });

  it('serves every secret of the template, by ARN and by name', async () => {
    const { body: wiring } = await api('/_local/wiring');
    expect(wiring.secrets.map((secret: { logicalId: string }) => secret.logicalId).sort()).toEqual(templateSecrets.map((secret) => secret.logicalId).sort());
    for (const { logicalId, name } of templateSecrets) {
      const arn = `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}`;
      const byArn = await secrets.send(new GetSecretValueCommand({ SecretId: arn }));
      expect(byArn.ARN, logicalId).toBe(arn);
      expect(byArn.SecretString, logicalId).toEqual(expect.any(String));
      expect(byArn.SecretString!.length, logicalId).toBeGreaterThan(0);
      expect((await secrets.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, logicalId).toBe(byArn.SecretString);
    }
  });

  it('creates, reads and rotates a secret', async () => {
    const Name = uniqueId('it-secret');
    const created = await secrets.send(new CreateSecretCommand({ Name, SecretString: '{"token":"one"}' }));
    expect((await secrets.send(new GetSecretValueCommand({ SecretId: created.ARN }))).SecretString).toBe('{"token":"one"}');

    await secrets.send(new PutSecretValueCommand({ SecretId: Name, SecretString: '{"token":"two"}' }));
    const current = await secrets.send(new GetSecretValueCommand({ SecretId: Name }));
    const previous = await secrets.send(new GetSecretValueCommand({ SecretId: Name, VersionStage: 'AWSPREVIOUS' }));
    expect([current.SecretString, previous.SecretString]).toEqual(['{"token":"two"}', '{"token":"one"}']);
    const described = await secrets.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    expect(Object.keys(described.VersionIdsToStages ?? {})).toHaveLength(2);

    await expect(secrets.send(new GetSecretValueCommand({ SecretId: uniqueId('missing') }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
