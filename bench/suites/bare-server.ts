// The reference for webhook throughput: a bare Node HTTP server that verifies the Shopify HMAC of
// each body and answers 200, nothing else. No platform can acknowledge faster on this machine.
import http from 'node:http';
import { verifyBase64BodyHmac } from '../../shared/webhooks/signatures.ts';

export async function startBareServer(secret: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const valid = verifyBase64BodyHmac(Buffer.concat(chunks), req.headers['x-shopify-hmac-sha256'] as string | undefined, [secret]);
      res.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' });
      res.end(valid ? '{"status":"accepted"}' : '{"status":"refused"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
