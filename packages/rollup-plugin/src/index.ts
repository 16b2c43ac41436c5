import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute, join, resolve as resolvePath, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  ErrorCodes,
  ROOT_SPACE,
  blockedImportError,
  isModspaceError,
  missingEntry,
  nativeInBrowserError,
  type ManifestInput,
  type ModspaceConfig,
  type ModspaceError,
  type ResolveRequest,
  type ResolveResult,
  type SpaceGraph,
} from '@modspace/core'
import createDebug from 'debug'
import type { FunctionPluginHooks, InputOptions, OutputOptions, Plugin, PluginContext, ResolveIdResult, ResolvedId } from 'rollup'
import { SCRIPT_IDS, serveCommonJs } from './dev-commonjs.js'
import { bundlerName, versionProblem, viteDevFile, viteTarget } from './host-bundler.js'
import { importerChain } from './importer-chain.js'
import { loadSpaceGraph } from './load-space-graph.js'
import { NATIVE_PREFIX, nativeLoaderSource } from './native-loader.js'
import { outputManifest } from './output-manifest.js'
import { pluginError } from './plugin-error.js'
import { pluginOrderProblems } from './plugin-order.js'
import { isHostGuess, isRequire, type ResolveOptions } from './request-kind.js'
import { sanitizeWithSpaces } from './sanitize-file-name.js'
import { rootRelativeSkipFilter, type TopLevelFilter } from './skip-filter.js'
import { parseSpaceId, spaceId, withoutExtensionSuffix } from './space-id.js'
import { withSpaceEntries } from './space-entries.js'

export { inSpace } from './space-id.js'

const debug = createDebug('modspace:rollup-plugin')
const PLUGIN_NAME = 'modspace'
/** The ids `load` answers (a hook filter: rolldown and Rollup 4.38+ skip the call for others; the handler checks again). */
const LOADED_IDS = [/\?modspace=/, new RegExp(`^${NATIVE_PREFIX}`)]
/** A `transform` filter that matches no id: bundlers read CommonJS themselves, and skip the hook for every module. */
const NO_ID = /(?!)/
const { peerDependencies } = createRequire(import.meta.url)('../package.json') as { peerDependencies: { rollup: string; rolldown: string } }

/** A hook object whose filter is set once known (any host's filter shape), with a handler that may answer at once or later. */
interface FilteredHook<K extends 'resolveId' | 'transform'> {
  filter?: unknown
  handler: (
    this: ThisParameterType<FunctionPluginHooks[K]>,
    ...args: Parameters<FunctionPluginHooks[K]>
  ) => ReturnType<FunctionPluginHooks[K]> | Promise<ReturnType<FunctionPluginHooks[K]>>
}

export interface ModspaceRollupOptions {
  /**
   * The modspace config: a config file, a folder holding `modspace.config.*`, or the config object itself
   * (its relative paths are then relative to `cwd`).
   * @default the folder `cwd`
   */
  config?: string | ModspaceConfig
  /**
   * Folder that relative `config` paths, relative inputs and a config object's paths are relative to.
   * @default process.cwd()
   */
  cwd?: string
  /**
   * File name of the manifest asset written beside the output (what was put where, by space), or `false` for none.
   * @default 'modspace-manifest.json'
   */
  manifest?: string | false
  /**
   * What the bundle runs on. `node`: builtins and native addons stay external. `browser`: a native addon is a build
   * error, and node-resolve may pick a file inside the package the core chose (the `browser` field).
   * @default under Vite, 'browser' for the client and 'node' for SSR; else 'browser' when every output's format is `iife` or `umd`, and 'node' otherwise
   */
  target?: 'node' | 'browser'
  /**
   * Add each space's `entries` as inputs named `<space>/<entry>` (an input of your own for the same file keeps its name).
   * @default true
   */
  entries?: boolean
  /**
   * Export conditions the core resolves with (`import`/`require` is added per request).
   * @default the config's `conditions`; for a browser target `browser` replaces `node`
   */
  conditions?: string[]
  /**
   * Require full file names in `import` as Node's ESM loader does. Set `false` for sources written for bundlers
   * (`import './util'`).
   * @default true for `import`, false for `require`, as in Node
   */
  fullySpecified?: boolean
}

export default function modspace(options: ModspaceRollupOptions = {}): Plugin & { enforce: 'pre'; configureServer: () => void } {
  const cwd = resolvePath(options.cwd ?? process.cwd())
  const manifestName = options.manifest ?? 'modspace-manifest.json'
  let target = options.target
  let graph: SpaceGraph | undefined
  let conditions: string[] | undefined
  /** Rollup id → what the core said about it: the manifest lists those the output holds. */
  const resolved = new Map<string, ManifestInput>()
  /** The imports rolldown resolves without asking (see `rootRelativeSkipFilter`), once the graph allows it. */
  let skipFilter: TopLevelFilter[] | undefined
  /** Files handed to `addWatchFile` in this build: each call is a crossing into the bundler (a native one in rolldown). */
  const watched = new Set<string>()
  /** Set by Vite's dev server (its own hook, before any module is served): CommonJS is then the plugin's to serve. */
  let devServer = false

  const record = (id: string, result: ResolveResult, file = result.id): string => {
    resolved.set(id, { space: result.space, id: file, kind: result.kind, package: result.package })
    return id
  }

  /** Watches `file` once per build, and only in watch mode: a one-off build watches nothing. */
  function watchFile(ctx: Pick<PluginContext, 'addWatchFile' | 'meta'>, file: string): void {
    if (!ctx.meta.watchMode || watched.has(file)) return
    watched.add(file)
    ctx.addWatchFile(file)
  }

  function fail(ctx: Pick<PluginContext, 'error'>, error: ModspaceError): never {
    return ctx.error(pluginError(error, PLUGIN_NAME))
  }

  /** The graph, loaded once (again after the config file changed); a config error fails the build with its code. */
  async function spaceGraph(ctx: Pick<PluginContext, 'error' | 'warn'>): Promise<SpaceGraph> {
    try {
      graph ??= await loadSpaceGraph(options.config, cwd, (message) => ctx.warn(message))
      return graph
    } catch (error) {
      if (isModspaceError(error)) fail(ctx, error)
      throw error
    }
  }

  function resolveWithCore(request: ResolveRequest): ResolveResult | ModspaceError {
    try {
      return graph!.resolve({ ...request, ...(conditions ? { conditions } : {}), ...(options.fullySpecified === undefined ? {} : { fullySpecified: options.fullySpecified }) })
    } catch (error) {
      if (isModspaceError(error)) return error
      throw error
    }
  }

  async function resolveInput(ctx: PluginContext, source: string, resolveOptions: ResolveOptions): Promise<ResolveIdResult> {
    const { file: written, space: named } = parseSpaceId(source)
    let file = resolvePath(cwd, written)
    if (!existsSync(file)) {
      const other = await ctx.resolve(written, undefined, { skipSelf: true, ...resolveOptions })
      if (!other || other.external || !isAbsolute(other.id)) return other
      file = other.id
    }
    const space = named ?? graph!.spaceForFile(file)
    const result = resolveWithCore({ space, specifier: file })
    if (!('kind' in result)) return fail(ctx, result)
    return record(spaceId(result.id, space), result)
  }

  /** For a browser target, node-resolve may pick another file of the package the core chose (its `browser` field). */
  async function browserRefinement(ctx: PluginContext, source: string, importer: string, resolveOptions: ResolveOptions, result: ResolveResult): Promise<ResolvedId | string | undefined> {
    if (!result.package) return undefined
    const other = await ctx.resolve(source, importer, { skipSelf: true, ...resolveOptions }).catch(() => null)
    if (!other || other.external) return undefined
    // Vite's dev server versions a file under node_modules (`?v=<hash>`): the file is what is compared and kept.
    const file = wrappedFile(other.id).replace(/\?v=[^?&]*$/, '')
    if (!isAbsolute(file)) return other // a virtual module, such as node-resolve's empty stand-in for `"browser": { "x": false }`
    return file.startsWith(result.package.root + sep) ? file : undefined
  }

  /**
   * What another plugin answered for an import the core found nothing for: a virtual module, or, for a relative
   * specifier, a file that a source plugin maps (TypeScript's `./x.js` → `x.ts`), owned like every relative import by
   * the importer's space. Anything else would disagree with the space graph: node-resolve's guesses (it also hands its
   * file back through this plugin, hence `modspace` among the resolvers refused) and other copies of a package.
   * Plugins that rewrite specifiers (alias) go before modspace, so that the core is asked the rewritten one.
   */
  function fromAnotherPlugin(other: ResolvedId, request: ResolveRequest): ResolvedId | string | undefined {
    const file = wrappedFile(other.id)
    if (!isAbsolute(file)) return other
    if (!request.specifier.startsWith('.') || isHostGuess(other, file, PLUGIN_NAME)) return undefined
    return record(spaceId(file, request.space), { space: request.space, id: file, kind: 'file', trace: [] })
  }

  /** Answers without a promise when no other resolver is asked: rolldown then spares a round trip per import. */
  function resolveImport(ctx: PluginContext, source: string, importer: string, resolveOptions: ResolveOptions): ResolveIdResult | Promise<ResolveIdResult> {
    const from = parseSpaceId(importer)
    const request: ResolveRequest = {
      space: from.space ?? ROOT_SPACE,
      specifier: source,
      importer: from.file,
      kind: isRequire(resolveOptions) ? 'require' : 'import',
    }
    const result = resolveWithCore(request)
    if (!('kind' in result)) return notFoundByCore(ctx, importer, request, result, resolveOptions)
    switch (result.kind) {
      case 'blocked':
        return fail(ctx, blockedImportError(request, result))
      case 'builtin':
        if (target === 'browser') return ctx.resolve(source, importer, { skipSelf: true, ...resolveOptions }).then((other) => other ?? null)
        record(result.id, result)
        return { id: result.id, external: true }
      case 'native':
        if (target === 'browser') return fail(ctx, nativeInBrowserError(request, result, importerChain(ctx, importer, cwd)))
        // rolldown keeps a CommonJS `require` of an external a `require` (Rollup's commonjs makes it an ES import): Node's
        // `require` takes the path, not a URL, and the path stays absolute: the output runs beside the installed addon.
        if (request.kind === 'require' && resolveOptions.kind !== undefined) return { id: record(result.id, result), external: 'absolute' }
        if (result.id.endsWith('.node')) return record(NATIVE_PREFIX + result.id, result)
        // A file URL, not the path: the same file may also be a module of the bundle (an entry in its own right).
        return { id: record(pathToFileURL(result.id).href, result), external: true }
      default: {
        // Its package.json holds the ranges parent-first compares: editing it alone must rebuild in watch mode.
        if (result.package) watchFile(ctx, join(result.package.root, 'package.json'))
        if (target !== 'browser') return record(spaceId(result.id, result.space), result)
        return browserRefinement(ctx, source, importer, resolveOptions, result).then((refined) => {
          if (refined !== undefined && typeof refined !== 'string') return refined
          return record(spaceId(refined ?? result.id, result.space), result, refined ?? result.id)
        })
      }
    }
  }

  /** The core found nothing: another plugin's virtual module or mapped source file, or else the core's error. */
  async function notFoundByCore(ctx: PluginContext, importer: string, request: ResolveRequest, error: ModspaceError, resolveOptions: ResolveOptions): Promise<ResolveIdResult> {
    if (error.code === ErrorCodes.NOT_FOUND) {
      // A resolver that refuses too (Vite's throws for a subpath `exports` hides) leaves the core's error, which says more.
      const other = await ctx.resolve(request.specifier, importer, { skipSelf: true, ...resolveOptions }).catch(() => null)
      const taken = other && !other.external ? fromAnotherPlugin(other, request) : undefined
      if (taken !== undefined) return taken
    }
    return fail(ctx, error)
  }

  /**
   * What the core says of a root module rolldown resolved without asking (`skipFilter`), for the manifest. The core
   * finds the same file in `root`; only a symlink in the importer's folder to a native package's file could make it
   * answer otherwise, and that file, then in the bundle where the core would keep it external, is said in a warning.
   */
  function rootFileAnswer(ctx: Pick<PluginContext, 'warn'>, id: string): ManifestInput | undefined {
    if (skipFilter === undefined || !isAbsolute(id)) return undefined
    const result = resolveWithCore({ space: ROOT_SPACE, specifier: id })
    if (!('kind' in result)) return undefined
    if (result.space !== ROOT_SPACE || result.id !== id || (result.kind !== 'file' && result.kind !== 'override')) {
      ctx.warn(`${id} was bundled as a module of root, but modspace resolves it as ${result.kind} ${result.id} (space ${result.space}): import it by its package name.`)
    }
    return { space: result.space, id: result.id, kind: result.kind, package: result.package }
  }

  /** An external id this plugin answered before (a builtin, a native package's file URL), or `null`. */
  function ownExternal(source: string): ResolveIdResult {
    const kind = resolved.get(source)?.kind
    return kind === 'builtin' || kind === 'native' ? { id: source, external: true } : null
  }

  /**
   * Hook filters follow the config and the host, so they are set on the hook objects once known. Assigned, not read
   * through a getter: Vite's build wraps each hook in a copy of its own (`{ ...hook, handler }`) and passes an
   * assignment to `filter` on to its copies, and rolldown reads a filter after the `options` hook.
   */
  const resolveIdHook: FilteredHook<'resolveId'> = {
    handler(written, importer, resolveOptions) {
      if (written.startsWith('\0')) return null
      const source = viteDevFile(this, written, existsSync) ?? written
      if (importer === undefined) return resolveInput(this, source, resolveOptions)
      // An id this plugin made, asked again (commonjs proxies import resolved ids): it is already final. A root
      // module's pinned id (`pinnedId`, written by the dev server's CommonJS wrapper) is its plain id.
      if (isAbsolute(source)) {
        const { file, space } = parseSpaceId(source)
        if (space === ROOT_SPACE) return file
        if (space !== undefined) return source
      }
      // Other plugins' virtual modules are theirs to resolve, except for the externals this plugin made: commonjs's
      // proxy for a `require`d native package imports the file URL this plugin answered.
      if (importer.startsWith('\0')) return ownExternal(source)
      return resolveImport(this, source, importer, resolveOptions)
    },
  }
  const transformHook: FilteredHook<'transform'> = {
    filter: { id: NO_ID },
    async handler(code, id) {
      if (!devServer || id.startsWith('\0')) return null
      return serveCommonJs(this, code, id)
    },
  }

  return {
    name: PLUGIN_NAME,
    // Vite: before its own resolver (which would answer every import itself); Rollup and rolldown ignore this.
    enforce: 'pre',

    configureServer() {
      devServer = true
      transformHook.filter = { id: SCRIPT_IDS }
    },

    async options(inputOptions: InputOptions) {
      // Rollup's CLI and `watch()` pass the config's `output` along with the input options: the target follows it.
      const outputs = [(inputOptions as { output?: OutputOptions | OutputOptions[] }).output ?? []].flat()
      const browserOnly = outputs.length > 0 && outputs.every((o) => o.format === 'iife' || o.format === 'umd')
      target = options.target ?? (browserOnly ? 'browser' : 'node')
      const spaces = await spaceGraph(this)
      // rolldown reads hook filters after this hook, so the filter can follow the config.
      skipFilter = 'rolldownVersion' in this.meta ? rootRelativeSkipFilter(spaces) : undefined
      resolveIdHook.filter = skipFilter
      if (options.entries === false) return null
      // Said here, by its config path: left to Rollup, a missing entry is an unresolved `<file>?modspace=<space>`.
      const missing = missingEntry(spaces)
      if (missing) fail(this, missing)
      return { ...inputOptions, input: withSpaceEntries(spaces, inputOptions.input, cwd) }
    },

    async buildStart(inputOptions) {
      const outOfRange = versionProblem(this.meta, peerDependencies)
      if (outOfRange) fail(this, outOfRange)
      // Vite's dev server passes no plugin list (its order is its own).
      for (const problem of pluginOrderProblems(inputOptions.plugins ?? [], PLUGIN_NAME)) this.error(problem)
      target = options.target ?? viteTarget(this) ?? target ?? 'node'
      watched.clear()
      const { config } = await spaceGraph(this)
      if (config.configFile) watchFile(this, config.configFile)
      conditions = options.conditions ?? (target === 'browser' ? ['browser', ...config.conditions.filter((c) => c !== 'node')] : undefined)
    },

    resolveId: resolveIdHook as Plugin['resolveId'],

    load: {
      // Only this plugin's ids: rolldown then reads every other file itself, without a call into JavaScript for each.
      filter: { id: LOADED_IDS },
      handler(id) {
        if (id.startsWith(NATIVE_PREFIX)) return nativeLoaderSource(id.slice(NATIVE_PREFIX.length))
        if (id.startsWith('\0')) return null
        const { file, space } = parseSpaceId(id)
        if (space === undefined) return null
        // Rollup watches module ids; a tagged id is no file, so the real one is watched instead.
        watchFile(this, file)
        // Read at once: small source files are faster read synchronously than through the thread pool, one hop each.
        return readFileSync(file, 'utf8')
      },
    },

    transform: transformHook as Plugin['transform'],

    /**
     * Rollup reuses an unchanged module with the imports it resolved last time; after a change (a package.json, a
     * newly installed copy) the space graph may answer differently, so each import is asked again and a module whose
     * answer moved is transformed afresh, which resolves its imports anew.
     */
    shouldTransformCachedModule: {
      // First, and `null` rather than `false` when nothing moved: a `false` would end the hook for the plugins after
      // (commonjs asks its own `require`s again the same way).
      order: 'pre',
      async handler({ id, resolvedSources }) {
        if (id.startsWith('\0')) return null
        for (const [source, before] of Object.entries(resolvedSources)) {
          // `skipSelf: false`: Rollup 4 skips the asking plugin by default, and this plugin's answer is the one to check.
          const now = await this.resolve(source, id, { attributes: before.attributes, isEntry: false, skipSelf: false })
          if (!now || Boolean(now.external) !== Boolean(before.external)) return true
          // An external's id comes back normalised (a file URL as the specifier): externals are compared by kind only.
          if (!now.external && now.id !== before.id) return true
        }
        return null
      },
    },

    watchChange(id) {
      debug('changed: %s', id)
      if (id === graph?.config.configFile) graph = undefined
      else graph?.clearCache()
    },

    outputOptions(outputOptions) {
      const userTransform = outputOptions.sourcemapPathTransform
      return {
        ...outputOptions,
        sanitizeFileName: sanitizeWithSpaces(outputOptions.sanitizeFileName),
        // Source maps name `plugins/a/main.mjs?modspace=a`: the file and its space, without the extension suffix.
        sourcemapPathTransform: (source: string, map: string) => {
          const readable = withoutExtensionSuffix(source)
          return userTransform ? userTransform(readable, map) : readable
        },
      }
    },

    generateBundle() {
      if (manifestName === false || !graph) return
      const manifest = outputManifest(this, bundlerName(this.meta), resolved, graph.config.baseDir, (id) => rootFileAnswer(this, id))
      this.emitFile({ type: 'asset', fileName: manifestName, source: `${JSON.stringify(manifest, null, 2)}\n` })
    },
  }
}

export { modspace }

/**
 * The file behind an id another plugin answered: commonjs (listed before modspace) wraps what node-resolve found in
 * `\0<file>?commonjs-<kind>`. Not absolute: a virtual module of some plugin.
 */
function wrappedFile(id: string): string {
  return parseSpaceId(id.replace(/^\0/, '').replace(/\?commonjs-[a-z-]+$/, '')).file
}
