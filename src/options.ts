import type { Charset } from './canvas/glyphs.js';
import { DiagramError } from './errors.js';
import type { ColorLevel } from './style/sgr.js';
import { ROLES, type Theme, defaultTheme } from './style/style.js';
import type { TextPolicy } from './text/typeset.js';
import { MAX_DEPTH, MAX_DEPTH_LIMIT, MAX_LABEL_LENGTH, validateDiagram } from './validate.js';

export type { Charset, ColorLevel };

/** Options of `renderDiagram`. Every field is optional. */
export interface RenderOptions {
  /**
   * `unicode` draws box-drawing glyphs; `ascii` draws `+ - | = > < v ^` and
   * `#` in the same geometry. Default `unicode`.
   */
  readonly charset?: Charset;
  /**
   * Colour output: `false` for none, `16`, `256` or `'truecolor'` for that many
   * colours (colours are downsampled to fit), `true` for truecolor. Default `false`.
   */
  readonly color?: boolean | 16 | 256 | 'truecolor';
  /** Styles for each role, used when colour is on. Default `defaultTheme`. */
  readonly theme?: Theme;
  /** Emit OSC 8 hyperlinks for nodes with a `link`. Default `false`. */
  readonly hyperlinks?: boolean;
  /**
   * Keep SGR styles and OSC 8 hyperlinks found in labels (from chalk and the
   * like). Every other escape or control character in a label is drawn
   * visibly, as `␛` for ESC, whatever this option is set to. Default `false`.
   */
  readonly trustedLabels?: boolean;
  /**
   * How to draw a symbol that is text by default but made emoji by U+FE0F,
   * such as `⚠️`: `text` drops the U+FE0F so it takes one column in every
   * terminal; `emoji` keeps it and counts two columns, as string-width does.
   * Default `text`.
   */
  readonly emoji?: 'text' | 'emoji';
  /** Columns between tab stops when tabs in labels become spaces. Default 8. */
  readonly tabWidth?: number;
  /**
   * The widest a line may be, in terminal columns. A diagram wider than this
   * is fitted in steps, each only when the ones before are not enough: gaps and
   * padding shrink, text wraps and bars and curves scale, rows and grids
   * continue on more lines, and single-line labels are shortened with `…`
   * (`~` in ASCII). `renderWithDiagnostics` lists every change. Throws when
   * the diagram cannot fit; `minimumWidth` tells the narrowest it can be.
   * At least 10. Default: no limit.
   */
  readonly width?: number;
  /** Limits that make a hostile or mistaken model fail fast instead of exhausting time or memory. */
  readonly limits?: Limits;
}

/** Safety limits. A model past one fails with code `limit-exceeded`, naming the limit and its value. */
export interface Limits {
  /** Maximum cells in the drawing, width times height. Default `MAX_CELLS`. */
  readonly maxCells?: number;
  /** Deepest nesting of nodes, the root being level 1. Default `MAX_DEPTH` (200), at most `MAX_DEPTH_LIMIT` (400). */
  readonly maxDepth?: number;
  /** Most UTF-16 code units in one label. Default `MAX_LABEL_LENGTH` (10,000). */
  readonly maxLabelLength?: number;
}

/**
 * Default limit on the cells of a drawing: 16 million cells take about 100 MB
 * in the canvas's arrays, and no terminal shows more than a small part of them.
 */
export const MAX_CELLS = 16_000_000;

/** Options with every default filled in. */
export interface RenderConfig {
  readonly charset: Charset;
  readonly color: ColorLevel;
  /** Undefined when colour is off. */
  readonly theme: Theme | undefined;
  readonly hyperlinks: boolean;
  readonly text: TextPolicy;
  readonly width: number | undefined;
  readonly limits: Required<Limits>;
}

const OPTION_NAMES = ['charset', 'color', 'theme', 'hyperlinks', 'trustedLabels', 'emoji', 'tabWidth', 'width', 'limits'] as const;

const LIMIT_NAMES = ['maxCells', 'maxDepth', 'maxLabelLength'] as const;

/** The narrowest width budget accepted: below it no box with a label fits. */
export const MIN_WIDTH = 10;

const DEFAULT_TAB_WIDTH = 8;

function invalid(name: string, message: string): DiagramError {
  return new DiagramError('invalid-option', `options.${name}`, message);
}

/** The configuration of a render given no options, made on the first such render: most renders pass none. */
let noOptions: RenderConfig | undefined;

export function resolveOptions(options: RenderOptions | undefined): RenderConfig {
  // Null has always meant no options.
  if (options === undefined || options === null) {
    if (noOptions === undefined) {
      const config = resolveGiven({});
      noOptions = Object.freeze({ ...config, text: Object.freeze(config.text), limits: Object.freeze(config.limits) });
    }

    return noOptions;
  }

  return resolveGiven(options);
}

function resolveGiven(given: RenderOptions): RenderConfig {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new DiagramError('invalid-option', 'options', 'options must be an object such as { charset: "ascii" }');
  }

  for (const name of Object.keys(given)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      throw invalid(name, `unknown option '${name}'; valid options: ${OPTION_NAMES.join(', ')}`);
    }
  }

  const color = resolveColor(given.color);

  return {
    charset: oneOf(given, 'charset', ['unicode', 'ascii'], 'unicode'),
    color,
    theme: color === false ? undefined : resolveTheme(given.theme),
    hyperlinks: flag(given, 'hyperlinks'),
    text: {
      tabWidth: resolveTabWidth(given.tabWidth),
      emoji: oneOf(given, 'emoji', ['text', 'emoji'], 'text'),
      trustedLabels: flag(given, 'trustedLabels'),
    },
    width: resolveWidth(given.width),
    limits: resolveLimits(given.limits),
  };
}

function resolveLimits(limits: Limits | undefined): Required<Limits> {
  const given: Limits = limits ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw invalid('limits', 'limits must be an object such as { maxCells: 1000000 }');
  }
  for (const name of Object.keys(given)) {
    if (!(LIMIT_NAMES as readonly string[]).includes(name)) {
      throw invalid(`limits.${name}`, `unknown limit '${name}'; valid limits: ${LIMIT_NAMES.join(', ')}`);
    }
  }
  const defaults: Required<Limits> = { maxCells: MAX_CELLS, maxDepth: MAX_DEPTH, maxLabelLength: MAX_LABEL_LENGTH };
  for (const name of LIMIT_NAMES) {
    const value = given[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
      throw invalid(`limits.${name}`, `${name} must be a whole number of at least 1, not ${String(value)}`);
    }
  }
  if (given.maxDepth !== undefined && given.maxDepth > MAX_DEPTH_LIMIT) {
    throw invalid(
      'limits.maxDepth',
      `maxDepth must be at most ${MAX_DEPTH_LIMIT}, because deeper nesting can overflow the call stack while rendering, not ${given.maxDepth}; flatten the diagram or set maxDepth to ${MAX_DEPTH_LIMIT}`,
    );
  }

  return { ...defaults, ...given };
}

function resolveWidth(width: number | undefined): number | undefined {
  if (width === undefined) {
    return undefined;
  }
  if (!Number.isInteger(width) || width < MIN_WIDTH) {
    throw invalid('width', `width must be a whole number of columns, at least ${MIN_WIDTH}, not ${String(width)}`);
  }

  return width;
}

function oneOf<Name extends 'charset' | 'emoji', Value extends NonNullable<RenderOptions[Name]>>(
  options: RenderOptions,
  name: Name,
  values: readonly Value[],
  fallback: Value,
): Value {
  const value = options[name];
  if (value === undefined) {
    return fallback;
  }
  if (!(values as readonly unknown[]).includes(value)) {
    throw invalid(name, `${name} must be ${values.map((item) => `'${item}'`).join(' or ')}, not ${JSON.stringify(value)}`);
  }

  return value as Value;
}

function flag(options: RenderOptions, name: 'hyperlinks' | 'trustedLabels'): boolean {
  const value = options[name];
  if (value !== undefined && typeof value !== 'boolean') {
    throw invalid(name, `${name} must be true or false, not ${JSON.stringify(value)}`);
  }

  return value ?? false;
}

function resolveColor(color: RenderOptions['color']): ColorLevel {
  if (color === undefined || color === false) {
    return false;
  }
  if (color === true) {
    return 'truecolor';
  }
  if (color === 16 || color === 256 || color === 'truecolor') {
    return color;
  }

  throw invalid('color', `color must be false, true, 16, 256 or 'truecolor', not ${JSON.stringify(color)}`);
}

function resolveTheme(theme: Theme | undefined): Theme {
  if (theme === undefined) {
    return defaultTheme;
  }
  if (typeof theme !== 'object' || theme === null || Array.isArray(theme)) {
    throw invalid('theme', 'theme must be an object that maps roles such as border or arrow to styles');
  }
  for (const [role, style] of Object.entries(theme)) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw invalid(`theme.${role}`, `unknown role '${role}'; valid roles: ${ROLES.join(', ')}`);
    }
    // A theme contains the same styles as a node's `style` field, so the model validator checks them.
    const problem = validateDiagram({ kind: 'spacer', style })[0];
    if (problem !== undefined) {
      throw invalid(`theme.${role}${problem.path.replace(/^style/, '')}`, problem.message);
    }
  }

  return theme;
}

function resolveTabWidth(tabWidth: number | undefined): number {
  if (tabWidth === undefined) {
    return DEFAULT_TAB_WIDTH;
  }
  if (!Number.isInteger(tabWidth) || tabWidth < 1 || tabWidth > 16) {
    throw invalid('tabWidth', `tabWidth must be a whole number from 1 to 16, not ${String(tabWidth)}`);
  }

  return tabWidth;
}
