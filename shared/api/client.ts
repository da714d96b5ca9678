// The typed HTTP client: openapi-fetch over the types generated from openapi.json, so a call's
// path, parameters, body and response are checked against the route definitions.
//   const api = createApiClient({ baseUrl, token });
//   const { data, error } = await api.GET('/ops/orders/{orderId}', { params: { path: { orderId }, query: { shopId } } });
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './client-types.ts';

export type { components, operations, paths } from './client-types.ts';
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** `http://127.0.0.1:3000` locally; the `ApiUrl` stack output on AWS. */
  baseUrl: string;
  /** An ops bearer token (JWT); a function is called before every request, for refreshing tokens. */
  token?: string | (() => string | Promise<string>);
  fetch?: typeof globalThis.fetch;
}

export function createApiClient({ baseUrl, token, fetch }: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl, ...(fetch ? { fetch } : {}) });
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
        return request;
      },
    });
  }
  return client;
}
