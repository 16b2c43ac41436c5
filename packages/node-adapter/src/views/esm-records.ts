import type { EsmRecord } from '../esm/esm-graph.js'
import type { ModuleSpace } from '../module-space.js'
import { processView } from './space-views.js'

/** The space of each ES module instance, by its namespace object (the one argument its compiled function gets that is its own). */
const spaceOfNamespace = new WeakMap<object, ModuleSpace>()

/** A space's ES module instances by file; remembers, for each, which space's `process` its code is given. */
export class EsmRecordMap extends Map<string, EsmRecord> {
  readonly #space: ModuleSpace

  constructor(space: ModuleSpace) {
    super()
    this.#space = space
  }

  override set(id: string, record: EsmRecord): this {
    spaceOfNamespace.set(record.ns, this.#space)
    return super.set(id, record)
  }
}

/** The `process` the module whose namespace is `ns` runs with: its space's view (the host's own outside a space). */
export function processForNamespace(ns: object): NodeJS.Process {
  const space = spaceOfNamespace.get(ns)
  return space ? processView(space) : process
}
