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

/** Joins a model path and a field: `joinPath('children[2]', 'value')` is `children[2].value`. */
export function joinPath(path: string, field: string | number): string {
  if (typeof field === 'number') {
    return `${path}[${field}]`;
  }

  return path === '' ? field : `${path}.${field}`;
}
