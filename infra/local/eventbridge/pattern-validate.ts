// Validates an EventBridge event pattern and compiles it into a small tree of predicates that
// `pattern.ts` walks for each event. The rules follow the EventBridge documentation and, where the
// documentation is silent, the behaviour of AWS's own matcher (aws/event-ruler).

export class InvalidEventPatternError extends Error {
  override name = 'InvalidEventPatternError';
}

/** A leaf value of an event: what a pattern's match values are compared with. */
export type Scalar = string | number | boolean | null;
export type ValueTest = (value: Scalar) => boolean;

/** `"field": [ ... ]`: matches when any listed value or operator matches. */
export interface LeafRule {
  kind: 'leaf';
  tests: ValueTest[];
  /** `{ "exists": true }` is listed: any leaf value matches. */
  existsTrue: boolean;
  /** `{ "exists": false }` is listed: matches when the field has no leaf value. */
  existsFalse: boolean;
}

/** `"field": { ... }`: every field must match, and one alternative of each `$or`. */
export interface ObjectRule {
  kind: 'object';
  fields: [string, LeafRule | ObjectRule][];
  ors: ObjectRule[][];
}

/** Numeric matching only covers -5e9..5e9 with six decimals (documented limit). */
export const numericLimit = 5e9;

/** Field names that may not appear inside `$or` branches (AWS rejects them there). */
const reservedInOr = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

function fail(path: string, reason: string): never {
  throw new InvalidEventPatternError(`Event pattern is not valid: ${path ? `${path}: ` : ''}${reason}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: Scalar): value is string => typeof value === 'string';
const fold = (text: string): string => text.toLowerCase();
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** Compiles a whole pattern; throws InvalidEventPatternError naming the offending path. */
export function compilePattern(pattern: unknown): ObjectRule {
  if (!isPlainObject(pattern)) fail('', 'Filter is not an object');
  return compileObject(pattern, '', false);
}

function compileObject(object: Record<string, unknown>, path: string, insideOr: boolean): ObjectRule {
  const entries = Object.entries(object);
  if (entries.length === 0) fail(path, 'Empty objects are not allowed');
  const rule: ObjectRule = { kind: 'object', fields: [], ors: [] };
  for (const [key, value] of entries) {
    const here = path ? `${path}.${key}` : key;
    if (key === '$or') {
      rule.ors.push(compileOr(value, here));
    } else if (insideOr && reservedInOr.has(key)) {
      fail(here, `"${key}" is a reserved keyword and cannot be used as a field name inside $or`);
    } else if (Array.isArray(value)) {
      rule.fields.push([key, compileLeaf(value, here)]);
    } else if (isPlainObject(value)) {
      rule.fields.push([key, compileObject(value, here, insideOr)]);
    } else {
      fail(here, `"${key}" must be an object or an array (leaf values are arrays, e.g. ${show([value])})`);
    }
  }
  return rule;
}

function compileOr(value: unknown, path: string): ObjectRule[] {
  if (!Array.isArray(value)) fail(path, '$or must be an array of objects');
  if (value.length < 2) fail(path, `$or needs at least 2 objects, got ${value.length}`);
  return value.map((branch, index) => {
    if (!isPlainObject(branch)) fail(`${path}[${index}]`, 'only objects are allowed in $or');
    return compileObject(branch, `${path}[${index}]`, true);
  });
}

function compileLeaf(values: unknown[], path: string): LeafRule {
  if (values.length === 0) fail(path, 'Empty arrays are not allowed');
  const rule: LeafRule = { kind: 'leaf', tests: [], existsTrue: false, existsFalse: false };
  for (const value of values) {
    if (typeof value === 'string') {
      const ip = parseIp(value);
      rule.tests.push(ip ? (v) => v === value || (isString(v) && sameIp(parseIp(v), ip)) : (v) => v === value);
    } else if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      // Numbers compare by value: 300, 300.0 and 3.0e2 are one JSON number once parsed.
      rule.tests.push((v) => v === value);
    } else if (isPlainObject(value)) {
      compileOperator(value, path, rule);
    } else {
      fail(path, `Match value must be String, number, true, false, null or an operator object, got ${show(value)}`);
    }
  }
  return rule;
}

function compileOperator(expression: Record<string, unknown>, path: string, rule: LeafRule): void {
  const keys = Object.keys(expression);
  if (keys.length !== 1) fail(path, keys.length === 0 ? 'Match expression name not found' : `Only one key allowed in match expression, got ${keys.join(', ')}`);
  const operator = keys[0]!;
  const arg = expression[operator];
  switch (operator) {
    case 'prefix':
    case 'suffix': {
      const ends = operator === 'prefix' ? (v: string, s: string) => v.startsWith(s) : (v: string, s: string) => v.endsWith(s);
      if (isPlainObject(arg)) {
        const inner = Object.keys(arg);
        if (inner.length !== 1 || inner[0] !== 'equals-ignore-case') fail(path, `Unsupported ${operator} pattern: ${inner.join(', ') || '{}'}`);
        const text = arg['equals-ignore-case'];
        if (typeof text !== 'string') fail(path, `${operator}: equals-ignore-case match pattern must be a string`);
        rule.tests.push((v) => isString(v) && ends(fold(v), fold(text)));
      } else {
        if (typeof arg !== 'string') fail(path, `${operator} match pattern must be a string, got ${show(arg)}`);
        rule.tests.push((v) => isString(v) && ends(v, arg));
      }
      return;
    }
    case 'equals-ignore-case': {
      if (typeof arg !== 'string') fail(path, `equals-ignore-case match pattern must be a string, got ${show(arg)}`);
      rule.tests.push((v) => isString(v) && fold(v) === fold(arg));
      return;
    }
    case 'wildcard': {
      if (typeof arg !== 'string') fail(path, `wildcard match pattern must be a string, got ${show(arg)}`);
      const regex = wildcardRegex(arg, path);
      rule.tests.push((v) => isString(v) && regex.test(v));
      return;
    }
    case 'numeric':
      rule.tests.push(compileNumeric(arg, path));
      return;
    case 'cidr': {
      if (typeof arg !== 'string') fail(path, `cidr match pattern must be a string, got ${show(arg)}`);
      const range = parseCidr(arg, path);
      rule.tests.push((v) => {
        const ip = isString(v) ? parseIp(v) : undefined;
        return !!ip && ip.bits === range.bits && ip.value >= range.low && ip.value <= range.high;
      });
      return;
    }
    case 'exists':
      if (typeof arg !== 'boolean') fail(path, `exists match pattern must be either true or false, got ${show(arg)}`);
      if (arg) rule.existsTrue = true;
      else rule.existsFalse = true;
      return;
    case 'anything-but':
      rule.tests.push(compileAnythingBut(arg, path));
      return;
    default:
      fail(path, `Unrecognized match type ${operator}`);
  }
}

/** `anything-but` matches any present leaf value (null and booleans included) that is not excluded. */
function compileAnythingBut(arg: unknown, path: string): ValueTest {
  if (isPlainObject(arg)) {
    const keys = Object.keys(arg);
    if (keys.length !== 1) fail(path, `anything-but takes exactly one of prefix, suffix, equals-ignore-case, wildcard, got ${keys.join(', ') || '{}'}`);
    const kind = keys[0]!;
    if (!['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(kind)) fail(path, `Unsupported anything-but pattern: ${kind}`);
    const raw = arg[kind];
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) fail(path, `anything-but/${kind} list must not be empty`);
    for (const item of list) {
      if (typeof item !== 'string') fail(path, `anything-but/${kind} values must be strings, got ${show(item)}`);
      if ((kind === 'prefix' || kind === 'suffix') && item === '') fail(path, `anything-but/${kind} must not be empty`);
    }
    const texts = list as string[];
    const regexes = kind === 'wildcard' ? texts.map((t) => wildcardRegex(t, path)) : [];
    const hit: (v: string) => boolean =
      kind === 'prefix' ? (v) => texts.some((t) => v.startsWith(t))
      : kind === 'suffix' ? (v) => texts.some((t) => v.endsWith(t))
      : kind === 'equals-ignore-case' ? (v) => texts.some((t) => fold(v) === fold(t))
      : (v) => regexes.some((r) => r.test(v));
    return (v) => !(isString(v) && hit(v));
  }
  const list = Array.isArray(arg) ? arg : [arg];
  if (list.length === 0) fail(path, 'anything-but list must not be empty');
  const allStrings = list.every((item) => typeof item === 'string');
  const allNumbers = list.every((item) => typeof item === 'number');
  if (!allStrings && !allNumbers) {
    fail(path, Array.isArray(arg)
      ? 'anything-but list must hold only strings or only numbers (for several prefixes use {"anything-but": {"prefix": [...]}})'
      : `Value of anything-but must be an array or single string/number value, got ${show(arg)}`);
  }
  if (allNumbers) for (const item of list) checkNumber(item as number, path, 'anything-but');
  const excluded = new Set<Scalar>(list as Scalar[]);
  return (v) => !excluded.has(v);
}

function checkNumber(value: unknown, path: string, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `${context} needs a number, got ${show(value)}`);
  if (Math.abs(value) > numericLimit) fail(path, `${context}: ${value} is outside -5e9..5e9`);
  if (Number(value.toFixed(6)) !== value) fail(path, `${context}: ${value} has more than 6 decimal places`);
  return value;
}

/** `[op, n]` with op one of = < <= > >=, or `[">" | ">=", low, "<" | "<=", high]` with low < high. */
function compileNumeric(arg: unknown, path: string): ValueTest {
  const usage = 'numeric needs ["=" | "<" | "<=" | ">" | ">=", number] or [">" | ">=", low, "<" | "<=", high]';
  if (!Array.isArray(arg) || arg.length === 0) fail(path, `${usage}, got ${show(arg)}`);
  const [op, first, upperOp, second] = arg as unknown[];
  if (typeof op !== 'string' || !['=', '<', '<=', '>', '>='].includes(op)) fail(path, `numeric: unrecognized range operator ${show(op)}; ${usage}`);
  const low = checkNumber(first, path, `numeric "${op}"`);
  const inRange = (v: Scalar): v is number => typeof v === 'number' && Math.abs(v) <= numericLimit;
  if (arg.length === 2) {
    if (op === '=') return (v) => inRange(v) && v === low;
    if (op === '<') return (v) => inRange(v) && v < low;
    if (op === '<=') return (v) => inRange(v) && v <= low;
    if (op === '>') return (v) => inRange(v) && v > low;
    return (v) => inRange(v) && v >= low;
  }
  if (op !== '>' && op !== '>=') fail(path, `numeric: only ">" or ">=" may be followed by an upper bound; ${usage}`);
  if (arg.length !== 4) fail(path, `numeric: too many or too few terms in range expression; ${usage}`);
  if (upperOp !== '<' && upperOp !== '<=') fail(path, `numeric: bad range operator ${show(upperOp)} for the upper bound, use "<" or "<="`);
  const high = checkNumber(second, path, `numeric "${upperOp}"`);
  if (!(low < high)) fail(path, `numeric: bottom ${low} must be less than top ${high}`);
  const above = op === '>' ? (v: number) => v > low : (v: number) => v >= low;
  const below = upperOp === '<' ? (v: number) => v < high : (v: number) => v <= high;
  return (v) => inRange(v) && above(v) && below(v);
}

/** `*` matches any run of characters (also none); `\*` is a literal star and `\\` a literal backslash. */
export function wildcardRegex(pattern: string, path: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*') fail(path, `wildcard: consecutive wildcard characters at pos ${i}`);
      source += '.*';
    } else if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') fail(path, `wildcard: invalid escape character at pos ${i} (only \\* and \\\\ are allowed)`);
      source += `\\${next}`;
      i++;
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

export interface IpAddress {
  bits: 32 | 128;
  value: bigint;
}

const sameIp = (a: IpAddress | undefined, b: IpAddress): boolean => !!a && a.bits === b.bits && a.value === b.value;

function parseIpv4(text: string): bigint | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  let value = 0n;
  for (const part of match.slice(1)) {
    if (Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text;
  let v4: bigint | undefined;
  if (body.includes('.')) {
    const at = body.lastIndexOf(':');
    v4 = parseIpv4(body.slice(at + 1));
    if (v4 === undefined) return undefined;
    body = `${body.slice(0, at + 1)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (![...head, ...tail].every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return v4 === undefined ? value : (value & ~0xffffffffn) | v4;
}

/** Parses an IPv4 or IPv6 literal (`::` compression and an IPv4 tail allowed); undefined if not one. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { bits: 128, value: v6 };
}

function parseCidr(cidr: string, path: string): { bits: 32 | 128; low: bigint; high: bigint } {
  const parts = cidr.split('/');
  if (parts.length !== 2) fail(path, `cidr: malformed CIDR ${show(cidr)}, one '/' required`);
  const [address, maskText] = parts as [string, string];
  if (!/^\d+$/.test(maskText)) fail(path, `cidr: malformed CIDR ${show(cidr)}, mask bits must be an integer`);
  const ip = parseIp(address);
  if (!ip) fail(path, `cidr: nonstandard IP address ${show(address)}`);
  const mask = Number(maskText);
  if (mask > ip.bits) fail(path, `cidr: mask bits must be at most ${ip.bits} for ${show(address)}`);
  const hostMask = (1n << BigInt(ip.bits - mask)) - 1n;
  const low = ip.value & ~hostMask;
  return { bits: ip.bits, low, high: low | hostMask };
}
