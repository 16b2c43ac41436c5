import { isBuiltin } from 'node:module'

/** `node:`-prefixed name of a builtin module, or `undefined` when `specifier` is not one. `net` and `node:net` agree. */
export function builtinId(specifier: string): string | undefined {
  // Asked for every import (by the core and the adapters): a path is never a builtin, and Node's isBuiltin costs
  // microseconds per call while it is interpreted.
  const first = specifier.charCodeAt(0)
  if (first === 46 || first === 47) return undefined
  let id = known.get(specifier)
  if (id === undefined) {
    id = !isBuiltin(specifier) ? '' : specifier.startsWith('node:') ? specifier : `node:${specifier}`
    known.set(specifier, id)
  }
  return id === '' ? undefined : id
}

/** Specifier → its builtin id, or '' for none: the set of builtins does not change while the process runs. */
const known = new Map<string, string>()
