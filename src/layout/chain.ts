import type { Chain, DiagramNode } from '../model.js';
import { isLineBorder } from './geometry.js';

export type Axis = 'horizontal' | 'vertical';

/** Whether a connector joins this node's border, or stops short of it. */
export function joinsBorder(node: DiagramNode): boolean {
  return node.kind === 'box' && isLineBorder(node.border);
}

export function resolveChain(chain: boolean | Chain): Required<Chain> {
  const options = typeof chain === 'object' ? chain : {};

  return { head: options.head ?? 'end', line: options.line ?? 'light' };
}

export function headCount(head: Required<Chain>['head']): number {
  switch (head) {
    case 'none':
      return 0;
    case 'both':
      return 2;
    default:
      return 1;
  }
}

/**
 * Cells a connector needs between two nodes: its arrowheads, one line cell,
 * and, across a horizontal gap, one blank cell beside each end that does not
 * join a border, so `[a] ──▶ [b]` keeps its spaces.
 */
export function connectorSpan(from: DiagramNode, to: DiagramNode, heads: number, axis: Axis): number {
  const margins = axis === 'horizontal' ? (joinsBorder(from) ? 0 : 1) + (joinsBorder(to) ? 0 : 1) : 0;

  return heads + 1 + margins;
}

/** The smallest gap that fits every arrow of a chain. */
export function chainGapNeeded(children: readonly DiagramNode[], chain: boolean | Chain, axis: Axis): number {
  const heads = headCount(resolveChain(chain).head);
  let needed = 0;
  for (let index = 1; index < children.length; index += 1) {
    const from = children[index - 1];
    const to = children[index];
    if (from !== undefined && to !== undefined) {
      needed = Math.max(needed, connectorSpan(from, to, heads, axis));
    }
  }

  return needed;
}
