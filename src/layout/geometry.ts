import type { BorderStyle, BoxNode, Padding } from '../model.js';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Edges {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

const DEFAULT_BOX_PADDING: Edges = { top: 0, right: 1, bottom: 0, left: 1 };

export function resolvePadding(padding: Padding | undefined, fallback: Edges): Edges {
  if (padding === undefined) {
    return fallback;
  }

  if (typeof padding === 'number') {
    return { top: padding, right: padding, bottom: padding, left: padding };
  }

  if ('x' in padding || 'y' in padding) {
    const axes = padding as { x?: number; y?: number };
    const x = axes.x ?? 0;
    const y = axes.y ?? 0;

    return { top: y, right: x, bottom: y, left: x };
  }

  const sides = padding as Partial<Edges>;

  return { top: sides.top ?? 0, right: sides.right ?? 0, bottom: sides.bottom ?? 0, left: sides.left ?? 0 };
}

export function borderThickness(border: BorderStyle | undefined): number {
  return border === 'none' ? 0 : 1;
}

/** Whether a box border is drawn with merging lines, so connectors can join it. */
export function isLineBorder(border: BorderStyle | undefined): boolean {
  return border === undefined || border === 'light' || border === 'heavy' || border === 'double' || border === 'rounded';
}

/** Space a box takes around its content: border plus padding on each side. */
export function boxFrame(box: BoxNode): Edges {
  const border = borderThickness(box.border);
  if (box.padding === undefined) {
    return border === 0 ? DEFAULT_FRAMES.borderless : DEFAULT_FRAMES.bordered;
  }
  const padding = resolvePadding(box.padding, DEFAULT_BOX_PADDING);

  return {
    top: border + padding.top,
    right: border + padding.right,
    bottom: border + padding.bottom,
    left: border + padding.left,
  };
}

/** The frames of boxes with the default padding, shared because most boxes have one of them. */
const DEFAULT_FRAMES = {
  borderless: DEFAULT_BOX_PADDING,
  bordered: { top: 1, right: DEFAULT_BOX_PADDING.right + 1, bottom: 1, left: DEFAULT_BOX_PADDING.left + 1 },
} as const;

export function right(rect: Rect): number {
  return rect.x + rect.width;
}

export function bottom(rect: Rect): number {
  return rect.y + rect.height;
}

export type Anchor = 'start' | 'center' | 'end';

/** The anchor of a horizontal alignment; no alignment anchors at the start, as text does by default. */
export function horizontalAnchor(align: 'left' | 'center' | 'right' | undefined): Anchor {
  switch (align) {
    case 'center':
      return 'center';
    case 'right':
      return 'end';
    default:
      return 'start';
  }
}

/** Offset that places `inner` cells inside `outer` cells with an alignment. */
export function alignOffset(outer: number, inner: number, align: 'start' | 'center' | 'end'): number {
  switch (align) {
    case 'start':
      return 0;
    case 'center':
      return Math.floor((outer - inner) / 2);
    case 'end':
      return outer - inner;
  }
}
