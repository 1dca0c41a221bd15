import { VALUE_PREVIEW_LENGTH } from './fields.js';

/** Pieces of problem messages: values shown briefly, paths, lists and did-you-mean hints. */

/** `Array.isArray` that returns false instead of throwing for a revoked proxy. */
export function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Checks whether a value is an object and not an array, as a node and nested objects such as styles and padding must be. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !isArray(value);
}

export function safeLength(value: unknown): number | undefined {
  try {
    return isArray(value) ? value.length : undefined;
  } catch {
    return undefined;
  }
}

export function describePath(path: string): string {
  return path === '' ? 'the root' : path;
}

export function quoteList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * Shows a value in a message: JSON-like, one level deep, cut to
 * VALUE_PREVIEW_LENGTH code points. Never throws, whatever getters do.
 */
export function describe(value: unknown): string {
  let text: string;
  try {
    text = preview(value, true);
  } catch {
    text = 'an unreadable value';
  }

  const characters = Array.from(text);

  // Cutting by code points keeps a surrogate pair, such as an emoji, whole.
  return characters.length > VALUE_PREVIEW_LENGTH ? `${characters.slice(0, VALUE_PREVIEW_LENGTH - 3).join('')}...` : text;
}

/** Items or fields shown for an array or object before `...`. */
export const PREVIEW_ITEMS = 4;

export function preview(value: unknown, expand: boolean): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(previewHead(value));
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    case 'object':
      return value === null ? 'null' : previewObject(value, expand);
    default:
      return String(value);
  }
}

/**
 * Returns the first VALUE_PREVIEW_LENGTH + 1 code points of a string. The extra
 * code point lets `describe` detect that the value was cut. Slicing UTF-16
 * units first keeps the cost small for a huge string.
 */
export function previewHead(value: string): string {
  const units = value.slice(0, 2 * (VALUE_PREVIEW_LENGTH + 1));

  return Array.from(units).slice(0, VALUE_PREVIEW_LENGTH + 1).join('');
}

export function previewObject(value: object, expand: boolean): string {
  if (isArray(value)) {
    if (!expand) {
      return '[...]';
    }

    const items = value.slice(0, PREVIEW_ITEMS).map((item) => preview(item, false));

    return `[${items.join(', ')}${value.length > PREVIEW_ITEMS ? ', ...' : ''}]`;
  }

  if (!expand) {
    return '{...}';
  }

  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  const entries = keys.slice(0, PREVIEW_ITEMS).map((key) => `${key}: ${preview(record[key], false)}`);

  return `{ ${entries.join(', ')}${keys.length > PREVIEW_ITEMS ? ', ...' : ''} }`;
}

export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) {
      return describe(`${error.name}: ${error.message}`);
    }
  } catch {
    // A hostile error object falls through to the generic preview.
  }

  return describe(error);
}

/** Edits allowed per character of the longer name for a "did you mean" hint. */
export const HINT_EDIT_RATIO = 0.4;

/**
 * Returns ` (did you mean "x"?)` for the closest valid name, or ''. A name
 * counts as close within edits for 40% of its length, enough for `childs`
 * to match `children` (3 edits) but not for unrelated short words.
 */
export function didYouMean(input: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const allowed = Math.floor(Math.max(input.length, candidate.length) * HINT_EDIT_RATIO);
    // The distance is at least the difference in length, so most candidates skip the quadratic step.
    if (Math.abs(input.length - candidate.length) > allowed) {
      continue;
    }

    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }

  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}

/** Maximum length of a name compared for a hint. Inputs come from the model, so this bounds the quadratic cost. */
export const HINT_MAX_LENGTH = 64;

/** Returns the Levenshtein distance, or infinity for names longer than HINT_MAX_LENGTH. */
export function editDistance(a: string, b: string): number {
  if (a.length > HINT_MAX_LENGTH || b.length > HINT_MAX_LENGTH) {
    return Number.POSITIVE_INFINITY;
  }

  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }

  return previous[b.length] ?? 0;
}
