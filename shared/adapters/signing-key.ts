// The HMAC keys that sign what customers receive (portal sessions, preference and survey links),
// read from Secrets Manager through Powertools and cached five minutes per warm function.
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

export async function signingKey(secretArn: string): Promise<string> {
  const value = await getSecret(secretArn, { maxAge: 300 });
  if (typeof value !== 'string' || value.length < 32) throw new Error(`Secret ${secretArn} holds no usable signing key`);
  return value;
}
