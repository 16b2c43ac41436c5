import { defineConfig } from 'vitest/config'

// Every test runs real webpack builds; on a shared 2-core machine they need more than the default 5 s.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
})
