import { isBuiltin } from 'node:module'
import type { ModuleSpace } from '../module-space.js'

/**
 * `process` as code in `space` sees it: the host's one `process` behind a Proxy that answers two doors for the space,
 * `getBuiltinModule` (through the space's overrides and blocks) and `mainModule` (the module `runMain` started in the
 * space, else `undefined`). Everything else is read from and written to the real `process` (with it as the receiver),
 * so listeners, `env`, `exitCode`, `argv` and `instanceof EventEmitter` behave as they do in the host: a Proxy keeps
 * every write on the one object, where an object inheriting from `process` would shadow what its methods write.
 * What differs: `process !== globalThis.process` (code that reads the global gets the host's doors).
 */
export function createProcessView(space: ModuleSpace): NodeJS.Process {
  const getBuiltinModule = function getBuiltinModule(id: string): unknown {
    // Node's own argument check and error for anything that is not a string.
    if (typeof id !== 'string') return process.getBuiltinModule(id)
    return isBuiltin(id) ? space.requireFrom(undefined, undefined, id) : undefined
  }
  return new Proxy(process, {
    get(target, key) {
      if (key === 'getBuiltinModule') return getBuiltinModule
      if (key === 'mainModule') return space.mainModule
      return Reflect.get(target, key, target)
    },
    set(target, key, value) {
      return Reflect.set(target, key, value, target)
    },
  })
}
