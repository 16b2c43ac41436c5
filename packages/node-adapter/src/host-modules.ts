import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { cjsExportNames } from './cjs/cjs-export-names.js'
import { compiledFile } from './compile-cache.js'
import { moduleFormat } from './module-format.js'
import { createNamespace, defineExports, sealNamespace, sortedGetters, valueNamespace } from './namespace.js'

/**
 * Modules owned by `root` are the host's own: loaded with the host's real `require` and `import()`, once per process,
 * whatever space asked. Native addons (`.node`) always go through the host's `require` too, which keys them by real
 * path, so no addon is ever opened twice.
 */
export const hostRequire = createRequire(import.meta.url)

/** Host namespaces by id, one object per module for every space, filled when the module has been loaded. */
const hostNamespaces = new Map<string, { ns: Record<string, unknown>; filled: boolean }>()

/** The value `require(id)` gives in the host (a builtin, a host file or a native addon). */
export function hostRequireValue(id: string): unknown {
  return id.startsWith('node:') ? process.getBuiltinModule(id) : hostRequire(id)
}

/**
 * The namespace object an ES module of a space binds to for a host module. Empty until `fillHostNamespace*`; the
 * importer reads it only after its dependencies have been evaluated.
 */
export function hostNamespace(id: string): { ns: Record<string, unknown>; filled: boolean } {
  let slot = hostNamespaces.get(id)
  if (!slot) {
    slot = { ns: createNamespace(), filled: false }
    hostNamespaces.set(id, slot)
    if (id.startsWith('node:')) fillHostNamespaceSync(id)
  }
  return slot
}

/** Loads a host module with `import()` (as Node gives it, CommonJS named exports included) and fills its namespace. */
export async function fillHostNamespaceAsync(id: string): Promise<void> {
  const slot = hostNamespace(id)
  if (slot.filled) return
  const real = await import(id.startsWith('node:') ? id : pathToFileURL(id).href)
  copyNamespace(slot, real)
}

/** The same with `require()`, for `require(esm)` graphs: ES modules through Node's `require(esm)`, CommonJS lexed. */
export function fillHostNamespaceSync(id: string): void {
  const slot = hostNamespaces.get(id) ?? hostNamespace(id)
  if (slot.filled) return
  const value = hostRequireValue(id)
  if (!id.startsWith('node:') && moduleFormat(id) === 'esm') {
    copyNamespace(slot, value as object)
    return
  }
  // Node's `import` of CommonJS TypeScript lexes the stripped source, as it lexes JavaScript (compiledFile strips it).
  if (id.startsWith('node:') || !LEXED.test(id)) {
    copyNamespace(slot, valueNamespace(value, Object.keys(value ?? {})))
    return
  }
  // And Node's namespace of CommonJS has the value as `'module.exports'` too.
  const ns = valueNamespace(value, cjsExportNames(compiledFile(id)).exports)
  copyNamespace(slot, Object.defineProperties(Object.create(null), { ...Object.getOwnPropertyDescriptors(ns), 'module.exports': { get: () => value, enumerable: true } }))
}

/** CommonJS files whose names Node's `import` takes from cjs-module-lexer. */
const LEXED = /\.c?[jt]s$/

function copyNamespace(slot: { ns: Record<string, unknown>; filled: boolean }, real: object): void {
  if (slot.filled) return
  const getters: Record<string, () => unknown> = {}
  for (const name of Object.keys(real)) getters[name] = () => (real as Record<string, unknown>)[name]
  defineExports(slot.ns, sortedGetters(getters))
  sealNamespace(slot.ns)
  slot.filled = true
}
