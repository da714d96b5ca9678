// Before a supervisor publishes a draft policy: evaluate it and the current one on recent orders
// and list the lines whose decision would change. Pure; the caller loads the last N orders.
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { evaluateReturn, type LineEligibility, type RefusalRule } from './eligibility.ts';
import type { ReturnPolicy } from './policy.ts';

export interface LineOutcome {
  returnable: boolean;
  maxQuantity: number;
  deadline?: string;
  /** Resolutions offered per reason, only reasons with at least one. */
  resolutions: Record<string, string[]>;
  rules: RefusalRule[];
}

export type ChangedField = 'returnable' | 'maxQuantity' | 'deadline' | 'resolutions';

export interface LineChange {
  orderId: string;
  orderNumber: string;
  lineItemId: string;
  changed: ChangedField[];
  before: LineOutcome;
  after: LineOutcome;
}

export interface DryRunResult {
  currentVersion: number;
  draftVersion: number;
  changes: LineChange[];
  totals: { orders: number; lines: number; changed: number; becomeReturnable: number; becomeNotReturnable: number };
}

export interface DryRunInput {
  current: ReturnPolicy;
  draft: ReturnPolicy;
  orders: Array<{ order: NormalizedOrder; alreadyReturned?: Record<string, number> }>;
  now: Date;
  timeZone?: string;
}

export function dryRun({ current, draft, orders, now, timeZone = 'UTC' }: DryRunInput): DryRunResult {
  const changes: LineChange[] = [];
  let lines = 0;
  for (const { order, alreadyReturned } of orders) {
    const before = evaluateReturn({ order, policy: current, now, alreadyReturned, timeZone }).lines;
    const after = evaluateReturn({ order, policy: draft, now, alreadyReturned, timeZone }).lines;
    lines += before.length;
    before.forEach((line, index) => {
      const next = after[index];
      if (!next) return;
      const [a, b] = [outcome(line), outcome(next)];
      const changed = diff(a, b);
      if (changed.length) changes.push({ orderId: order.orderId, orderNumber: order.orderNumber, lineItemId: line.lineItemId, changed, before: a, after: b });
    });
  }
  return {
    currentVersion: current.version,
    draftVersion: draft.version,
    changes,
    totals: {
      orders: orders.length,
      lines,
      changed: changes.length,
      becomeReturnable: changes.filter((c) => !c.before.returnable && c.after.returnable).length,
      becomeNotReturnable: changes.filter((c) => c.before.returnable && !c.after.returnable).length,
    },
  };
}

function outcome(line: LineEligibility): LineOutcome {
  const resolutions: Record<string, string[]> = {};
  for (const offer of line.offers) if (offer.resolutions.length) resolutions[offer.reason] = [...offer.resolutions].sort();
  const result: LineOutcome = { returnable: line.returnable, maxQuantity: line.maxQuantity, resolutions, rules: line.refusals.map((r) => r.rule) };
  if (line.deadline) result.deadline = line.deadline;
  return result;
}

function diff(a: LineOutcome, b: LineOutcome): ChangedField[] {
  const changed: ChangedField[] = [];
  if (a.returnable !== b.returnable) changed.push('returnable');
  if (a.maxQuantity !== b.maxQuantity) changed.push('maxQuantity');
  if (a.deadline !== b.deadline) changed.push('deadline');
  if (canonical(a.resolutions) !== canonical(b.resolutions)) changed.push('resolutions');
  return changed;
}

/** Key order must not count as a change. */
function canonical(resolutions: Record<string, string[]>): string {
  return JSON.stringify(Object.keys(resolutions).sort().map((key) => [key, resolutions[key]]));
}
