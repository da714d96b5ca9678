import { describe, expect, it } from 'vitest';
import { onOrderChanged } from '../../../shared/delays/flow.ts';
import { isOpenOrder, replanOrder } from '../../../shared/delays/replan.ts';
import { context, order, parcel, placedAt, state } from './fixtures.ts';

describe('re-planning an order after new delay settings', () => {
  // Placed Monday 2024-05-06 under two handling days: ship-by Wednesday night (Paris).
  const planned = onOrderChanged(undefined, state(), context(placedAt)).watch!;
  const slower = { handling: { defaultDays: 5 } };
  const shipBy = (watch: typeof planned) => watch.timers.find((timer) => timer.slot === 'ship_by')!;

  it('moves the ship-by deadline and its timer: the old one cancelled, the new one set', () => {
    const result = replanOrder(planned, state(), context('2024-05-07T09:00:00Z', slower));
    if (result.kind !== 'replanned') throw new Error(`expected a re-plan, got ${result.kind}`);
    expect(result.step.cancel).toContain(shipBy(planned).timerId);
    const moved = result.step.set.find((timer) => timer.kind === 'ship_by')!;
    // Five business days after Monday: the next Monday, end of day in Paris.
    expect(moved.dueAt).toBe('2024-05-13T21:59:59.000Z');
    expect(shipBy(result.step.watch).timerId).toBe(moved.timerId);
    expect(result.step.messages).toEqual([]);
  });

  it('changes nothing the second time, so a redelivered publication writes nothing', () => {
    const first = replanOrder(planned, state(), context('2024-05-07T09:00:00Z', slower));
    if (first.kind !== 'replanned') throw new Error('expected a re-plan');
    expect(replanOrder(first.step.watch, state(), context('2024-05-07T09:01:00Z', slower))).toEqual({ kind: 'unchanged' });
  });

  it('changes nothing when the settings move none of its deadlines', () => {
    expect(replanOrder(planned, state(), context('2024-05-07T09:00:00Z'))).toEqual({ kind: 'unchanged' });
  });

  it('re-plans only orders awaiting shipment or in transit', () => {
    expect(isOpenOrder(state())).toBe(true);
    expect(isOpenOrder(state(order(), [parcel({ createdAt: '2024-05-07T10:00:00Z' })]))).toBe(true);
    expect(isOpenOrder(state(order({ cancelledAt: '2024-05-07T10:00:00Z' })))).toBe(false);
    expect(isOpenOrder(state(order(), [parcel({ createdAt: '2024-05-07T10:00:00Z', shipmentStatus: 'delivered', deliveredAt: '2024-05-09T10:00:00Z' })]))).toBe(false);
  });
});
