import { resolve as resolvePath } from 'node:path'
import { createGraph, loadGraph, ROOT_SPACE, type ModspaceConfig, type SpaceGraph } from '@modspace/core'
import { diskCacheFor, type CompileCacheSetting } from './cache/cache-settings.js'
import { ModuleSpace } from './module-space.js'
import { SpaceRuntime } from './space-runtime.js'

export interface CreateSpacesOptions {
  /** Folder that a config path, or the paths inside a config object, are relative to. @default process.cwd() */
  cwd?: string
  /** Called for the core's warnings (a native conflict under `onConflict: 'warn'`). @default console.warn */
  onWarning?: (message: string) => void
  /**
   * The persistent compile cache (transformed ES modules, V8 code caches): `false` turns it off, `{ dir, maxSizeMiB }`
   * moves or bounds it. `MODSPACE_CACHE=0` or `MODSPACE_CACHE=<dir>` in the environment comes first.
   * @default { dir: 'node_modules/.cache/modspace' } beside the nearest package.json at or above `cwd`
   */
  cache?: CompileCacheSetting
}

/** The spaces of one config, live. Iterating gives every space but `root` (which `get('root')` gives: the host). */
export class Spaces implements Iterable<ModuleSpace> {
  readonly #runtime: SpaceRuntime

  /** @internal */
  constructor(runtime: SpaceRuntime) {
    this.#runtime = runtime
  }

  /** The resolved space graph (for `explain()`, `resolve()`, ...). */
  get graph(): SpaceGraph {
    return this.#runtime.graph
  }

  /** The space of that name; throws `MODSPACE_UNKNOWN_SPACE` (with a did-you-mean) for any other. */
  get(name: string): ModuleSpace {
    return this.#runtime.space(name)
  }

  has(name: string): boolean {
    return this.#runtime.graph.spaces.has(name)
  }

  *[Symbol.iterator](): Iterator<ModuleSpace> {
    for (const space of this.#runtime.spaces()) if (space.name !== ROOT_SPACE) yield space
  }

  /** Disposes every space: their module instances can be collected. */
  async dispose(): Promise<void> {
    await this.#runtime.disposeAll()
  }
}

/**
 * Reads a config (a file, a folder holding `modspace.config.*`, or a config object) and makes its spaces. Every config
 * error is thrown here, before any module runs.
 */
export async function createSpaces(config: string | ModspaceConfig, options: CreateSpacesOptions = {}): Promise<Spaces> {
  const graphOptions = options.onWarning ? { onWarning: options.onWarning } : {}
  const cwd = options.cwd ?? process.cwd()
  const file = typeof config === 'string' ? resolvePath(cwd, config) : undefined
  const graph = file ? await loadGraph(file, graphOptions) : createGraph(config as ModspaceConfig, { cwd, ...graphOptions })
  const runtime = new SpaceRuntime(graph, { config: file ?? config, cwd, cache: options.cache }, diskCacheFor(options.cache, cwd))
  for (const name of graph.spaces.keys()) ModuleSpace.attach(runtime, name)
  return new Spaces(runtime)
}
