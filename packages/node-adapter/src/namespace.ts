/**
 * Module namespace objects as the adapter makes them: null prototype, `Symbol.toStringTag` "Module", one enumerable
 * getter per export (so bindings are live), keys sorted as Node sorts them. Unlike Node's exotic namespaces they are
 * ordinary objects; they are frozen (`sealNamespace`) once every export is defined.
 */
export function createNamespace(): Record<string, unknown> {
  const ns = Object.create(null)
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' })
  return ns
}

/** Defines export getters on `ns` (names already present are kept: a module's own exports win over `export *`). */
export function defineExports(ns: object, getters: Record<string, () => unknown>): void {
  // Index loops in this file: it runs for every module while the code is cold, where for-of steps allocate.
  const names = Object.keys(getters)
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (Object.prototype.hasOwnProperty.call(ns, name)) continue
    // Configurable until sealed, so that names added by `export *` can be put in order.
    Object.defineProperty(ns, name, { get: getters[name], enumerable: true, configurable: true })
  }
}

/** The namespace an ES importer sees for a plain value: `default` is the value, its own keys are named exports. */
export function valueNamespace(value: unknown, names: Iterable<string> = ownKeys(value)): Record<string, unknown> {
  const ns = createNamespace()
  const getters: Record<string, () => unknown> = {}
  for (const name of names) {
    if (name !== 'default') getters[name] = () => (value as Record<string, unknown>)[name]
  }
  getters.default = () => value
  defineExports(ns, sortedGetters(getters))
  return sealNamespace(ns)
}

/** No export can be added, removed or redefined any more (the getters still read live bindings). */
export function sealNamespace<T extends object>(ns: T): T {
  return Object.freeze(ns)
}

/**
 * Adds the names of `export * from` namespaces (`sources`, in source order) that `ns` does not have, but `default`;
 * the first source to have a name gives it, unless `resolve` is given: it says where the name leads (the getter of
 * the binding), or that it leads nowhere or to two bindings (`null`: the name is left out, as Node leaves it out). Each added export reuses the source's own getter (a live binding
 * either way, one call less on every read). A namespace with no exports of its own (a barrel file) gets them in
 * Node's order directly; otherwise they are sorted in among its own.
 */
export function addStarExports(ns: object, sources: object[], resolve?: (name: string) => (() => unknown) | null): void {
  const added: PropertyDescriptorMap = Object.create(null)
  const names: string[] = []
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!
    const descriptors = Object.getOwnPropertyDescriptors(source)
    const sourceNames = Object.keys(source)
    for (let j = 0; j < sourceNames.length; j++) {
      const name = sourceNames[j]!
      if (name === 'default' || name in added || Object.prototype.hasOwnProperty.call(ns, name)) continue
      const get = resolve ? resolve(name) : (descriptors[name]!.get ?? (() => (source as Record<string, unknown>)[name]))
      if (!get) continue
      added[name] = { get, enumerable: true, configurable: true }
      names.push(name)
    }
  }
  if (names.length === 0) return
  const own = Object.keys(ns).length > 0
  names.sort()
  for (let i = 0; i < names.length; i++) Object.defineProperty(ns, names[i]!, added[names[i]!]!)
  if (own) sortNamespace(ns)
}

/**
 * Adds `names` the namespace does not have yet, each read through the getter `getterOf` gives (`null`: left out), and
 * puts every export in Node's order. The names are added in that order: a barrel's namespace (no exports of its own),
 * or one whose own names all sort before the added ones, is in order without being rebuilt.
 */
export function addExports(ns: object, names: string[], getterOf: (name: string) => (() => unknown) | null): void {
  const sorted = names.slice().sort()
  const ownNames = Object.keys(ns)
  const added: string[] = []
  const getters: (() => unknown)[] = []
  let own = 0
  let inOrder = true
  for (let i = 0; i < sorted.length; i++) {
    const name = sorted[i]!
    if (Object.prototype.hasOwnProperty.call(ns, name)) {
      if (added.length > 0 || ownNames[own] !== name) inOrder = false
      own++
      continue
    }
    const get = getterOf(name)
    if (!get) continue
    added.push(name)
    getters.push(get)
  }
  if (added.length === 0) return
  for (let i = 0; i < added.length; i++) Object.defineProperty(ns, added[i]!, { get: getters[i], enumerable: true, configurable: true })
  if (!inOrder || own !== ownNames.length) sortNamespace(ns)
}

/** Puts the exports back in Node's order (sorted by code unit) after `export *` added names at the end. */
export function sortNamespace(ns: object): void {
  const descriptors = Object.getOwnPropertyDescriptors(ns) as Record<string, PropertyDescriptor>
  const names = Object.keys(ns)
  for (const name of names) delete (ns as Record<string, unknown>)[name]
  for (const name of names.sort()) Object.defineProperty(ns, name, descriptors[name]!)
}

/** The same getters, keys in Node's namespace order (sorted by code unit). */
export function sortedGetters(getters: Record<string, () => unknown>): Record<string, () => unknown> {
  const sorted: Record<string, () => unknown> = {}
  for (const name of Object.keys(getters).sort()) sorted[name] = getters[name]!
  return sorted
}

function ownKeys(value: unknown): string[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return []
  return Object.keys(value)
}
