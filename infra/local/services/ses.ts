// SES v2 through aws-ses-v2-local: sent mail is kept in memory and shown on its web page.
import type { Server } from 'node:http';

export interface SesLocal {
  url: string;
  stop(): Promise<void>;
}

export async function startSesLocal(port: number): Promise<SesLocal> {
  const mod = await import('aws-ses-v2-local');
  const start = (mod.default ?? mod) as unknown as (config: { host: string; port: number }) => Promise<Server>;
  const server = await start({ host: '127.0.0.1', port });
  server.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
