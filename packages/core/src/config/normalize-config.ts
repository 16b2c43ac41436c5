import { describeValue } from '../describe-value.js'
import { didYouMean } from '../did-you-mean.js'
import { ErrorCodes } from '../errors.js'
import type { ModspaceHost } from '../host.js'
import { checkKeys } from './check-keys.js'
import { configFailure, isRecord, nameList, record, type Fail } from './config-failure.js'
import { ROOT_SPACE, type NormalizedConfig, type NormalizedSpace } from './normalized.js'
import { normalizeSpace, realDir, type SpaceWithoutChain } from './normalize-space.js'
import { plainCopy } from './plain-copy.js'

export { ROOT_SPACE, type NormalizedConfig, type NormalizedSpace, type OverrideTarget } from './normalized.js'

// `$schema` lets a modspace.config.json name its JSON Schema for editors.
const TOP_LEVEL_KEYS = ['$schema', 'spaces', 'native', 'conditions']
const NATIVE_KEYS = ['pin', 'packages', 'onConflict']

export interface NormalizeOptions {
  /** Folder that relative paths are relative to: the config file's folder. */
  baseDir: string
  configFile?: string
  host: ModspaceHost
}

/**
 * Validates a config and fills in its defaults. Throws the first `ModspaceError` found, with its config path; any
 * value at all, of any type, gets that answer or a valid config (the config fuzzer in the tests holds it to this).
 */
export function normalizeConfig(input: unknown, options: NormalizeOptions): NormalizedConfig {
  const { host, configFile, baseDir } = options
  const fail = configFailure(configFile)
  const config = plainCopy(input, '', fail)
  if (!isRecord(config)) {
    throw fail(ErrorCodes.CONFIG_INVALID, '(config)', `the config is ${describeValue(config)}, not an object.`, {
      expected: 'an object with a `spaces` record',
      fix: 'export default defineConfig({ spaces: { ... } })',
    })
  }
  checkKeys(config, TOP_LEVEL_KEYS, '', fail)
  const spacesIn = config.spaces
  if (!isRecord(spacesIn)) {
    throw fail(ErrorCodes.CONFIG_INVALID, 'spaces', `\`spaces\` is ${spacesIn === undefined ? 'missing' : describeValue(spacesIn)}, not an object.`, {
      expected: 'a record of space name to space settings',
      fix: 'add `spaces: { "my-space": { root: "./my-space" } }`',
    })
  }

  const names = new Set(Object.keys(spacesIn))
  const pending = new Map<string, SpaceWithoutChain>()
  for (const name of names) pending.set(name, normalizeSpace(name, spacesIn[name], { host, baseDir, names, fail }))

  const spaces = new Map<string, NormalizedSpace>()
  spaces.set(ROOT_SPACE, rootSpace(host, baseDir))
  for (const [name, space] of pending) spaces.set(name, { ...space, chain: chainOf(name, pending, fail) })

  return { configFile, baseDir, spaces, native: nativeSettings(config.native, spaces, fail), conditions: conditionNames(config.conditions, fail) }
}

function rootSpace(host: ModspaceHost, baseDir: string): NormalizedSpace {
  return {
    name: ROOT_SPACE,
    parent: undefined,
    root: realDir(host, baseDir) ?? baseDir,
    delegation: 'self-first',
    shared: new Map(),
    isolated: new Set(),
    overrides: new Map(),
    entries: {},
    chain: [ROOT_SPACE],
  }
}

/** The space, its parent, ..., `root`; a cycle is refused at the first space that is in one. */
function chainOf(name: string, pending: ReadonlyMap<string, SpaceWithoutChain>, fail: Fail): string[] {
  const chain = [name]
  const seen = new Set(chain)
  let cursor = pending.get(name)!.parent
  while (cursor !== undefined && cursor !== ROOT_SPACE) {
    if (seen.has(cursor)) {
      throw fail(ErrorCodes.PARENT_CYCLE, `spaces.${name}.parent`, `parent cycle: ${[...chain, cursor].join(' → ')}.`, {
        expected: 'every chain of parents to end at "root"',
        fix: 'break the cycle by pointing one of these spaces at "root" or at a space outside the cycle',
      })
    }
    chain.push(cursor)
    seen.add(cursor)
    cursor = pending.get(cursor)!.parent
  }
  chain.push(ROOT_SPACE)
  return chain
}

function nativeSettings(value: unknown, spaces: ReadonlyMap<string, NormalizedSpace>, fail: Fail): NormalizedConfig['native'] {
  const nativeIn = record(value, 'native', fail)
  checkKeys(nativeIn, NATIVE_KEYS, 'native', fail)
  const pin = nativeIn.pin ?? ROOT_SPACE
  if (typeof pin !== 'string' || !spaces.has(pin)) {
    const guess = typeof pin === 'string' ? didYouMean(pin, spaces.keys()) : undefined
    throw fail(ErrorCodes.UNKNOWN_PARENT, 'native.pin', `unknown space ${describeValue(pin)}.`, {
      expected: `"root" or one of: ${[...spaces.keys()].filter((n) => n !== ROOT_SPACE).join(', ')}`,
      fix: guess ? `did you mean "${guess}"?` : 'name an existing space',
    })
  }
  const onConflict = nativeIn.onConflict ?? 'error'
  if (onConflict !== 'error' && onConflict !== 'warn') {
    throw fail(ErrorCodes.CONFIG_INVALID, 'native.onConflict', `unknown value ${describeValue(onConflict)}.`, {
      expected: '"error" or "warn"',
      fix: 'write "error" (the default) or "warn"',
    })
  }
  return { pin, packages: new Set(nameList(nativeIn.packages, 'native.packages', fail)), onConflict }
}

function conditionNames(value: unknown, fail: Fail): string[] {
  const conditions = value ?? ['node']
  if (!Array.isArray(conditions) || conditions.some((c) => typeof c !== 'string')) {
    throw fail(ErrorCodes.CONFIG_INVALID, 'conditions', `${describeValue(conditions)} is not a list of condition names.`, {
      expected: 'an array of strings such as ["node"] or ["browser", "development"]',
      fix: 'write the conditions in an array, or leave it out for ["node"]',
    })
  }
  return conditions as string[]
}
