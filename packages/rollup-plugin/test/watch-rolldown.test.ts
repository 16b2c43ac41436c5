import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { watch, type Plugin, type RolldownWatcher, type RolldownWatcherEvent } from 'rolldown'
import { afterEach, expect, it } from 'vitest'
import { writeApp } from './app-fixture.js'

let cleanup = () => {}
afterEach(() => cleanup())

/** Resolves at the next END of the watcher, rejects at an ERROR. */
function nextBuild(watcher: RolldownWatcher): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEvent = async (event: RolldownWatcherEvent) => {
      if (event.code === 'BUNDLE_END') await event.result.close()
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

// rolldown has no shouldTransformCachedModule: its watch mode must still ask the space graph again after a change.
it('in rolldown watch mode an edited package.json range is resolved afresh', async () => {
  const app = writeApp()
  const out = join(app.dir, 'dist')
  const watcher = watch({
    input: { main: join(app.dir, 'main.mjs') },
    platform: 'node',
    plugins: [modspace({ config: app.dir }) as unknown as Plugin],
    output: { dir: out, format: 'es' },
    watch: { buildDelay: 50 },
    logLevel: 'silent',
  })
  cleanup = () => {
    void watcher.close()
    app.cleanup()
  }
  await nextBuild(watcher)
  expect(spaceOfDep(out, 'plugin-a')).toEqual(['plugins/a/node_modules/dep/index.js@2.0.0'])

  const rebuilt = nextBuild(watcher)
  const pkgFile = join(app.dir, 'plugins/a/package.json')
  writeFileSync(pkgFile, readFileSync(pkgFile, 'utf8').replace('^2.0.0', '^1.0.0'))
  await rebuilt
  expect(spaceOfDep(out, 'plugin-a')).toEqual([])
  expect(spaceOfDep(out, 'root')).toEqual(['node_modules/dep/index.js@1.0.0'])
})
