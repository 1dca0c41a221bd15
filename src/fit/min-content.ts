import { maxOf } from '../numbers.js';
import { chainGapNeeded } from '../layout/chain.js';
import { borderThickness, boxFrame } from '../layout/geometry.js';
import { CAPTION_MARGIN, PERCENT_WIDTH, TITLE_FRAME } from '../layout/defaults.js';
import type { DiagramNode } from '../model.js';
import { FitLevel } from './diagnostics.js';
import type { FitContext } from './fit.js';
import { naturalWidth } from './fit.js';
import { longestWord } from './text-fit.js';

/** The columns for an ellipsis and one kept grapheme, which may be two columns wide. */
const SHORTEST_LABEL = 3;

/**
 * The narrowest a node can become at the context's level without breaking a
 * word: what rows, grids and fans share their width by. Estimates for
 * containers add up their children's minimums with compacted gaps.
 */
export function minContentWidth(context: FitContext, node: DiagramNode): number {
  const level = context.level;
  switch (node.kind) {
    case 'text':
      return level >= FitLevel.Wrap ? longestWord(context.text, node.text) : naturalWidth(context, node);
    case 'tag':
      return level >= FitLevel.Truncate ? SHORTEST_LABEL + 2 + 2 * (node.padding ?? 0) : naturalWidth(context, node);
    case 'vtext':
      return naturalWidth(context, node);
    case 'rule':
      if (node.caption !== undefined) {
        return level >= FitLevel.Truncate ? 1 : context.text.line(node.caption).width + 2 * CAPTION_MARGIN + 2;
      }

      return typeof node.width === 'number' ? Math.min(node.width, 1) : 1;
    case 'spacer':
      return 0;
    case 'bar': {
      const label = node.label === undefined ? 0 : context.text.line(node.label).width;
      const labelPart = label > 0 ? (level >= FitLevel.Truncate ? SHORTEST_LABEL : label) + 1 : 0;

      return labelPart + 2 + (level >= FitLevel.Wrap ? 1 : (node.width ?? 1)) + (node.percent === false ? 0 : PERCENT_WIDTH + 1);
    }
    case 'curve':
      return level >= FitLevel.Wrap ? 2 : naturalWidth(context, node);
    case 'box': {
      const border = borderThickness(node.border);
      const frame = level >= FitLevel.Compact ? 2 * border : boxFrame(node).left + boxFrame(node).right;
      const content = maxOf(node.children.map((child) => minContentWidth(context, child)));
      const title = node.title === undefined ? 0 : level >= FitLevel.Truncate ? TITLE_FRAME + 1 : context.text.line(node.title).width + TITLE_FRAME;

      return Math.max(frame + content, title);
    }
    case 'column':
      return maxOf(node.children.map((child) => minContentWidth(context, child)));
    case 'row': {
      const widths = node.children.map((child) => minContentWidth(context, child));
      if (level >= FitLevel.Reflow) {
        return maxOf(widths);
      }
      const gap = node.chain ? chainGapNeeded(node.children, node.chain, 'horizontal') : 1;

      return widths.reduce((total, width) => total + width, 0) + gap * Math.max(0, widths.length - 1);
    }
    case 'grid': {
      const widths = new Array<number>(node.columns).fill(0);
      node.children.forEach((child, index) => {
        widths[index % node.columns] = Math.max(widths[index % node.columns] ?? 0, minContentWidth(context, child));
      });
      if (level >= FitLevel.Reflow) {
        return maxOf(widths);
      }

      return widths.reduce((total, width) => total + width, 0) + Math.max(0, widths.length - 1);
    }
    case 'fan': {
      const nodes = node.nodes.map((child) => minContentWidth(context, child));
      const row = nodes.reduce((total, width) => total + width, 0) + Math.max(0, nodes.length - 1);
      const ends = [node.from, node.to].map((end) => (end === undefined ? 0 : minContentWidth(context, end)));

      return Math.max(row, ...ends);
    }
  }
}
