import type { ColorLevel } from '../index.js';
import { type CommandHost, UsageError } from './types.js';

/** Values of `--color`. A level also turns colour on. */
export const COLOR_VALUES = ['always', 'never', 'auto', '16', '256', 'truecolor'] as const;

/**
 * Decides the colour level from `--color` (`true` when given without a
 * value, undefined when absent, which means `auto`) and the process. The
 * command line wins over the environment. Throws `UsageError` for an unknown
 * `--color` value.
 */
export function resolveColorLevel(option: string | true | undefined, host: CommandHost, helpArguments: string): ColorLevel {
  const when = option === true ? 'always' : (option ?? 'auto');

  switch (when) {
    case 'never':
      return false;
    case '16':
      return 16;
    case '256':
      return 256;
    case 'truecolor':
      return 'truecolor';
    case 'always':
      return levelWhenForced(host.env);
    case 'auto':
      return autoLevel(host);
    default:
      throw new UsageError(`invalid --color value '${when}'; use ${COLOR_VALUES.join(', ')}`, helpArguments);
  }
}

/**
 * Applies the conventions for `--color=auto` in order. FORCE_COLOR decides
 * whenever it is set. Then a non-empty NO_COLOR turns colour off. Otherwise
 * colour is on only when standard output is a terminal whose TERM is not `dumb`.
 */
function autoLevel(host: CommandHost): ColorLevel {
  const forced = forcedLevel(host.env.FORCE_COLOR);
  if (forced !== undefined) {
    return forced;
  }

  const noColor = host.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') {
    return false;
  }

  if (!host.isTTY || host.env.TERM === 'dumb') {
    return false;
  }

  return terminalLevel(host.env);
}

/** Returns the level for `--color=always`: FORCE_COLOR's level when it gives one, else the terminal's. */
function levelWhenForced(env: CommandHost['env']): ColorLevel {
  const forced = forcedLevel(env.FORCE_COLOR);

  return forced === undefined || forced === false ? terminalLevel(env) : forced;
}

/**
 * Reads FORCE_COLOR as the Node.js CLI documentation defines it for Node's
 * own output: `1`, `true` or empty for 16 colours, `2` for 256, `3` for
 * truecolor, and any other value, `0` included, for no colour. Returns
 * undefined when it is unset.
 */
function forcedLevel(value: string | undefined): ColorLevel | undefined {
  switch (value) {
    case undefined:
      return undefined;
    case '':
    case '1':
    case 'true':
      return 16;
    case '2':
      return 256;
    case '3':
      return 'truecolor';
    default:
      return false;
  }
}

/** Returns the level a terminal announces: COLORTERM `truecolor` or `24bit`, then a TERM containing `256color`, else 16 colours. */
function terminalLevel(env: CommandHost['env']): Exclude<ColorLevel, false> {
  const colorTerm = env.COLORTERM?.toLowerCase();
  if (colorTerm === 'truecolor' || colorTerm === '24bit') {
    return 'truecolor';
  }

  if (env.TERM?.includes('256color') === true) {
    return 256;
  }

  return 16;
}
