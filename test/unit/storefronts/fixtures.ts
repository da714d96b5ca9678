// Helpers of the storefront tests: fixtures and the checks every file makes.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { MappingError, type NormalizedDelivery } from '../../../shared/storefronts/normalized.ts';

/** A parsed copy of a fixture of `fixtures/` (fresh each call: tests change it). */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** The MappingError `run` throws. */
export function mappingError(run: () => unknown): MappingError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return error as MappingError;
  }
  throw new Error('expected a MappingError');
}

/** The delivery, checked to be of `kind`. */
export function as<K extends NormalizedDelivery['kind']>(kind: K, delivery: NormalizedDelivery): Extract<NormalizedDelivery, { kind: K }> {
  expect(delivery.kind).toBe(kind);
  return delivery as Extract<NormalizedDelivery, { kind: K }>;
}
