import { describe, expect, it } from 'vitest';
import { FaultPlan, InvalidFaultSettings, faultKinds, faultSettingsFromEnv, seededRandom } from '../../../infra/local/faults/plan.ts';

const picks = (plan: FaultPlan, n: number) => Array.from({ length: n }, () => plan.pick('dynamodb'));

describe('the local fault plan', () => {
  it('is off by default and injects nothing', () => {
    const plan = new FaultPlan(faultSettingsFromEnv({}));
    expect(plan.enabled).toBe(false);
    expect(picks(plan, 1000).filter(Boolean)).toEqual([]);
    expect(plan.snapshot()).toMatchObject({ enabled: false, rate: 0, seed: 1, total: 0 });
  });

  it('fails about `rate` of the requests, the same ones for the same seed', () => {
    const first = picks(new FaultPlan({ rate: 0.1, seed: 42 }), 10_000);
    const again = picks(new FaultPlan({ rate: 0.1, seed: 42 }), 10_000);
    const other = picks(new FaultPlan({ rate: 0.1, seed: 43 }), 10_000);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const failed = first.filter(Boolean).length;
    expect(failed).toBeGreaterThan(850);
    expect(failed).toBeLessThan(1150);
    // Spread over the point's kinds.
    for (const kind of ['dynamodb-throttle', 'dynamodb-error', 'dynamodb-lost-answer']) expect(first.filter((k) => k === kind).length).toBeGreaterThan(200);
  });

  it('injects only the enabled kinds, and only at their point', () => {
    const plan = new FaultPlan({ rate: 1, kinds: ['dynamodb-throttle', 'sms-error'] });
    expect(new Set(picks(plan, 100))).toEqual(new Set(['dynamodb-throttle']));
    expect(plan.pick('sms')).toBe('sms-error');
    expect(plan.pick('lambda')).toBeUndefined();
    expect(plan.pick('eventbridge')).toBeUndefined();
  });

  it('counts what the injection points report, and restarts with a new seed', () => {
    const plan = new FaultPlan({ rate: 0.5 });
    plan.count('ses-timeout');
    plan.count('ses-timeout');
    plan.count('lambda-crash-after');
    expect(plan.snapshot()).toMatchObject({ total: 3, injected: { 'ses-timeout': 2, 'lambda-crash-after': 1, 'sqs-receive': 0 } });
    plan.configure({ seed: 9 });
    expect(plan.snapshot()).toMatchObject({ total: 0, seed: 9, rate: 0.5 });
  });

  it('reads the environment and PUT bodies, naming the field it refuses', () => {
    expect(faultSettingsFromEnv({ LOCAL_FAULT_RATE: '0.1', LOCAL_FAULT_KINDS: 'sqs, lambda-timeout', LOCAL_FAULT_SEED: '7' })).toEqual({ rate: 0.1, kinds: ['sqs-receive', 'lambda-timeout'], seed: 7 });
    expect(faultSettingsFromEnv({ LOCAL_FAULT_RATE: '0.2', LOCAL_FAULT_KINDS: 'all' }).kinds).toEqual([...faultKinds]);
    expect(() => faultSettingsFromEnv({ LOCAL_FAULT_RATE: '1.5' })).toThrow(/LOCAL_FAULT_RATE/);
    const plan = new FaultPlan();
    expect(() => plan.configure({ rate: -0.1 })).toThrow(InvalidFaultSettings);
    expect(() => plan.configure({ kinds: ['disk-full'] })).toThrow(/kinds: unknown fault kind "disk-full"/);
    expect(() => plan.configure({ seed: 1.5 })).toThrow(/seed/);
    expect(() => plan.configure({ rat: 0.1 })).toThrow(/rat: not a fault setting/);
    plan.configure({ rate: 0.3, kinds: 'ses' });
    expect(plan.snapshot()).toMatchObject({ enabled: true, rate: 0.3, kinds: ['ses-error', 'ses-timeout'] });
  });

  it('draws evenly from a seeded sequence', () => {
    const random = seededRandom(5);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((sum, x) => sum + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
