// Webhooks a shop's own systems send us (carrier tracking, helpdesk tickets) in the generic signed
// format: the shop is named in the path, the body signed with one of its webhook secrets.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ApiProblem } from '../api/validate.ts';
import { loadShopIndex } from '../shops/directory.ts';
import { genericSignatureHeader, verifyGenericSignature } from './signatures.ts';

const headerOf = (event: APIGatewayProxyEventV2, name: string) => Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

/** The shop of the path, once the signature checks against its secrets; before anything of the body is read. 401 otherwise. */
export async function authenticateShopWebhook(event: APIGatewayProxyEventV2, shopsSecretArn: string): Promise<string> {
  const shopId = event.pathParameters?.shopId ?? '';
  const shop = (await loadShopIndex(shopsSecretArn)).byId(shopId);
  if (!shop) throw new ApiProblem(401, `"${shopId}" names no shop of this deployment`);
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  const check = verifyGenericSignature(raw, headerOf(event, genericSignatureHeader), shop.webhookSecrets, Math.floor(Date.now() / 1000));
  if (!check.ok) throw new ApiProblem(401, check.message);
  return shop.shopId;
}
