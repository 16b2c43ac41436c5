import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { APP_FILES, writeApp } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

it('source maps name each copy by its file and space, with the file as its content', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const out = join(app.dir, 'dist')
  await buildWithPlugin({ main: join(app.dir, 'main.mjs') }, { config: app.dir }, { dir: out, sourcemap: true })
  const map = JSON.parse(readFileSync(join(out, 'plugin-b/main.js.map'), 'utf8')) as { sources: string[]; sourcesContent: string[] }
  const dep = map.sources.indexOf('../../plugins/b/node_modules/dep/index.js?modspace=plugin-b')
  expect(dep).not.toBe(-1)
  expect(map.sourcesContent[dep]).toBe(APP_FILES['plugins/b/node_modules/dep/index.js'])
  // root's modules keep their plain path.
  const root = JSON.parse(readFileSync(join(out, 'main.js.map'), 'utf8')) as { sources: string[] }
  expect(root.sources).toContain('../node_modules/dep/index.js')
})
