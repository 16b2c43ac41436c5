import type { ModuleSpace } from '../module-space.js'
import { valueNamespace } from '../namespace.js'
import { createModuleView } from './module-view.js'
import { createProcessView } from './process-view.js'

/** A builtin a space gives its own view of, with the namespace an ES module importing it binds to. */
export interface BuiltinView {
  value: unknown
  namespace: () => Record<string, unknown>
}

interface Views {
  process?: NodeJS.Process
  byId: Map<string, BuiltinView>
}

const views = new WeakMap<ModuleSpace, Views>()

function viewsOf(space: ModuleSpace): Views {
  let entry = views.get(space)
  if (!entry) views.set(space, (entry = { byId: new Map() }))
  return entry
}

/** The `process` code owned by `space` runs with (the CommonJS wrapper's and an ES module's `process`). */
export function processView(space: ModuleSpace): NodeJS.Process {
  const entry = viewsOf(space)
  return (entry.process ??= createProcessView(space))
}

/** The space's view of `node:module` or `node:process`; `undefined` for every other builtin (those are Node's own). */
export function builtinView(space: ModuleSpace, id: string): BuiltinView | undefined {
  if (id !== 'node:module' && id !== 'node:process') return undefined
  const entry = viewsOf(space)
  let view = entry.byId.get(id)
  if (!view) {
    const value = id === 'node:module' ? createModuleView(space) : processView(space)
    let ns: Record<string, unknown> | undefined
    // Named exports as Node's builtin namespaces have them: the own enumerable keys.
    view = { value, namespace: () => (ns ??= valueNamespace(value, Object.keys(value))) }
    entry.byId.set(id, view)
  }
  return view
}
