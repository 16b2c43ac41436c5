import { readFileSync, statSync } from 'node:fs'
import createDebug from 'debug'
import { cacheKey, sourceDigest } from './cache/cache-key.js'
import type { DiskCache } from './cache/disk-cache.js'
import type { CacheEntry } from './cache/entry-format.js'
import type { CjsExportNames } from './cjs/cjs-export-names.js'
import type { CjsFunction } from './cjs/compile-cjs.js'
import type { CompiledEsm } from './esm/compile-esm.js'
import { registerSourceMap } from './source-maps.js'
import { isTypeScript, javaScriptOf } from './typescript/strip-types.js'

/**
 * What one file compiles to, shared by every space in the process: a compiled function holds no module state (each
 * call makes a new module scope), so a second space loading the same tree only calls functions. Keyed by path and
 * checked against size and mtime, so an edited file is compiled again. What is costly to make again is also kept on
 * disk (`disk`), found by the digest of the file's text: see `readCached`.
 */
export interface CompiledFile {
  readonly file: string
  readonly mtimeMs: number
  readonly size: number
  source?: string
  /** What `detect` found: a `.js` file of no declared type that does not compile as CommonJS is ESM. */
  detected?: 'cjs' | 'esm'
  cjs?: CjsFunction
  esm?: CompiledEsm
  cjsExports?: CjsExportNames
  /** The persistent cache of the first set of spaces that loaded the file (none: `cache: false`). */
  disk?: DiskCache
  digest?: string
  /** The file as read for its digest, not decoded yet (a load answered by the disk cache may never need its text). */
  bytes?: Buffer
}

/**
 * Held weakly: an entry lives while a runtime (a set of spaces) holds it, and a second set of spaces made meanwhile
 * shares it; once every set that used a file is disposed or dropped, its compiled code can be collected.
 */
const compiled = new Map<string, WeakRef<CompiledFile>>()
const dropped = new FinalizationRegistry<{ file: string; ref: WeakRef<CompiledFile> }>(({ file, ref }) => {
  if (compiled.get(file) === ref) compiled.delete(file)
})
const debug = createDebug('modspace:cache')

/**
 * The cache entry of `file`, fresh if the file changed since it was made. `version` is the file's mtime and size as the
 * core's host saw them while resolving it: enough for a file compiled for the first time (it is read now, one `stat`
 * less per module of a cold load), not to trust a compiled entry, which is checked against the file as it is now
 * (it may have been edited since the host looked).
 */
export function compiledFile(file: string, version?: { mtimeMs: number; size: number }): CompiledFile {
  const hit = compiled.get(file)?.deref()
  const stat = hit === undefined && version !== undefined ? version : statSync(file)
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit
  const entry: CompiledFile = { file, mtimeMs: stat.mtimeMs, size: stat.size }
  const ref = new WeakRef(entry)
  compiled.set(file, ref)
  dropped.register(entry, { file, ref })
  return entry
}

/**
 * The file's text, without a byte order mark, read once per version of the file; a TypeScript file's stripped of types.
 * Its source map, if any, is given to Node's source map cache here (see source-maps.ts).
 */
export function sourceOf(entry: CompiledFile): string {
  if (entry.source === undefined) {
    const text = entry.bytes ? entry.bytes.toString('utf8') : readFileSync(entry.file, 'utf8')
    entry.bytes = undefined
    registerSourceMap(entry.file, text)
    entry.source = javaScriptOf(entry.file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  }
  return entry.source
}

/** Forgets every compiled file (for tests and for long-lived processes that watch files). */
export function clearCompileCache(): void {
  compiled.clear()
}

/**
 * The disk cache's entry of `kind` for this version of the file, if there is one. Entries are found by the digest of
 * the source as loaded, never by mtime: an edit (even one that keeps the size and the mtime) makes another key.
 */
export function readCached<Meta>(entry: CompiledFile, kind: string): CacheEntry<Meta> | undefined {
  if (!entry.disk) return undefined
  const hit = entry.disk.read<Meta>(cacheKey(kind, digestOf(entry)))
  if (debug.enabled) debug('%s %s %s', hit ? 'hit' : 'miss', kind, entry.file)
  return hit
}

/**
 * Queues what this version of the file compiled to for the disk cache (the data may be made when it is written); a
 * long text (code) is best given apart from the metadata, which is JSON.
 */
export function saveCached(entry: CompiledFile, kind: string, meta: unknown, data?: Buffer | (() => Buffer | undefined), text?: string): void {
  entry.disk?.write(cacheKey(kind, digestOf(entry)), meta, data, text)
}

/**
 * The digest of the file's text as loaded, which is that of its UTF-8 bytes: for a JavaScript file, those of the file
 * (but a byte order mark), so that a load whose entries are on disk does not decode what it will not compile. A
 * TypeScript file's digest is of its stripped text; with source maps on, the text is read as before (its map is
 * registered as it is read). A file that is not UTF-8 may get two digests that way, in two processes: two keys for one
 * text, never one key for two.
 */
function digestOf(entry: CompiledFile): string {
  if (entry.digest === undefined) {
    if (entry.source === undefined && !isTypeScript(entry.file) && !process.sourceMapsEnabled) {
      const bytes = (entry.bytes = readFileSync(entry.file))
      entry.digest = sourceDigest(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes)
    } else {
      entry.digest = sourceDigest(sourceOf(entry))
    }
  }
  return entry.digest
}
