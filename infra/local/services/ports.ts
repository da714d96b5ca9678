import net from 'node:net';

export class PortInUseError extends Error {}

/** Resolves a free port on 127.0.0.1 (for servers we cannot hand a listening socket to). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Fails with a clear message when `port` is taken, instead of a stack trace from deep inside a server. */
export async function ensurePortFree(port: number, component: string): Promise<void> {
  if (port === 0) return;
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(
        `Port ${port} (${component}) is already in use. Stop whatever uses it (is another local stack running?) or start with PORT=<another base port>.`,
      );
    }
    throw error;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function resolvePort(port: number, component: string): Promise<number> {
  await ensurePortFree(port, component);
  return port === 0 ? freePort() : port;
}
