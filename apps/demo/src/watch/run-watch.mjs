import { realpathSync } from 'node:fs'
import { relative } from 'node:path'
import { clearInterval, setInterval } from 'node:timers'
import { heapAfterGc, mebibytes } from './heap.mjs'
import { PluginHost } from './plugin-host.mjs'
import { watchFolder } from './watch-folder.mjs'

/**
 * The plugin host, live: loads the plugins of the config in `dir`, ticks them, and loads a plugin again when a file
 * in its folder changes, printing the heap after each reload. Runs until SIGINT or SIGTERM.
 */
export async function runWatch(dir, { tickMs = 100, statusEvery = 20 } = {}) {
  const hostDir = realpathSync(dir)
  const host = new PluginHost(hostDir)
  await host.start()
  console.log(`== The plugin host, watching ${hostDir} ==`)
  console.log(`plugins: ${host.names.join(', ')}. Edit a file in a plugin's folder and it is loaded again; Ctrl-C stops.`)
  console.log(`heap ${mebibytes(heapAfterGc())} · ${host.status()}`)

  let reloads = 0
  let queue = Promise.resolve()
  const reload = (names) => {
    queue = queue.then(async () => {
      for (const name of names) {
        const started = performance.now()
        const error = await host.reload(name)
        reloads += 1
        const took = `${(performance.now() - started).toFixed(0)} ms`
        if (error) console.log(`✗ ${name} failed to load (reload ${reloads}, ${took}): ${error}; the host keeps running`)
        else console.log(`↻ ${name} loaded again (reload ${reloads}, ${took}) · heap ${mebibytes(heapAfterGc())}`)
      }
      console.log(host.status())
    }).catch((error) => console.log(`✗ the reload failed: ${error.stack}`))
  }
  const stopWatching = watchFolder(hostDir, (files) => {
    const names = new Set(files.flatMap((file) => host.ownersOf(file)))
    if (names.size) reload([...names])
    else console.log(`(changed, no plugin's folder: ${files.map((f) => relative(hostDir, f)).join(', ')})`)
  })

  let ticks = 0
  const ticker = setInterval(() => {
    host.tick()
    if (++ticks % statusEvery === 0) console.log(host.status())
  }, tickMs)

  await new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  clearInterval(ticker)
  stopWatching()
  await queue
  await host.dispose()
  console.log(`stopped after ${reloads} reload(s)`)
}
