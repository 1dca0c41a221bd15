import { rmSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import packageJson from './package.json' with { type: 'json' };

const shared: Options = {
  target: 'node20',
  sourcemap: false,
  // The three builds below run concurrently and share dist/, so tsup's own
  // clean could delete a sibling build's output. The config function removes
  // dist/ once, before any build starts.
  clean: false,
};

const libraryEntries = ['src/index.ts', 'src/testing.ts'];

const external: string[] = [];

/** Namespace of the stand-in modules that `loadOnFirstCall` puts in place of the packages. */
const DEFERRED_NAMESPACE = 'load-on-first-call';

/**
 * Defers evaluating each of `packages` until its default export is first
 * called. An import of one of them resolves to a stand-in module whose
 * default export `require`s the package on its first call. esbuild bundles a
 * required ES module as a function that runs on the first `require`, so the
 * package's top-level work leaves the start of every CLI run. string-width
 * and wrap-ansi each create an Intl.Segmenter and compile large Unicode
 * patterns at load: about 18 ms of a 110 ms `course --all` run
 * (performance.now() marks in the bundle, Node 20.20 on a shared 2-core AMD
 * EPYC). Only runs that measure text outside the ranges of
 * src/text/width.ts, or that wrap labels, pay it. Supports packages whose
 * only export used is a default function; an import of another name fails
 * the build.
 */
function loadOnFirstCall(packages: readonly string[]): Plugin {
  const names = new Set(packages);

  return {
    name: 'load-on-first-call',
    setup(build) {
      // The filter passes only bare package names, so relative and absolute paths skip the callback.
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // The stand-in's own require() resolves to the package itself.
        if (!names.has(args.path) || args.kind === 'require-call') {
          return undefined;
        }

        return { path: args.path, namespace: DEFERRED_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: DEFERRED_NAMESPACE }, (args) => ({
        contents: [
          'let loaded;',
          'export default function (...args) {',
          `  loaded ??= require(${JSON.stringify(args.path)}).default;`,
          '  return loaded(...args);',
          '}',
        ].join('\n'),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

export default defineConfig(() => {
  rmSync('dist', { recursive: true, force: true });

  return [
    {
      ...shared,
      name: 'library-esm',
      entry: libraryEntries,
      format: ['esm'],
      dts: true,
      external,
    },
    {
      ...shared,
      name: 'library-cjs',
      entry: libraryEntries,
      format: ['cjs'],
      dts: true,
      external,
      // string-width, strip-ansi and wrap-ansi ship only ES modules. When the
      // .cjs output requires them (Node 20.20, esbuild 0.27), their default
      // import is the module namespace, so stringWidth() throws "is not a
      // function". Bundling every runtime dependency into the .cjs files
      // avoids this.
      noExternal: Object.keys(packageJson.dependencies),
    },
    {
      ...shared,
      name: 'cli',
      // dist/cli.cjs is the command: a small launcher that runs dist/cli-main.cjs, the CLI itself, with a code cache.
      entry: { cli: 'src/launch.ts', 'cli-main': 'src/cli.ts' },
      // Node starts a CommonJS entry file several milliseconds sooner than an ES module
      // one: about 89 against 97 ms for `course --all`, medians of 25 runs
      // alternating both (Node 20.20, shared 2-core AMD EPYC). The shim gives
      // the CommonJS output an import.meta.url.
      format: ['cjs'],
      shims: true,
      dts: false,
      // Bundle the CLI and its dependencies into dist/cli-main.cjs alone, even
      // where it uses import(): one file loads faster than a tree of packages,
      // and start-up time is most of what a short CLI run costs.
      splitting: false,
      noExternal: Object.keys(packageJson.dependencies),
      esbuildPlugins: [loadOnFirstCall(Object.keys(packageJson.dependencies))],
      minify: true,
      // tsup keeps the `#!/usr/bin/env node` line of src/launch.ts and marks
      // dist/cli.cjs executable.
    },
  ];
});
