import { createRequire } from 'node:module'
import { sourceOf, type CompiledFile } from '../compile-cache.js'

/** What cjs-module-lexer finds in a CommonJS file: the names Node gives an ES importer, and the files it re-exports. */
export interface CjsExportNames {
  exports: string[]
  reexports: string[]
}

// The JavaScript build of the lexer is synchronous (the wasm one needs an async init); Node falls back to it too.
const { parse } = createRequire(import.meta.url)('cjs-module-lexer') as { parse: (source: string, name?: string) => CjsExportNames }

export function cjsExportNames(entry: CompiledFile): CjsExportNames {
  if (!entry.cjsExports) {
    try {
      const { exports, reexports } = parse(sourceOf(entry), entry.file)
      entry.cjsExports = { exports, reexports }
    } catch {
      entry.cjsExports = { exports: [], reexports: [] }
    }
  }
  return entry.cjsExports
}
