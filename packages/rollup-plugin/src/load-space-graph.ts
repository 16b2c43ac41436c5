import { resolve as resolvePath } from 'node:path'
import { createGraph, loadGraph, type ModspaceConfig, type SpaceGraph } from '@modspace/core'

/** The graph for the plugin's `config` option: a config file, a folder holding one, or the config object itself. */
export async function loadSpaceGraph(config: string | ModspaceConfig | undefined, cwd: string, onWarning: (message: string) => void): Promise<SpaceGraph> {
  if (config !== undefined && typeof config === 'object') return createGraph(config, { cwd, onWarning })
  return loadGraph(resolvePath(cwd, config ?? '.'), { onWarning })
}
