// SES v2 through aws-ses-v2-local: sent mail is kept in memory and shown on its web page; in
// persistent mode every sent email is also journaled, so the mailbox survives a restart.
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { Journal } from '../journal.ts';

export interface SesLocal {
  url: string;
  stop(): Promise<void>;
}

type Mailbox = { emails: unknown[] };

/** Journals each email as aws-ses-v2-local stores it (before SendEmail answers), and puts back the saved ones. */
function persistMailbox(file: string): void {
  const { getStoreReadonly } = createRequire(import.meta.url)('aws-ses-v2-local/dist/store.js') as { getStoreReadonly(): Mailbox };
  const journal = new Journal<unknown>(file);
  const { emails } = getStoreReadonly();
  // The module's store is one per process: a second persistent start in it keeps the first's wiring.
  if (Object.hasOwn(emails, 'push')) return;
  emails.push(...journal.read());
  emails.push = (...added: unknown[]) => {
    for (const email of added) journal.append(email);
    return Array.prototype.push.apply(emails, added);
  };
}

export async function startSesLocal(port: number, options: { mailFile?: string } = {}): Promise<SesLocal> {
  const mod = await import('aws-ses-v2-local');
  const start = (mod.default ?? mod) as unknown as (config: { host: string; port: number }) => Promise<Server>;
  if (options.mailFile) persistMailbox(options.mailFile);
  const server = await start({ host: '127.0.0.1', port });
  server.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
