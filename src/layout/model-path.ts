import { joinPath } from '../errors.js';

/**
 * A node's place in the model, joined into a path string only for an error
 * message: measuring and placing every node of a large model would otherwise
 * build strings per node that are almost never read.
 */
export interface ModelPath {
  readonly parent: ModelPath | undefined;
  readonly field: string;
  /** The item's index when the field is a list. */
  readonly index: number | undefined;
}

export const ROOT_PATH: ModelPath = { parent: undefined, field: '', index: undefined };

export function childPath(parent: ModelPath, field: string, index?: number): ModelPath {
  return { parent, field, index };
}

/** Joins a model path into the string that errors report, with `field` after it when given. */
export function pathText(path: ModelPath, field?: string): string {
  let text = '';
  if (path.parent !== undefined) {
    const named = joinPath(pathText(path.parent), path.field);
    text = path.index === undefined ? named : joinPath(named, path.index);
  }

  return field === undefined ? text : joinPath(text, field);
}
