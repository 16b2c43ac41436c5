import { defineConfig } from '@modspace/core'

// A plugin host: two plugins in one process, one needing an older logger, both sharing the host's UI kit.
export default defineConfig({
  spaces: {
    'legacy-reports': {
      root: './plugins/legacy-reports',
      shared: { '@example/ui-kit': '^1.0.0' },
      entries: { main: './plugins/legacy-reports/index.js' },
    },
    charts: {
      root: './plugins/charts',
      shared: ['@example/ui-kit'],
      overrides: { 'node:net': './test/fake-net.js' },
      entries: { main: './plugins/charts/index.js' },
    },
    'charts-no-spawn': {
      parent: 'charts',
      root: './plugins/charts',
      delegation: 'self-first',
      overrides: { 'node:child_process': false },
    },
  },
  native: { pin: 'root', packages: ['@example/sqlite-binding'], onConflict: 'error' },
  conditions: ['node'],
})
