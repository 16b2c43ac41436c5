import type { ModuleSpace } from '../module-space.js'

/**
 * The `import()` of a module of `space` (`__ms_import` in its code), with the steps the language takes before the
 * host loads anything: the specifier is converted to a string (`new URL(...)` works), the options are checked, and
 * errors in either reject the promise. An async function, so that the promise is the realm's own `Promise` whatever
 * the global `Promise` is by then.
 */
export function dynamicImport(space: ModuleSpace, importer: string): (specifier: unknown, options?: unknown) => Promise<unknown> {
  return async (specifier, options) => {
    const text = `${specifier as string}`
    if (options !== undefined) checkImportOptions(options)
    // The module may be the one evaluating now (itself, or a module above it in a cycle): as in Node, the load goes on
    // once the code that called import() has returned, when that evaluation is over.
    await undefined
    return space.importFrom(importer, text)
  }
}

/** EvaluateImportCall's checks of the second argument: an object whose `with`, if any, maps keys to strings. */
function checkImportOptions(options: unknown): void {
  if (!isObject(options)) throw new TypeError('The second argument of import() must be an object')
  const attributes = (options as { with?: unknown }).with
  if (attributes === undefined) return
  if (!isObject(attributes)) throw new TypeError("The 'with' option of import() must be an object")
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') throw new TypeError(`Import attribute value must be a string: '${key}'`)
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}
