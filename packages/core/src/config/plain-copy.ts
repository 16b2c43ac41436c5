import { DESCRIBED_AS, describeValue } from '../describe-value.js'
import { ErrorCodes, ModspaceError } from '../errors.js'
import type { Fail } from './config-failure.js'

/** Below this depth nothing a valid config holds is an object (`spaces.<name>.overrides.<specifier>` is the deepest). */
const MAX_DEPTH = 3
const MAX_ITEMS = 100_000

/**
 * The config as plain arrays and objects, read once, so that validation never runs the user's code again: a getter
 * that throws, a proxy's trap or a revoked proxy becomes a `ModspaceError` at the path that was being read. Objects are
 * copied only as deep as a config goes, so a circular object is a leaf to reject, never an endless walk.
 */
export function plainCopy(value: unknown, at: string, fail: Fail, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value
  const isArray = guarded(() => Array.isArray(value), at, fail)
  if (isArray) {
    const items = value as unknown[]
    const length = guarded(() => items.length, at, fail)
    if (length > MAX_ITEMS) {
      throw fail(ErrorCodes.CONFIG_INVALID, at || '(config)', `a list of ${length} items.`, { expected: `at most ${MAX_ITEMS} items`, fix: 'shorten the list' })
    }
    return Array.from({ length }, (_, i) => plainCopy(guarded(() => items[i], `${at}[${i}]`, fail), `${at}[${i}]`, fail, depth + 1))
  }
  const keys = guarded(() => Object.keys(value), at, fail)
  // fromEntries defines each key as an own property: a key named `__proto__` stays a key, not a prototype.
  const copy = Object.fromEntries(
    keys.map((key) => {
      const path = at ? `${at}.${key}` : key
      return [key, plainCopy(guarded(() => (value as Record<string, unknown>)[key], path, fail), path, fail, depth + 1)]
    }),
  )
  // A Map, a Date or a class instance is read by its own keys like any object, but a message names what it was.
  const proto = guarded(() => Object.getPrototypeOf(value) as unknown, at, fail)
  if (proto !== Object.prototype && proto !== null) Object.defineProperty(copy, DESCRIBED_AS, { value: describeValue(value) })
  return copy
}

function guarded<T>(read: () => T, at: string, fail: Fail): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ModspaceError) throw error
    throw fail(ErrorCodes.CONFIG_INVALID, at || '(config)', `reading ${at || 'the config'} threw: ${thrownMessage(error)}`, {
      expected: 'plain values: strings, arrays and objects, with no getter that throws',
      fix: `compute the value before \`defineConfig()\` and write it into ${at || 'the config'} as a plain value`,
    })
  }
}

function thrownMessage(error: unknown): string {
  try {
    if (error instanceof Error && typeof error.message === 'string') return error.message.split('\n')[0]!.slice(0, 200)
  } catch {
    // a message getter that throws too: described below
  }
  return describeValue(error)
}
