// Axis arithmetic for the console's SVG charts: round tick values, so axes read 0, 5, 10 rather than 0, 4.37, 8.74.

/** Up to about `count` + 1 round ticks from 0 to a round maximum at or above `max` (0..1 when there is no data). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 0.25, 0.5, 0.75, 1].slice(0, count + 1);
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < max + step - 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** Which of `length` x positions get a label: about `wanted`, evenly spread, always the first and the last. */
export function labelledIndexes(length: number, wanted = 6): Set<number> {
  if (length <= wanted) return new Set(Array.from({ length }, (_, index) => index));
  const every = Math.ceil((length - 1) / (wanted - 1));
  const indexes = new Set<number>();
  for (let index = 0; index < length; index += every) indexes.add(index);
  // The last label replaces a neighbour too close to it.
  for (let index = length - 1; index > length - 1 - Math.ceil(every / 2); index--) indexes.delete(index);
  indexes.add(length - 1);
  return indexes;
}
