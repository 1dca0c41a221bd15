import type { DiagramNode } from '../model.js';
import type { Typesetter } from '../text/typeset.js';
import { FitLevel, type LayoutDiagnostic } from './diagnostics.js';
import { type FitContext, fitNode } from './fit.js';

/** Every fitting step in order; each one is tried only when the steps before it were not enough. */
export const FIT_LEVELS = [FitLevel.Compact, FitLevel.Wrap, FitLevel.Reflow, FitLevel.Truncate] as const;

export interface FitResult {
  readonly model: DiagramNode;
  readonly diagnostics: readonly LayoutDiagnostic[];
}

/** Rewrites a model to fit `width` columns using the steps up to `level`. */
export function fitModel(model: DiagramNode, width: number, level: FitLevel, text: Typesetter, ellipsis: string): FitResult {
  const context: FitContext = {
    text,
    level,
    ellipsis,
    hasConnectors: hasConnectors(model),
    diagnostics: [],
    widths: new Map(),
    fitted: new Map(),
  };

  return { model: fitNode(context, model, width, ''), diagnostics: context.diagnostics };
}

function hasConnectors(node: DiagramNode): boolean {
  if ((node.kind === 'row' || node.kind === 'column' || node.kind === 'grid') && (node.connectors?.length ?? 0) > 0) {
    return true;
  }
  if (node.kind === 'fan') {
    return [node.from, node.to, ...node.nodes].some((child) => child !== undefined && hasConnectors(child));
  }

  return 'children' in node && node.children.some(hasConnectors);
}
