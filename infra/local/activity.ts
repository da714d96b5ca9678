/**
 * Counts the local stack's work in flight (deliveries, invocations, batches) so tests and the
 * clock can wait until everything an action triggered has finished, instead of sleeping.
 */
export class Activity {
  private pending = 0;
  private waiters: (() => void)[] = [];

  track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    return work.finally(() => {
      this.pending--;
      if (this.pending === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get inFlight(): number {
    return this.pending;
  }

  /** Resolves when nothing tracked is in flight. */
  async quiet(): Promise<void> {
    if (this.pending === 0) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

/** Reads a request body, refusing bodies over `limit` bytes. */
export async function readBody(req: import('node:http').IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error(`Request body exceeds ${limit} bytes`), { statusCode: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
