import { dirname, isAbsolute, resolve as resolvePath } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type createDebug from 'debug'
import { ROOT_SPACE, normalizeConfig, type NormalizedConfig, type NormalizedSpace } from './config/normalize-config.js'
import type { ModspaceConfig } from './config/types.js'
import { didYouMean } from './did-you-mean.js'
import { ErrorCodes, ModspaceError } from './errors.js'
import type { ModspaceHost } from './host.js'
import { createNodeHost } from './node-host.js'
import { FileResolvers } from './resolve/file-resolver.js'
import { isInside, parentDir } from './resolve/specifier.js'
import { createMemoHost, type MemoHost } from './resolve/memo-host.js'
import { requestConditions } from './resolve/request-conditions.js'
import { resolveInSpace, type ResolveEnvironment } from './resolve/resolve-graph.js'
import type { ResolveRequest, ResolveResult } from './resolve/types.js'
import { formatExplanation, type ExplainOptions } from './report/format-explanation.js'

let debug: createDebug.Debugger | undefined
/**
 * The `modspace:core` logger, or `undefined` while no `DEBUG` is set: `debug` is ~9 ms of CPU to load, a quarter of
 * the core's own load. `debug.enable()` sets `DEBUG` too, so a log enabled from code is seen as well.
 */
function logger(): createDebug.Debugger | undefined {
  if (debug === undefined && process.env.DEBUG) debug = (createRequire(import.meta.url)('debug') as typeof createDebug)('modspace:core')
  return debug
}

export interface CreateGraphOptions {
  /** Folder that relative paths in the config are relative to. Defaults to the config file's folder, else `process.cwd()`. */
  cwd?: string
  /** The config file the config came from, for error messages. */
  configFile?: string
  /** File access. Defaults to Node's `fs`. */
  host?: ModspaceHost
  /** Called for warnings (a native conflict under `onConflict: 'warn'`). Defaults to `console.warn`. */
  onWarning?: (message: string) => void
}

/**
 * The resolved space tree and the one resolution algorithm every adapter uses. Synchronous; remembers file reads and
 * answers until `clearCache()` (call it when files change, as watch modes do).
 */
export class SpaceGraph {
  readonly config: NormalizedConfig
  readonly #host: MemoHost
  readonly #env: ResolveEnvironment
  /** Answers by space, then by importer folder, specifier, conditions: a space's answers go at once (`forgetSpace`). */
  readonly #cache = new Map<string, Map<string, ResolveResult>>()
  /** Spaces whose remembered answers were given back, and that no request has asked for since. */
  readonly #forgotten = new Set<string>()
  /** Forgotten spaces whose entries in the shared caches (file reads, lookups) have not been swept yet. */
  readonly #unswept = new Set<string>()
  readonly #conditionSets = new WeakMap<readonly string[], { import?: ConditionSet; require?: ConditionSet }>()

  constructor(config: NormalizedConfig, host: MemoHost, onWarning: (message: string) => void) {
    this.config = config
    this.#host = host
    this.#env = { config, host, files: new FileResolvers(host), nativeSeen: new Map(), bareLookupDirs: new Map(), plainFiles: new Map(), onWarning }
  }

  /** The memoised file access the graph reads through. */
  get host(): MemoHost {
    return this.#host
  }

  /** Every space, `root` included, by name. */
  get spaces(): ReadonlyMap<string, NormalizedSpace> {
    return this.config.spaces
  }

  /** One space's settings; throws `MODSPACE_UNKNOWN_SPACE` with a did-you-mean. */
  space(name: string): NormalizedSpace {
    const space = this.config.spaces.get(name)
    if (space) return space
    const guess = didYouMean(name, this.config.spaces.keys())
    throw new ModspaceError(ErrorCodes.UNKNOWN_SPACE, `there is no space named ${JSON.stringify(name)}.`, {
      ...(this.config.configFile ? { file: this.config.configFile } : {}),
      expected: `one of: ${[...this.config.spaces.keys()].join(', ')}`,
      fix: guess ? `did you mean "${guess}"?` : 'add it under `spaces` in the config',
    })
  }

  /**
   * Which space owns the module `specifier` imported from `importer` in `space`, and which file it is.
   * Throws a `ModspaceError` when nothing resolves it; returns `kind: 'blocked'` for an import an override forbids.
   */
  resolve(request: ResolveRequest): ResolveResult {
    const space = this.space(request.space)
    const importer = request.importer === undefined ? undefined : absolute(request.importer, space.root)
    const importerDir = importer === undefined ? space.root : parentDir(importer)
    const kind = request.kind ?? 'import'
    const { conditions, key: conditionsKey } = this.#conditions(request.conditions ?? this.config.conditions, kind)
    const fullySpecified = request.fullySpecified ?? kind === 'import'
    const key = `${importerDir}\0${request.specifier}\0${conditionsKey}\0${fullySpecified}`
    let answers = this.#cache.get(space.name)
    const hit = answers?.get(key)
    if (hit) return hit
    if (!answers) {
      this.#cache.set(space.name, (answers = new Map()))
      this.#forgotten.delete(space.name)
    }
    // Node resolves from the importer's real path: a folder reached through a symlink would otherwise lie outside its
    // space's (real) root and lose the space's own lookups.
    const fromDir = this.#host.realpath(importerDir) ?? importerDir
    const ctx = {
      specifier: request.specifier,
      importer,
      conditions,
      fullySpecified,
      trace: [],
      warnings: [],
      searched: [],
      reasons: [],
    }
    const found = resolveInSpace(this.#env, space, fromDir, ctx)
    const result: ResolveResult = { ...found, trace: ctx.trace, ...(ctx.warnings.length ? { warnings: ctx.warnings } : {}) }
    const log = logger()
    if (log?.enabled) log('%s %s from %s → %s %s (%s)', space.name, request.specifier, importer ?? space.root, result.space, result.id, result.kind)
    answers.set(key, result)
    return result
  }

  /**
   * The conditions of a request and their cache key, made once per conditions array and kind: adapters pass the same
   * array for every request of a build, and joining it for each one was a measurable part of a resolution. The array's
   * items are compared with those remembered, so that an array changed in place is not answered from the old ones.
   */
  #conditions(base: readonly string[], kind: 'import' | 'require'): ConditionSet {
    let byKind = this.#conditionSets.get(base)
    if (!byKind) this.#conditionSets.set(base, (byKind = {}))
    let set = byKind[kind]
    if (!set || !sameItems(set.base, base)) {
      const conditions = requestConditions(base, kind)
      set = byKind[kind] = { base: [...base], conditions, key: conditions.join(',') }
    }
    return set
  }

  /** The decision for `request` as readable text: every step, with the versions and ranges compared. Never throws a `ModspaceError`. */
  explain(request: ResolveRequest, options: ExplainOptions = {}): string {
    try {
      return formatExplanation(request, this.resolve(request), undefined, options)
    } catch (error) {
      if (!(error instanceof ModspaceError)) throw error
      return formatExplanation(request, undefined, error, options)
    }
  }

  /**
   * The space an entry file belongs to when nothing says otherwise: the space whose root holds it most deeply,
   * `root` when none does. Every adapter uses this for a user's own entries, so that they agree.
   */
  spaceForFile(file: string): string {
    const path = this.#host.realpath(file) ?? file
    let best = ROOT_SPACE
    let depth = -1
    for (const space of this.config.spaces.values()) {
      if (space.name === ROOT_SPACE || !isInside(path, space.root)) continue
      if (space.root.length > depth) {
        best = space.name
        depth = space.root.length
      }
    }
    return best
  }

  /** Forget every remembered file read and answer. */
  clearCache(): void {
    this.#forgetAnswers()
    this.#env.nativeSeen.clear()
  }

  /**
   * Gives back what was remembered for one space, as an adapter does when the space is disposed: its answers at once,
   * and the file reads and lookups under its root that no live space shares at the next sweep of those shared caches
   * (a pass over all of them, made once as many spaces wait for it as are live, so that disposing spaces one by one
   * costs no pass per space). The graph still answers for the space afterwards, reading again. Once every space but
   * `root` is forgotten, every file read and answer goes; what spaces reached of native packages stays, so that a
   * conflict with a copy already loaded is still found.
   */
  forgetSpace(name: string): void {
    this.forgetSpaces([name])
  }

  /** `forgetSpace` for several spaces at once: at most one sweep for all of them. */
  forgetSpaces(names: Iterable<string>): void {
    for (const name of names) {
      this.space(name)
      this.#cache.delete(name)
      this.#forgotten.add(name)
      this.#unswept.add(name)
    }
    const live = [...this.config.spaces.values()].filter((s) => s.name !== ROOT_SPACE && !this.#forgotten.has(s.name))
    if (live.length === 0) return this.#forgetAnswers()
    if (this.#unswept.size >= live.length) this.#sweep(live)
  }

  /** Drops what the forgotten spaces waiting for a sweep remembered in the caches all spaces share. */
  #sweep(live: readonly NormalizedSpace[]): void {
    const owners = new Set(this.#unswept)
    this.#unswept.clear()
    for (const key of this.#env.plainFiles.keys()) if (owners.has(key.slice(0, key.indexOf('\0')))) this.#env.plainFiles.delete(key)
    // Reads under a root are shared with any live space over the same folders (or folders inside them).
    const roots = new Set<string>()
    for (const name of owners) {
      const root = this.config.spaces.get(name)!.root
      if (name !== ROOT_SPACE && !live.some((s) => isInside(s.root, root))) roots.add(root)
    }
    if (roots.size === 0) return
    this.#env.files.forget(roots)
    for (const key of this.#env.bareLookupDirs.keys()) if (roots.has(key.slice(0, key.indexOf('\0')))) this.#env.bareLookupDirs.delete(key)
    this.#host.forget(roots)
  }

  #forgetAnswers(): void {
    this.#unswept.clear()
    this.#cache.clear()
    this.#host.clear()
    this.#env.files.clear()
    this.#env.bareLookupDirs.clear()
    this.#env.plainFiles.clear()
  }
}

interface ConditionSet {
  base: readonly string[]
  conditions: string[]
  key: string
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Validates `config` (throwing a `ModspaceError` with its config path) and builds the graph. */
export function createGraph(config: ModspaceConfig, options: CreateGraphOptions = {}): SpaceGraph {
  const host = createMemoHost(options.host ?? createNodeHost())
  const baseDir = resolvePath(options.cwd ?? (options.configFile ? dirname(options.configFile) : process.cwd()))
  const normalized = normalizeConfig(config, { baseDir, host, ...(options.configFile ? { configFile: options.configFile } : {}) })
  return new SpaceGraph(normalized, host, options.onWarning ?? ((message) => console.warn(message)))
}

/** An importer as a path: a `file:` URL is decoded (`%20` is a space), a relative path is relative to the space's root. */
function absolute(path: string, base: string): string {
  if (path.startsWith('file:')) return fileURLToPath(path)
  if (!isAbsolute(path)) return resolvePath(base, path)
  // Normalised only when it needs it (`//`, `.` segments, a trailing slash): most importers are clean already.
  return /\/\/|\/\.\.?(?:\/|$)|.\/$/.test(path) ? resolvePath(path) : path
}
