/**
 * Worker thread that measures one subject on one workload, so the main
 * thread can stop a run that exceeds its time limit.
 *
 * Messages to the parent, in order: `ready` once the input is built, `probe`
 * after the first (cold) call, then `result`. Any failure posts `error`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { Bench } from 'tinybench';
import { renderFloor } from './floor.mjs';
import { preparePeer } from './peers.mjs';
import { buildModel, countNodes, findWorkload, renderOptionsFor } from './workloads.mjs';

/** Samples to collect at least, unless one call takes longer than the whole budget. */
const MIN_SAMPLES = 3;

/** Renders per heap-growth figure, which is their median. */
const MEMORY_REPEATS = 3;

/** Lines up to this many UTF-16 code units are measured by string-width as a whole. */
const WHOLE_LINE_LIMIT = 2000;

/** Terminal width of each code point seen in a long line. */
const codePointWidths = new Map();

const { distIndexUrl, courseBundleUrl, workloadId, subject, budgetMs, floorSize } = workerData;

try {
  await main();
} catch (error) {
  parentPort.postMessage({
    type: 'error',
    error: { name: error?.name ?? 'Error', message: String(error?.message ?? error), code: error?.code },
  });
}

async function main() {
  const workload = findWorkload(workloadId);
  const termdiagram = await import(distIndexUrl);
  const { render, model } = await prepareSubject(workload, termdiagram);

  parentPort.postMessage({ type: 'ready' });

  const probeStart = performance.now();
  const output = render();
  const probeMs = performance.now() - probeStart;
  parentPort.postMessage({ type: 'probe', ms: probeMs });

  if (subject === 'memory') {
    parentPort.postMessage({ type: 'result', result: await measureHeapGrowth(render) });
    return;
  }

  const result = await measureLatency(render, probeMs);

  if (subject === 'termdiagram') {
    Object.assign(result, describeOutput(output));
    if (workload.family === 'course') {
      result.modelNodes = countNodes(model);
    }
  }

  parentPort.postMessage({ type: 'result', result });
}

async function prepareSubject(workload, termdiagram) {
  if (subject === 'peer') {
    return { render: await preparePeer(workload) };
  }

  if (subject === 'floor') {
    const { rows, columns } = floorSize;
    return { render: () => renderFloor(rows, columns) };
  }

  const courseDiagrams = workload.family === 'course' ? (await import(courseBundleUrl)).courseDiagrams : [];
  const model = buildModel(workload, termdiagram, courseDiagrams);
  const options = renderOptionsFor(workload);

  return { model, render: () => termdiagram.renderDiagram(model, options) };
}

/** Runs tinybench on `render` for about `budgetMs`, with fewer samples for slow calls. */
async function measureLatency(render, probeMs) {
  const perCallMs = Math.max(probeMs, 0.001);
  const warmupMs = budgetMs / 4;
  const warmup = perCallMs < warmupMs;
  const iterations = perCallMs <= budgetMs ? Math.max(MIN_SAMPLES, Math.min(64, Math.floor(budgetMs / perCallMs))) : 1;

  const bench = new Bench({
    time: budgetMs,
    iterations,
    warmup,
    warmupTime: warmupMs,
    warmupIterations: warmup ? Math.max(1, Math.min(16, Math.floor(warmupMs / perCallMs))) : 0,
    throws: true,
  });

  // The sink keeps each output reachable, so no call can be optimized away.
  let sink = 0;
  bench.add(subject, () => {
    sink += render().length;
  }, { async: false });
  await bench.run();

  const { latency } = bench.tasks[0].result;
  if (sink === 0) {
    throw new Error(`${subject} returned only empty strings`);
  }

  return { medianMs: latency.p50, samples: latency.samplesCount, rme: latency.rme };
}

/**
 * Measures how much the heap grows during one render: `heapUsed` after the
 * render minus `heapUsed` after a forced GC before it. Garbage that V8 did not
 * collect during the render counts, so this estimates the peak. When a GC ran
 * during the render, it under-counts, and `gcDuringRender` is true.
 */
async function measureHeapGrowth(render) {
  if (typeof globalThis.gc !== 'function') {
    throw new Error('global.gc is missing; run node with --expose-gc');
  }

  const { PerformanceObserver } = await import('node:perf_hooks');
  const gcStarts = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcStarts.push(entry.startTime);
    }
  });
  observer.observe({ entryTypes: ['gc'] });

  const deltas = [];
  let gcDuringRender = false;
  for (let repeat = 0; repeat < MEMORY_REPEATS; repeat += 1) {
    globalThis.gc();
    // Wait for the forced GC's entry, so it is not taken for one during the render.
    await new Promise((resolve) => setImmediate(resolve));
    const start = performance.now();
    const before = process.memoryUsage().heapUsed;
    const output = render();
    const after = process.memoryUsage().heapUsed;
    const end = performance.now();
    deltas.push(after - before);

    await new Promise((resolve) => setImmediate(resolve));
    gcDuringRender ||= gcStarts.some((time) => time >= start && time <= end);
    if (output.length === 0) {
      throw new Error('render returned an empty string');
    }
  }
  observer.disconnect();

  deltas.sort((a, b) => a - b);

  return { heapGrowthBytes: deltas[Math.floor(deltas.length / 2)], gcDuringRender };
}

/** Measures the output: characters (code points), rows, and columns as a terminal counts them. */
function describeOutput(output) {
  const lines = output.split('\n');
  let columns = 0;
  for (const line of lines) {
    columns = Math.max(columns, displayWidth(line));
  }

  // A surrogate pair is one character, so each low surrogate is not counted.
  let characters = output.length;
  for (let i = 0; i < output.length; i += 1) {
    const code = output.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) {
      characters -= 1;
    }
  }

  return { outputChars: characters, rows: lines.length, columns };
}

/**
 * Returns the terminal width of one output line. string-width 8.3.0 slows
 * down sharply on long lines (7 s for one line of 80,000 box-drawing
 * characters, measured once on Node 20.20 and a 2-core AMD EPYC), so a longer
 * line is measured one code point at a time. That treats each code point as its own grapheme, which holds for
 * box-drawing output but not for combining marks or emoji sequences.
 */
function displayWidth(line) {
  if (line.length <= WHOLE_LINE_LIMIT) {
    return stringWidth(line);
  }

  let width = 0;
  for (const character of stripAnsi(line)) {
    let characterWidth = codePointWidths.get(character);
    if (characterWidth === undefined) {
      characterWidth = stringWidth(character);
      codePointWidths.set(character, characterWidth);
    }
    width += characterWidth;
  }

  return width;
}
