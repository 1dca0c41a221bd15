/** Machine-readable reasons for a `DiagramError`. */
export type DiagramErrorCode =
  | 'invalid-model'
  | 'invalid-option'
  | 'unknown-id'
  | 'duplicate-id'
  | 'does-not-fit'
  | 'no-route'
  | 'limit-exceeded';

/**
 * A key in the global symbol registry, set on the prototype of `DiagramError`.
 * The ESM and the CommonJS build each define the class, and an application
 * can load both, one through `import` and one through `require`. Both
 * prototypes carry this key, so `instanceof` can accept an error of either.
 */
const DIAGRAM_ERROR = Symbol.for('termdiagram.DiagramError');

/**
 * The one error the library throws for bad input. `path` locates the field in
 * the model, as in `children[2].value`; the message says what to change.
 */
export class DiagramError extends Error {
  readonly code: DiagramErrorCode;
  readonly path: string;
  /** For `does-not-fit` on `options.width`: the narrowest width above the one given at which the diagram fits. */
  readonly neededWidth: number | undefined;

  constructor(code: DiagramErrorCode, path: string, message: string, neededWidth?: number) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'DiagramError';
    this.code = code;
    this.path = path;
    this.neededWidth = neededWidth;
  }
}

Object.defineProperty(DiagramError.prototype, DIAGRAM_ERROR, { value: true });

/**
 * Makes `instanceof DiagramError` accept an error of this class from either
 * build, while a subclass keeps the usual test of the prototype chain. It is
 * set here rather than as a static method in the class body because the
 * bundler renames a class that refers to itself, which would change
 * `DiagramError.name` and the name printed for an uncaught error.
 */
Object.defineProperty(DiagramError, Symbol.hasInstance, {
  value(this: unknown, value: unknown): boolean {
    if (this !== DiagramError) {
      return Function.prototype[Symbol.hasInstance].call(this, value);
    }

    try {
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[DIAGRAM_ERROR] === true;
    } catch {
      // A proxy whose traps throw is not one of these errors, so instanceof returns false rather than throw.
      return false;
    }
  },
});

/** Joins a model path and a field: `joinPath('children[2]', 'value')` is `children[2].value`. */
export function joinPath(path: string, field: string | number): string {
  if (typeof field === 'number') {
    return `${path}[${field}]`;
  }

  return path === '' ? field : `${path}.${field}`;
}

/** Tells whether an error is the engine's call stack overflow, which is no fault of the model's data. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
