import { isAbsolute, resolve as resolvePath } from 'node:path'
import semver from 'semver'
import { didYouMean } from '../did-you-mean.js'
import { ErrorCodes, ModspaceError } from '../errors.js'
import type { ModspaceHost } from '../host.js'
import { builtinId } from '../resolve/builtin.js'
import type { Delegation, ModspaceConfig, SpaceConfig } from './types.js'

export const ROOT_SPACE = 'root'

export type OverrideTarget =
  | { type: 'file'; path: string; written: string }
  | { type: 'specifier'; specifier: string; written: string }
  | { type: 'blocked'; written: false }

/** A space after validation: absolute real paths, defaults filled in, the chain to `root` computed. */
export interface NormalizedSpace {
  name: string
  /** `undefined` only for `root`. */
  parent: string | undefined
  /** Real absolute path of the dependency root. */
  root: string
  delegation: Delegation
  /** Package name → required range (or `undefined` for "any version"). */
  shared: ReadonlyMap<string, string | undefined>
  isolated: ReadonlySet<string>
  /** Keyed by specifier; builtins keyed by their `node:` form. */
  overrides: ReadonlyMap<string, OverrideTarget>
  /** Entry name → absolute path. */
  entries: Readonly<Record<string, string>>
  /** This space, its parent, ..., `root`. */
  chain: readonly string[]
}

export interface NormalizedConfig {
  /** The config file, when the config came from one. */
  configFile: string | undefined
  /** Folder that relative paths in the config are relative to. */
  baseDir: string
  spaces: ReadonlyMap<string, NormalizedSpace>
  native: { pin: string; packages: ReadonlySet<string>; onConflict: 'error' | 'warn' }
  conditions: readonly string[]
}

const TOP_LEVEL_KEYS = ['spaces', 'native', 'conditions']
const SPACE_KEYS = ['parent', 'root', 'delegation', 'shared', 'isolated', 'overrides', 'entries']
const NATIVE_KEYS = ['pin', 'packages', 'onConflict']

export interface NormalizeOptions {
  /** Folder that relative paths are relative to: the config file's folder. */
  baseDir: string
  configFile?: string
  host: ModspaceHost
}

/** Validates a config and fills in its defaults. Throws the first `ModspaceError` found, with its config path. */
export function normalizeConfig(config: ModspaceConfig, options: NormalizeOptions): NormalizedConfig {
  const { host, configFile } = options
  const baseDir = options.baseDir
  const fail = (code: (typeof ErrorCodes)[keyof typeof ErrorCodes], configPath: string, summary: string, more: { expected?: string; fix?: string } = {}) =>
    new ModspaceError(code, summary, { configPath, ...(configFile ? { file: configFile } : {}), ...more })

  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw fail(ErrorCodes.CONFIG_INVALID, '(config)', 'the config is not an object.', {
      expected: 'an object with a `spaces` record',
      fix: 'export default defineConfig({ spaces: { ... } })',
    })
  }
  checkKeys(config, TOP_LEVEL_KEYS, '', fail)
  const spacesIn = config.spaces
  if (spacesIn === null || typeof spacesIn !== 'object' || Array.isArray(spacesIn)) {
    throw fail(ErrorCodes.CONFIG_INVALID, 'spaces', '`spaces` is missing or not an object.', {
      expected: 'a record of space name to space settings',
      fix: 'add `spaces: { "my-space": { root: "./my-space" } }`',
    })
  }

  const names = Object.keys(spacesIn)
  const rootReal = realDir(host, baseDir)
  const spaces = new Map<string, NormalizedSpace>()
  spaces.set(ROOT_SPACE, {
    name: ROOT_SPACE,
    parent: undefined,
    root: rootReal ?? baseDir,
    delegation: 'self-first',
    shared: new Map(),
    isolated: new Set(),
    overrides: new Map(),
    entries: {},
    chain: [ROOT_SPACE],
  })

  const pending = new Map<string, Omit<NormalizedSpace, 'chain'>>()
  for (const name of names) {
    const at = `spaces.${name}`
    if (name === ROOT_SPACE) {
      throw fail(ErrorCodes.RESERVED_NAME, at, '"root" is reserved for the host\'s own module system.', {
        expected: 'any other space name',
        fix: 'rename the space (for example "app"), and leave `parent` out to make it a child of the host',
      })
    }
    const raw = spacesIn[name] as SpaceConfig
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw fail(ErrorCodes.CONFIG_INVALID, at, `a space must be an object, not ${JSON.stringify(raw)}.`, {
        expected: '{ root, parent, ... }',
        fix: `write ${at} as { root: "./path/to/${name}" }`,
      })
    }
    checkKeys(raw, SPACE_KEYS, at, fail)

    const parent = raw.parent ?? ROOT_SPACE
    if (typeof parent !== 'string' || (parent !== ROOT_SPACE && !names.includes(parent))) {
      const guess = typeof parent === 'string' ? didYouMean(parent, [ROOT_SPACE, ...names]) : undefined
      throw fail(ErrorCodes.UNKNOWN_PARENT, `${at}.parent`, `unknown space ${JSON.stringify(parent)}.`, {
        expected: `"root" or one of: ${names.filter((n) => n !== name).join(', ') || '(no other spaces)'}`,
        fix: guess ? `did you mean "${guess}"?` : 'name an existing space, or leave `parent` out for "root"',
      })
    }
    if (parent === name) {
      throw fail(ErrorCodes.PARENT_CYCLE, `${at}.parent`, `space "${name}" is its own parent.`, {
        expected: 'another space, or "root"',
        fix: 'point `parent` at another space or leave it out',
      })
    }

    const rootWritten = raw.root ?? '.'
    if (typeof rootWritten !== 'string') {
      throw fail(ErrorCodes.CONFIG_INVALID, `${at}.root`, `\`root\` must be a path, not ${JSON.stringify(rootWritten)}.`, {
        expected: 'a folder path, relative to the config file',
        fix: `write ${at}.root as a string such as "./plugins/${name}", or leave it out for the config's folder`,
      })
    }
    const rootAbs = resolvePath(baseDir, rootWritten)
    const root = realDir(host, rootAbs)
    if (!root) {
      const what = host.stat(rootAbs) ? 'is a file, not a folder' : 'does not exist'
      throw fail(ErrorCodes.ROOT_MISSING, `${at}.root`, `${rootAbs} ${what}.`, {
        expected: "a folder holding the space's package.json and node_modules",
        fix: `create ${rootAbs} (with a package.json) or correct the path, which is relative to the config file`,
      })
    }

    const delegation = raw.delegation ?? 'parent-first'
    if (delegation !== 'parent-first' && delegation !== 'self-first') {
      throw fail(ErrorCodes.CONFIG_INVALID, `${at}.delegation`, `unknown delegation ${JSON.stringify(delegation)}.`, {
        expected: '"parent-first" or "self-first"',
        fix: 'write "parent-first" (the default) or "self-first"',
      })
    }

    const shared = new Map<string, string | undefined>()
    if (Array.isArray(raw.shared)) {
      for (const pkg of raw.shared) shared.set(String(pkg), undefined)
    } else if (raw.shared !== undefined) {
      if (raw.shared === null || typeof raw.shared !== 'object') {
        throw fail(ErrorCodes.CONFIG_INVALID, `${at}.shared`, `${JSON.stringify(raw.shared)} is not a list of names or a record of ranges.`, {
          expected: '["react"] or { "react": "^18.2.0" }',
          fix: 'list the package names, or map each name to the range the parent must satisfy',
        })
      }
      for (const [pkg, range] of Object.entries(raw.shared)) {
        if (typeof range !== 'string' || semver.validRange(range) === null) {
          throw fail(ErrorCodes.INVALID_RANGE, `${at}.shared.${pkg}`, `${JSON.stringify(range)} is not a semver range.`, {
            expected: 'a range such as "^18.2.0", ">=4 <6" or "*"',
            fix: 'write a valid range, or list the package in an array to share any version',
          })
        }
        shared.set(pkg, range)
      }
    }

    const isolated = new Set<string>(nameList(raw.isolated, `${at}.isolated`, fail))
    for (const pkg of isolated) {
      if (shared.has(pkg)) {
        throw fail(ErrorCodes.CONFIG_INVALID, `${at}.isolated`, `"${pkg}" is both shared and isolated.`, {
          expected: 'each package in at most one of `shared` (the parent\'s copy) and `isolated` (the space\'s own)',
          fix: 'keep it in one of the two lists',
        })
      }
    }

    const overrides = new Map<string, OverrideTarget>()
    for (const [specifier, target] of Object.entries(record(raw.overrides, `${at}.overrides`, fail))) {
      const key = builtinId(specifier) ?? specifier
      const path = `${at}.overrides.${specifier}`
      if (target === false) {
        overrides.set(key, { type: 'blocked', written: false })
      } else if (typeof target !== 'string' || target === '') {
        throw fail(ErrorCodes.CONFIG_INVALID, path, `${JSON.stringify(target)} is not an override target.`, {
          expected: 'a file path ("./stand-in.js"), another specifier ("other-pkg") or false (blocked)',
          fix: 'write one of the three, or remove the override',
        })
      } else if (target.startsWith('.') || isAbsolute(target)) {
        const file = resolvePath(baseDir, target)
        const stat = host.stat(file)
        if (!stat?.isFile) {
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

    const entries: Record<string, string> = {}
    for (const [entry, file] of Object.entries(record(raw.entries, `${at}.entries`, fail))) {
      if (typeof file !== 'string') {
        throw fail(ErrorCodes.CONFIG_INVALID, `${at}.entries.${entry}`, `${JSON.stringify(file)} is not a path.`, {
          expected: 'a file path, relative to the config file',
          fix: `write ${at}.entries.${entry} as a string such as "./src/index.js"`,
        })
      }
      entries[entry] = resolvePath(baseDir, file)
    }

    pending.set(name, { name, parent, root, delegation, shared, isolated, overrides, entries })
  }

  for (const [name, space] of pending) {
    const chain = [name]
    let cursor = space.parent
    while (cursor !== undefined && cursor !== ROOT_SPACE) {
      if (chain.includes(cursor)) {
        throw fail(ErrorCodes.PARENT_CYCLE, `spaces.${name}.parent`, `parent cycle: ${[...chain, cursor].join(' → ')}.`, {
          expected: 'every chain of parents to end at "root"',
          fix: 'break the cycle by pointing one of these spaces at "root" or at a space outside the cycle',
        })
      }
      chain.push(cursor)
      cursor = pending.get(cursor)!.parent
    }
    chain.push(ROOT_SPACE)
    spaces.set(name, { ...space, chain })
  }

  const nativeIn = record(config.native, 'native', fail) as NonNullable<ModspaceConfig['native']>
  checkKeys(nativeIn, NATIVE_KEYS, 'native', fail)
  const pin = nativeIn.pin ?? ROOT_SPACE
  if (!spaces.has(pin)) {
    const guess = didYouMean(pin, spaces.keys())
    throw fail(ErrorCodes.UNKNOWN_PARENT, 'native.pin', `unknown space ${JSON.stringify(pin)}.`, {
      expected: `"root" or one of: ${names.join(', ')}`,
      fix: guess ? `did you mean "${guess}"?` : 'name an existing space',
    })
  }
  const onConflict = nativeIn.onConflict ?? 'error'
  if (onConflict !== 'error' && onConflict !== 'warn') {
    throw fail(ErrorCodes.CONFIG_INVALID, 'native.onConflict', `unknown value ${JSON.stringify(onConflict)}.`, {
      expected: '"error" or "warn"',
      fix: 'write "error" (the default) or "warn"',
    })
  }
  const conditions = config.conditions ?? ['node']
  if (!Array.isArray(conditions) || conditions.some((c) => typeof c !== 'string')) {
    throw fail(ErrorCodes.CONFIG_INVALID, 'conditions', `${JSON.stringify(conditions)} is not a list of condition names.`, {
      expected: 'an array of strings such as ["node"] or ["browser", "development"]',
      fix: 'write the conditions in an array, or leave it out for ["node"]',
    })
  }

  return {
    configFile,
    baseDir,
    spaces,
    native: { pin, packages: new Set(nameList(nativeIn.packages, 'native.packages', fail)), onConflict },
    conditions,
  }
}

type Fail = (code: typeof ErrorCodes.CONFIG_INVALID, path: string, summary: string, more: { expected?: string; fix?: string }) => Error

/** A list of package names (`isolated`, `native.packages`); absent means empty. */
function nameList(value: unknown, at: string, fail: Fail): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string' || name === '')) {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `${JSON.stringify(value)} is not a list of package names.`, {
      expected: 'an array of package names, such as ["react", "@scope/pkg"]',
      fix: 'write the names in an array',
    })
  }
  return value
}

/** An object keyed by name (`overrides`, `entries`, `native`); absent means empty. */
function record(value: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (value === undefined) return {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `${JSON.stringify(value)} is not an object.`, {
      expected: 'an object keyed by name',
      fix: `write ${at} as { "name": value }`,
    })
  }
  return value as Record<string, unknown>
}

function realDir(host: ModspaceHost, path: string): string | undefined {
  if (!host.stat(path)?.isDirectory) return undefined
  return host.realpath(path) ?? path
}

function checkKeys(
  value: object,
  allowed: string[],
  at: string,
  fail: (code: typeof ErrorCodes.UNKNOWN_OPTION, path: string, summary: string, more: { expected?: string; fix?: string }) => Error,
): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue
    const guess = didYouMean(key, allowed)
    throw fail(ErrorCodes.UNKNOWN_OPTION, at ? `${at}.${key}` : key, `unknown option "${key}".`, {
      expected: `one of: ${allowed.join(', ')}`,
      fix: guess ? `did you mean "${guess}"?` : 'remove it',
    })
  }
}

