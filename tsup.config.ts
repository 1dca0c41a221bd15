import { rmSync } from 'node:fs';
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
      entry: ['src/cli.ts'],
      format: ['esm'],
      dts: false,
      // Bundle the CLI and its dependencies into dist/cli.js alone, even where
      // it uses import(): one file loads faster than a tree of packages, and
      // start-up time is most of what a short CLI run costs.
      splitting: false,
      noExternal: Object.keys(packageJson.dependencies),
      minify: true,
      // tsup keeps the `#!/usr/bin/env node` line of src/cli.ts and marks
      // dist/cli.js executable.
    },
  ];
});
