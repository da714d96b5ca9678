// Sortable queue columns. Queues sorted by the API (`sort` query parameter: SLA, customer tier)
// and pages sorted here (the delays' severity and dates) share the column header; the page sort
// is one hook instead of a copy per screen.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';

export type SortDirection = 'ascending' | 'descending' | 'none';

/** A column header whose button sorts by it; `direction` is what aria-sort announces. */
export function SortHeader({ direction, onSort, children }: { direction: SortDirection; onSort(): void; children: ComponentChildren }) {
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" class="sort" onClick={onSort}>
        {children} {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
        <span class="visually-hidden"> (sort)</span>
      </button>
    </th>
  );
}

export interface PageSort<K extends string> {
  key: K;
  descending: boolean;
}

/** The page's items in the chosen order; sorting again by the same key flips the direction. */
export function useSortedPage<T, K extends string>(items: readonly T[], compare: (key: K, a: T, b: T) => number, initial: PageSort<K>) {
  const [sort, setSort] = useState<PageSort<K>>(initial);
  const rows = useMemo(() => [...items].sort((a, b) => (sort.descending ? -1 : 1) * compare(sort.key, a, b)), [items, sort]);
  return {
    rows,
    sort,
    directionOf: (key: K): SortDirection => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'),
    sortBy: (key: K) => setSort({ key, descending: sort.key === key ? !sort.descending : false }),
  };
}

/** The API's queue orders: newest first, earliest SLA first, highest customer tier first. */
export type QueueSort = 'newest' | 'sla' | 'tier';

/** aria-sort of a column the API sorts by: SLA ascends (earliest first), tier descends (highest first). */
export const queueSortDirection = (current: QueueSort, column: 'sla' | 'tier'): SortDirection => (current !== column ? 'none' : column === 'sla' ? 'ascending' : 'descending');

/** A tier as a short label: `Gold` (and the points in the title). */
export function TierLabel({ tier }: { tier: { name: string; points: number } | null | undefined }) {
  if (!tier) return <span class="muted">—</span>;
  return (
    <span class="badge tier" title={`${tier.points} points`}>
      {tier.name}
    </span>
  );
}
