// Realm isolation for tests run one after another in one process (a space shares the host's realm): what a test
// changes on the global object, on the built-in constructors and on their prototypes is put back after it.

/** Takes a snapshot of the global object and the built-ins; the function returned restores it. */
export function guardRealm() {
  const objects = new Set([globalThis])
  for (const value of Object.values(Object.getOwnPropertyDescriptors(globalThis))) {
    const builtin = value.value
    if (typeof builtin === 'function' || (typeof builtin === 'object' && builtin !== null)) {
      objects.add(builtin)
      if (typeof builtin === 'function' && builtin.prototype) objects.add(builtin.prototype)
    }
  }
  const saved = [...objects].map((object) => [object, Object.getOwnPropertyDescriptors(object)])
  return () => {
    for (const [object, descriptors] of saved) {
      for (const key of Reflect.ownKeys(object)) if (!(key in descriptors)) Reflect.deleteProperty(object, key)
      for (const key of Reflect.ownKeys(descriptors)) {
        const now = Object.getOwnPropertyDescriptor(object, key)
        const then = descriptors[key]
        if (!now || now.value !== then.value || now.get !== then.get || now.set !== then.set) {
          try {
            Object.defineProperty(object, key, then)
          } catch {
            // made non-configurable by the test: nothing to do about it in this realm
          }
        }
      }
    }
  }
}
