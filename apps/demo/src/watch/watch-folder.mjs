import { watch } from 'node:fs'
import { join } from 'node:path'
import { clearTimeout, setTimeout } from 'node:timers'

/**
 * Calls `onChange(files)` once the files under `dir` have stopped changing for `quietMs`: an editor's save is often
 * several events (write, rename, chmod), and a plugin is loaded once for all of them. Returns a function that stops.
 */
export function watchFolder(dir, onChange, { quietMs = 80 } = {}) {
  let pending = new Set()
  let timer
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name) pending.add(join(dir, name))
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = pending
      pending = new Set()
      onChange([...files])
    }, quietMs)
  })
  return () => {
    clearTimeout(timer)
    watcher.close()
  }
}
