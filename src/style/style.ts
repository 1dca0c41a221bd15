/** The 16 colours every colour terminal has, by their usual names. */
export const NAMED_COLORS = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;

export type NamedColor = (typeof NAMED_COLORS)[number];

/** A colour by name, by 256-colour palette index (0 to 255), or as `#rrggbb`. */
export type Color = NamedColor | number | `#${string}`;

/** How text is drawn. Every field is optional; an empty style draws in the terminal's defaults. */
export interface Style {
  readonly fg?: Color;
  readonly bg?: Color;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
  readonly strikethrough?: boolean;
}

export const STYLE_FLAGS = ['bold', 'dim', 'italic', 'underline', 'inverse', 'strikethrough'] as const;

/** What a drawn cell is for; a theme gives each role a style. */
export const ROLES = ['border', 'title', 'label', 'arrow', 'barFill', 'barTrack', 'curve', 'emphasis', 'warning'] as const;

export type Role = (typeof ROLES)[number];

export type Theme = Readonly<Partial<Record<Role, Style>>>;

/** No colour and no attributes for any role. */
export const plainTheme: Theme = {};

/** The theme used when colour is on and no theme is given: quiet borders, bright arrows and data. */
export const defaultTheme: Theme = {
  border: { fg: 'gray' },
  title: { bold: true },
  label: {},
  arrow: { fg: 'cyan' },
  barFill: { fg: 'green' },
  barTrack: { fg: 'gray', dim: true },
  curve: { fg: 'brightBlue' },
  emphasis: { bold: true, fg: 'brightWhite' },
  warning: { fg: 'yellow', bold: true },
};

/** Lays `top` over `base`: fields set in `top` win. */
export function mergeStyles(base: Style | undefined, top: Style | undefined): Style | undefined {
  if (top === undefined) {
    return base;
  }
  if (base === undefined) {
    return top;
  }

  return { ...base, ...top };
}

export function isEmptyStyle(style: Style | undefined): boolean {
  if (style === undefined) {
    return true;
  }

  return style.fg === undefined && style.bg === undefined && STYLE_FLAGS.every((flag) => style[flag] !== true);
}
