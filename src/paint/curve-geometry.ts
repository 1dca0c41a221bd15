import type { CurveNode } from '../model.js';
import { CURVE_HEIGHT } from '../layout/defaults.js';
import type { Typesetter } from '../text/typeset.js';

/** Where the parts of a curve go, relative to its top-left corner. */
export interface CurveGeometry {
  readonly width: number;
  readonly height: number;
  /** Column of the first value. */
  readonly originX: number;
  /** Rows of the plot: 1 for a sparkline, `height` for a line. */
  readonly plotRows: number;
  /** Row of the marker symbols, or -1 when there are no markers. */
  readonly markerRow: number;
  /** Row of the marker labels, or -1 when no marker has a label. */
  readonly labelRow: number;
}

/**
 * Lays out a curve: the plot, then a row of marker symbols, then a row of
 * marker labels centred under them. Labels wider than the plot widen the
 * curve instead of being cut.
 */
export function curveGeometry(curve: CurveNode, text: Typesetter): CurveGeometry {
  const margin = curve.margin ?? 0;
  const plotRows = curve.shape === 'line' ? (curve.height ?? CURVE_HEIGHT) : 1;
  const markers = curve.markers ?? [];
  const hasLabels = markers.some((marker) => marker.label !== undefined);

  let left = 0;
  let rightEdge = curve.values.length + 2 * margin;
  for (const marker of markers) {
    if (marker.label === undefined) {
      continue;
    }
    const width = text.line(marker.label).width;
    const start = labelStart(margin + marker.at, width);
    left = Math.min(left, start);
    rightEdge = Math.max(rightEdge, start + width);
  }

  const markerRow = markers.length > 0 ? plotRows : -1;
  const labelRow = hasLabels ? plotRows + 1 : -1;

  return {
    width: rightEdge - left,
    height: plotRows + (markers.length > 0 ? 1 : 0) + (hasLabels ? 1 : 0),
    originX: margin - left,
    plotRows,
    markerRow,
    labelRow,
  };
}

/** Column where a label centred on `x` starts. */
export function labelStart(x: number, width: number): number {
  return x - Math.floor((width - 1) / 2);
}

/**
 * Returns the outermost column that row `row` of a curve draws toward its
 * left (`toward` -1) or right (`toward` 1), counted from the curve's left
 * edge, or undefined when the row draws nothing. Plot rows above a line
 * curve's baseline are left out, because none reaches past the baseline.
 */
export function curveRowEnd(curve: CurveNode, geometry: CurveGeometry, row: number, toward: -1 | 1, text: Typesetter): number | undefined {
  const lastValue = geometry.originX + curve.values.length - 1;
  const margin = curve.shape === 'line' ? (curve.margin ?? 0) : 0;
  if (row === geometry.plotRows - 1) {
    return toward < 0 ? geometry.originX - margin : lastValue + margin;
  }

  let end: number | undefined;
  for (const marker of curve.markers ?? []) {
    const x = geometry.originX + marker.at;
    const width = row === geometry.labelRow && marker.label !== undefined ? text.line(marker.label).width : 0;
    if (row !== geometry.markerRow && width === 0) {
      continue;
    }
    // A marker symbol takes its own column, and a label is centred on it.
    const first = width === 0 ? x : labelStart(x, width);
    const column = toward < 0 ? first : first + Math.max(width, 1) - 1;
    if (end === undefined || column * toward > end * toward) {
      end = column;
    }
  }

  return end;
}
