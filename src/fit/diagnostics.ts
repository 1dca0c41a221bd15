/** What the width budget changed to make a diagram fit, in the order the steps are tried. */
export type LayoutChange = 'compacted' | 'wrapped' | 'scaled' | 'reflowed' | 'truncated';

/** One change made to fit a width, on one node. */
export interface LayoutDiagnostic {
  /** Path of the node in the model, as in `children[2].children[0]`; `''` is the root. */
  readonly path: string;
  readonly change: LayoutChange;
  readonly message: string;
}

/** The steps of fitting, each tried only when the ones before it are not enough. */
export enum FitLevel {
  /** Gaps and padding shrink to their minimums; minimum widths give way. */
  Compact = 1,
  /** Text wraps on word boundaries; bars and curves scale. */
  Wrap = 2,
  /** Rows and grids continue on further lines. */
  Reflow = 3,
  /** Single-line labels are shortened with an ellipsis. */
  Truncate = 4,
}
