import { readFileSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { initSync, parse } from 'es-module-lexer'

initSync()

/** Folder → the `"type"` of the nearest package.json at or above it (`undefined`: none says). */
const typeByDir = new Map<string, string | undefined>()

/**
 * Whether Node would run `file` (with this source) as CommonJS: `.cjs`, or `.js` under a package.json of
 * `"type": "commonjs"`, or `.js` of no declared type without ES module syntax (Node 24 detects the format so).
 * `.mjs`, `.json` and anything a source plugin compiles (`.ts`, `.vue`) are not.
 */
export function isCommonJs(file: string, code: string): boolean {
  const ext = extname(file)
  if (ext === '.cjs') return true
  if (ext !== '.js') return false
  const type = packageType(dirname(file))
  if (type !== undefined) return type === 'commonjs'
  try {
    return !parse(code)[3]
  } catch {
    // Not even ES syntax the lexer reads: left to the browser, which reports it.
    return false
  }
}

/** The format of a file on disk, for the wrapper of a module that `require`s it. */
export function isCommonJsFile(file: string): boolean {
  const ext = extname(file)
  if (ext !== '.js' && ext !== '.cjs') return false
  return isCommonJs(file, ext === '.cjs' || packageType(dirname(file)) !== undefined ? '' : readFileSync(file, 'utf8'))
}

function packageType(dir: string): string | undefined {
  if (typeByDir.has(dir)) return typeByDir.get(dir)
  let type: string | undefined
  let text: string | undefined
  try {
    text = readFileSync(join(dir, 'package.json'), 'utf8')
  } catch {
    text = undefined
  }
  if (text !== undefined) {
    // A package.json without "type" ends the search, as in Node.
    try {
      const data = JSON.parse(text) as { type?: unknown }
      // Node knows two types; any other value declares none, and the format is detected.
      type = data.type === 'module' || data.type === 'commonjs' ? data.type : undefined
    } catch {
      type = undefined
    }
  } else {
    const up = dirname(dir)
    type = up === dir || dir.endsWith('/node_modules') ? undefined : packageType(up)
  }
  typeByDir.set(dir, type)
  return type
}
