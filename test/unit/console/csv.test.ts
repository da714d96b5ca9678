import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../console/src/csv.ts';

describe('console CSV export', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });

  it('defuses text a spreadsheet would evaluate, but keeps negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
  });

  it('writes a header and one CRLF line per row, in the columns given', () => {
    const rows = [
      { date: '2026-01-01', orders: 3, note: 'x, y' },
      { date: '2026-01-02', orders: 0, note: undefined },
    ];
    expect(toCsv(['date', 'orders', 'note'], rows)).toBe('date,orders,note\r\n2026-01-01,3,"x, y"\r\n2026-01-02,0,\r\n');
  });
});
