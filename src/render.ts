import { measureTree } from './layout/measure.js';
import { placeTree } from './layout/place.js';
import type { DiagramNode } from './model.js';
import { type RenderOptions, resolveOptions } from './options.js';
import { paintAll } from './paint/paint.js';
import { routeAll } from './route/route-all.js';
import { Typesetter } from './text/typeset.js';
import { assertValid } from './validate.js';

/**
 * Renders a diagram model to text: lines joined by `\n`, none ending in a
 * space, no final newline. Throws `DiagramError` for an invalid model or option.
 */
export function renderDiagram(model: DiagramNode, options?: RenderOptions): string {
  const config = resolveOptions(options);
  assertValid(model);
  const text = new Typesetter(config.text);
  const sizes = measureTree(model, text);
  const placed = placeTree(model, sizes);
  const routes = routeAll(placed, text);
  const canvas = paintAll(placed, routes, { text, theme: config.theme });

  return canvas.toString(config.charset, { color: config.color, hyperlinks: config.hyperlinks });
}
