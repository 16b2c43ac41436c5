import { resolve as resolvePath } from 'node:path'
import { createGraph, loadConfig, type ModspaceConfig, type SpaceGraph } from '@modspace/core'

export interface LoadedGraph {
  graph: SpaceGraph
  /** The config file, when the config came from one: webpack watches it. */
  configFile: string | undefined
}

/**
 * The graph for the plugin's `config` option. A path or folder is relative to webpack's `context`; a config object's
 * paths are relative to `context` as well, since there is no file to be relative to.
 */
export async function loadSpaceGraph(config: string | ModspaceConfig | undefined, context: string, onWarning: (message: string) => void): Promise<LoadedGraph> {
  // The core reads through Node's fs, not webpack's input file system: measured, its own memoised host is faster cold.
  const options = { onWarning }
  if (config !== undefined && typeof config === 'object') {
    return { graph: createGraph(config, { ...options, cwd: context }), configFile: undefined }
  }
  const loaded = await loadConfig(resolvePath(context, config ?? '.'))
  return { graph: createGraph(loaded.config, { ...options, configFile: loaded.file }), configFile: loaded.file }
}
