// The local Secrets Manager's state: secrets, their versions and staging labels, in memory and, when
// a file is given, saved to it on every change so values set through the API survive restarts.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AwsServiceError } from '../eventbridge/protocol.ts';

export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';

export interface SecretValue {
  SecretString?: string;
  /** Base64, as the JSON protocol carries blobs. */
  SecretBinary?: string;
}

export interface SecretVersion extends SecretValue {
  VersionId: string;
  Stages: string[];
  /** Epoch milliseconds. */
  CreatedDate: number;
}

export interface SecretRecord {
  Name: string;
  ARN: string;
  Description?: string;
  Tags: { Key: string; Value: string }[];
  CreatedDate: number;
  LastChangedDate: number;
  Versions: SecretVersion[];
  /** Created from the template (not through the API). */
  fromTemplate: boolean;
  /** Its value was set through the API: a restart keeps it rather than the template's value. */
  edited: boolean;
}

export const notFound = (message = "Secrets Manager can't find the specified secret.") => new AwsServiceError('ResourceNotFoundException', message);
export const invalidParameter = (message: string) => new AwsServiceError('InvalidParameterException', message);
export const invalidRequest = (message: string) => new AwsServiceError('InvalidRequestException', message);
export const exists = (message: string) => new AwsServiceError('ResourceExistsException', message);

const sameValue = (a: SecretValue, b: SecretValue) => a.SecretString === b.SecretString && a.SecretBinary === b.SecretBinary;

export class SecretStore {
  private readonly secrets: SecretRecord[];

  constructor(private readonly file?: string) {
    this.secrets = file && existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { secrets?: SecretRecord[] }).secrets ?? []) : [];
  }

  all(): SecretRecord[] {
    return this.secrets;
  }

  /** By name, full ARN, or partial ARN (the ARN without Secrets Manager's six-character suffix). */
  find(secretId: string): SecretRecord | undefined {
    return this.secrets.find(
      (secret) => secret.Name === secretId || secret.ARN === secretId || (secretId.startsWith('arn:') && secret.ARN.length === secretId.length + 7 && secret.ARN.startsWith(`${secretId}-`)),
    );
  }

  get(secretId: unknown): SecretRecord {
    if (typeof secretId !== 'string' || !secretId) throw invalidParameter('SecretId is required');
    const secret = this.find(secretId);
    if (!secret) throw notFound();
    return secret;
  }

  add(record: SecretRecord): SecretRecord {
    this.secrets.push(record);
    this.save();
    return record;
  }

  /** The version asked for: by id, by staging label, or AWSCURRENT. */
  version(secret: SecretRecord, versionId?: string, stage?: string): SecretVersion {
    if (versionId !== undefined) {
      const version = secret.Versions.find((candidate) => candidate.VersionId === versionId);
      if (!version) throw notFound(`Secrets Manager can't find the specified secret value for VersionId: ${versionId}`);
      if (stage !== undefined && !version.Stages.includes(stage)) throw invalidRequest(`The version ${versionId} does not have the staging label ${stage}`);
      return version;
    }
    const label = stage ?? CURRENT;
    const version = secret.Versions.find((candidate) => candidate.Stages.includes(label));
    if (!version) throw notFound(`Secrets Manager can't find the specified secret value for staging label: ${label}`);
    return version;
  }

  /**
   * Adds a version (PutSecretValue): the labels it gets move off other versions, and when it
   * becomes AWSCURRENT the version that was current becomes AWSPREVIOUS. Retrying with the same
   * version id and value changes nothing; another value under that id is refused.
   */
  putVersion(secret: SecretRecord, versionId: string, value: SecretValue, stages: string[], now: number): SecretVersion {
    const existing = secret.Versions.find((version) => version.VersionId === versionId);
    if (existing) {
      if (sameValue(existing, value)) return existing;
      throw exists("You can't modify an existing version, you can only create a new version.");
    }
    const previousCurrent = secret.Versions.find((version) => version.Stages.includes(CURRENT));
    for (const version of secret.Versions) version.Stages = version.Stages.filter((stage) => !stages.includes(stage));
    if (stages.includes(CURRENT) && previousCurrent) {
      for (const version of secret.Versions) version.Stages = version.Stages.filter((stage) => stage !== PREVIOUS);
      previousCurrent.Stages.push(PREVIOUS);
    }
    const version: SecretVersion = { VersionId: versionId, ...value, Stages: [...stages], CreatedDate: now };
    // Versions without labels are deprecated; like Secrets Manager, keep only a few of them.
    const deprecated = secret.Versions.filter((candidate) => candidate.Stages.length === 0);
    const drop = new Set(deprecated.slice(0, Math.max(0, deprecated.length - 100)));
    secret.Versions = [...secret.Versions.filter((candidate) => !drop.has(candidate)), version];
    secret.LastChangedDate = now;
    this.save();
    return version;
  }

  save(): void {
    if (!this.file) return;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ secrets: this.secrets }, null, 2));
    renameSync(temporary, this.file);
  }
}
