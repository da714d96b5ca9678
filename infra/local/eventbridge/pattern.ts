// EventBridge event-pattern matching for the local bus (rules and TestEventPattern).
//
// Semantics (EventBridge docs, plus AWS's matcher where the docs are silent):
// - every field named in the pattern must match (AND); a leaf matches when any listed value or
//   operator matches one of the event's values there (OR); an array in the event matches when any
//   element does;
// - nested pattern objects follow nested event objects; for an array of objects the sub-pattern must
//   match within one element;
// - `$or: [{...}, {...}]` at any level needs one branch to match;
// - a missing field (or one whose value is an object, or an empty array: "not a leaf") only
//   satisfies `{"exists": false}`; `anything-but` needs the field present (null counts as present).
// Patterns are validated and compiled once; `matchesEventPattern` reuses the compiled form.
import { compilePattern, InvalidEventPatternError, isPlainObject } from './pattern-validate.ts';
import type { LeafRule, ObjectRule, Scalar } from './pattern-validate.ts';

export { InvalidEventPatternError };

export type EventPattern = Record<string, unknown>;

const compiled = new WeakMap<object, ObjectRule>();
const emptyObject: Record<string, unknown> = Object.freeze({});

/** Parses (if a string) and validates an event pattern; throws InvalidEventPatternError. */
export function parseEventPattern(json: string | object): EventPattern {
  let pattern: unknown = json;
  if (typeof json === 'string') {
    try {
      pattern = JSON.parse(json);
    } catch (error) {
      throw new InvalidEventPatternError(`Event pattern is not valid: ${(error as Error).message}`);
    }
  }
  const rule = compilePattern(pattern);
  compiled.set(pattern as object, rule);
  return pattern as EventPattern;
}

/** Whether the event (the full EventBridge envelope, as JSON) matches the pattern. */
export function matchesEventPattern(pattern: EventPattern, event: Record<string, unknown>): boolean {
  let rule = compiled.get(pattern);
  if (!rule) {
    rule = compilePattern(pattern);
    compiled.set(pattern, rule);
  }
  return isPlainObject(event) && matchObject(rule, event);
}

function matchObject(rule: ObjectRule, object: Record<string, unknown>): boolean {
  for (const [key, fieldRule] of rule.fields) {
    const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
    if (!(fieldRule.kind === 'leaf' ? matchLeaf(fieldRule, value) : matchNested(fieldRule, value))) return false;
  }
  return rule.ors.every((branches) => branches.some((branch) => matchObject(branch, object)));
}

/** A nested pattern against an object, an array of objects (any element), or nothing at all. */
function matchNested(rule: ObjectRule, value: unknown): boolean {
  const candidates = objectsIn(value, []);
  if (candidates.length === 0) return matchObject(rule, emptyObject);
  return candidates.some((candidate) => matchObject(rule, candidate));
}

function matchLeaf(rule: LeafRule, value: unknown): boolean {
  const values = leafValues(value, []);
  if (values.length === 0) return rule.existsFalse;
  if (rule.existsTrue) return true;
  return values.some((leaf) => rule.tests.some((test) => test(leaf)));
}

/** The scalar values at a field: the value itself, or every scalar in a (nested) array. */
function leafValues(value: unknown, out: Scalar[]): Scalar[] {
  if (Array.isArray(value)) for (const item of value) leafValues(item, out);
  else if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') out.push(value);
  return out;
}

function objectsIn(value: unknown, out: Record<string, unknown>[]): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, out);
  else if (isPlainObject(value)) out.push(value);
  return out;
}
