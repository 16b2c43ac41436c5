import { dirname, join } from 'node:path'
import type { ModspaceHost } from '@modspace/core'

/**
 * Whether the bundler parses `file` as strict ESM (webpack's `javascript/esm`): `.mjs`, or `.js` under a package.json
 * with `"type": "module"`. Only such importers' `import`s need full file names. webpack's hooks give the importer
 * module; rspack's give its path, so the rule is applied to the path. `types` remembers each folder's answer.
 */
export function isStrictEsm(host: ModspaceHost, file: string, types: Map<string, boolean>): boolean {
  if (/\.m[jt]s$/.test(file)) return true
  if (!/\.[jt]s$/.test(file)) return false
  return folderIsModule(host, dirname(file), types)
}

function folderIsModule(host: ModspaceHost, dir: string, types: Map<string, boolean>): boolean {
  const known = types.get(dir)
  if (known !== undefined) return known
  const text = host.readFile(join(dir, 'package.json'))
  let answer: boolean
  if (text !== undefined) answer = typeOf(text) === 'module'
  else answer = dirname(dir) !== dir && folderIsModule(host, dirname(dir), types)
  types.set(dir, answer)
  return answer
}

function typeOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { type?: unknown }).type
  } catch {
    return undefined
  }
}
