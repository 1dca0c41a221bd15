import { describe, didYouMean, quoteList } from './describe.js';
import type { Limits, ValueTest } from './fields.js';

/** Tests of single values (text, flags, numbers, sizes), each returning the problem message or undefined. */

export function isText(value: unknown, name: string): string | undefined {
  if (typeof value === 'string') {
    return undefined;
  }

  const quoted = typeof value === 'number' || typeof value === 'boolean' ? ` such as "${String(value)}"` : '';

  return `expected a string, got ${describe(value)}; set ${name} to a string${quoted}`;
}

export function isFlag(value: unknown, name: string): string | undefined {
  return typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}; set ${name} to true or false`;
}

export function isFiniteNumber(value: unknown, name: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return undefined;
  }

  return `expected a finite number, got ${describe(value)}; set ${name} to a finite number`;
}

export function isPositive(value: unknown, name: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return undefined;
  }

  return `expected a finite number greater than 0, got ${describe(value)}; set ${name} to a positive number such as 100`;
}

export function isOneOf(values: readonly string[]): ValueTest {
  return (value, name) => {
    if (typeof value === 'string' && values.includes(value)) {
      return undefined;
    }

    const hint = typeof value === 'string' ? didYouMean(value, values) : '';

    return `expected one of ${quoteList(values)}, got ${describe(value)}; set ${name} to one of those values${hint}`;
  };
}

export function isWhole(limits: Limits): ValueTest {
  return (value, name) => checkLimit(value, name, limits);
}

/**
 * The largest count or size in cells any field may hold, unless its own
 * limit is lower. A larger one could only exhaust memory in measuring and
 * routing before the cell limit of the drawing is checked.
 */
export const MAX_FIELD_SIZE = 1_000_000;

/**
 * Checks a count, size or index: a whole number within `limits`. The fix
 * names the nearest valid value, so `2.5` suggests rounding to 2 or 3.
 */
export function checkLimit(value: unknown, name: string, given: Limits): string | undefined {
  const max = given.max ?? MAX_FIELD_SIZE;
  if (typeof value === 'number' && Number.isInteger(value) && value >= given.min && value <= max) {
    return undefined;
  }

  // Only an invalid value gets here, so checking a valid one allocates nothing.
  const limits: Limits = given.max === undefined ? { ...given, max } : given;
  const within = (candidate: number): boolean => candidate >= limits.min && candidate <= max;
  const range = `from ${limits.min} to ${max}`;
  const reason = limits.reason === undefined ? '' : ` (${limits.reason})`;
  const problem = `expected a whole number ${range}${reason}, got ${describe(value)}`;

  return `${problem}; ${fixForLimit(value, name, limits, within)}`;
}

export function fixForLimit(value: unknown, name: string, limits: Limits, within: (candidate: number) => boolean): string {
  // Every caller passes limits with a maximum.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `set ${name} to a whole number such as ${limits.min}`;
  }

  if (!Number.isInteger(value)) {
    const candidates = [Math.floor(value), Math.ceil(value)].filter(within);
    if (candidates.length > 0) {
      return `round ${name} to ${candidates.join(' or ')}`;
    }
  }

  if (value < limits.min) {
    return `set ${name} to ${limits.min}${limits.max === MAX_FIELD_SIZE ? ' or more' : ''}`;
  }

  return `set ${name} to ${limits.max ?? limits.min} or less`;
}
