import { changingModelProblem, checkLinkedNodes } from './validate-links.js';
import { type DiagramErrorCode, DiagramError } from './errors.js';
import type { DiagramNode } from './model.js';
import type { Limits } from './validate/fields.js';
import { checkLimit } from './validate/values.js';
import { describeError } from './validate/describe.js';
import { QuickWalk } from './validate/quick.js';
import { MAX_DEPTH, MAX_DEPTH_LIMIT, Validator } from './validate/walker.js';
/**
 * Model validation at the boundary. Every field of every node is checked
 * against model.ts before layout, so the later stages can trust their input
 * and errors point at the field to change, not at a failure deep in layout.
 */

export { MAX_DEPTH, MAX_DEPTH_LIMIT };

export interface ValidationProblem {
  readonly code: DiagramErrorCode;
  /** Location of the bad field, as in `children[2].value`. The root is `''`. */
  readonly path: string;
  /** Description of the problem with the value received and the fix, without the path. */
  readonly message: string;
}

/**
 * Default limit on the characters of one label. Labels are measured grapheme
 * by grapheme, so a megabyte label would hold up a render for no drawing a
 * terminal can show.
 */
export const MAX_LABEL_LENGTH = 10_000;

export interface ValidateOptions {
  /** Deepest nesting of nodes accepted, the root being level 1. Default `MAX_DEPTH`, at most `MAX_DEPTH_LIMIT`. */
  readonly maxDepth?: number;
  /** Most UTF-16 code units in one label (text, title, caption, tag or connector label). Default `MAX_LABEL_LENGTH`. */
  readonly maxLabelLength?: number;
}

/** Bounds of `maxDepth` and `maxLabelLength`, made once because every render checks both. */
const DEPTH_OPTION_BOUNDS: Limits = { min: 1, max: MAX_DEPTH_LIMIT, reason: 'deeper nesting can overflow the call stack while rendering' };
const LABEL_OPTION_BOUNDS: Limits = { min: 1 };

/**
 * Lists every problem in a model, in document order, with unknown connector
 * and stub ids last. Returns an empty array for a valid model. Reports thrown
 * getters, cycles and nesting past `maxDepth` as problems instead of throwing.
 * Called with too little call stack left for the model's nesting, it throws
 * the engine's `RangeError`.
 */
export function validateDiagram(model: unknown, options: ValidateOptions = {}): ValidationProblem[] {
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const depthProblem = checkLimit(maxDepth, 'maxDepth', DEPTH_OPTION_BOUNDS);
  if (depthProblem !== undefined) {
    return [{ code: 'invalid-option', path: 'options.maxDepth', message: depthProblem }];
  }

  const maxLabelLength = options.maxLabelLength ?? MAX_LABEL_LENGTH;
  const labelProblem = checkLimit(maxLabelLength, 'maxLabelLength', LABEL_OPTION_BOUNDS);
  if (labelProblem !== undefined) {
    return [{ code: 'invalid-option', path: 'options.maxLabelLength', message: labelProblem }];
  }

  // Most models are valid, and the quick walk finds that in a fraction of the time. It leaves the reporting to the full walk.
  const quick = new QuickWalk(maxDepth, maxLabelLength);
  const verdict = quick.check(model);
  if (verdict === 'valid') {
    return quick.needsLinkCheck() ? checkLinkedNodes(model as DiagramNode, quick) : [];
  }

  const validator = new Validator(maxDepth, maxLabelLength);
  validator.walk(model);
  validator.checkReferences();
  if (validator.problems.length > 0) {
    return validator.problems;
  }
  // The quick walk found a problem, or a getter that threw, where the full walk's own read found none.
  if (verdict === 'invalid') {
    const first = quick.thrown === undefined ? 'found one' : `failed with ${describeError(quick.thrown.error)}`;

    return [changingModelProblem(`found no problem where the first read ${first}`)];
  }

  return checkLinkedNodes(model as DiagramNode, validator);
}

/** Throws a `DiagramError` for the first problem `validateDiagram` finds. */
export function assertValid(model: unknown, options: ValidateOptions = {}): asserts model is DiagramNode {
  const first = validateDiagram(model, options)[0];
  if (first !== undefined) {
    throw new DiagramError(first.code, first.path, first.message);
  }
}
