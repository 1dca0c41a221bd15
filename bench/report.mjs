/**
 * Turns measurements into Markdown tables with pass/fail targets. The same
 * text goes to stdout and to docs/benchmarks.md.
 */

/** Speed-up over beautiful-mermaid required on chains, fans, trees and grids. */
const MERMAID_SPEEDUP = 50;
/** Speed-up over boxen required for boxes of at least `BOXEN_MIN_LINES` lines. */
const BOXEN_SPEEDUP = 20;
const BOXEN_MIN_LINES = 100;
/** Largest termdiagram time, as a multiple of the floor, allowed for a course diagram. */
const COURSE_FLOOR_MULTIPLE = 10;
/** Largest time exponent allowed over each family's target range. */
export const MAX_EXPONENT = 1.15;
/** Largest `course --all` wall time, as a multiple of `node -e 0`. */
export const CLI_START_MULTIPLE = 1.5;

export function formatMs(ms) {
  if (ms < 1) {
    return `${(ms * 1000).toPrecision(3)} µs`;
  }

  return ms < 1000 ? `${ms.toPrecision(3)} ms` : `${(ms / 1000).toPrecision(3)} s`;
}

/** Formats a byte count in B, kB (1,000 bytes) or MB (1,000,000 bytes). */
function formatBytes(bytes) {
  if (bytes < 1000) {
    return `${bytes} B`;
  }

  return bytes < 1_000_000 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1_000_000).toFixed(2)} MB`;
}

function formatCount(value) {
  return value.toLocaleString('en-US');
}

/** Formats a ratio with three significant digits below 100, so a value just past a target's limit does not round onto it. */
function formatMultiple(value) {
  return `${value >= 100 ? value.toFixed(0) : value.toPrecision(3)}×`;
}

function table(header, rows) {
  const escape = (cell) => String(cell).replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    lines.push(`| ${row.map(escape).join(' | ')} |`);
  }

  return lines.join('\n');
}

/** Returns the text for a failed or stopped task, such as `first call over 2.00 s`. */
export function describeFailure(outcome) {
  if (outcome.status === 'timeout') {
    return outcome.phase === 'probe'
      ? `first call over ${formatMs(outcome.limitMs)}`
      : `timed out while ${outcome.phase === 'setup' ? 'building the input' : 'measuring'} (${formatMs(outcome.limitMs)})`;
  }

  return `${outcome.error.name}: ${outcome.error.message}`;
}

function isUnsupportedOption(outcome) {
  return outcome.status === 'error' && outcome.error.name === 'DiagramError' && outcome.error.code === 'invalid-option';
}

function termdiagramCell(outcome) {
  if (outcome.status === 'ok') {
    return formatMs(outcome.medianMs);
  }

  if (isUnsupportedOption(outcome)) {
    // The message goes on to list every valid option, which does not fit a table cell.
    return `not supported yet (${outcome.error.message.split(';')[0]})`;
  }

  return `failed: ${describeFailure(outcome)}`;
}

function peerCell(result) {
  const { peer } = result;
  if (peer === null) {
    return '—';
  }

  if (peer.status === 'ok') {
    return formatMs(peer.medianMs);
  }

  if (peer.status === 'skipped') {
    return `peer skipped: ${peer.reason}`;
  }

  if (peer.status === 'timeout') {
    return `peer skipped: too slow (${describeFailure(peer)})`;
  }

  return `peer failed: ${describeFailure(peer)}`;
}

/** Returns the ratio termdiagram/peer and the multiple of the floor, each null where a side is missing. */
export function rowRatios(result) {
  const ours = result.termdiagram.status === 'ok' ? result.termdiagram.medianMs : null;
  const peer = result.peer?.status === 'ok' ? result.peer.medianMs : null;
  const floor = result.floor?.status === 'ok' ? result.floor.medianMs : null;

  return {
    peerRatio: ours !== null && peer !== null ? ours / peer : null,
    floorMultiple: ours !== null && floor !== null ? ours / floor : null,
  };
}

/** Returns the pass/fail cell of a workload row, or `—` when no target applies. */
function targetCell(result) {
  const { workload } = result;
  const { peerRatio, floorMultiple } = rowRatios(result);
  const speedup = peerRatio === null ? null : 1 / peerRatio;

  const check = (required, achieved, pass, describe) => {
    if (achieved === null) {
      return `n/a (${required})`;
    }

    return `${pass ? 'PASS' : 'FAIL'}: ${describe(achieved)} (${required})`;
  };

  switch (workload.peer) {
    case 'beautiful-mermaid':
      return check(`≥ ${MERMAID_SPEEDUP}× faster`, speedup, speedup >= MERMAID_SPEEDUP, (value) => `${formatMultiple(value)} faster`);
    case 'boxen':
      if (workload.n < BOXEN_MIN_LINES) {
        return '—';
      }
      return check(`≥ ${BOXEN_SPEEDUP}× faster`, speedup, speedup >= BOXEN_SPEEDUP, (value) => `${formatMultiple(value)} faster`);
    case 'asciichart':
      return check('ratio < 1', peerRatio, peerRatio < 1, (value) => `ratio ${value.toPrecision(3)}`);
    default:
      break;
  }

  if (workload.family === 'course') {
    return check(`≤ ${COURSE_FLOOR_MULTIPLE}× floor`, floorMultiple, floorMultiple <= COURSE_FLOOR_MULTIPLE, formatMultiple);
  }

  return '—';
}

/** Returns whether a row's target cell reports a failure. */
export function rowFails(result) {
  return targetCell(result).startsWith('FAIL');
}

export function workloadTable(results) {
  const header = ['workload', 'N', 'termdiagram', 'peer', 'peer median', 'ratio', '× floor', 'output chars', 'target'];
  const rows = results.map((result) => {
    const { workload, termdiagram } = result;
    const { peerRatio, floorMultiple } = rowRatios(result);
    let n = workload.n === null ? `${termdiagram.modelNodes ?? '?'} nodes` : formatCount(workload.n);
    if (workload.family === 'grid') {
      n = `${workload.n}×${workload.n}`;
    }

    return [
      workload.label,
      n,
      termdiagramCell(termdiagram),
      workload.peer ?? '—',
      peerCell(result),
      peerRatio === null ? '—' : peerRatio.toPrecision(3),
      floorMultiple === null ? '—' : formatMultiple(floorMultiple),
      termdiagram.status === 'ok' ? formatCount(termdiagram.outputChars) : '—',
      targetCell(result),
    ];
  });

  return table(header, rows);
}

export function scalingTable(fits) {
  const header = ['family', 'N measured', 'exponent, all N', 'target range', 'exponent there', 'target', 'floor exponent there', 'heap growth per node at largest N'];
  const rows = fits.map((fit) => {
    let target = '—';
    if (fit.targetRange !== null) {
      target = fit.targetExponent === null
        ? `n/a (≤ ${MAX_EXPONENT})`
        : `${fit.targetExponent <= MAX_EXPONENT ? 'PASS' : 'FAIL'} (≤ ${MAX_EXPONENT})`;
    }

    return [
      fit.label,
      fit.sizes.map(formatCount).join(', '),
      fit.exponent === null ? '—' : fit.exponent.toFixed(2),
      fit.targetRange === null ? '—' : fit.targetRange.map(formatCount).join(' → '),
      fit.targetExponent === null ? '—' : fit.targetExponent.toFixed(2),
      target,
      fit.floorExponent === null || fit.floorExponent === undefined ? '—' : fit.floorExponent.toFixed(2),
      fit.memory,
    ];
  });

  return table(header, rows);
}

/** Describes the heap growth of one memory outcome per node of `nodes`, for the scaling table. */
export function describeHeapGrowth(outcome, nodes) {
  if (outcome === null) {
    return 'n/a (run node with --expose-gc)';
  }

  if (outcome.status !== 'ok') {
    return `failed: ${describeFailure(outcome)}`;
  }

  const perNode = formatBytes(Math.round(outcome.heapGrowthBytes / nodes));

  return outcome.gcDuringRender ? `≥ ${perNode} (a GC ran during the render)` : perNode;
}

export function coldStartTable({ cli, imports }) {
  const pass = cli.ratio <= CLI_START_MULTIPLE;
  const ours = imports.find(({ name }) => name === 'termdiagram');
  const rows = [
    [
      '`node dist/cli.cjs course --all`, wall time',
      formatMs(cli.cliMs),
      `\`node -e 0\`: ${formatMs(cli.nodeMs)}`,
      formatMultiple(cli.ratio),
      `${pass ? 'PASS' : 'FAIL'} (≤ ${CLI_START_MULTIPLE}×)`,
    ],
  ];

  for (const { name, ms } of imports) {
    if (name !== 'termdiagram') {
      rows.push([`\`import('${name}')\` in a fresh process`, formatMs(ms), '—', '—', '—']);
    }
  }

  const boxen = imports.find(({ name }) => name === 'boxen');
  rows.unshift([
    "`import('termdiagram')` (dist/index.js) in a fresh process",
    formatMs(ours.ms),
    `\`import('boxen')\`: ${formatMs(boxen.ms)}`,
    formatMultiple(ours.ms / boxen.ms),
    '—',
  ]);

  return table(['measure', 'median', 'baseline', 'ratio', 'target'], rows);
}

export function sizeTable(sizes) {
  const rows = sizes.map(({ name, version, packedBytes, unpackedBytes, minifiedBytes, gzippedBytes }) => [
    name,
    version,
    formatBytes(packedBytes),
    formatBytes(unpackedBytes),
    formatBytes(minifiedBytes),
    formatBytes(gzippedBytes),
  ]);

  return table(['package', 'version', 'npm pack size', 'unpacked', 'bundle, minified', 'bundle, minified + gzip'], rows);
}

/** Renders the whole report as Markdown, for stdout and docs/benchmarks.md. */
export function renderReport({ environment, results, fits, coldStart, sizes, settings, failingTargets, history }) {
  const versions = environment.versions.map(({ name, version }) => `${name} ${version}`).join(', ');
  const sections = [
    '# Benchmarks',
    'Generated by `npm run bench` (bench/run.mjs). Do not edit by hand; rerun it instead.',
    [
      `- Date: ${environment.date}`,
      `- Node.js ${environment.node}, ${environment.cpu} (${environment.cores} logical cores), ${environment.platform}, load average ${environment.loadAverage} (1, 5 and 15 minutes) at the start`,
      `- Source: ${environment.source}`,
      `- Packages: ${versions}`,
      `- Time budget per measurement: termdiagram ${formatMs(settings.budgets.termdiagram)}, floor ${formatMs(settings.budgets.floor)}, peer ${formatMs(settings.budgets.peer)}. A beautiful-mermaid size is skipped when its first call takes over ${formatMs(settings.mermaidProbeLimitMs)}, and so are the larger sizes of that family.`,
    ].join('\n'),
    '## Render time',
    [
      'Medians of tinybench samples, each subject in its own worker thread. `ratio` is termdiagram / peer, so below 1 means termdiagram is faster. `× floor` is termdiagram\'s time as a multiple of the floor, a loop that only writes every cell of a grid with the rendering\'s rows and columns and joins the rows. `output chars` counts code points of termdiagram\'s output.',
      '',
      'The peers get the same work. beautiful-mermaid renders the same boxes and arrows, written as a Mermaid flowchart. boxen draws the same lines in a box with one cell of padding left and right, and its output matches termdiagram\'s. asciichart plots the same values with `height: 10`. The ≥ 50× target covers fans too, as trees of depth one. The box of N lines raises `limits.maxLabelLength` to its label\'s length, because from N = 1,000 the label is over the default limit.',
      '',
      'beautiful-mermaid 1.1.3 ran for 34 s on a chain of 30 boxes and then threw `RangeError: Map maximum size exceeded` (one run outside this harness, on the machine below), so chains past N = 10 show it as too slow rather than failed.',
    ].join('\n'),
    workloadTable(results),
    '## Scaling',
    'Least-squares fit of log time against log N over termdiagram\'s medians above. N is boxes or points; for grids, N in the fit is the number of boxes, the square of the side that the N column lists. The floor exponent is the same fit over the floor\'s medians, which write as many cells as each rendering. It shows how far the output size alone bends the curve on this machine, through caches and memory, with no diagram work at all. It is context, not part of the target. Heap growth is `heapUsed` after one render minus `heapUsed` after a forced GC just before it, in a worker with a 256 MB young generation. It includes garbage that was not collected yet, so it estimates the peak. A GC during the render makes it an under-count, marked ≥. The heap growth figures of the curves varied up to 5× between runs, so read them as rough.',
    scalingTable(fits),
    '## Cold start',
    `Medians of ${settings.spawnCount} fresh processes each; the CLI and \`node -e 0\` alternate, so load drift hits both. The CLI runs with a temporary directory of its own, whose code cache an unmeasured first run of \`course --all\` writes.`,
    coldStartTable(coldStart),
    '## Size',
    'The npm pack size of termdiagram is from `npm pack --dry-run` of the built package; the peers\' are from their installed package directories. Bundles are made by esbuild (`--bundle --minify --platform=node --format=esm`) from each package\'s entry module, dependencies included.',
    sizeTable(sizes),
    '## Failing targets',
    failingTargets.length === 0 ? 'None.' : failingTargets.map((line) => `- ${line}`).join('\n'),
    'To see where a workload spends its time, run `node bench/profile.mjs ID` (such as `row-chain:10000`) after `npm run build`. It lists the functions with the most self time, with their lines in the built files under dist/ and in src/.',
    history.trim(),
  ];

  return `${sections.join('\n\n')}\n`;
}
