import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import createDebug from 'debug'
import { decodeEntry, encodeEntry, type CacheEntry } from './entry-format.js'

const debug = createDebug('modspace:cache')

/** An entry's data, or how to make it when it is written (V8's code cache is richer once the module has run). */
type PendingData = Buffer | undefined | (() => Buffer | undefined)

/** Writes wait this long after the last one queued, so that a load does not pay for them while it runs. */
const FLUSH_DELAY_MS = 500

/**
 * A folder of cache entries, one file each, named by its key (a hex digest), side by side (no subfolders: making them
 * cost a first load more than file systems lose on a large folder). Several processes may share it: an
 * entry is written to a temporary file that is then renamed over its name, so a reader sees a whole entry or none;
 * an entry that reads as broken is a miss, and is written again. Above `maxBytes`, the oldest entries are removed.
 */
export class DiskCache {
  readonly dir: string
  readonly maxBytes: number
  readonly #pending = new Map<string, { meta: unknown; data: PendingData; text: string | undefined }>()
  #madeDir = false
  /** The last entry asked for was missing (see `read`). */
  #missed = false
  #timer: NodeJS.Timeout | undefined
  #broken = false

  constructor(dir: string, maxBytes: number) {
    this.dir = dir
    this.maxBytes = maxBytes
  }

  read<Meta>(key: string): CacheEntry<Meta> | undefined {
    if (this.#broken) return undefined
    const path = join(this.dir, key)
    // A miss is the rule on a first load, a hit on a warm one. After a miss, whether the file is there is asked first: a
    // miss then costs no exception (an error object with its stack) per file. After a hit, the file is read at once:
    // one file system call less for each file of a warm load.
    if (this.#missed && !existsSync(path)) return undefined
    let bytes: Buffer
    try {
      bytes = readFileSync(path)
    } catch {
      this.#missed = true
      return undefined
    }
    this.#missed = false
    const entry = decodeEntry<Meta>(bytes)
    if (!entry) debug('ignoring a broken entry %s', key)
    return entry
  }

  /** Queues an entry: it is written shortly after the last one queued, or when the process exits. */
  write(key: string, meta: unknown, data: PendingData, text?: string): void {
    if (this.#broken) return
    this.#pending.set(key, { meta, data, text })
    if (this.#timer) this.#timer.refresh()
    else {
      this.#timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS).unref()
      process.once('exit', this.#onExit)
    }
  }

  /** Writes the queued entries now, then removes the oldest entries if the folder grew above its bound. */
  flush(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    process.removeListener('exit', this.#onExit)
    if (this.#pending.size === 0) return
    const pending = [...this.#pending]
    this.#pending.clear()
    for (const [key, { meta, data, text }] of pending) {
      if (this.#broken) return
      let bytes: Buffer | undefined
      try {
        bytes = typeof data === 'function' ? data() : data
      } catch (error) {
        debug('no code cache for %s: %s', key, (error as Error).message)
        continue
      }
      try {
        this.#writeNow(key, encodeEntry(meta, bytes, text))
      } catch (error) {
        // An unwritable folder: the cache is off for this process rather than failing every module.
        debug('cannot write to %s, the cache is off for this process: %s', this.dir, (error as Error).message)
        this.#broken = true
      }
    }
    sweepCache(this.dir, this.maxBytes)
  }

  readonly #onExit = (): void => this.flush()

  #writeNow(key: string, entry: Buffer): void {
    const path = join(this.dir, key)
    if (!this.#madeDir) {
      mkdirSync(this.dir, { recursive: true })
      this.#madeDir = true
    }
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    writeFileSync(temp, entry)
    renameSync(temp, path)
  }
}

/** Temporary files older than this are left over by a process that died between write and rename. */
const STALE_TEMP_MS = 60 * 60 * 1000

/**
 * Removes the oldest entries (by write time) until the folder holds at most three quarters of `maxBytes`, when it
 * holds more than `maxBytes`. Entries are written once per file version and never updated, so the oldest are those of
 * versions least likely to be loaded again. Another process may be sweeping too: a file already gone is skipped.
 */
export function sweepCache(dir: string, maxBytes: number): void {
  const files: { path: string; size: number; mtimeMs: number }[] = []
  let total = 0
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  const now = Date.now()
  for (const name of names) {
    const path = join(dir, name)
    try {
      const { size, mtimeMs } = statSync(path)
      if (name.endsWith('.tmp')) {
        if (now - mtimeMs > STALE_TEMP_MS) unlinkSync(path)
        continue
      }
      files.push({ path, size, mtimeMs })
      total += size
    } catch {
      // Removed by another process meanwhile.
    }
  }
  if (total <= maxBytes) return
  files.sort((a, b) => a.mtimeMs - b.mtimeMs)
  for (const file of files) {
    if (total <= maxBytes * 0.75) break
    try {
      unlinkSync(file.path)
    } catch {
      // Removed by another process meanwhile.
    }
    total -= file.size
  }
  debug('swept %s down to %d bytes', dir, total)
}
