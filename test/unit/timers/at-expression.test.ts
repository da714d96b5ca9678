import { describe, expect, it } from 'vitest';
import { atExpression } from '../../../shared/adapters/at-expression.ts';

describe('atExpression', () => {
  it('keeps a whole second as it is', () => {
    expect(atExpression('2026-12-08T10:00:00.000Z')).toBe('at(2026-12-08T10:00:00)');
    expect(atExpression('2026-12-08T10:00:00Z')).toBe('at(2026-12-08T10:00:00)');
  });

  it('rounds a fraction of a second up, so the timer never fires before its due time', () => {
    expect(atExpression('2026-12-08T10:00:00.338Z')).toBe('at(2026-12-08T10:00:01)');
    expect(atExpression('2026-12-31T23:59:59.001Z')).toBe('at(2027-01-01T00:00:00)');
  });

  it('refuses what is not a date-time', () => {
    expect(() => atExpression('tomorrow')).toThrow(RangeError);
  });
});
