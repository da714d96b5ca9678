// The shops of this deployment, read from Secrets Manager through Powertools' cached provider so a
// warm function reads the secret at most once every five minutes (and sees a rotation soon after).
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { ShopIndex, ShopsConfig } from './config.ts';

const cacheSeconds = 300;
let provider: SecretsProvider | undefined;
let cached: { raw: string; index: ShopIndex } | undefined;

export class ShopsConfigError extends Error {}

/** Loads (or returns the cached) shop index from the secret named by `secretId`. */
export async function loadShopIndex(secretId: string): Promise<ShopIndex> {
  provider ??= new SecretsProvider();
  const raw = await provider.get(secretId, { maxAge: cacheSeconds });
  if (typeof raw !== 'string') throw new ShopsConfigError(`Secret ${secretId} has no string value`);
  if (cached?.raw === raw) return cached.index;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ShopsConfigError(`Secret ${secretId} is not JSON`);
  }
  const parsed = ShopsConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ShopsConfigError(`Secret ${secretId} is not a valid shops configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  cached = { raw, index: new ShopIndex(parsed.data) };
  return cached.index;
}
