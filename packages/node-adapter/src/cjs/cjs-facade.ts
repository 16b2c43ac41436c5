import type { ModuleSpace } from '../module-space.js'
import { createNamespace, defineExports, sealNamespace, sortedGetters } from '../namespace.js'

/**
 * The namespace an ES importer sees for a CommonJS module of a space: `default` is `module.exports`, and the names
 * cjs-module-lexer finds are named exports, as Node gives them. The names are known at link time, before the module
 * runs; the values are read from `module.exports` once it has run.
 */
export class CjsFacade {
  readonly ns = createNamespace()
  #exports: any
  #bound = false

  constructor(
    readonly space: ModuleSpace,
    readonly id: string,
    /** `null` for a JSON module, whose namespace has `default` only (as Node's). */
    names: Iterable<string> | null,
  ) {
    const getters: Record<string, () => unknown> = { default: () => this.#exports }
    if (names) getters['module.exports'] = () => this.#exports
    for (const name of names ?? []) {
      if (name !== 'default') getters[name] = () => this.#exports?.[name]
    }
    defineExports(this.ns, sortedGetters(getters))
    sealNamespace(this.ns)
  }

  /** Runs the module (if no one has yet) in its space. */
  bind(): void {
    if (this.#bound) return
    this.#exports = this.space.loadCjs(this.id, undefined)
    this.#bound = true
  }
}
