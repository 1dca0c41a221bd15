import type { Canvas } from './canvas/canvas.js';
import { DiagramError, isStackOverflow } from './errors.js';
import type { LayoutDiagnostic } from './fit/diagnostics.js';
import { FIT_LEVELS, fitModel } from './fit/fit-model.js';
import { ELLIPSIS } from './fit/text-fit.js';
import { measureTree } from './layout/measure.js';
import { placeTree } from './layout/place.js';
import type { DiagramNode } from './model.js';
import { MIN_WIDTH, type RenderConfig, type RenderOptions, resolveOptions } from './options.js';
import { assertWithinCells, paintAll } from './paint/paint.js';
import { routeAll } from './route/route-all.js';
import { type Typesetter, typesetterFor } from './text/typeset.js';
import { assertValid } from './validate.js';

/** A rendering with the list of what was changed to fit the width budget. */
export interface RenderResult {
  readonly text: string;
  /** Empty when the diagram fits at its natural size or no width was given. */
  readonly diagnostics: readonly LayoutDiagnostic[];
}

/**
 * Renders a diagram model to text: lines joined by `\n`, none ending in a
 * space, no final newline, none wider than `options.width` when it is given.
 * Throws `DiagramError` for an invalid model or option, and when the diagram
 * cannot be drawn in `options.width` columns.
 */
export function renderDiagram(model: DiagramNode, options?: RenderOptions): string {
  return renderWithDiagnostics(model, options).text;
}

/** Renders like `renderDiagram`, and also returns every label that was wrapped, shortened or moved to fit. */
export function renderWithDiagnostics(model: DiagramNode, options?: RenderOptions): RenderResult {
  return withStackGuard(() => renderChecked(model, options));
}

/**
 * Runs a render, turning a call stack overflow into a `DiagramError`.
 * Validation bounds the nesting of every node it reads, but a field hidden
 * from `Object.keys`, such as one defined as not enumerable, can hold a node
 * it never read, even the node that contains it. A caller with little stack
 * left, or a process started with a small one, can also run out.
 */
function withStackGuard<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (isStackOverflow(error)) {
      throw new DiagramError(
        'invalid-model',
        '',
        'drawing the model overflowed the call stack: the process has too little stack for this nesting, or a node nests deeper than validation saw, as through a field hidden from Object.keys; flatten the diagram, raise the stack size (node --stack-size), or pass plain data, such as a copy made with structuredClone',
      );
    }
    throw error;
  }
}

function renderChecked(model: DiagramNode, options: RenderOptions | undefined): RenderResult {
  const config = resolveOptions(options);
  assertValid(model, config.limits);
  const text = typesetterFor(config.text);
  const natural = draw(model, text, config).canvas;
  if (config.width === undefined || natural.width <= config.width) {
    return { text: serialize(natural, config), diagnostics: [] };
  }
  natural.release();

  const fitted = fitToWidth(model, config.width, text, config);
  if (fitted !== undefined) {
    return fitted;
  }

  const fits = nextFittingWidth(model, config.width, text, config);
  throw new DiagramError(
    'does-not-fit',
    'options.width',
    `the diagram does not fit in ${config.width} columns; raise width to ${fits} or simplify the diagram`,
    fits,
  );
}

/** Widths tried above a failed one before settling for the natural width; bounds the error path's work. */
const MAX_WIDTHS_TRIED = 120;

/**
 * Finds the narrowest width above `failed` at which the diagram fits. Fitting is
 * not monotonic in the width, so this scans upward rather than using
 * `minimumWidth`, which may lie below the width that just failed.
 */
function nextFittingWidth(model: DiagramNode, failed: number, text: Typesetter, config: RenderConfig): number {
  const natural = drawnWidth(model, text, config);
  for (let width = failed + 1; width < natural && width <= failed + MAX_WIDTHS_TRIED; width += 1) {
    if (fitToWidth(model, width, text, config) !== undefined) {
      return width;
    }
  }

  return natural;
}

/**
 * The narrowest `width` at which the diagram can be drawn with these options,
 * found by binary search over the widths up to its natural width.
 * NOTE: fitting is not strictly monotonic in the width, so a narrower width
 * than the one returned can fit in rare cases; the one returned always does.
 */
export function minimumWidth(model: DiagramNode, options?: Omit<RenderOptions, 'width'>): number {
  const config = resolveOptions(options);
  assertValid(model, config.limits);

  return withStackGuard(() => minimumWidthOf(model, typesetterFor(config.text), config));
}

function minimumWidthOf(model: DiagramNode, text: Typesetter, config: RenderConfig): number {
  const natural = drawnWidth(model, text, config);
  let low = MIN_WIDTH;
  let high = natural;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fitToWidth(model, middle, text, config) === undefined) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }

  return low;
}

/**
 * Fits the model with each step in turn until the drawing is narrow enough.
 * Routes may reach outside the layout to go around nodes, so when a drawing
 * comes out wider than the layout was fitted to, the same step is tried again
 * with the layout narrower by the excess.
 */
function fitToWidth(model: DiagramNode, width: number, text: Typesetter, config: RenderConfig): RenderResult | undefined {
  for (const level of FIT_LEVELS) {
    let available = width;
    for (let attempt = 0; attempt < ROUTE_MARGIN_ATTEMPTS && available >= 1; attempt += 1) {
      const { model: fitted, diagnostics } = fitModel(model, available, level, text, ELLIPSIS[config.charset]);
      const drawing = drawOrUndefined(fitted, text, config);
      if (drawing === undefined) {
        break;
      }
      const canvas = drawing.canvas;
      if (canvas.width <= width) {
        return { text: serialize(canvas, config), diagnostics };
      }
      canvas.release();
      // Narrowing the layout helps only when routes outside it made the drawing too wide;
      // a layout that is itself too wide needs the next step instead.
      if (drawing.layoutWidth > available) {
        break;
      }
      available -= canvas.width - width;
    }
  }

  return undefined;
}

/** How many times one fitting step is retried to make room for routes outside the layout. */
const ROUTE_MARGIN_ATTEMPTS = 3;

/** Draws a fitted model, or returns undefined when it left a connector too little room; the next step may give it more. */
function drawOrUndefined(model: DiagramNode, text: Typesetter, config: RenderConfig): Drawing | undefined {
  try {
    return draw(model, text, config);
  } catch (error) {
    if (error instanceof DiagramError && (error.code === 'does-not-fit' || error.code === 'no-route')) {
      return undefined;
    }
    throw error;
  }
}

/** A painted canvas and the width of the layout under it, which routes outside the layout can exceed. */
interface Drawing {
  readonly canvas: Canvas;
  readonly layoutWidth: number;
}

/** Runs the pipeline: measure, place, route and paint onto a canvas. */
function draw(model: DiagramNode, text: Typesetter, config: RenderConfig): Drawing {
  const size = measureTree(model, text);
  // The layout alone can be too large: shared subtrees make its size grow much faster than the model.
  // Checking here, before placing every node, keeps such a model from exhausting memory before paint rejects it.
  assertWithinCells(size, config.limits.maxCells);
  const placed = placeTree(model, size);
  const routes = routeAll(placed, text);
  const canvas = paintAll(placed, routes, { text, theme: config.theme, maxCells: config.limits.maxCells });

  return { canvas, layoutWidth: placed.rect.width };
}

/** Returns the width of the natural drawing. */
function drawnWidth(model: DiagramNode, text: Typesetter, config: RenderConfig): number {
  const canvas = draw(model, text, config).canvas;
  const width = canvas.width;
  canvas.release();

  return width;
}

/** Serializes a canvas and releases it. */
function serialize(canvas: Canvas, config: RenderConfig): string {
  const text = canvas.toString(config.charset, { color: config.color, hyperlinks: config.hyperlinks });
  canvas.release();

  return text;
}
