#!/usr/bin/env node
/**
 * The `termdiagram` command: runs the CLI bundle, dist/cli-main.cjs, with a
 * V8 code cache. Compiling the bundle and the functions a run calls took
 * about 5 of the 25 ms that `course --all` adds to `node -e 0` (Node 20.20),
 * and the cache saves most of it after the first run.
 *
 * The cache is one file per Node version and bundle, named by the bundle's
 * length and CRC-32, in a directory only the current user can write:
 * `termdiagram-cache-<uid>` under the system's temporary directory. V8
 * rejects a cache made by another V8 or with other flags, a CRC-32 rejects a
 * damaged one, and the bundle then compiles as usual. Any failure to read or
 * write the cache is ignored. `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as
 * it does Node's own compile cache. Systems without user ids, such as
 * Windows, and Node before 20.15, which lacks zlib.crc32, run without it.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

// The real path, so a launcher reached through a link (as with --preserve-symlinks-main) still finds the bundle.
const MAIN = join(dirname(realpathSync(__filename)), 'cli-main.cjs');

/** Cache files kept besides the one in use, so a few installs side by side each keep theirs while old builds are removed. */
const OTHER_CACHES_KEPT = 3;

/** Bytes of the CRC-32 before the V8 data in a cache file. */
const CHECKSUM_BYTES = 4;

/** Owner-only permissions: a cache is compiled code, so no other user may put one in its place. */
const PRIVATE_DIRECTORY = 0o700;
const PRIVATE_FILE = 0o600;

/** Returns the cache directory, created if missing, or undefined when it cannot be trusted or made. */
function cacheDirectory(uid: number): string | undefined {
  const directory = join(tmpdir(), `termdiagram-cache-${uid}`);
  try {
    mkdirSync(directory, { mode: PRIVATE_DIRECTORY });
  } catch {
    // It exists already or cannot be made, and the check below finds out which.
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
 * Returns the file that contains the cache of this bundle on this Node, or
 * undefined to run without one. The bundle's length and CRC-32 tell builds
 * apart: V8 compares a cache with the length of its source only, and npm's
 * tarballs give every file the same time, which unpacking with tar keeps,
 * so size and time cannot.
 */
function cacheFile(bundle: Buffer, crc32: Crc32): string | undefined {
  const uid = process.getuid?.();
  const directory = uid === undefined ? undefined : cacheDirectory(uid);
  if (directory === undefined) {
    return undefined;
  }
  const checksum = crc32(bundle).toString(16).padStart(8, '0');

  return join(directory, `cli-${process.version}-${process.arch}-${bundle.length}-${checksum}.bin`);
}

/**
 * Returns the V8 data of a cache file, or undefined when it is missing or
 * damaged. Node 20's V8 checks a cache's version, flags and source length but
 * not its contents, and a damaged one can crash the run, so the file starts
 * with a CRC-32 of the data, checked here.
 */
function readCache(file: string, crc32: Crc32): Buffer | undefined {
  let contents: Buffer;
  try {
    // Only a regular file: reading a FIFO or a device put in its place would never end.
    if (!lstatSync(file).isFile()) {
      return undefined;
    }
    contents = readFileSync(file);
  } catch {
    return undefined;
  }
  if (contents.length <= CHECKSUM_BYTES) {
    return undefined;
  }
  const data = contents.subarray(CHECKSUM_BYTES);

  return contents.readUInt32LE(0) === crc32(data) ? data : undefined;
}

type Crc32 = (data: Uint8Array) => number;

/** Returns zlib.crc32 when the cache is in use, or undefined to run uncached. */
function loadCrc32(): Crc32 | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') {
    return undefined;
  }
  const zlib = createRequire(__filename)('node:zlib') as { crc32?: Crc32 };

  return typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;
}

/**
 * Writes the cache, its CRC-32 first, under a temporary name and renames it,
 * so a concurrent run never reads half a file. Then removes all but the
 * newest few other cache files, so rebuilds and upgrades do not pile up.
 */
function writeCache(file: string, data: Buffer, crc32: Crc32): void {
  const checksum = Buffer.alloc(CHECKSUM_BYTES);
  checksum.writeUInt32LE(crc32(data), 0);
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([checksum, data]), { mode: PRIVATE_FILE });
    renameSync(partial, file);
  } catch {
    // A missing cache costs the next run the compile time, nothing more.
    removeQuietly(partial);

    return;
  }
  pruneOtherCaches(dirname(file), file);
}

function pruneOtherCaches(directory: string, current: string): void {
  try {
    const others = readdirSync(directory)
      .filter((name) => name.startsWith('cli-') && name.endsWith('.bin'))
      .map((name) => join(directory, name))
      .filter((path) => path !== current)
      .map((path) => ({ path, modified: statSync(path).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const stale of others.slice(OTHER_CACHES_KEPT)) {
      removeQuietly(stale.path);
    }
  } catch {
    // Another run may be pruning too, and what this one leaves, a later one removes.
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Left behind, the file only takes space, because it is never read.
  }
}

function main(): void {
  const bundle = readFileSync(MAIN);
  const crc32 = loadCrc32();
  const file = crc32 === undefined ? undefined : cacheFile(bundle, crc32);
  const cached = file === undefined || crc32 === undefined ? undefined : readCache(file, crc32);
  // The same wrapper Node gives a CommonJS module, so the bundle runs as if required.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`;
  const script = new Script(wrapper, { filename: MAIN, cachedData: cached });
  if (file !== undefined && crc32 !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    // Made at exit, the cache also contains the functions this run compiled, not only the top level.
    process.once('exit', () => writeCache(file, script.createCachedData(), crc32));
  }

  const run = script.runInThisContext() as (...parts: unknown[]) => void;
  const exports = {};
  run.call(exports, exports, createRequire(MAIN), { exports }, MAIN, dirname(MAIN));
}

main();
