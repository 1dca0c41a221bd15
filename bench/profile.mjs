/**
 * Profiles termdiagram on one benchmark workload and prints the functions
 * with the most self time, with their line in the built dist/ files and their
 * definition in src/.
 *
 *   npm run build && node bench/profile.mjs row-chain:10000 [--seconds 5] [--top 10]
 *
 * The script runs itself again under `node --cpu-prof`, renders the workload
 * in a loop for the given time, then reads the .cpuprofile it wrote.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSourceLocator, findEnclosingClass, findEnclosingFunction, summarizeSelfTime } from './cpuprofile.mjs';
import { snapshotPackage } from './snapshot.mjs';
import { buildModel, findWorkload, renderOptionsFor } from './workloads.mjs';

const REPOSITORY_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    top: { type: 'string', default: '10' },
    // Set by the parent: the child renders and exits, and V8 writes the profile.
    child: { type: 'boolean', default: false },
    'dist-index-url': { type: 'string' },
    'course-bundle-url': { type: 'string' },
  },
});

if (positionals.length !== 1) {
  process.stderr.write('Usage: node bench/profile.mjs WORKLOAD_ID [--seconds 5] [--top 10]\n  WORKLOAD_ID: such as row-chain:10000 or course:ml-pipeline\n');
  process.exit(2);
}

const workload = findWorkload(positionals[0]);
const seconds = Number(values.seconds);

if (values.child) {
  await renderRepeatedly();
} else {
  await profileInChild();
}

async function renderRepeatedly() {
  const termdiagram = await import(values['dist-index-url']);
  const courseDiagrams = workload.family === 'course' ? (await import(values['course-bundle-url'])).courseDiagrams : [];
  const model = buildModel(workload, termdiagram, courseDiagrams);
  const options = renderOptionsFor(workload);

  const end = performance.now() + seconds * 1000;
  let renders = 0;
  while (performance.now() < end) {
    termdiagram.renderDiagram(model, options);
    renders += 1;
  }
  process.stdout.write(`${renders}`);
}

async function profileInChild() {
  const snapshot = await snapshotPackage(REPOSITORY_DIR);
  const profileDir = mkdtempSync(join(tmpdir(), 'termdiagram-profile-'));

  try {
    const child = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        profileDir,
        fileURLToPath(import.meta.url),
        workload.id,
        '--child',
        '--seconds',
        String(seconds),
        '--dist-index-url',
        snapshot.distIndexUrl,
        '--course-bundle-url',
        snapshot.courseBundleUrl,
      ],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) {
      throw new Error(`profiling ${workload.id} failed with exit code ${child.status}: ${child.stderr.trim()}`);
    }

    const [profileFile] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
    const profile = JSON.parse(readFileSync(join(profileDir, profileFile), 'utf8'));
    printTopFunctions(summarizeSelfTime(profile), Number(child.stdout), new URL('.', snapshot.distIndexUrl).href);
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
    await snapshot.remove();
  }
}

/**
 * Prints the functions with the most self time. Code in dist/ (index.js and
 * the chunk files tsup splits shared code into) is traced back to src/.
 */
function printTopFunctions({ totalMs, functions }, renders, distDirUrl) {
  const locate = createSourceLocator(REPOSITORY_DIR);
  const linesByUrl = new Map();
  const bundleLinesOf = (url) => {
    if (!linesByUrl.has(url)) {
      linesByUrl.set(url, readFileSync(fileURLToPath(url), 'utf8').split('\n'));
    }

    return linesByUrl.get(url);
  };
  const top = Number(values.top);

  process.stdout.write(`${workload.id}: ${renders} renders in ${seconds} s; ${(totalMs / 1000).toFixed(2)} s sampled\n`);
  process.stdout.write('self ms   share  function  dist location  src definition\n');

  for (const entry of functions.slice(0, top)) {
    const inBundle = entry.url.startsWith(distDirUrl) && entry.url.endsWith('.js');
    const where = inBundle ? `dist/${entry.url.slice(distDirUrl.length)}:${entry.line}` : shortenUrl(entry.url, entry.line);
    const bundleLines = inBundle ? bundleLinesOf(entry.url) : [];

    // A callback has no name, so it is reported inside the function that defines it.
    let name = entry.name;
    let definedIn = entry.name;
    if (inBundle && name === '(anonymous)') {
      definedIn = findEnclosingFunction(bundleLines, entry.line) ?? name;
      name = `(anonymous) in ${definedIn}`;
    }

    const definitions = inBundle ? locate(definedIn, findEnclosingClass(bundleLines, entry.line)) : [];
    const share = `${((entry.selfMs / totalMs) * 100).toFixed(1)}%`;
    process.stdout.write(
      `${entry.selfMs.toFixed(0).padStart(7)}  ${share.padStart(6)}  ${name}  ${where}  ${definitions.join(', ') || '—'}\n`,
    );
  }
}

function shortenUrl(url, line) {
  if (url === '') {
    return '(native or V8)';
  }

  const nodeModules = url.lastIndexOf('/node_modules/');

  return `${nodeModules === -1 ? url : url.slice(nodeModules + 1)}:${line}`;
}
