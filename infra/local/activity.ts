/**
 * Counts the local stack's work in flight (deliveries, invocations, batches) so tests and the
 * clock can wait until everything an action triggered has finished, instead of sleeping.
 */
export class Activity {
  private pending = 0;
  private waiters: (() => void)[] = [];
  /** What is in flight, by label: says what a settle that never came was waiting for. */
  private readonly labels = new Map<string, number>();

  track<T>(work: Promise<T>, label = 'work'): Promise<T> {
    this.pending++;
    this.labels.set(label, (this.labels.get(label) ?? 0) + 1);
    return work.finally(() => {
      this.pending--;
      const left = this.labels.get(label)! - 1;
      if (left === 0) this.labels.delete(label);
      else this.labels.set(label, left);
      if (this.pending === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get inFlight(): number {
    return this.pending;
  }

  /** The work in flight, as "label ×count". */
  describe(): string[] {
    return [...this.labels].map(([label, count]) => (count > 1 ? `${label} ×${count}` : label));
  }

  /** Resolves true when nothing tracked is in flight, or false once `timeoutMs` passed first. */
  async quiet(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (this.pending === 0) return true;
    return new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(wake);
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          const at = this.waiters.indexOf(wake);
          if (at >= 0) this.waiters.splice(at, 1);
          resolve(false);
        }, Math.max(0, timeoutMs));
      }
    });
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
