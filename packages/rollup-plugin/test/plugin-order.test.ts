import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { rollup } from 'rollup'
import { afterEach, expect, it } from 'vitest'
import { writeApp } from './app-fixture.js'
import { commonjs } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

it.each([
  ['nodeResolve() before modspace()', () => [nodeResolve(), modspace({ config: app().dir })], /list modspace\(\) before nodeResolve\(\)/],
  ['commonjs() after modspace()', () => [modspace({ config: app().dir }), commonjs()], /list commonjs\(\) before modspace\(\)/],
])('%s fails the build with the fix', async (_name, plugins, message) => {
  await expect(rollup({ input: join(app().dir, 'main.mjs'), plugins: plugins(), onLog: () => {} })).rejects.toThrow(message)
})

let current: ReturnType<typeof writeApp> | undefined
function app(): ReturnType<typeof writeApp> {
  if (!current) {
    current = writeApp()
    cleanup = () => {
      current?.cleanup()
      current = undefined
    }
  }
  return current
}
