/**
 * Cold start and size: CLI wall time, import time in a fresh process, the
 * packed size, and the minified bundle size of termdiagram and its peers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from './stats.mjs';

/**
 * Measures the wall time of each command `count` times, alternating between
 * them so drift in machine load affects both alike. Returns the median
 * milliseconds per command.
 */
function medianWallTimes(commands, count, env = process.env) {
  const times = commands.map(() => []);

  for (let round = 0; round < count; round += 1) {
    commands.forEach(({ args }, index) => {
      const start = performance.now();
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env });
      const elapsed = performance.now() - start;

      if (child.status !== 0) {
        throw new Error(`node ${args.join(' ')} exited with ${child.status ?? child.signal}: ${child.stderr.toString().trim()}`);
      }
      times[index].push(elapsed);
    });
  }

  return times.map(median);
}

/**
 * Median wall time of `node dist/cli.cjs course --all` and of `node -e 0`.
 * The CLI keeps its code cache under the temporary directory. The first run
 * of each build writes it, whatever command that run was, and a cache from
 * another command lacks most of the functions `course --all` runs. So the
 * processes get a temporary directory of their own, and one unmeasured run
 * writes the cache for this command first.
 */
export function measureCliStart(cliPath, count) {
  const directory = mkdtempSync(join(tmpdir(), 'termdiagram-bench-'));
  try {
    const env = { ...process.env, TMPDIR: directory };
    medianWallTimes([{ args: [cliPath, 'course', '--all'] }], 1, env);
    const [cliMs, nodeMs] = medianWallTimes([{ args: [cliPath, 'course', '--all'] }, { args: ['-e', '0'] }], count, env);

    return { cliMs, nodeMs, ratio: cliMs / nodeMs };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Median time of `await import(url)` measured inside a fresh process, for
 * each `{ name, url }`. Process start-up is not included.
 */
export function measureImportTimes(modules, count) {
  const times = modules.map(() => []);

  for (let round = 0; round < count; round += 1) {
    modules.forEach(({ url }, index) => {
      const script = `const start = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - start));`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });

      if (child.status !== 0) {
        throw new Error(`importing ${url} failed with exit code ${child.status}: ${child.stderr.trim()}`);
      }
      times[index].push(Number(child.stdout));
    });
  }

  return modules.map(({ name }, index) => ({ name, ms: median(times[index]) }));
}

/** Tarball and unpacked size that `npm pack --dry-run --json` reports for a package directory. */
export function measurePackedSize(packageDir) {
  const child = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`npm pack --dry-run failed in ${packageDir}: ${child.stderr.trim()}`);
  }

  const [entry] = JSON.parse(child.stdout);

  return { packedBytes: entry.size, unpackedBytes: entry.unpackedSize };
}

/** Size of the entry module bundled with its dependencies by esbuild, minified, and gzipped. */
export async function measureBundleSize(entryPath) {
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const contents = result.outputFiles[0].contents;

  return { minifiedBytes: contents.length, gzippedBytes: gzipSync(contents).length };
}

/** Directory of an installed package, found from its resolved entry module. */
export function installedPackageDir(name) {
  let directory = dirname(fileURLToPath(import.meta.resolve(name)));
  while (!directory.endsWith(join('node_modules', name))) {
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error(`cannot find the package directory of ${name}`);
    }
    directory = parent;
  }

  return directory;
}

/** Runs `course --all` this many times by default when the file is run directly. */
const DEFAULT_RUN_COUNT = 21;

// Run directly, after `npm run build`, to measure the CLI start alone: `node bench/cold-start.mjs [runs]`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = process.argv[2] === undefined ? DEFAULT_RUN_COUNT : Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`invalid run count '${process.argv[2]}': expected a whole number of at least 1`);
  }

  const cliPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');
  const { cliMs, nodeMs, ratio } = measureCliStart(cliPath, count);
  console.log(`node dist/cli.cjs course --all: ${cliMs.toFixed(1)} ms, node -e 0: ${nodeMs.toFixed(1)} ms, ratio ${ratio.toFixed(2)} (medians of ${count} runs each)`);
}
