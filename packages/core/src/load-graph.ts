import { loadConfig } from './config/load-config.js'
import { createGraph, type CreateGraphOptions, type SpaceGraph } from './space-graph.js'

/** `loadConfig` then `createGraph`, with paths relative to the config file. */
export async function loadGraph(fileOrDir?: string, options: Omit<CreateGraphOptions, 'configFile' | 'cwd'> = {}): Promise<SpaceGraph> {
  const { config, file } = await loadConfig(fileOrDir)
  return createGraph(config, { ...options, configFile: file })
}
