import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { watch, type RollupWatcher, type RollupWatcherEvent } from 'rollup'
import { afterEach, expect, it } from 'vitest'
import { writeApp } from './app-fixture.js'
import { commonjs } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

/** Resolves at the next END of the watcher, rejects at an ERROR. */
function nextBuild(watcher: RollupWatcher): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEvent = (event: RollupWatcherEvent) => {
      if (event.code === 'BUNDLE_END') void event.result.close()
      if (event.code === 'END' || event.code === 'ERROR') {
        watcher.off('event', onEvent)
        if (event.code === 'ERROR') reject(event.error)
        else resolve()
      }
    }
    watcher.on('event', onEvent)
  })
}

const spaceOfDep = (out: string, space: string) =>
  (JSON.parse(readFileSync(join(out, 'modspace-manifest.json'), 'utf8')).modules as Array<{ space: string; id: string; package?: { name: string; version: string } }>)
    .filter((m) => m.space === space && m.package?.name === 'dep')
    .map((m) => `${m.id}@${m.package?.version}`)

it('in watch mode a change is resolved afresh: the space graph forgets what it read', async () => {
  const app = writeApp()
  const out = join(app.dir, 'dist')
  const watcher = watch({
    input: { main: join(app.dir, 'main.mjs') },
    plugins: [commonjs(), modspace({ config: app.dir }), nodeResolve()],
    output: { dir: out, format: 'es' },
    watch: { buildDelay: 50 },
    onLog: () => {},
  })
  cleanup = () => {
    void watcher.close()
    app.cleanup()
  }
  await nextBuild(watcher)
  expect(spaceOfDep(out, 'plugin-a')).toEqual(['plugins/a/node_modules/dep/index.js@2.0.0'])

  // plugin-a now accepts the root's dep@1.0.0: parent-first takes it, and plugin-a's own copy leaves the output.
  // Only package.json changes: it is watched, and the modules that resolved through it are resolved again.
  const rebuilt = nextBuild(watcher)
  const pkgFile = join(app.dir, 'plugins/a/package.json')
  writeFileSync(pkgFile, readFileSync(pkgFile, 'utf8').replace('^2.0.0', '^1.0.0'))
  await rebuilt
  expect(spaceOfDep(out, 'plugin-a')).toEqual([])
  expect(spaceOfDep(out, 'root')).toEqual(['node_modules/dep/index.js@1.0.0'])
})
