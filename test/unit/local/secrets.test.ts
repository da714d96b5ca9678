// The local Secrets Manager, driven through the real AWS SDK v3 client over HTTP.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  paginateListSecrets,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretCommand,
  InvalidParameterException,
  ListSecretsCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalSecretsManager, type LocalSecretsManagerOptions, type SecretSeed } from '../../../infra/local/secrets/index.ts';
import type { LocalSecret } from '../../../infra/local/template/model.ts';

const ACCOUNT = '000000000000';
const arnOf = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}`;
const templateSecret = (name: string, extra: Partial<LocalSecret> = {}): LocalSecret => ({ logicalId: name, name, arn: arnOf(name), ...extra });

const stops: (() => Promise<void>)[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(secrets: LocalSecret[] = [], seed?: SecretSeed, options: Partial<LocalSecretsManagerOptions> = {}) {
  const manager = new LocalSecretsManager({ region: 'us-east-1', accountId: ACCOUNT, ...options });
  manager.ensureTemplateSecrets(secrets, seed);
  const server = http.createServer((req, res) => void manager.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new SecretsManagerClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  stops.push(async () => {
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const value = async (SecretId: string, VersionStage?: string) => (await client.send(new GetSecretValueCommand({ SecretId, VersionStage }))).SecretString;
  return { manager, client, value };
}

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'local-secrets-'));
  dirs.push(dir);
  return path.join(dir, 'secrets.json');
}

describe('the local Secrets Manager', () => {
  it("creates the template's secrets from the seed, else SecretString, else GenerateSecretString", async () => {
    const seed: SecretSeed = (secret) => (secret.cdkPath === 'App/Shops/Resource' ? '{"shops":["seeded"]}' : undefined);
    const { value } = await start(
      [
        templateSecret('Shops', { cdkPath: 'App/Shops/Resource', secretString: '{"shops":[]}' }),
        templateSecret('Plain', { secretString: 'from-template' }),
        templateSecret('Generated', { generateSecretString: { PasswordLength: 24, ExcludePunctuation: true } }),
        templateSecret('Login', { generateSecretString: { SecretStringTemplate: '{"username":"ops"}', GenerateStringKey: 'password' } }),
      ],
      seed,
    );
    expect(await value('Shops')).toBe('{"shops":["seeded"]}');
    expect(await value(arnOf('Plain'))).toBe('from-template');
    expect(await value('Generated')).toMatch(/^[A-Za-z0-9]{24}$/);
    const login = JSON.parse((await value('Login'))!);
    expect(login).toEqual({ username: 'ops', password: expect.stringMatching(/^.{32}$/) });
  });

  it('moves AWSCURRENT to AWSPREVIOUS on PutSecretValue', async () => {
    const { client, value } = await start([templateSecret('Rotating', { secretString: 'v1' })]);
    await expect(value('Rotating', 'AWSPREVIOUS')).rejects.toBeInstanceOf(ResourceNotFoundException);

    const put = await client.send(new PutSecretValueCommand({ SecretId: arnOf('Rotating'), SecretString: 'v2' }));
    expect(put).toMatchObject({ ARN: arnOf('Rotating'), Name: 'Rotating', VersionStages: ['AWSCURRENT'] });
    expect(await value('Rotating')).toBe('v2');
    expect(await value('Rotating', 'AWSPREVIOUS')).toBe('v1');

    await client.send(new PutSecretValueCommand({ SecretId: 'Rotating', SecretString: 'v3' }));
    expect([await value('Rotating'), await value('Rotating', 'AWSPREVIOUS')]).toEqual(['v3', 'v2']);
    const byVersion = await client.send(new GetSecretValueCommand({ SecretId: 'Rotating', VersionId: put.VersionId }));
    expect(byVersion).toMatchObject({ SecretString: 'v2', VersionStages: ['AWSPREVIOUS'] });
    expect(byVersion.CreatedDate).toBeInstanceOf(Date);

    const { VersionIdsToStages } = await client.send(new DescribeSecretCommand({ SecretId: 'Rotating' }));
    expect(Object.values(VersionIdsToStages ?? {}).sort()).toEqual([['AWSCURRENT'], ['AWSPREVIOUS']]);
  });

  it('treats a retried PutSecretValue (same ClientRequestToken) as one version, and refuses a changed one', async () => {
    const { client, value } = await start([templateSecret('Token', { secretString: 'v1' })]);
    const ClientRequestToken = '6d2a3f7e-0000-4000-8000-000000000001';
    await client.send(new PutSecretValueCommand({ SecretId: 'Token', SecretString: 'v2', ClientRequestToken }));
    await client.send(new PutSecretValueCommand({ SecretId: 'Token', SecretString: 'v2', ClientRequestToken }));
    expect(await value('Token', 'AWSPREVIOUS')).toBe('v1');
    await expect(client.send(new PutSecretValueCommand({ SecretId: 'Token', SecretString: 'v3', ClientRequestToken }))).rejects.toBeInstanceOf(ResourceExistsException);
  });

  it('answers with the errors the SDK knows', async () => {
    const { client } = await start([templateSecret('Known', { secretString: 'x' })]);
    const missing = await client.send(new GetSecretValueCommand({ SecretId: 'nope' })).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect((missing as Error).message).toMatch(/can't find the specified secret/);
    expect((missing as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
    await expect(client.send(new CreateSecretCommand({ Name: 'Known', SecretString: 'y' }))).rejects.toBeInstanceOf(ResourceExistsException);
    await expect(client.send(new CreateSecretCommand({ Name: 'bad name!', SecretString: 'y' }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(client.send(new PutSecretValueCommand({ SecretId: 'missing', SecretString: 'y' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('creates, describes and updates secrets, and finds them by name, ARN or partial ARN', async () => {
    const { client, value } = await start();
    const created = await client.send(
      new CreateSecretCommand({ Name: 'app/api-key', Description: 'API key', SecretString: 'k1', Tags: [{ Key: 'team', Value: 'ops' }] }),
    );
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:app\/api-key-[A-Za-z]{6}$/);
    expect(await value(created.ARN!)).toBe('k1');
    expect(await value(created.ARN!.slice(0, -7))).toBe('k1');
    expect(await value('app/api-key')).toBe('k1');

    await client.send(new UpdateSecretCommand({ SecretId: 'app/api-key', Description: 'Rotated key', SecretString: 'k2' }));
    const described = await client.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    expect(described).toMatchObject({ Name: 'app/api-key', Description: 'Rotated key', Tags: [{ Key: 'team', Value: 'ops' }] });
    expect(described.CreatedDate).toBeInstanceOf(Date);
    expect(await value('app/api-key', 'AWSPREVIOUS')).toBe('k1');

    const binary = await client.send(new CreateSecretCommand({ Name: 'blob', SecretBinary: new Uint8Array([0, 1, 2, 255]) }));
    const blob = await client.send(new GetSecretValueCommand({ SecretId: binary.ARN }));
    expect([...blob.SecretBinary!]).toEqual([0, 1, 2, 255]);
    expect(blob.SecretString).toBeUndefined();
  });

  it('lists secrets page by page, with filters', async () => {
    const { client } = await start([templateSecret('tpl-one', { secretString: 'x', description: 'from the template' })]);
    for (let i = 0; i < 5; i++) await client.send(new CreateSecretCommand({ Name: `api/key-${i}`, SecretString: `v${i}` }));
    const names: string[] = [];
    for await (const page of paginateListSecrets({ client, pageSize: 2 }, {})) {
      expect(page.SecretList!.length).toBeLessThanOrEqual(2);
      names.push(...page.SecretList!.map((secret) => secret.Name!));
    }
    expect(names).toEqual(['api/key-0', 'api/key-1', 'api/key-2', 'api/key-3', 'api/key-4', 'tpl-one']);
    const filtered: string[] = [];
    for await (const page of paginateListSecrets({ client }, { Filters: [{ Key: 'name', Values: ['api/'] }, { Key: 'name', Values: ['!api/key-3'] }] })) {
      filtered.push(...page.SecretList!.map((secret) => secret.Name!));
    }
    expect(filtered).toEqual(['api/key-0', 'api/key-1', 'api/key-2', 'api/key-4']);
    const { SecretList } = await client.send(new ListSecretsCommand({ Filters: [{ Key: 'description', Values: ['from the'] }] }));
    expect(SecretList).toEqual([expect.objectContaining({ Name: 'tpl-one', SecretVersionsToStages: expect.any(Object) })]);
  });

  it('generates random passwords', async () => {
    const { client } = await start();
    const { RandomPassword } = await client.send(new GetRandomPasswordCommand({ PasswordLength: 40, ExcludeCharacters: 'abc', ExcludePunctuation: true }));
    expect(RandomPassword).toMatch(/^[d-zA-Z0-9]{40}$/);
    expect(RandomPassword).toMatch(/[A-Z]/);
    expect(RandomPassword).toMatch(/[0-9]/);
  });

  it('keeps values set through the API across restarts when persisting; template values follow the template otherwise', async () => {
    const file = tempFile();
    const secrets = [templateSecret('Edited', { secretString: 'template-1' }), templateSecret('Seeded'), templateSecret('Generated', { generateSecretString: {} })];
    const first = await start(secrets, (secret) => (secret.name === 'Seeded' ? 'seed-1' : undefined), { file });
    await first.client.send(new PutSecretValueCommand({ SecretId: 'Edited', SecretString: 'changed through the API' }));
    await first.client.send(new CreateSecretCommand({ Name: 'made-at-runtime', SecretString: 'runtime' }));
    const generated = await first.value('Generated');
    expect(JSON.parse(readFileSync(file, 'utf8')).secrets).toHaveLength(4);

    const changedTemplate = [templateSecret('Edited', { secretString: 'template-2' }), templateSecret('Seeded'), templateSecret('Generated', { generateSecretString: {} })];
    const second = await start(changedTemplate, (secret) => (secret.name === 'Seeded' ? 'seed-2' : undefined), { file });
    expect(await second.value('Edited')).toBe('changed through the API');
    expect(await second.value('Seeded')).toBe('seed-2');
    expect(await second.value('Seeded', 'AWSPREVIOUS')).toBe('seed-1');
    expect(await second.value('Generated')).toBe(generated);
    expect(await second.value('made-at-runtime')).toBe('runtime');
  });

  it('keeps everything in memory without a file', async () => {
    const first = await start([templateSecret('Memory', { secretString: 'initial' })]);
    await first.client.send(new PutSecretValueCommand({ SecretId: 'Memory', SecretString: 'changed' }));
    const second = await start([templateSecret('Memory', { secretString: 'initial' })]);
    expect(await second.value('Memory')).toBe('initial');
  });
});
