// Fault injection for the local stack: a seeded plan that makes the stand-ins fail the system's
// own traffic at a configurable rate, so a run under faults can be compared with a fault-free one.
// Deterministic for a given seed and sequence of questions (concurrency may reorder the questions).

/** Where a fault can be injected, and the kinds of fault each point can produce. */
export const faultPoints = {
  dynamodb: ['dynamodb-throttle', 'dynamodb-error', 'dynamodb-lost-answer'],
  eventbridge: ['eventbridge-partial'],
  sqs: ['sqs-receive'],
  ses: ['ses-error', 'ses-timeout'],
  sms: ['sms-error'],
  lambda: ['lambda-crash-before', 'lambda-crash-after', 'lambda-timeout'],
} as const;

export type FaultPoint = keyof typeof faultPoints;
export type FaultKind = (typeof faultPoints)[FaultPoint][number];
export const faultKinds: readonly FaultKind[] = Object.values(faultPoints).flat();

export interface FaultSettings {
  /** Probability (0..1) that one request or invocation at an injection point fails. 0: off. */
  rate: number;
  /** The kinds that may be injected; at a point, one of its enabled kinds is picked at random. */
  kinds: FaultKind[];
  seed: number;
}

export class InvalidFaultSettings extends Error {}

/** mulberry32: a small, fast, seedable PRNG (good enough to spread faults, not for secrets). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseKinds(value: unknown, field: string): FaultKind[] {
  const list = typeof value === 'string' ? value.split(',').map((kind) => kind.trim()).filter(Boolean) : value;
  if (!Array.isArray(list)) throw new InvalidFaultSettings(`${field}: must be a list of fault kinds (${faultKinds.join(', ')}) or "all"`);
  if (list.length === 1 && list[0] === 'all') return [...faultKinds];
  const kinds: FaultKind[] = [];
  for (const kind of list) {
    // A point's name stands for all its kinds, e.g. "dynamodb".
    if (typeof kind === 'string' && kind in faultPoints) kinds.push(...faultPoints[kind as FaultPoint]);
    else if (faultKinds.includes(kind as FaultKind)) kinds.push(kind as FaultKind);
    else throw new InvalidFaultSettings(`${field}: unknown fault kind ${JSON.stringify(kind)}; known: ${faultKinds.join(', ')} (or a point: ${Object.keys(faultPoints).join(', ')}, or "all")`);
  }
  return [...new Set(kinds)];
}

function parseRate(value: unknown, field: string): number {
  const rate = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) throw new InvalidFaultSettings(`${field}: must be a number from 0 to 1 (got ${JSON.stringify(value)})`);
  return rate;
}

function parseSeed(value: unknown, field: string): number {
  const seed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new InvalidFaultSettings(`${field}: must be an integer from 0 to 4294967295 (got ${JSON.stringify(value)})`);
  return seed;
}

/** Settings from `LOCAL_FAULT_RATE`, `LOCAL_FAULT_KINDS` (comma-separated, default all) and `LOCAL_FAULT_SEED` (default 1). Off when the rate is unset. */
export function faultSettingsFromEnv(env: Record<string, string | undefined>): FaultSettings {
  return {
    rate: env.LOCAL_FAULT_RATE ? parseRate(env.LOCAL_FAULT_RATE, 'LOCAL_FAULT_RATE') : 0,
    kinds: env.LOCAL_FAULT_KINDS ? parseKinds(env.LOCAL_FAULT_KINDS, 'LOCAL_FAULT_KINDS') : [...faultKinds],
    seed: env.LOCAL_FAULT_SEED ? parseSeed(env.LOCAL_FAULT_SEED, 'LOCAL_FAULT_SEED') : 1,
  };
}

export class FaultPlan {
  private settings: FaultSettings;
  private random: () => number;
  private injected = new Map<FaultKind, number>();

  constructor(settings: Partial<FaultSettings> = {}) {
    this.settings = { rate: 0, kinds: [...faultKinds], seed: 1, ...settings };
    this.random = seededRandom(this.settings.seed);
  }

  get enabled(): boolean {
    return this.settings.rate > 0 && this.settings.kinds.length > 0;
  }

  /**
   * Changes the plan from an untrusted body (`PUT /_local/faults`): any of rate, kinds, seed. A new
   * seed (or `reset: true`) restarts the random sequence and the counts.
   */
  configure(input: Record<string, unknown>): void {
    const unknown = Object.keys(input).filter((key) => !['rate', 'kinds', 'seed', 'reset'].includes(key));
    if (unknown.length > 0) throw new InvalidFaultSettings(`${unknown[0]}: not a fault setting; send rate (0..1), kinds (list) and/or seed (integer)`);
    const next: FaultSettings = {
      rate: input.rate === undefined ? this.settings.rate : parseRate(input.rate, 'rate'),
      kinds: input.kinds === undefined ? this.settings.kinds : parseKinds(input.kinds, 'kinds'),
      seed: input.seed === undefined ? this.settings.seed : parseSeed(input.seed, 'seed'),
    };
    if (input.reset !== undefined && typeof input.reset !== 'boolean') throw new InvalidFaultSettings('reset: must be true or false');
    const restart = input.seed !== undefined || input.reset === true;
    this.settings = next;
    if (restart) {
      this.random = seededRandom(next.seed);
      this.injected = new Map();
    }
  }

  /** Whether to fail this request at `point`, and how: one of the point's enabled kinds, or undefined. */
  pick(point: FaultPoint): FaultKind | undefined {
    if (!this.enabled) return undefined;
    const candidates = (faultPoints[point] as readonly FaultKind[]).filter((kind) => this.settings.kinds.includes(kind));
    if (candidates.length === 0) return undefined;
    // Always two draws, so enabling a kind elsewhere does not shift this point's sequence.
    const roll = this.random();
    const which = this.random();
    if (roll >= this.settings.rate) return undefined;
    return candidates[Math.min(candidates.length - 1, Math.floor(which * candidates.length))];
  }

  /** A number in [0, 1) from the plan's sequence (e.g. how long a timeout lets the handler run). */
  fraction(): number {
    return this.random();
  }

  /** Counts a fault that was actually injected (the injection point calls this once it has failed the request). */
  count(kind: FaultKind): void {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
  }

  snapshot(): FaultSettings & { enabled: boolean; injected: Record<FaultKind, number>; total: number } {
    const injected = Object.fromEntries(faultKinds.map((kind) => [kind, this.injected.get(kind) ?? 0])) as Record<FaultKind, number>;
    return { enabled: this.enabled, ...this.settings, kinds: [...this.settings.kinds], injected, total: Object.values(injected).reduce((sum, n) => sum + n, 0) };
  }
}
