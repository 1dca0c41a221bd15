/**
 * Benchmark workloads: deterministic diagram models for termdiagram and the
 * equivalent input for each peer library. Workloads are plain descriptors, so
 * a worker thread can rebuild any of them from its id.
 */

/** Sizes per family for the full run; `--quick` keeps only the first size of each. */
const SIZES = {
  'row-chain': [10, 100, 1_000, 10_000],
  'column-chain': [10, 100, 1_000, 10_000],
  'fan-out': [10, 100, 1_000, 10_000],
  tree: [15, 63, 255, 1_023],
  grid: [3, 10, 30],
  bars: [10, 100, 1_000],
  sparkline: [100, 1_000, 10_000, 100_000],
  'line-curve': [100, 1_000, 10_000, 100_000],
  'box-lines': [1, 100, 1_000, 10_000],
  'cjk-chain': [10, 1_000],
  'width-chain': [1_000],
  'color-chain': [1_000],
};

/** Row labels, peers and render options of each family. */
const FAMILIES = {
  'row-chain': { label: 'row chain', peer: 'beautiful-mermaid' },
  'column-chain': { label: 'column chain', peer: 'beautiful-mermaid' },
  'fan-out': { label: 'fan-out', peer: 'beautiful-mermaid' },
  tree: { label: 'binary tree (nested fans)', peer: 'beautiful-mermaid' },
  grid: { label: 'grid N×N, arrows to the right', peer: 'beautiful-mermaid' },
  bars: { label: 'bar chart', peer: null },
  sparkline: { label: 'curve, sparkline', peer: null },
  'line-curve': { label: 'curve, line, height 10', peer: 'asciichart' },
  'box-lines': { label: 'one box of N lines', peer: 'boxen' },
  'cjk-chain': { label: 'row chain, CJK labels', peer: 'beautiful-mermaid' },
  'width-chain': { label: 'row chain, width: 80', peer: null, renderOptions: { width: 80 } },
  'color-chain': { label: 'row chain, color: 256', peer: null, renderOptions: { color: 256 } },
};

/** Families whose time is fitted against N, with the N range that a target applies to. */
export const SCALING_FAMILIES = {
  'row-chain': { targetRange: [100, 10_000] },
  'column-chain': { targetRange: [100, 10_000] },
  'fan-out': { targetRange: [100, 10_000] },
  tree: { targetRange: null },
  grid: { targetRange: null },
  sparkline: { targetRange: [1_000, 100_000] },
  'line-curve': { targetRange: [1_000, 100_000] },
};

/** The names of the nine course diagrams, in the order of `courseDiagrams`. */
export const COURSE_NAMES = [
  'course-progression',
  'five-pillars',
  'ml-pipeline',
  'deployment-architecture',
  'model-lifecycle',
  'data-drift',
  'ci-cd-pipeline',
  'training-vs-serving',
  'progress-tracker',
];

const CJK_WORDS = ['数据', '模型', '训练', '部署', '监控', '特征', '评估', '服务'];

/**
 * Lists the workloads in report order. Each has an `id` unique in the run, a
 * `family` and a size `n`: boxes, bars, points or lines, or the side length
 * for grids. `nodes` is the count that scaling fits use.
 */
export function listWorkloads({ quick }) {
  const workloads = COURSE_NAMES.map((name) => ({
    id: `course:${name}`,
    family: 'course',
    label: `course: ${name}`,
    n: null,
    nodes: null,
    peer: null,
    renderOptions: undefined,
  }));

  for (const [family, sizes] of Object.entries(SIZES)) {
    const { label, peer, renderOptions } = FAMILIES[family];
    const chosen = quick ? sizes.slice(0, 1) : sizes;

    for (const n of chosen) {
      workloads.push({
        id: `${family}:${n}`,
        family,
        label,
        n,
        nodes: family === 'grid' ? n * n : n,
        peer,
        renderOptions,
      });
    }
  }

  return workloads;
}

/** Finds a workload by id among the full set. */
export function findWorkload(id) {
  const workload = listWorkloads({ quick: false }).find((candidate) => candidate.id === id);
  if (workload === undefined) {
    throw new Error(`unknown workload id '${id}'; ids look like 'row-chain:100' or 'course:ml-pipeline'`);
  }

  return workload;
}

/**
 * Returns a seeded pseudo-random generator (mulberry32) of floats in [0, 1),
 * so generated values are the same on every run.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Returns `count` curve values: two sine waves plus seeded noise, rounded to 2 decimals. */
export function curveValues(count) {
  const random = seededRandom(count);
  const values = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const value = 50 + 30 * Math.sin(i / 50) + 10 * Math.sin(i / 7) + 5 * random();
    values[i] = Math.round(value * 100) / 100;
  }

  return values;
}

/** Returns `count` text lines of seeded lengths, such as `line 7: lorem ipsum`. */
export function textLines(count) {
  const random = seededRandom(count + 1);
  const filler = 'lorem ipsum dolor sit amet, consectetur';

  return Array.from({ length: count }, (_, i) => `line ${i}: ${filler.slice(0, Math.floor(random() * filler.length))}`);
}

function boxLabel(family, index) {
  if (family === 'cjk-chain') {
    return `${CJK_WORDS[index % CJK_WORDS.length]}${CJK_WORDS[(index * 3 + 1) % CJK_WORDS.length]}${index}`;
  }

  return `node ${index}`;
}

/**
 * Finds the curve option that selects the `line` drawing. The engine has used
 * `style: 'line'` and `shape: 'line'` for it, so the built package decides:
 * the first option whose output has more than one row wins.
 */
export function detectLineCurveOption(termdiagram) {
  for (const option of [{ shape: 'line' }, { style: 'line' }]) {
    try {
      const output = termdiagram.renderDiagram(termdiagram.curve([1, 5, 2], { ...option, height: 3 }));
      if (output.split('\n').length > 1) {
        return option;
      }
    } catch {
      // The engine rejects the option it does not know; the next one is tried.
    }
  }

  throw new Error("the built termdiagram draws no line curve with { shape: 'line' } or { style: 'line' }");
}

/**
 * Returns the `renderDiagram` options of a workload. A box of N lines has one
 * label of about 30·N code units, over the engine's default label-length
 * limit from N = 1,000, so that workload raises the limit to its label.
 */
export function renderOptionsFor(workload) {
  if (workload.family === 'box-lines') {
    return { limits: { maxLabelLength: textLines(workload.n).join('\n').length } };
  }

  return workload.renderOptions;
}

/** Builds the termdiagram model of a workload. `courseDiagrams` comes from the course bundle. */
export function buildModel(workload, termdiagram, courseDiagrams) {
  const { box, text, row, column, fan, grid, arrow, bar, curve } = termdiagram;
  const { family, n } = workload;
  const labelledBox = (index) => box(text(boxLabel(family, index)));

  switch (family) {
    case 'course': {
      const name = workload.id.slice('course:'.length);
      const diagram = courseDiagrams.find((candidate) => candidate.name === name);
      if (diagram === undefined) {
        throw new Error(`course diagram '${name}' not found in the course bundle`);
      }
      return diagram.model;
    }
    case 'row-chain':
    case 'cjk-chain':
    case 'width-chain':
    case 'color-chain':
      return row({ chain: true }, Array.from({ length: n }, (_, i) => labelledBox(i)));
    case 'column-chain':
      return column({ chain: true }, Array.from({ length: n }, (_, i) => labelledBox(i)));
    case 'fan-out':
      return fan({ from: labelledBox(0), nodes: Array.from({ length: n }, (_, i) => labelledBox(i + 1)) });
    case 'tree':
      return buildTree(termdiagram, n, 0);
    case 'grid': {
      const children = [];
      const connectors = [];
      for (let r = 0; r < n; r += 1) {
        for (let c = 0; c < n; c += 1) {
          children.push(box({ id: `n${r}_${c}` }, text(`${r},${c}`)));
          if (c + 1 < n) {
            connectors.push(arrow(`n${r}_${c}`, `n${r}_${c + 1}`));
          }
        }
      }
      return grid({ columns: n, connectors }, children);
    }
    case 'bars':
      return column(Array.from({ length: n }, (_, i) => bar((i * 37) % 101, { label: `item ${i}`, labelWidth: 10 })));
    case 'sparkline':
      return curve(curveValues(n));
    case 'line-curve':
      return curve(curveValues(n), { ...detectLineCurveOption(termdiagram), height: 10 });
    case 'box-lines':
      return box(text(textLines(n).join('\n')));
    default:
      throw new Error(`no model builder for family '${family}'`);
  }
}

/** Builds a complete binary tree of `count` boxes in heap order, where node i has children 2i+1 and 2i+2. */
function buildTree(termdiagram, count, index) {
  const { box, text, fan } = termdiagram;
  const node = box(text(`node ${index}`));
  const left = 2 * index + 1;
  if (left >= count) {
    return node;
  }

  const children = [buildTree(termdiagram, count, left)];
  if (left + 1 < count) {
    children.push(buildTree(termdiagram, count, left + 1));
  }

  return fan({ from: node, nodes: children });
}

/**
 * Builds the Mermaid flowchart that draws the same boxes and arrows as the
 * workload's model, for beautiful-mermaid.
 */
export function buildMermaid(workload) {
  const { family, n } = workload;
  const node = (index) => `n${index}["${boxLabel(family, index)}"]`;
  const lines = [];

  switch (family) {
    case 'row-chain':
    case 'cjk-chain':
    case 'column-chain':
      lines.push(family === 'column-chain' ? 'graph TD' : 'graph LR');
      for (let i = 0; i + 1 < n; i += 1) {
        lines.push(`  ${node(i)} --> ${node(i + 1)}`);
      }
      break;
    case 'fan-out':
      lines.push('graph TD');
      for (let i = 1; i <= n; i += 1) {
        lines.push(`  ${node(0)} --> ${node(i)}`);
      }
      break;
    case 'tree':
      lines.push('graph TD');
      for (let i = 1; i < n; i += 1) {
        lines.push(`  ${node((i - 1) >> 1)} --> ${node(i)}`);
      }
      break;
    case 'grid':
      lines.push('graph LR');
      for (let r = 0; r < n; r += 1) {
        for (let c = 0; c + 1 < n; c += 1) {
          lines.push(`  n${r}_${c}["${r},${c}"] --> n${r}_${c + 1}["${r},${c + 1}"]`);
        }
      }
      break;
    default:
      throw new Error(`no Mermaid equivalent for family '${family}'`);
  }

  return lines.join('\n');
}

/** Counts the nodes of a model tree, the N shown for course diagrams. */
export function countNodes(node) {
  let count = 1;
  for (const child of [node.from, ...(node.children ?? node.nodes ?? []), node.to]) {
    if (child !== undefined) {
      count += countNodes(child);
    }
  }

  return count;
}
