import { ROOT_SPACE, entryMissingError, type SpaceGraph } from '@modspace/core'
import type { Compilation, Compiler, WebpackError } from 'webpack'
import type { NormalModuleFactory } from './factorize-without-externals.js'

export interface SpaceEntry {
  /** `<space>/<entry>`: the chunk name, so `[name].js` puts each space's entries in a folder of its own. */
  name: string
  space: string
  /** The key in the space's `entries`. */
  entry: string
  file: string
}

/** Every space's `entries`, in config order. */
export function spaceEntries(graph: SpaceGraph): SpaceEntry[] {
  const list: SpaceEntry[] = []
  for (const space of graph.spaces.values()) {
    if (space.name === ROOT_SPACE) continue
    for (const [entry, file] of Object.entries(space.entries)) list.push({ name: `${space.name}/${entry}`, space: space.name, entry, file })
  }
  return list
}

/**
 * webpack registers the factory for entry dependencies only when its own config has entries; a build whose only
 * entries are the spaces' needs it too.
 */
export function registerEntryFactory(compiler: Compiler, compilation: Compilation, factory: NormalModuleFactory): void {
  const EntryDependency = compiler.webpack.EntryPlugin.createDependency('', {}).constructor as Parameters<Compilation['dependencyFactories']['set']>[0]
  if (!compilation.dependencyFactories.has(EntryDependency)) compilation.dependencyFactories.set(EntryDependency, factory)
}

/**
 * The entries whose files exist. A missing one is a build error naming its `spaces.<space>.entries.<name>` (the
 * bundler alone would say it cannot resolve the path), and its file is watched, so that creating it rebuilds.
 */
export function presentEntries(compilation: Compilation, graph: SpaceGraph): SpaceEntry[] {
  return spaceEntries(graph).filter(({ space, entry, file }) => {
    if (graph.host.stat(file)?.isFile) return true
    compilation.errors.push(entryMissingError(graph, space, entry, file) as unknown as WebpackError)
    compilation.missingDependencies.add(file)
    return false
  })
}

/** Adds the entries to the compilation, each in its space's layer (`presentEntries`). */
export function addSpaceEntries(compiler: Compiler, compilation: Compilation, graph: SpaceGraph): Promise<void> {
  const { EntryPlugin } = compiler.webpack
  return Promise.all(
    presentEntries(compilation, graph).map(
      ({ name, space, file }) =>
        new Promise<void>((resolve, reject) => {
          const dependency = EntryPlugin.createDependency(file, { name })
          compilation.addEntry(compiler.context, dependency, { name, layer: space }, (error) => (error ? reject(error) : resolve()))
        }),
    ),
  ).then(() => undefined)
}
