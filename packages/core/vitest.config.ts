import { defineConfig } from 'vitest/config'

// Many tests start Node processes or load whole package trees; on a shared 2-core machine running turbo's tasks side by
// side they need more than vitest's default 5 s. The limit only catches hangs: speed is measured in `npm run bench`.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
})
