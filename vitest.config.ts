import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Examples import the package by name, as a user would; tests run them against the source.
    // Vite takes the first alias that matches, and `termdiagram` also matches
    // `termdiagram/testing`, so the subpath comes first.
    alias: {
      'termdiagram/testing': fileURLToPath(new URL('./src/testing.ts', import.meta.url)),
      termdiagram: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
