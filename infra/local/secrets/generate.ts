// Random secret values as Secrets Manager generates them: GenerateSecretString in a template and
// the GetRandomPassword operation share these options.
import { randomInt } from 'node:crypto';

export interface PasswordOptions {
  PasswordLength?: number;
  ExcludeCharacters?: string;
  ExcludeNumbers?: boolean;
  ExcludePunctuation?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  IncludeSpace?: boolean;
  RequireEachIncludedType?: boolean;
}

export interface GenerateSecretStringOptions extends PasswordOptions {
  /** With GenerateStringKey: the password goes into this JSON object under that key. */
  SecretStringTemplate?: string;
  GenerateStringKey?: string;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export class PasswordOptionsError extends Error {}

/** A random password: 32 characters of letters, digits and punctuation unless told otherwise. */
export function randomPassword(options: PasswordOptions = {}): string {
  const length = options.PasswordLength ?? 32;
  if (!Number.isInteger(length) || length < 1 || length > 4096) throw new PasswordOptionsError('PasswordLength must be an integer from 1 to 4096');
  const excluded = new Set(options.ExcludeCharacters ?? '');
  const classes = [
    options.ExcludeLowercase ? '' : LOWER,
    options.ExcludeUppercase ? '' : UPPER,
    options.ExcludeNumbers ? '' : DIGITS,
    options.ExcludePunctuation ? '' : PUNCTUATION,
    options.IncludeSpace ? ' ' : '',
  ]
    .map((chars) => [...chars].filter((char) => !excluded.has(char)).join(''))
    .filter(Boolean);
  const all = classes.join('');
  if (!all) throw new PasswordOptionsError('The options exclude every character; nothing is left to generate a password from');
  const pick = (chars: string) => chars[randomInt(chars.length)]!;
  const chars = Array.from({ length }, () => pick(all));
  if (options.RequireEachIncludedType !== false && length >= classes.length) {
    // One character of each class, at distinct random positions.
    const positions = [...Array(length).keys()];
    for (const pool of classes) chars[positions.splice(randomInt(positions.length), 1)[0]!] = pick(pool);
  }
  return chars.join('');
}

/** The value of a secret created with GenerateSecretString. */
export function generateSecretString(options: GenerateSecretStringOptions = {}): string {
  const password = randomPassword(options);
  if (options.SecretStringTemplate === undefined) return password;
  let template: unknown;
  try {
    template = JSON.parse(options.SecretStringTemplate);
  } catch {
    throw new PasswordOptionsError('SecretStringTemplate must be a JSON object');
  }
  if (!template || typeof template !== 'object' || Array.isArray(template)) throw new PasswordOptionsError('SecretStringTemplate must be a JSON object');
  if (!options.GenerateStringKey) throw new PasswordOptionsError('GenerateStringKey is required with SecretStringTemplate');
  return JSON.stringify({ ...template, [options.GenerateStringKey]: password });
}
