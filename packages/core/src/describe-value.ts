const MAX_LENGTH = 80

/** On a copy of a value (the config's plain copy), how the original reads: `a Map` rather than the copy's keys. */
export const DESCRIBED_AS = Symbol('modspace.describedAs')

/**
 * A short, readable rendering of any value a user may have put in a config, for error messages. It never throws and
 * never runs user code: no `toString`, no `toJSON`, no getters, no proxies' traps beyond what `typeof` and
 * `Array.isArray` do (a revoked proxy is caught). BigInts, symbols, functions, circular and prototype-less objects
 * all get a description instead of the TypeError `JSON.stringify` or `String()` would throw on them.
 */
export function describeValue(value: unknown): string {
  try {
    return clip(describe(value))
  } catch {
    return 'a value that cannot be described'
  }
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value)
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value)
    case 'bigint':
      return `${value.toString()}n (a BigInt)`
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
  }
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? '[] (an empty array)' : `an array of ${value.length}`
  return describeObject(value as object)
}

function describeObject(value: object): string {
  const described = Object.getOwnPropertyDescriptor(value, DESCRIBED_AS)?.value as unknown
  if (typeof described === 'string') return described
  const proto = Object.getPrototypeOf(value) as object | null
  if (proto === null) return 'an object with no prototype'
  if (proto !== Object.prototype) {
    // The constructor's own name, read without running a getter: `Object.getOwnPropertyDescriptor` returns data only.
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown
    const name = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined
    return typeof name === 'string' && name ? `a ${name}` : 'an object'
  }
  const keys = Reflect.ownKeys(value).filter((k): k is string => typeof k === 'string')
  if (keys.length === 0) return '{} (an empty object)'
  const shown = keys.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')
  return `an object with keys ${shown}${keys.length > 3 ? ', …' : ''}`
}

function clip(text: string): string {
  return text.length > MAX_LENGTH * 2 ? `${text.slice(0, MAX_LENGTH * 2)}…` : text
}
