import { joinPath } from './errors.js';

/**
 * The path of a value in the model: a field of a parent path, or an item of
 * a list field. It is joined into the string that problems report only when
 * read, and then kept, because most values are valid and never need it.
 */
export class FieldPath {
  readonly parent: FieldPath | undefined;
  /** Field name after the parent's path, or '' for none, as for the root. */
  readonly field: string;
  /** The item's index when the field is a list, or -1. */
  readonly index: number;
  private text: string | undefined;

  constructor(parent: FieldPath | undefined, field: string, index: number, text?: string) {
    this.parent = parent;
    this.field = field;
    this.index = index;
    this.text = text;
  }

  /** Returns the path of a field of this one, or of item `index` of a list field. */
  child(field: string, index = -1): FieldPath {
    return new FieldPath(this, field, index);
  }

  /** Joins the path with one more field, for a message about that field. */
  withField(field: string): string {
    return joinPath(this.path, field);
  }

  /** Returns a path that is the given string, with no parent. */
  static fromText(text: string): FieldPath {
    return new FieldPath(undefined, '', -1, text);
  }

  /** The path as problems report it, such as `children[2].style`; the root is `''`. */
  get path(): string {
    if (this.text !== undefined) {
      return this.text;
    }

    // A loop, not recursion, because maxDepth may allow paths deeper than the call stack.
    const unjoined: FieldPath[] = [this];
    let joined = this.parent;
    while (joined !== undefined && joined.text === undefined) {
      unjoined.push(joined);
      joined = joined.parent;
    }

    let text = joined?.text ?? '';
    for (let level = unjoined.length - 1; level >= 0; level -= 1) {
      const path = unjoined[level] as FieldPath;
      text = path.extend(text);
      path.text = text;
    }

    return text;
  }

  private extend(parentPath: string): string {
    const named = this.field === '' ? parentPath : joinPath(parentPath, this.field);

    return this.index < 0 ? named : joinPath(named, this.index);
  }
}

/** The path of the model's root node. */
export const ROOT_PATH = FieldPath.fromText('');
