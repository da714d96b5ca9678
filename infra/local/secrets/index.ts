// The local Secrets Manager over the AWS JSON 1.1 protocol (`X-Amz-Target: secretsmanager.<Op>`):
// GetSecretValue, PutSecretValue, CreateSecret, UpdateSecret, DescribeSecret, ListSecrets and
// GetRandomPassword. The template's secrets exist from the start (`ensureTemplateSecrets`).
import { randomInt, randomUUID } from 'node:crypto';
import { awsJsonHandler } from '../eventbridge/protocol.ts';
import type { LocalSecret } from '../template/model.ts';
import { generateSecretString, PasswordOptionsError, randomPassword } from './generate.ts';
import { CURRENT, exists, invalidParameter, invalidRequest, SecretStore, type SecretRecord, type SecretValue } from './store.ts';

export { CURRENT, PREVIOUS } from './store.ts';

export interface LocalSecretsManagerOptions {
  region: string;
  accountId: string;
  /** Where values are kept across restarts; in memory only when absent. */
  file?: string;
  /** The local clock, for CreatedDate and friends. */
  now?: () => Date;
}

/** Gives a template secret its first value; undefined falls back to the template's. */
export type SecretSeed = (secret: LocalSecret) => string | undefined;

const NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function valueOf(input: Record<string, any>): SecretValue | undefined {
  const hasString = input.SecretString !== undefined && input.SecretString !== null;
  const hasBinary = input.SecretBinary !== undefined && input.SecretBinary !== null;
  if (hasString && hasBinary) throw invalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
  if (hasString && typeof input.SecretString !== 'string') throw invalidParameter('SecretString must be a string');
  if (hasBinary && typeof input.SecretBinary !== 'string') throw invalidParameter('SecretBinary must be base64-encoded');
  if (hasString) return { SecretString: input.SecretString };
  return hasBinary ? { SecretBinary: input.SecretBinary } : undefined;
}

function stagesOf(value: unknown): string[] {
  if (value === undefined || value === null) return [CURRENT];
  if (!Array.isArray(value) || value.length < 1 || value.length > 20 || value.some((stage) => typeof stage !== 'string' || stage.length < 1 || stage.length > 256)) {
    throw invalidParameter('VersionStages must be a list of 1 to 20 labels of 1 to 256 characters');
  }
  return [...new Set(value as string[])];
}

function tagsOf(value: unknown): { Key: string; Value: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((tag) => typeof tag?.Key !== 'string' || typeof tag?.Value !== 'string')) {
    throw invalidParameter('Tags must be a list of {"Key": string, "Value": string}');
  }
  return value.map((tag: { Key: string; Value: string }) => ({ Key: tag.Key, Value: tag.Value }));
}

function versionsToStages(secret: SecretRecord): Record<string, string[]> {
  return Object.fromEntries(secret.Versions.filter((version) => version.Stages.length > 0).map((version) => [version.VersionId, version.Stages]));
}

/** ListSecrets filters: prefix matches, `!` negates; values of one filter OR, filters AND. */
function matches(secret: SecretRecord, filters: { Key?: string; Values?: string[] }[]): boolean {
  return filters.every(({ Key, Values = [] }) => {
    const fields =
      Key === 'name' ? [secret.Name]
      : Key === 'description' ? [secret.Description ?? '']
      : Key === 'tag-key' ? secret.Tags.map((tag) => tag.Key)
      : Key === 'tag-value' ? secret.Tags.map((tag) => tag.Value)
      : Key === 'all' ? [secret.Name, secret.Description ?? '', ...secret.Tags.flatMap((tag) => [tag.Key, tag.Value])]
      : undefined;
    if (!fields) throw invalidParameter(`Filters: the key ${Key} is not supported locally (name, description, tag-key, tag-value, all)`);
    return Values.some((value) => (value.startsWith('!') ? fields.every((field) => !field.startsWith(value.slice(1))) : fields.some((field) => field.startsWith(value))));
  });
}

export class LocalSecretsManager {
  private readonly store: SecretStore;
  private readonly now: () => number;

  constructor(private readonly options: LocalSecretsManagerOptions) {
    this.store = new SecretStore(options.file);
    this.now = () => (options.now ? options.now() : new Date()).getTime();
  }

  /**
   * Creates the template's secrets that do not exist yet, with the seed's value, else the
   * template's SecretString, else one generated as GenerateSecretString says. A secret kept from
   * an earlier run keeps a value set through the API; otherwise it follows a changed seed or
   * SecretString (as a deploy would), while a generated value stays as it was.
   */
  ensureTemplateSecrets(secrets: LocalSecret[], seed?: SecretSeed): void {
    for (const secret of secrets) {
      const given = seed?.(secret) ?? secret.secretString;
      const now = this.now();
      const existing = this.store.find(secret.name);
      if (!existing) {
        const value = given ?? generateSecretString(secret.generateSecretString ?? {});
        this.store.add({
          Name: secret.name,
          ARN: secret.arn,
          ...(secret.description === undefined ? {} : { Description: secret.description }),
          Tags: [],
          CreatedDate: now,
          LastChangedDate: now,
          Versions: [{ VersionId: randomUUID(), SecretString: value, Stages: [CURRENT], CreatedDate: now }],
          fromTemplate: true,
          edited: false,
        });
        continue;
      }
      Object.assign(existing, { ARN: secret.arn, edited: existing.edited || !existing.fromTemplate, fromTemplate: true });
      const current = existing.Versions.find((version) => version.Stages.includes(CURRENT));
      if (!existing.edited && given !== undefined && current?.SecretString !== given) {
        this.store.putVersion(existing, randomUUID(), { SecretString: given }, [CURRENT], now);
      }
      this.store.save();
    }
  }

  /** Every secret as DescribeSecret shows it, for inspection. */
  list(): Record<string, unknown>[] {
    return this.store.all().map((secret) => this.describe(secret));
  }

  readonly handle = awsJsonHandler('secretsmanager', 'application/x-amz-json-1.1', {
    GetSecretValue: (input) => {
      const secret = this.store.get(input.SecretId);
      const version = this.store.version(secret, input.VersionId ?? undefined, input.VersionStage ?? undefined);
      const { VersionId, SecretString, SecretBinary, Stages, CreatedDate } = version;
      return { ARN: secret.ARN, Name: secret.Name, VersionId, SecretString, SecretBinary, VersionStages: Stages, CreatedDate: seconds(CreatedDate) };
    },
    PutSecretValue: (input) => {
      const secret = this.store.get(input.SecretId);
      const value = valueOf(input);
      if (!value) throw invalidRequest('You must provide either SecretString or SecretBinary.');
      const version = this.store.putVersion(secret, input.ClientRequestToken ?? randomUUID(), value, stagesOf(input.VersionStages), this.now());
      secret.edited = true;
      this.store.save();
      return { ARN: secret.ARN, Name: secret.Name, VersionId: version.VersionId, VersionStages: version.Stages };
    },
    CreateSecret: (input) => {
      const name = input.Name;
      if (typeof name !== 'string' || !NAME.test(name)) throw invalidParameter('Name must be 1 to 512 characters of letters, digits and /_+=.@-');
      const value = valueOf(input);
      const existing = this.store.find(name);
      if (existing) {
        // The SDK sends a ClientRequestToken; a retried request gets the same answer.
        const retried = existing.Versions.find((version) => version.VersionId === input.ClientRequestToken);
        if (retried && value && retried.SecretString === value.SecretString && retried.SecretBinary === value.SecretBinary) {
          return { ARN: existing.ARN, Name: existing.Name, VersionId: retried.VersionId };
        }
        throw exists(`The operation failed because the secret ${name} already exists.`);
      }
      const now = this.now();
      const suffix = Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'[randomInt(52)]).join('');
      const versionId = input.ClientRequestToken ?? randomUUID();
      const secret = this.store.add({
        Name: name,
        ARN: `arn:aws:secretsmanager:${this.options.region}:${this.options.accountId}:secret:${name}-${suffix}`,
        ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
        Tags: tagsOf(input.Tags),
        CreatedDate: now,
        LastChangedDate: now,
        Versions: value ? [{ VersionId: versionId, ...value, Stages: [CURRENT], CreatedDate: now }] : [],
        fromTemplate: false,
        edited: true,
      });
      return { ARN: secret.ARN, Name: secret.Name, ...(value ? { VersionId: versionId } : {}) };
    },
    UpdateSecret: (input) => {
      const secret = this.store.get(input.SecretId);
      const value = valueOf(input);
      if (typeof input.Description === 'string') secret.Description = input.Description;
      secret.LastChangedDate = this.now();
      const version = value ? this.store.putVersion(secret, input.ClientRequestToken ?? randomUUID(), value, [CURRENT], this.now()) : undefined;
      if (value) secret.edited = true;
      this.store.save();
      return { ARN: secret.ARN, Name: secret.Name, ...(version ? { VersionId: version.VersionId } : {}) };
    },
    DescribeSecret: (input) => this.describe(this.store.get(input.SecretId)),
    ListSecrets: (input) => {
      const max = input.MaxResults ?? 100;
      if (!Number.isInteger(max) || max < 1 || max > 100) throw invalidParameter('MaxResults must be an integer from 1 to 100');
      const start = input.NextToken ? Number(Buffer.from(String(input.NextToken), 'base64url').toString('utf8').replace(/^local:/, '')) : 0;
      if (!Number.isInteger(start) || start < 0) throw invalidParameter('NextToken is not valid');
      const all = this.store
        .all()
        .filter((secret) => matches(secret, input.Filters ?? []))
        .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
      if (input.SortOrder === 'desc') all.reverse();
      const page = all.slice(start, start + max).map((secret) => {
        const { VersionIdsToStages, ...rest } = this.describe(secret);
        return { ...rest, SecretVersionsToStages: VersionIdsToStages };
      });
      const next = start + max < all.length ? Buffer.from(`local:${start + max}`).toString('base64url') : undefined;
      return { SecretList: page, ...(next ? { NextToken: next } : {}) };
    },
    GetRandomPassword: (input) => {
      try {
        return { RandomPassword: randomPassword(input) };
      } catch (error) {
        if (error instanceof PasswordOptionsError) throw invalidParameter(error.message);
        throw error;
      }
    },
  });

  private describe(secret: SecretRecord) {
    return {
      ARN: secret.ARN,
      Name: secret.Name,
      ...(secret.Description === undefined ? {} : { Description: secret.Description }),
      RotationEnabled: false,
      CreatedDate: seconds(secret.CreatedDate),
      LastChangedDate: seconds(secret.LastChangedDate),
      Tags: secret.Tags,
      VersionIdsToStages: versionsToStages(secret),
    };
  }
}
