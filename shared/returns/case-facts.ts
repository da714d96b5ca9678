// Facts about a return case that the lifecycle, its messages and its consumers share: whether
// anything must come back, the case-level resolution, which conditions are written off, and the
// catalogue's Actor for a case actor. Pure.
import type { Actor } from '../events/common.ts';
import type { ItemCondition, ReturnResolution } from '../events/returns.ts';
import type { CaseActor, ReturnCase } from './case.ts';

type Condition = (typeof ItemCondition.options)[number];

/** The catalogue's Actor: staff are identified by their subject. */
export const eventActor = (actor: CaseActor): Actor => (actor.kind === 'staff' ? { kind: 'staff', id: actor.sub } : actor.kind === 'system' ? { kind: 'system' } : { kind: actor.kind, id: actor.id });

/** Whether anything must come back: `keep` lines are returnless. */
export const requiresItemBack = (c: Pick<ReturnCase, 'lines'>) => c.lines.some((line) => line.resolution !== 'keep');

/** The case-level resolution for events: exchange only when every returned line is one; keep-it is a refund. */
export function caseResolution(c: Pick<ReturnCase, 'lines'>): ReturnResolution {
  const asked = c.lines.map((line) => (line.resolution === 'keep' ? 'refund' : line.resolution));
  if (asked.every((r) => r === 'exchange')) return 'exchange';
  if (asked.every((r) => r !== 'refund')) return 'store_credit';
  return 'refund';
}

/** Conditions written off rather than put back on the shelf. */
export const writtenOff: readonly Condition[] = ['damaged', 'defective', 'wrong_item', 'missing'];
