import { defineConfig } from 'vitest/config'

// Every test runs real rollup builds and Node processes; on a shared 2-core machine they need more than 5 s.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
})
