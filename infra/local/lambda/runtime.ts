// Runs the template's functions locally: each warm execution environment is a worker thread with
// its own environment variables, the bundled handler from cdk.out, a clock that follows the local
// clock, and its timeout enforced by terminating the worker.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { FaultPlan } from '../faults/plan.ts';
import type { LocalFunction } from '../template/model.ts';
import type { HarnessData, InvokeMessage, InvokeReply, ReadyMessage } from './harness.ts';

export type Trigger = 'api' | 'eventbridge' | 'sqs' | 'dynamodb' | 'scheduler' | 'direct';

export interface InvocationRecord {
  requestId: string;
  functionName: string;
  trigger: Trigger;
  startedAt: string;
  durationMs: number;
  outcome: 'success' | 'error' | 'timeout';
  error?: string;
}

/** A line a function wrote to stdout or stderr, numbered in the order the runtime received it. */
export interface FunctionLogLine {
  seq: number;
  functionName: string;
  line: string;
}

export type InvokeResult =
  | { ok: true; result: unknown; requestId: string }
  | { ok: false; error: { errorType: string; errorMessage: string; stack?: string }; requestId: string };

export interface InvokeOptions {
  /**
   * How long a synchronous caller waits for a free execution environment before the invocation is
   * throttled (TooManyRequestsException), as Lambda throttles beyond a function's concurrency.
   * Unset: it waits as long as it takes, as event source mappings and async invokes hold events.
   */
  throttleAfterMs?: number;
}

export const throttledErrorType = 'TooManyRequestsException';

export interface LambdaRuntimeOptions {
  functions: LocalFunction[];
  /** Variables every function gets on top of its own: endpoints, region, credentials. */
  baseEnvironment: Record<string, string>;
  clockBuffer: SharedArrayBuffer;
  workDir: string;
  /** Receives each line a function writes to stdout or stderr. */
  log(functionName: string, line: string): void;
  maxConcurrencyPerFunction?: number;
  /** Invocations kept per function (default 500): a rarely run one is not pushed out by busy ones. */
  invocationHistory?: number;
  /** Told of every finished invocation, with its duration (usage counting). */
  onInvocation?(fn: LocalFunction, durationMs: number): void;
  /**
   * The local fault plan: an asynchronous invocation (queue, stream, bus, schedule) may crash before
   * or after its handler runs, or time out part-way; the platform retries those. Synchronous API
   * invocations are left alone: their caller decides about retries.
   */
  faults?: FaultPlan;
}

interface Environment {
  worker: Worker;
  /** Settles when the handler module is loaded, or the environment died before it was. */
  initialized: Promise<void>;
  pending?: { resolve(reply: InvokeReply): void };
  /** The worker exited or crashed: never handed out again. */
  dead?: boolean;
}

/** Lambda's init phase may take 10 s, apart from the function's own timeout. */
const initLimitMs = 10_000;

function bundleHarness(workDir: string): string {
  const outfile = path.join(workDir, 'lambda-harness.mjs');
  mkdirSync(workDir, { recursive: true });
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'harness.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

export class LambdaRuntime {
  private readonly functions = new Map<string, LocalFunction>();
  private readonly idle = new Map<string, Environment[]>();
  private readonly busy = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly history = new Map<string, InvocationRecord[]>();
  private readonly logLines: FunctionLogLine[] = [];
  private logSeq = 0;
  private readonly harnessPath: string;
  private inFlight = 0;
  private stopped = false;

  constructor(private readonly options: LambdaRuntimeOptions) {
    for (const fn of options.functions) this.functions.set(fn.name, fn);
    this.harnessPath = bundleHarness(options.workDir);
  }

  has(nameOrArn: string): boolean {
    return this.functions.has(nameOrArn.split(':').pop()!);
  }

  get activeInvocations(): number {
    return this.inFlight;
  }

  /** Warm environments of a function whose worker is alive. */
  warmEnvironments(functionName: string): number {
    return (this.idle.get(functionName) ?? []).filter((environment) => !environment.dead).length;
  }

  /** Functions with invocations running or waiting for an environment, as "name: n running, m waiting". */
  describeBusy(): string[] {
    return [...this.functions.keys()]
      .map((name) => ({ name, running: this.busy.get(name) ?? 0, waiting: this.waiting.get(name)?.length ?? 0 }))
      .filter(({ running, waiting }) => running > 0 || waiting > 0)
      .map(({ name, running, waiting }) => `${name}: ${running} running${waiting ? `, ${waiting} waiting for an environment` : ''}`);
  }

  /** The latest lines functions wrote (up to 20,000), after sequence number `after`: what CloudWatch Logs would hold. */
  logs(filter: { after?: number; functionName?: string } = {}): FunctionLogLine[] {
    return this.logLines.filter((entry) => entry.seq > (filter.after ?? 0) && (!filter.functionName || entry.functionName === filter.functionName));
  }

  invocations(filter: { functionName?: string } = {}): InvocationRecord[] {
    if (filter.functionName) return [...(this.history.get(filter.functionName) ?? [])];
    return [...this.history.values()].flat().sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  async invoke(nameOrArn: string, event: unknown, trigger: Trigger, options: InvokeOptions = {}): Promise<InvokeResult> {
    const fn = this.functions.get(nameOrArn.split(':').pop()!);
    if (!fn) throw new Error(`No function named ${nameOrArn} in the template`);
    this.inFlight++;
    try {
      const environment = await this.acquire(fn, options.throttleAfterMs);
      if (!environment) {
        const limit = this.options.maxConcurrencyPerFunction ?? 10;
        return { ok: false, requestId: randomUUID(), error: { errorType: throttledErrorType, errorMessage: `Rate Exceeded: ${fn.name} is running ${limit} invocations, its concurrency limit` } };
      }
      return await this.run(fn, environment, event, trigger);
    } finally {
      this.inFlight--;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    await Promise.all(all.map((environment) => environment.worker.terminate()));
  }

  /** An execution environment for `fn`; undefined when none freed up within `throttleAfterMs`. */
  private async acquire(fn: LocalFunction, throttleAfterMs?: number): Promise<Environment | undefined> {
    const limit = this.options.maxConcurrencyPerFunction ?? 10;
    const deadline = throttleAfterMs === undefined || !Number.isFinite(throttleAfterMs) ? undefined : performance.now() + throttleAfterMs;
    for (;;) {
      if (this.stopped) throw new Error('The local stack is shutting down');
      const warm = this.takeIdle(fn.name);
      const busy = this.busy.get(fn.name) ?? 0;
      if (warm || busy < limit) {
        this.busy.set(fn.name, busy + 1);
        return warm ?? this.coldStart(fn);
      }
      if (deadline !== undefined && performance.now() >= deadline) return undefined;
      const queue = this.waiting.get(fn.name) ?? [];
      this.waiting.set(fn.name, queue);
      const woken = await new Promise<boolean>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const waiter = () => {
          clearTimeout(timer);
          resolve(true);
        };
        if (deadline !== undefined) {
          timer = setTimeout(() => {
            // Given up: leave the queue, so a release wakes someone still waiting.
            const at = queue.indexOf(waiter);
            if (at >= 0) queue.splice(at, 1);
            resolve(false);
          }, deadline - performance.now());
        }
        queue.push(waiter);
      });
      if (!woken) return undefined;
    }
  }

  /** A warm environment whose worker is still alive (one that died while idle would hang its next invocation). */
  private takeIdle(functionName: string): Environment | undefined {
    const idle = this.idle.get(functionName);
    for (let environment = idle?.pop(); environment; environment = idle?.pop()) if (!environment.dead) return environment;
    return undefined;
  }

  private release(fn: LocalFunction, environment: Environment | undefined): void {
    this.busy.set(fn.name, (this.busy.get(fn.name) ?? 1) - 1);
    if (environment && !this.stopped) this.idle.set(fn.name, [...(this.idle.get(fn.name) ?? []), environment]);
    this.waiting.get(fn.name)?.shift()?.();
  }

  private coldStart(fn: LocalFunction): Environment {
    const data: HarnessData = { modulePath: fn.modulePath, exportName: fn.exportName, clockBuffer: this.options.clockBuffer };
    const worker = new Worker(this.harnessPath, {
      workerData: data,
      env: {
        ...this.options.baseEnvironment,
        ...fn.environment,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
        LAMBDA_TASK_ROOT: path.dirname(fn.modulePath),
      },
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: fn.memoryMb },
    });
    worker.unref();
    for (const stream of [worker.stdout, worker.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (buffered + chunk).split('\n');
        buffered = lines.pop()!;
        for (const line of lines) if (line.trim()) this.logLine(fn.name, line);
      });
    }
    let initDone!: () => void;
    const environment: Environment = { worker, initialized: new Promise<void>((resolve) => (initDone = resolve)) };
    const fail = (errorType: string, errorMessage: string) => {
      environment.dead = true;
      initDone();
      environment.pending?.resolve({ requestId: '', ok: false, error: { errorType, errorMessage } });
    };
    worker.on('message', (reply: InvokeReply | ReadyMessage) => ('ready' in reply ? initDone() : environment.pending?.resolve(reply)));
    worker.on('error', (error) => fail('Runtime.ExitError', `The execution environment crashed: ${error.message}`));
    worker.on('exit', (code) => fail('Runtime.ExitError', `The execution environment exited with code ${code}`));
    return environment;
  }

  private async run(fn: LocalFunction, environment: Environment, event: unknown, trigger: Trigger): Promise<InvokeResult> {
    const requestId = randomUUID();
    const startedAt = new Date();
    const timeoutMs = fn.timeoutSeconds * 1000;
    const message: InvokeMessage = {
      requestId,
      event,
      timeoutMs,
      traceId: `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Sampled=0`,
      context: {
        functionName: fn.name,
        functionVersion: '$LATEST',
        invokedFunctionArn: fn.arn,
        memoryLimitInMB: String(fn.memoryMb),
        logGroupName: `/aws/lambda/${fn.name}`,
        logStreamName: `local/[$LATEST]${environment.worker.threadId}`,
      },
    };
    const fault = trigger === 'api' ? undefined : this.options.faults?.pick('lambda');
    if (fault) this.options.faults!.count(fault);
    // An injected timeout stops the handler part-way (within half a second), not after the function's full timeout.
    const stopAfterMs = fault === 'lambda-timeout' ? Math.min(timeoutMs, 10 + Math.floor(this.options.faults!.fraction() * 500)) : timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let reply = await new Promise<InvokeReply | 'timeout'>((resolve) => {
      if (fault === 'lambda-crash-before') return resolve({ requestId, ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: 'Injected fault: the execution environment crashed before the handler ran' } });
      environment.pending = { resolve };
      // A cold start loads the handler first, under Lambda's separate init limit: only the handler's
      // own run counts towards its timeout, so slow cold starts on a busy machine do not time out
      // (and discard) environment after environment.
      const initTimer = setTimeout(() => resolve('timeout'), initLimitMs + stopAfterMs);
      void environment.initialized.then(() => {
        clearTimeout(initTimer);
        if (environment.pending?.resolve !== resolve) return;
        timer = setTimeout(() => resolve('timeout'), stopAfterMs);
        environment.worker.postMessage(message);
      });
    });
    clearTimeout(timer);
    environment.pending = undefined;
    // An environment that really died is discarded whatever the fault said.
    const died = reply !== 'timeout' && !reply.ok && reply.error.errorType === 'Runtime.ExitError' && fault !== 'lambda-crash-before';
    // The handler finished before the injected stop: the answer is lost all the same.
    if (fault === 'lambda-timeout') reply = 'timeout';
    if (fault === 'lambda-crash-after') reply = { requestId, ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: 'Injected fault: the execution environment crashed after the handler ran' } };

    // An injected crash leaves the environment warm: the handler is not running, and a cold start per
    // fault would swamp a small machine; what the fault tests is the lost answer.
    const healthy = reply !== 'timeout' && !died;
    // A timed-out or crashed environment is discarded, as Lambda does; the next call starts cold.
    if (!healthy) void environment.worker.terminate();
    this.release(fn, healthy ? environment : undefined);

    const result: InvokeResult =
      reply === 'timeout'
        ? { ok: false, requestId, error: { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds` } }
        : reply.ok
          ? { ok: true, requestId, result: reply.result }
          : { ok: false, requestId, error: reply.error };
    const durationMs = Date.now() - startedAt.getTime();
    this.options.onInvocation?.(fn, durationMs);
    this.record({
      requestId,
      functionName: fn.name,
      trigger,
      startedAt: startedAt.toISOString(),
      durationMs,
      outcome: reply === 'timeout' ? 'timeout' : result.ok ? 'success' : 'error',
      error: result.ok ? undefined : `${result.error.errorType}: ${result.error.errorMessage}`,
    });
    return result;
  }

  private logLine(functionName: string, line: string): void {
    this.logLines.push({ seq: ++this.logSeq, functionName, line });
    if (this.logLines.length > 20_000) this.logLines.splice(0, this.logLines.length - 20_000);
    this.options.log(functionName, line);
  }

  private record(record: InvocationRecord): void {
    const kept = this.history.get(record.functionName) ?? [];
    this.history.set(record.functionName, kept);
    kept.push(record);
    const limit = this.options.invocationHistory ?? 500;
    if (kept.length > limit) kept.splice(0, kept.length - limit);
  }
}
