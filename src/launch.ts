#!/usr/bin/env node
/**
 * The `termdiagram` command: runs the CLI bundle, dist/cli-main.cjs, with a
 * V8 code cache. Compiling the bundle and the functions a run calls took
 * about 5 of the 25 ms that `course --all` adds to `node -e 0` (Node 20.20),
 * and the cache saves most of it after the first run.
 *
 * The cache is one file per Node version and bundle build, named by a hash
 * the build writes on the bundle's last line, in a directory only the
 * current user can write: `termdiagram-cache-<uid>` under the system's
 * temporary directory. V8 rejects a cache made by another V8 or
 * with other flags, and the bundle then compiles as usual. Any failure to
 * read or write the cache is ignored. `NODE_DISABLE_COMPILE_CACHE=1` turns
 * it off, as it does Node's own compile cache. Systems without user ids,
 * such as Windows, run without it.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { BUILD_STAMP_LENGTH, BUILD_STAMP_PREFIX } from './build-stamp.js';

const MAIN = join(__dirname, 'cli-main.cjs');

/** Owner-only permissions: a cache is compiled code, so no other user may put one in its place. */
const PRIVATE_DIRECTORY = 0o700;
const PRIVATE_FILE = 0o600;

/** Returns the cache directory, created if missing, or undefined when it cannot be trusted or made. */
function cacheDirectory(uid: number): string | undefined {
  const directory = join(tmpdir(), `termdiagram-cache-${uid}`);
  try {
    mkdirSync(directory, { mode: PRIVATE_DIRECTORY });
  } catch {
    // It exists already, or cannot be made; the check below finds out which.
  }
  try {
    const stats = lstatSync(directory);
    const isPrivate = stats.isDirectory() && stats.uid === uid && (stats.mode & 0o077) === 0;

    return isPrivate ? directory : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the file that contains the cache of this bundle build on this Node,
 * or undefined to run without one. The build names itself in the last line
 * of the bundle; a bundle without that line runs uncached.
 */
function cacheFile(source: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined || process.env.NODE_DISABLE_COMPILE_CACHE === '1') {
    return undefined;
  }
  const build = readBuildStamp(source);
  const directory = build === undefined ? undefined : cacheDirectory(uid);
  if (directory === undefined) {
    return undefined;
  }

  return join(directory, `cli-${process.version}-${process.arch}-${build}.bin`);
}

/** Returns the hash the build put on the last line of the bundle, or undefined when it has none. */
function readBuildStamp(source: string): string | undefined {
  const tail = source.slice(-(BUILD_STAMP_PREFIX.length + BUILD_STAMP_LENGTH + 1));
  const stamp = tail.startsWith(BUILD_STAMP_PREFIX) ? tail.slice(BUILD_STAMP_PREFIX.length).trimEnd() : '';

  return /^[0-9a-f]+$/.test(stamp) && stamp.length === BUILD_STAMP_LENGTH ? stamp : undefined;
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) {
    return undefined;
  }
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache under a temporary name and renames it, so a concurrent run never reads half a file. */
function writeCache(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, data, { mode: PRIVATE_FILE });
    renameSync(partial, file);
  } catch {
    // A missing cache costs the next run the compile time, nothing more.
    removeQuietly(partial);
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Left behind, the file only takes space; it is never read.
  }
}

function main(): void {
  const source = readFileSync(MAIN, 'utf8');
  const file = cacheFile(source);
  const cached = readCache(file);
  // The same wrapper Node gives a CommonJS module, so the bundle runs as if required.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: MAIN, cachedData: cached });
  if (file !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    // Made at exit, the cache also contains the functions this run compiled, not only the top level.
    process.once('exit', () => writeCache(file, script.createCachedData()));
  }

  const run = script.runInThisContext() as (...parts: unknown[]) => void;
  const bundle = { exports: {} };
  run.call(bundle.exports, bundle.exports, createRequire(MAIN), bundle, MAIN, dirname(MAIN));
}

main();
