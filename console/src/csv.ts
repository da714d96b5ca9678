// CSV text for exports: RFC 4180 quoting. Pure, so it is unit-tested outside the browser (download.ts saves it).

/** One CSV field: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // A leading =, +, -, @ makes spreadsheets evaluate the cell (CSV injection): prefix a quote.
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-separated as RFC 4180 asks; `columns` picks and orders the fields. */
export function toCsv<Row extends Record<string, string | number | boolean | null | undefined>>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
