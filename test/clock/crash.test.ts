// Issue 12: the local stack (`npm start`, persistent mode) killed hard in the middle of a store-day
// replay, right after a batch of webhooks was acknowledged and while timers fall due, then started
// again on the same data: the day completes with every case, delay, refund and message exactly once.
// It starts its own stack as a child process (its own data directory and ports), so it cannot use
// the shared test stack; it moves the clock by days, hence the `clock` project.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateStoreDay, type StoreDay } from '../../bench/store-day/generator.ts';
import { StoreDayReplay } from '../../bench/store-day/replay.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aftersales-crash-'));
const logFile = path.join(dataDir, 'stack.log');
const log = createWriteStream(logFile, { flags: 'a' });

async function portFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port with the seven after it free too: the stack comes back on the same ports. */
async function freeBase(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let offset = 0; offset < 8 && free; offset++) free = await portFree(base + offset);
    if (free) return base;
  }
}

/** `npm start`'s entry point in its own process group, so a kill takes DynamoDB Local with it, as a crash would. */
function startStack(port: number): Promise<ChildProcess> {
  const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['infra/local/main.ts'], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), LOCAL_DATA_DIR: dataDir, LOCAL_PERSIST: 'true', LOCAL_QUIET_FUNCTIONS: 'true' },
  });
  children.push(child);
  log.write(`--- ${new Date().toISOString()} start (pid ${child.pid}) ---\n`);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      output += chunk;
      if (output.includes('Local stack is up')) {
        log.write(`--- ${new Date().toISOString()} up ---\n`);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`The local stack exited (${code ?? signal}) before it was up:\n${output.slice(-2000)}`)));
  });
}

function killHard(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** The first seed whose day holds each kind of effect, so the crash can hit all of them. */
function richDay(startAfter: number, orderIdBase: number): StoreDay {
  for (let seed = 1; ; seed++) {
    const day = generateStoreDay({ orders: 15, seed, startAfter, runTag: `crash${orderIdBase}`, orderIdBase });
    const has = (predicate: (order: StoreDay['orders'][number]) => boolean) => day.orders.some(predicate);
    if (has((o) => o.returnCase?.resolution === 'refund') && has((o) => o.returnCase?.resolution === 'exchange') && has((o) => o.fate === 'not_shipped') && has((o) => o.storefrontRefund !== undefined)) return day;
  }
}

let stack: ChildProcess | undefined;
const children: ChildProcess[] = [];
let passed = false;

afterAll(async () => {
  // Every stack started, a restart still starting included: none may outlive the test.
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) killHard(child);
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
  log.end();
  // Kept when the test fails: the stacks' log and persisted state tell what was lost.
  if (passed) rmSync(dataDir, { recursive: true, force: true });
  else console.log(`The crashed stack's data and log are in ${dataDir}`);
});

describe('the local stack killed hard mid-replay', () => {
  it('completes the day after a restart with nothing lost and nothing doubled', { timeout: 240_000 }, async () => {
    const port = await freeBase();
    stack = await startStack(port);
    const api = `http://127.0.0.1:${port}`;
    const now = Date.parse(((await (await fetch(`${api}/_local/clock`)).json()) as { now: string }).now);
    const day = richDay(now, 6_100_000 + Math.floor(Math.random() * 700) * 100);

    let killedAt: { done: number; total: number } | undefined;
    let restarted: Promise<ChildProcess> | undefined;
    const replay = new StoreDayReplay(
      { api, mailbox: `http://127.0.0.1:${port + 5}`, webhookSecret: 'local-webhook-secret' },
      {
        onProgress: (progress) => {
          log.write(`--- ${new Date().toISOString()} step done: ${progress.done}/${progress.total} ---\n`);
          // Right after a step's webhooks were acknowledged, before the stack settled them.
          if (killedAt || progress.done < progress.total / 3) return;
          killedAt = progress;
          log.write(`--- ${new Date().toISOString()} SIGKILL after ${progress.done}/${progress.total} deliveries ---\n`);
          killHard(stack!);
          restarted = startStack(port).then((child) => (stack = child));
        },
      },
    );
    const result = await replay.run(day);
    await restarted;

    const restoreLines = readFileSync(logFile, 'utf8').split('\n').filter((line) => line.startsWith('Persisted state:'));
    console.log(`killed after ${killedAt?.done}/${killedAt?.total} deliveries; ${replay.unanswered} requests sent again; ${restoreLines.join('; ') || 'nothing in flight restored'}`);
    expect(killedAt).toBeDefined();
    // The replay really met a dead stack (and resent what got no answer).
    expect(replay.unanswered).toBeGreaterThan(0);
    expect(result.mismatches).toEqual([]);
    expect(result.reconciled).toBe(true);
    expect(result.byMessageType).toMatchObject({ return_received: expect.any(Number), delay_apology: expect.any(Number) });
    passed = true;
  });
});
