import { isAbsolute, resolve as resolvePath } from 'node:path'
import { describeValue } from '../describe-value.js'
import { didYouMean } from '../did-you-mean.js'
import { ErrorCodes } from '../errors.js'
import type { ModspaceHost } from '../host.js'
import { builtinId } from '../resolve/builtin.js'
import { isValidRange } from '../resolve/version-range.js'
import { checkKeys } from './check-keys.js'
import { childPath, isRecord, nameList, packageName, record, type Fail } from './config-failure.js'
import { ROOT_SPACE, type NormalizedSpace, type OverrideTarget } from './normalized.js'

const SPACE_KEYS = ['parent', 'root', 'delegation', 'shared', 'isolated', 'overrides', 'entries']

export interface SpaceContext {
  host: ModspaceHost
  baseDir: string
  /** Every space name of the config (not `root`). */
  names: ReadonlySet<string>
  fail: Fail
}

export type SpaceWithoutChain = Omit<NormalizedSpace, 'chain'>

/** One entry of `spaces`, validated, with its paths made absolute and real. */
export function normalizeSpace(name: string, raw: unknown, ctx: SpaceContext): SpaceWithoutChain {
  const { fail } = ctx
  const at = childPath('spaces', name)
  if (name === ROOT_SPACE) {
    throw fail(ErrorCodes.RESERVED_NAME, at, '"root" is reserved for the host\'s own module system.', {
      expected: 'any other space name',
      fix: 'rename the space (for example "app"), and leave `parent` out to make it a child of the host',
    })
  }
  if (!isRecord(raw)) {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `a space must be an object, not ${describeValue(raw)}.`, {
      expected: '{ root, parent, ... }',
      fix: `write ${at} as { root: "./path/to/${name}" }`,
    })
  }
  checkKeys(raw, SPACE_KEYS, at, fail)
  const parent = spaceParent(name, raw.parent, ctx)
  const root = spaceRoot(name, raw.root, ctx)
  const delegation = raw.delegation ?? 'parent-first'
  if (delegation !== 'parent-first' && delegation !== 'self-first') {
    throw fail(ErrorCodes.CONFIG_INVALID, `${at}.delegation`, `unknown delegation ${describeValue(delegation)}.`, {
      expected: '"parent-first" or "self-first"',
      fix: 'write "parent-first" (the default) or "self-first"',
    })
  }
  const shared = sharedPackages(raw.shared, `${at}.shared`, fail)
  const isolated = new Set(nameList(raw.isolated, `${at}.isolated`, fail))
  for (const pkg of isolated) {
    if (shared.has(pkg)) {
      throw fail(ErrorCodes.CONFIG_INVALID, `${at}.isolated`, `"${pkg}" is both shared and isolated.`, {
        expected: 'each package in at most one of `shared` (the parent\'s copy) and `isolated` (the space\'s own)',
        fix: 'keep it in one of the two lists',
      })
    }
  }
  const overrides = overrideTargets(raw.overrides, `${at}.overrides`, ctx)
  const entries = entryFiles(raw.entries, `${at}.entries`, ctx)
  return { name, parent, root, delegation, shared, isolated, overrides, entries }
}

function spaceParent(name: string, written: unknown, { names, fail }: SpaceContext): string {
  const at = `${childPath('spaces', name)}.parent`
  const parent = written ?? ROOT_SPACE
  if (typeof parent !== 'string' || (parent !== ROOT_SPACE && !names.has(parent))) {
    const guess = typeof parent === 'string' ? didYouMean(parent, [ROOT_SPACE, ...names]) : undefined
    const others = [...names].filter((n) => n !== name)
    throw fail(ErrorCodes.UNKNOWN_PARENT, at, `unknown space ${describeValue(parent)}.`, {
      expected: `"root" or one of: ${others.join(', ') || '(no other spaces)'}`,
      fix: guess ? `did you mean "${guess}"?` : 'name an existing space, or leave `parent` out for "root"',
    })
  }
  if (parent === name) {
    throw fail(ErrorCodes.PARENT_CYCLE, at, `space "${name}" is its own parent.`, {
      expected: 'another space, or "root"',
      fix: 'point `parent` at another space or leave it out',
    })
  }
  return parent
}

function spaceRoot(name: string, written: unknown, { host, baseDir, fail }: SpaceContext): string {
  const at = `${childPath('spaces', name)}.root`
  const rootWritten = written ?? '.'
  if (typeof rootWritten !== 'string') {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `\`root\` must be a path, not ${describeValue(rootWritten)}.`, {
      expected: 'a folder path, relative to the config file',
      fix: `write ${at} as a string such as "./plugins/${name}", or leave it out for the config's folder`,
    })
  }
  const rootAbs = resolvePath(baseDir, rootWritten)
  const root = realDir(host, rootAbs)
  if (!root) {
    const what = host.stat(rootAbs) ? 'is a file, not a folder' : 'does not exist'
    throw fail(ErrorCodes.ROOT_MISSING, at, `${rootAbs} ${what}.`, {
      expected: "a folder holding the space's package.json and node_modules",
      fix: `create ${rootAbs} (with a package.json) or correct the path, which is relative to the config file`,
    })
  }
  return root
}

/** `shared` as a list of names (any version) or a record of name → range the parent's copy must satisfy. */
function sharedPackages(value: unknown, at: string, fail: Fail): Map<string, string | undefined> {
  const shared = new Map<string, string | undefined>()
  if (value === undefined) return shared
  if (Array.isArray(value)) {
    for (const pkg of nameList(value, at, fail)) shared.set(pkg, undefined)
    return shared
  }
  if (!isRecord(value)) {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `${describeValue(value)} is not a list of names or a record of ranges.`, {
      expected: '["react"] or { "react": "^18.2.0" }',
      fix: 'list the package names, or map each name to the range the parent must satisfy',
    })
  }
  for (const [pkg, range] of Object.entries(value)) {
    packageName(pkg, childPath(at, pkg), fail)
    if (typeof range !== 'string' || !isValidRange(range)) {
      throw fail(ErrorCodes.INVALID_RANGE, childPath(at, pkg), `${describeValue(range)} is not a semver range.`, {
        expected: 'a range such as "^18.2.0", ">=4 <6" or "*"',
        fix: 'write a valid range, or list the package in an array to share any version',
      })
    }
    shared.set(pkg, range)
  }
  return shared
}

function overrideTargets(value: unknown, at: string, { host, baseDir, fail }: SpaceContext): Map<string, OverrideTarget> {
  const overrides = new Map<string, OverrideTarget>()
  for (const [specifier, target] of Object.entries(record(value, at, fail))) {
    const key = builtinId(specifier) ?? specifier
    const path = childPath(at, specifier)
    if (target === false) {
      overrides.set(key, { type: 'blocked', written: false })
    } else if (typeof target !== 'string' || target === '') {
      throw fail(ErrorCodes.CONFIG_INVALID, path, `${describeValue(target)} is not an override target.`, {
        expected: 'a file path ("./stand-in.js"), another specifier ("other-pkg") or false (blocked)',
        fix: 'write one of the three, or remove the override',
      })
    } else if (target.startsWith('.') || isAbsolute(target)) {
      const file = resolvePath(baseDir, target)
      if (!host.stat(file)?.isFile) {
        throw fail(ErrorCodes.OVERRIDE_TARGET_MISSING, path, `the override file ${file} does not exist.`, {
          expected: 'a file, relative to the config file',
          fix: `create ${file}, or correct the path`,
        })
      }
      overrides.set(key, { type: 'file', path: host.realpath(file) ?? file, written: target })
    } else {
      overrides.set(key, { type: 'specifier', specifier: target, written: target })
    }
  }
  return overrides
}

function entryFiles(value: unknown, at: string, { baseDir, fail }: SpaceContext): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const [entry, file] of Object.entries(record(value, at, fail))) {
    if (typeof file !== 'string') {
      throw fail(ErrorCodes.CONFIG_INVALID, childPath(at, entry), `${describeValue(file)} is not a path.`, {
        expected: 'a file path, relative to the config file',
        fix: `write ${childPath(at, entry)} as a string such as "./src/index.js"`,
      })
    }
    Object.defineProperty(entries, entry, { value: resolvePath(baseDir, file), enumerable: true, writable: true, configurable: true })
  }
  return entries
}

export function realDir(host: ModspaceHost, path: string): string | undefined {
  if (!host.stat(path)?.isDirectory) return undefined
  return host.realpath(path) ?? path
}
