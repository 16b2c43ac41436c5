import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Every test runs real webpack builds; on a shared 2-core machine they need more than the default 5 s.
const test = { testTimeout: 60_000, hookTimeout: 60_000 }

export default defineConfig({
  test: {
    ...test,
    projects: [
      { test: { ...test, name: 'webpack' } },
      {
        // The bottom of the peer range: the same builds with webpack 5.90.0 (devDependency `webpack-floor`). Left to the
        // first run: the two tests that start their own Node process with the repo's webpack, and ES module output,
        // whose runtime chunk webpack 5.90 itself emits broken (a plain two-line build shows it, without modspace).
        resolve: { alias: { webpack: fileURLToPath(new URL('../../node_modules/webpack-floor/lib/index.js', import.meta.url)) } },
        test: { ...test, name: 'webpack 5.90', exclude: ['test/require-esm.test.ts', 'test/readme.test.ts', 'test/esm-output.test.ts', 'test/rspack-*.test.ts', 'test/conformance-rspack.test.ts', '**/node_modules/**'], server: { deps: { inline: [/webpack-dev-middleware/] } } },
      },
    ],
  },
})
