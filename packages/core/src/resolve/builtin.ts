import { isBuiltin } from 'node:module'

/** `node:`-prefixed name of a builtin module, or `undefined` when `specifier` is not one. `net` and `node:net` agree. */
export function builtinId(specifier: string): string | undefined {
  if (!isBuiltin(specifier)) return undefined
  return specifier.startsWith('node:') ? specifier : `node:${specifier}`
}
