import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { followClock, LocalClock, parseIsoDuration, realNow } from '../../../infra/local/clock.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('LocalClock', () => {
  it('starts at real time, or at the given start, and keeps running', () => {
    const clock = new LocalClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    const start = new Date('2030-01-01T00:00:00Z');
    const started = new LocalClock(start);
    expect(started.now().getTime()).toBeGreaterThanOrEqual(start.getTime());
    expect(started.now().getTime() - start.getTime()).toBeLessThan(1000);
  });

  it('advances and sets forward, sharing the offset through its buffer', () => {
    const clock = new LocalClock(new Date('2030-01-01T00:00:00Z'));
    clock.advance(14 * DAY);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2030-01-15T00:00:00Z'));
    clock.set(new Date('2030-02-01T09:00:00Z'));
    expect(clock.now().getTime() - Date.parse('2030-02-01T09:00:00Z')).toBeLessThan(1000);
    const shared = new Float64Array(clock.buffer);
    expect(shared).toHaveLength(1);
    expect(realNow() + shared[0]!).toBeCloseTo(clock.nowMs(), -2);
  });

  it('refuses to go backwards', () => {
    const clock = new LocalClock(new Date('2030-01-01T00:00:00Z'));
    expect(() => clock.set(new Date('2029-12-31T23:00:00Z'))).toThrow(/only moves forward/);
    expect(() => clock.advance(-1)).toThrow(/only moves forward/);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.set(new Date('nonsense'))).toThrow(/invalid/);
  });
});

describe('parseIsoDuration', () => {
  it.each([
    ['P14D', 14 * DAY],
    ['PT2H30M', 2.5 * HOUR],
    ['P1DT12H', 36 * HOUR],
    ['P2W', 14 * DAY],
    ['PT59M', 59 * 60_000],
    ['PT0.5S', 500],
    ['PT90S', 90_000],
    ['P0D', 0],
    ['P1W2DT3H4M5S', 9 * DAY + 3 * HOUR + 4 * 60_000 + 5000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', 'P1DT', '14 days', 'fourteen days', '-P1D', 'p14d', 'P1H', 'PT1D'])('rejects %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(/not an ISO 8601 duration/);
  });

  it('rejects years and months, which have no fixed length', () => {
    expect(() => parseIsoDuration('P1Y')).toThrow(/years or months/);
    expect(() => parseIsoDuration('P1M')).toThrow(/years or months/);
    expect(() => parseIsoDuration('P1Y2M3D')).toThrow(/years or months/);
  });
});

describe('followClock', () => {
  it('makes Date.now(), new Date() and Date() follow the clock, and nothing else', () => {
    const clock = new LocalClock(new Date('2031-06-01T12:00:00Z'));
    const restore = followClock(clock.buffer);
    try {
      expect(Math.abs(Date.now() - clock.nowMs())).toBeLessThan(1000);
      expect(Math.abs(new Date().getTime() - clock.nowMs())).toBeLessThan(1000);
      expect(Date()).toContain('2031');
      clock.advance(DAY);
      expect(new Date().toISOString().slice(0, 10)).toBe('2031-06-02');
      // Explicit dates, statics and instanceof are untouched.
      expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
      expect(new Date(2020, 0, 1).getFullYear()).toBe(2020);
      expect(Date.UTC(2020, 0, 1)).toBe(1577836800000);
      expect(Date.parse('2020-01-01T00:00:00Z')).toBe(1577836800000);
      expect(new Date()).toBeInstanceOf(Date);
      class Stamp extends Date {}
      const stamp = new Stamp();
      expect(stamp).toBeInstanceOf(Stamp);
      expect(Math.abs(stamp.getTime() - clock.nowMs())).toBeLessThan(1000);
      // The clock itself still reads real time underneath.
      expect(Math.abs(realNow() - (clock.nowMs() - clock.offsetMs))).toBeLessThan(1000);
    } finally {
      restore();
    }
    expect(Math.abs(Date.now() - realNow())).toBeLessThan(1000);
  });

  it('lets a worker thread follow the clock as it moves', async () => {
    // Bundle a tiny worker that follows the clock and reports its Date on request.
    const bundled = await build({
      stdin: {
        contents: `
          import { parentPort, workerData } from 'node:worker_threads';
          import { followClock } from './infra/local/clock.ts';
          followClock(workerData.buffer);
          parentPort.on('message', () => parentPort.postMessage({ now: Date.now(), date: new Date().getTime() }));
        `,
        resolveDir: path.resolve(import.meta.dirname, '../../..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
    });
    const clock = new LocalClock(new Date('2032-01-01T00:00:00Z'));
    const worker = new Worker(bundled.outputFiles[0]!.text, { eval: true, workerData: { buffer: clock.buffer } });
    try {
      const ask = async () => {
        const reply = once(worker, 'message');
        worker.postMessage('now?');
        return ((await reply) as [{ now: number; date: number }])[0];
      };
      const first = await ask();
      expect(Math.abs(first.now - clock.nowMs())).toBeLessThan(1000);
      clock.advance(14 * DAY);
      const second = await ask();
      expect(Math.abs(second.now - clock.nowMs())).toBeLessThan(1000);
      expect(Math.abs(second.date - clock.nowMs())).toBeLessThan(1000);
      expect(second.now - first.now).toBeGreaterThanOrEqual(14 * DAY);
    } finally {
      await worker.terminate();
    }
  });
});
