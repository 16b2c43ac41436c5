import { createRequire } from 'node:module'
import { readCached, saveCached, sourceOf, type CompiledFile } from '../compile-cache.js'

/** What cjs-module-lexer finds in a CommonJS file: the names Node gives an ES importer, and the files it re-exports. */
export interface CjsExportNames {
  exports: string[]
  reexports: string[]
}

// The JavaScript build of the lexer is synchronous (the wasm one needs an async init); Node falls back to it too.
const { parse } = createRequire(import.meta.url)('cjs-module-lexer') as { parse: (source: string, name?: string) => CjsExportNames }

/** The names of a CommonJS file, lexed once per version of the file (and kept in the disk cache: lexing costs). */
export function cjsExportNames(entry: CompiledFile): CjsExportNames {
  if (!entry.cjsExports) {
    const hit = readCached<CjsExportNames>(entry, 'cjs-exports')
    if (hit) {
      entry.cjsExports = hit.meta
    } else {
      try {
        const { exports, reexports } = parse(sourceOf(entry), entry.file)
        entry.cjsExports = { exports, reexports }
      } catch {
        entry.cjsExports = { exports: [], reexports: [] }
      }
      saveCached(entry, 'cjs-exports', entry.cjsExports)
    }
  }
  return entry.cjsExports
}
