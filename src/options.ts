import type { Charset } from './canvas/glyphs.js';
import { DiagramError } from './errors.js';

export type { Charset };

/** Options of `renderDiagram`. Every field is optional. */
export interface RenderOptions {
  /** `unicode` draws box-drawing glyphs; `ascii` draws `+ - | = > < v ^` in the same geometry. Default `unicode`. */
  readonly charset?: Charset;
}

/** Options with every default filled in. */
export interface RenderConfig {
  readonly charset: Charset;
}

const OPTION_NAMES: ReadonlySet<string> = new Set(['charset']);

export function resolveOptions(options: RenderOptions | undefined): RenderConfig {
  if (options === undefined) {
    return { charset: 'unicode' };
  }

  if (typeof options !== 'object' || options === null) {
    throw new DiagramError('invalid-option', 'options', 'options must be an object such as { charset: "ascii" }');
  }

  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.has(name)) {
      throw new DiagramError('invalid-option', `options.${name}`, `unknown option '${name}'; valid options: ${[...OPTION_NAMES].join(', ')}`);
    }
  }

  const charset = options.charset ?? 'unicode';
  if (charset !== 'unicode' && charset !== 'ascii') {
    throw new DiagramError('invalid-option', 'options.charset', `charset must be 'unicode' or 'ascii', not ${JSON.stringify(charset)}`);
  }

  return { charset };
}
