/**
 * Benchmarks the built package (dist/) against its peers and a floor, then
 * prints a Markdown report. A full run also writes it to docs/benchmarks.md.
 *
 *   npm run bench                  build, then run everything (under 3 minutes on 2 cores)
 *   npm run bench -- --quick       smallest size of each workload, short budgets
 *   npm run bench -- --filter RE   only workloads whose id matches RE, such as 'row-chain'
 *
 * Run node with --expose-gc (the npm script does) for the heap-growth figures.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  installedPackageDir,
  measureBundleSize,
  measureCliStart,
  measureImportTimes,
  measurePackedSize,
} from './cold-start.mjs';
import { PEER_PACKAGES } from './peers.mjs';
import {
  CLI_START_MULTIPLE,
  describeFailure,
  describeHeapGrowth,
  formatMs,
  MAX_EXPONENT,
  renderReport,
  rowFails,
  rowRatios,
} from './report.mjs';
import { runTask } from './run-task.mjs';
import { snapshotPackage } from './snapshot.mjs';
import { fitExponent } from './stats.mjs';
import { listWorkloads, SCALING_FAMILIES } from './workloads.mjs';

const REPOSITORY_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const REPORT_PATH = join(REPOSITORY_DIR, 'docs', 'benchmarks.md');
/** Hand-written record of profiles and fixes, copied into the report after the measured tables. */
const HISTORY_PATH = join(REPOSITORY_DIR, 'bench', 'history.md');

/** Sampling time per measurement in milliseconds, for full and `--quick` runs. */
const BUDGETS = {
  full: { termdiagram: 1000, floor: 300, peer: 1000 },
  quick: { termdiagram: 100, floor: 50, peer: 100 },
};

/**
 * Limit for beautiful-mermaid's first call. It ran 34 s on a 30-box chain before
 * throwing, so past this limit the size and the larger ones of its family are skipped.
 */
const MERMAID_PROBE_LIMIT_MS = 2000;
/** Limit for the first call of every other subject. Past it, the row reports a timeout. */
const PROBE_LIMIT_MS = 30_000;
/** Young generation of the heap-growth worker, large so that few GCs run during one render. */
const MEMORY_YOUNG_GENERATION_MB = 256;

const USAGE = `Usage: node --expose-gc bench/run.mjs [--quick] [--filter REGEX]

  --quick         run the smallest size of each workload with short budgets,
                  print the report and leave docs/benchmarks.md unchanged
  --filter REGEX  run only workloads whose id matches REGEX (ids look like
                  row-chain:1000 or course:ml-pipeline); also leaves the docs unchanged
`;

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      filter: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });

  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }

  const quick = values.quick;
  const filter = values.filter === undefined ? null : new RegExp(values.filter);
  const budgets = quick ? BUDGETS.quick : BUDGETS.full;
  const spawnCount = quick ? 3 : 10;

  if (typeof globalThis.gc !== 'function') {
    log('global.gc is missing, so heap growth is not measured; run node with --expose-gc');
  }

  const snapshot = await snapshotPackage(REPOSITORY_DIR);
  try {
    // Described before measuring, so the load average is that of the machine without the benchmark.
    const environment = describeEnvironment(snapshot);
    const workloads = listWorkloads({ quick }).filter((workload) => filter === null || filter.test(workload.id));
    const results = await measureWorkloads(workloads, snapshot, budgets);
    const fits = fitScaling(results);

    log('measuring cold start and sizes');
    const coldStart = measureColdStart(snapshot, spawnCount);
    const sizes = await measureSizes(snapshot);

    const report = renderReport({
      environment,
      results,
      fits,
      coldStart,
      sizes,
      settings: { budgets, mermaidProbeLimitMs: MERMAID_PROBE_LIMIT_MS, spawnCount },
      failingTargets: listFailingTargets(results, fits, coldStart),
      history: readFileSync(HISTORY_PATH, 'utf8'),
    });

    process.stdout.write(report);
    if (!quick && filter === null) {
      writeFileSync(REPORT_PATH, report);
      log(`wrote ${REPORT_PATH}`);
    }
  } finally {
    await snapshot.remove();
  }
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs termdiagram, the floor, the peer and heap growth for each workload, one worker at a time. */
async function measureWorkloads(workloads, snapshot, budgets) {
  const shared = { distIndexUrl: snapshot.distIndexUrl, courseBundleUrl: snapshot.courseBundleUrl };
  // The first size of a family at which the peer failed or was too slow, so larger sizes are skipped.
  const peerGaveUpAt = new Map();
  const results = [];

  for (const [index, workload] of workloads.entries()) {
    const task = (subject, extra = {}) => runTask({
      ...shared,
      workloadId: workload.id,
      subject,
      budgetMs: budgets[subject] ?? budgets.termdiagram,
      probeLimitMs: PROBE_LIMIT_MS,
      ...extra,
    });

    const termdiagram = await task('termdiagram');

    let floor = null;
    if (termdiagram.status === 'ok') {
      floor = await task('floor', { floorSize: { rows: termdiagram.rows, columns: termdiagram.columns } });
    }

    let peer = null;
    if (workload.peer !== null) {
      const gaveUp = peerGaveUpAt.get(workload.family);
      if (gaveUp === undefined) {
        const probeLimitMs = workload.peer === 'beautiful-mermaid' ? MERMAID_PROBE_LIMIT_MS : PROBE_LIMIT_MS;
        peer = await task('peer', { probeLimitMs });
        if (peer.status !== 'ok') {
          peerGaveUpAt.set(workload.family, { n: workload.n, outcome: peer });
        }
      } else {
        const cause = gaveUp.outcome.status === 'timeout' ? 'too slow' : 'failed';
        peer = { status: 'skipped', reason: `${cause} at N=${gaveUp.n}` };
      }
    }

    let memory = null;
    if (workload.family in SCALING_FAMILIES && termdiagram.status === 'ok' && typeof globalThis.gc === 'function') {
      memory = await task('memory', { resourceLimits: { maxYoungGenerationSizeMb: MEMORY_YOUNG_GENERATION_MB } });
    }

    const result = { workload, termdiagram, floor, peer, memory };
    results.push(result);
    log(`[${index + 1}/${workloads.length}] ${workload.id}: ${summarize(result)}`);
  }

  return results;
}

function summarize({ termdiagram, floor, peer }) {
  const part = (name, outcome) => {
    if (outcome === null) {
      return null;
    }

    if (outcome.status === 'ok') {
      return `${name} ${formatMs(outcome.medianMs)}`;
    }

    return outcome.status === 'skipped' ? `${name} skipped (${outcome.reason})` : `${name} ${describeFailure(outcome)}`;
  };

  return [part('termdiagram', termdiagram), part('floor', floor), part('peer', peer)].filter(Boolean).join(', ');
}

/** Fits the time exponent of each scaling family over all sizes and over its target range. */
function fitScaling(results) {
  const fits = [];

  for (const [family, { targetRange }] of Object.entries(SCALING_FAMILIES)) {
    const measured = results.filter(({ workload, termdiagram }) => workload.family === family && termdiagram.status === 'ok');
    if (measured.length === 0) {
      continue;
    }

    const points = measured.map(({ workload, termdiagram }) => ({ n: workload.nodes, ms: termdiagram.medianMs }));
    const inRange = targetRange === null ? [] : points.filter(({ n }) => n >= targetRange[0] && n <= targetRange[1]);
    const coversRange = inRange.some(({ n }) => n === targetRange[0]) && inRange.some(({ n }) => n === targetRange[1]);
    // The floor writes as many cells as termdiagram's output, so its exponent shows how much of the growth
    // the output size alone brings on this machine, caches and memory included.
    const floorPoints = measured
      .filter(({ workload, floor }) => floor?.status === 'ok' && targetRange !== null && workload.nodes >= targetRange[0] && workload.nodes <= targetRange[1])
      .map(({ workload, floor }) => ({ n: workload.nodes, ms: floor.medianMs }));
    const largest = measured.at(-1);

    fits.push({
      family,
      label: largest.workload.label,
      sizes: measured.map(({ workload }) => workload.n),
      exponent: fitExponent(points),
      targetRange,
      targetExponent: coversRange ? fitExponent(inRange) : null,
      floorExponent: coversRange && floorPoints.length === inRange.length ? fitExponent(floorPoints) : null,
      memory: describeHeapGrowth(largest.memory, largest.workload.nodes),
    });
  }

  return fits;
}

function measureColdStart(snapshot, spawnCount) {
  const cli = measureCliStart(snapshot.cliPath, spawnCount);
  const imports = measureImportTimes(
    [
      { name: 'termdiagram', url: snapshot.distIndexUrl },
      ...PEER_PACKAGES.map((name) => ({ name, url: import.meta.resolve(name) })),
    ],
    spawnCount,
  );

  return { cli, imports };
}

async function measureSizes(snapshot) {
  const sizes = [
    {
      name: 'termdiagram',
      version: snapshot.version,
      ...measurePackedSize(snapshot.packageDir),
      ...(await measureBundleSize(snapshot.distIndexPath)),
    },
  ];

  for (const name of PEER_PACKAGES) {
    sizes.push({
      name,
      version: readInstalledVersion(name),
      ...measurePackedSize(installedPackageDir(name)),
      ...(await measureBundleSize(fileURLToPath(import.meta.resolve(name)))),
    });
  }

  return sizes;
}

function readInstalledVersion(name) {
  return JSON.parse(readFileSync(join(installedPackageDir(name), 'package.json'), 'utf8')).version;
}

function describeEnvironment(snapshot) {
  let source = 'not a git checkout';
  try {
    source = `git ${execFileSync('git', ['describe', '--always', '--dirty'], { cwd: REPOSITORY_DIR, encoding: 'utf8' }).trim()}`;
  } catch {
    // Outside a git checkout the source stays 'not a git checkout'.
  }

  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    platform: `${platform()} ${release()}`,
    loadAverage: loadavg().map((load) => load.toFixed(2)).join(', '),
    source,
    versions: [
      { name: 'termdiagram', version: snapshot.version },
      ...PEER_PACKAGES.map((name) => ({ name, version: readInstalledVersion(name) })),
      { name: 'tinybench', version: readInstalledVersion('tinybench') },
    ],
  };
}

/** Lists one line per missed target, for the end of the report. */
function listFailingTargets(results, fits, coldStart) {
  const lines = [];

  for (const result of results) {
    if (rowFails(result)) {
      const { peerRatio, floorMultiple } = rowRatios(result);
      const detail = result.workload.family === 'course'
        ? `${floorMultiple.toFixed(1)}× the floor`
        : `ratio ${peerRatio.toPrecision(3)} vs ${result.workload.peer}`;
      lines.push(`${result.workload.id}: ${detail}`);
    }
  }

  for (const fit of fits) {
    if (fit.targetExponent !== null && fit.targetExponent > MAX_EXPONENT) {
      lines.push(`${fit.family}: time exponent ${fit.targetExponent.toFixed(2)} over N ${fit.targetRange.join(' → ')}`);
    }
  }

  if (coldStart.cli.ratio > CLI_START_MULTIPLE) {
    lines.push(`course --all: ${coldStart.cli.ratio.toFixed(2)}× node -e 0`);
  }

  return lines;
}

main().catch((error) => {
  log(`failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
