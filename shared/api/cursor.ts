// Opaque pagination cursors: a DynamoDB key as base64url JSON. Callers pass `nextCursor` back
// unchanged; anything else is refused as the caller's error.

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export class InvalidCursorError extends Error {}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && !Array.isArray(key)) return key;
  } catch {
    // Reported below.
  }
  throw new InvalidCursorError('cursor: not a cursor this API returned');
}
